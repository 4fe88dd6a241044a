package dev.least.app.cli;

import dev.least.connector.generate.OktaSessionEvaluator;
import dev.least.connector.generate.PolicyEngines;
import dev.least.model.TenantSnapshot;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.okta.OktaSignOnEvaluator;

/** The real policy engines for {@code least generate}: every logged result is theirs. */
final class VendorPolicyEngines implements PolicyEngines {
  @Override
  public SignInEvaluator entra(TenantSnapshot directory) {
    throw new UnsupportedOperationException(
        "the Conditional Access engine is not in this build yet");
  }

  @Override
  public SignInEvaluator okta(TenantSnapshot directory) {
    return new OktaSessionEvaluator(OktaSignOnEvaluator.of(directory));
  }
}
