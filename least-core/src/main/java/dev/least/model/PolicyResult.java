package dev.least.model;

import org.jspecify.annotations.Nullable;

/**
 * One policy's result as the vendor's log records it. Entra: {@code
 * appliedConditionalAccessPolicies[].result}. Okta: the outcome of the {@code
 * policy.evaluate_sign_on} event (ALLOW, DENY, CHALLENGE) for the matched policy and rule.
 */
public enum PolicyResult {
  SUCCESS("success"),
  FAILURE("failure"),
  NOT_APPLIED("notApplied"),
  NOT_ENABLED("notEnabled"),
  REPORT_ONLY_SUCCESS("reportOnlySuccess"),
  REPORT_ONLY_FAILURE("reportOnlyFailure"),
  REPORT_ONLY_NOT_APPLIED("reportOnlyNotApplied"),
  REPORT_ONLY_INTERRUPTED("reportOnlyInterrupted"),
  ALLOW("ALLOW"),
  DENY("DENY"),
  CHALLENGE("CHALLENGE"),
  UNKNOWN("unknown");

  private final String wire;

  PolicyResult(String wire) {
    this.wire = wire;
  }

  /** The vendor's spelling. */
  public String wire() {
    return wire;
  }

  /** Parses the vendor spelling (case-insensitive); anything else is UNKNOWN. */
  public static PolicyResult parse(@Nullable String value) {
    if (value != null) {
      for (PolicyResult r : values()) {
        if (r.wire.equalsIgnoreCase(value)) {
          return r;
        }
      }
    }
    return UNKNOWN;
  }
}
