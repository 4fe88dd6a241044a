package dev.least.connector.generate;

import dev.least.model.TenantSnapshot;
import dev.least.policy.SignInEvaluator;

/**
 * Builds each platform's policy engine for the generated directory, so that every per-policy result
 * the generator logs is the engine's own verdict. The snapshot passed in has the directory, roles,
 * named locations / zones and policies of the plan, and an empty sign-in log.
 */
public interface PolicyEngines {
  /** The Conditional Access engine for the snapshot's Entra policies. */
  SignInEvaluator entra(TenantSnapshot directory);

  /** The Okta sign-on / access policy engine for the snapshot's Okta policies. */
  SignInEvaluator okta(TenantSnapshot directory);
}
