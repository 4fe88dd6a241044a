package dev.least.policy.okta;

/**
 * Three-valued result of a condition, rule or policy test: matched, not matched, or not decidable
 * from what is known (the simulation API's {@code UNDEFINED}).
 */
public enum Match {
  MATCH,
  NO_MATCH,
  UNKNOWN;

  /** Kleene conjunction: any NO_MATCH wins, then any UNKNOWN. */
  public Match and(Match other) {
    if (this == NO_MATCH || other == NO_MATCH) {
      return NO_MATCH;
    }
    if (this == UNKNOWN || other == UNKNOWN) {
      return UNKNOWN;
    }
    return MATCH;
  }

  /** Kleene disjunction: any MATCH wins, then any UNKNOWN. */
  public Match or(Match other) {
    if (this == MATCH || other == MATCH) {
      return MATCH;
    }
    if (this == UNKNOWN || other == UNKNOWN) {
      return UNKNOWN;
    }
    return NO_MATCH;
  }

  public Match not() {
    return switch (this) {
      case MATCH -> NO_MATCH;
      case NO_MATCH -> MATCH;
      case UNKNOWN -> UNKNOWN;
    };
  }

  public static Match of(boolean value) {
    return value ? MATCH : NO_MATCH;
  }
}
