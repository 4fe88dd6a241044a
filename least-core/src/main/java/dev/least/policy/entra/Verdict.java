package dev.least.policy.entra;

/**
 * Three-valued truth of one condition for one sign-in: it holds, it does not, or the sign-in record
 * does not say. Combined with Kleene logic, so a definite {@link #NO_MATCH} anywhere in a
 * conjunction decides it even when other parts are unknown.
 */
public enum Verdict {
  MATCH,
  NO_MATCH,
  UNKNOWN;

  public static Verdict of(boolean b) {
    return b ? MATCH : NO_MATCH;
  }

  public Verdict and(Verdict other) {
    if (this == NO_MATCH || other == NO_MATCH) {
      return NO_MATCH;
    }
    if (this == UNKNOWN || other == UNKNOWN) {
      return UNKNOWN;
    }
    return MATCH;
  }

  public Verdict or(Verdict other) {
    if (this == MATCH || other == MATCH) {
      return MATCH;
    }
    if (this == UNKNOWN || other == UNKNOWN) {
      return UNKNOWN;
    }
    return NO_MATCH;
  }

  public Verdict not() {
    return switch (this) {
      case MATCH -> NO_MATCH;
      case NO_MATCH -> MATCH;
      case UNKNOWN -> UNKNOWN;
    };
  }
}
