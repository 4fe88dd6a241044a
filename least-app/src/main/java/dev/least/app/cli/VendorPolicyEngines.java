package dev.least.app.cli;

import dev.least.connector.generate.PolicyEngines;
import dev.least.model.TenantSnapshot;
import dev.least.policy.SignInEvaluator;

/** The real policy engines for {@code least generate}: every logged result is theirs. */
final class VendorPolicyEngines implements PolicyEngines {
  @Override
  public SignInEvaluator entra(TenantSnapshot directory) {
    throw new UnsupportedOperationException(
        "the Conditional Access engine is not in this build yet");
  }

  @Override
  public SignInEvaluator okta(TenantSnapshot directory) {
    throw new UnsupportedOperationException("the Okta policy engine is not in this build yet");
  }
}
