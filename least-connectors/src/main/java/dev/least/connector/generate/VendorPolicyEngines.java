package dev.least.connector.generate;

import dev.least.model.NamedLocation;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.okta.OktaSignOnEvaluator;
import java.util.ArrayList;
import java.util.List;

/**
 * The real policy engines: Entra's {@link ConditionalAccessEvaluator} and Okta's {@link
 * OktaSignOnEvaluator} (told the session's factors). Every per-policy result the generator logs is
 * theirs.
 */
public final class VendorPolicyEngines implements PolicyEngines {
  @Override
  public SignInEvaluator entra(TenantSnapshot directory) {
    List<NamedLocation> locations = new ArrayList<>();
    for (NamedLocation l : directory.locations()) {
      if (l.source() == Source.ENTRA) {
        locations.add(l);
      }
    }
    return new ConditionalAccessEvaluator(directory.conditionalAccessPolicies(), locations);
  }

  @Override
  public SignInEvaluator okta(TenantSnapshot directory) {
    return new OktaSessionEvaluator(OktaSignOnEvaluator.of(directory));
  }
}
