package dev.least.policy.entra;

/** The assignments and conditions of a Conditional Access policy, in evaluation order. */
public enum Condition {
  STATE("state"),
  USERS("users"),
  APPLICATIONS("applications"),
  CLIENT_APPS("clientAppTypes"),
  PLATFORMS("platforms"),
  LOCATIONS("locations"),
  SIGN_IN_RISK("signInRiskLevels"),
  USER_RISK("userRiskLevels"),
  DEVICE_FILTER("deviceFilter"),
  UNSUPPORTED("unsupportedConditions");

  private final String label;

  Condition(String label) {
    this.label = label;
  }

  /** The Graph property name, used in reasons. */
  public String label() {
    return label;
  }
}
