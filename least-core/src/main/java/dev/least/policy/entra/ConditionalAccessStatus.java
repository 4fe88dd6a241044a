package dev.least.policy.entra;

/** The sign-in level {@code conditionalAccessStatus}, plus UNKNOWN when not reconstructible. */
public enum ConditionalAccessStatus {
  SUCCESS("success"),
  FAILURE("failure"),
  NOT_APPLIED("notApplied"),
  UNKNOWN("unknown");

  private final String wire;

  ConditionalAccessStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /**
   * Which reading of the documentation derives the status (open question Q2 of the reference).
   * {@link #USER_AND_APP_MATCH} is the documented text ("Even though a Conditional Access policy
   * might not apply, if it was evaluated, the Conditional Access status shows Success"); {@link
   * #ANY_ENFORCED_SUCCESS} is the community reading. Only enabled policies count in both.
   */
  public enum Rule {
    USER_AND_APP_MATCH,
    ANY_ENFORCED_SUCCESS
  }
}
