package dev.least.policyexception;

import java.util.Locale;

/**
 * The features an exception's risk is scored from, each valued in [0, 1] and weighted; the weights
 * add up to 100, so the score is in [0, 100]. docs/server.md, "Policy exceptions", has the table.
 */
public enum ExceptionFeature {
  /**
   * The subject holds a privileged directory role (Entra {@code isPrivileged} or Global
   * Administrator; Okta: a member of a group whose name contains "admin"): 1; another directory
   * role: 0.5; none: 0.
   */
  PRIVILEGED_ROLES(25),
  /** How much the policy protects ({@link PolicyCriticality}): high 1, medium 0.6, low 0.3. */
  POLICY_CRITICALITY(20),
  /** The highest sign-in risk level in the subject's log window: high 1, medium 0.6, low 0.3. */
  USER_RISK(15),
  /** The same over the last 7 days before the snapshot was captured. */
  RECENT_SIGN_IN_RISK(10),
  /** Requested days / 90, at most 1. */
  DURATION(15),
  /** Other people holding an exception from the same policy, / 10, at most 1. */
  PEERS(10),
  /** The subject's earlier exceptions that expired or were revoked, / 3, at most 1. */
  HISTORY(5);

  private final int weight;

  ExceptionFeature(int weight) {
    this.weight = weight;
  }

  /** Points the feature adds at value 1. */
  public int weight() {
    return weight;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
