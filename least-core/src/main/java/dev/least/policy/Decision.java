package dev.least.policy;

/**
 * The access decision for one sign-in after all enforced policies: allowed, blocked, allowed only
 * once further controls are met (e.g. an MFA prompt), or not decidable from what is known.
 */
public enum Decision {
  ALLOW,
  BLOCK,
  REQUIRE_CONTROLS,
  NOT_EVALUABLE
}
