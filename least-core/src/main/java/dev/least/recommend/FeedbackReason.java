package dev.least.recommend;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Why a person accepted or rejected a recommendation: the reason-code vocabulary of the feedback
 * loop. Each code says how much the decision counts as an acceptance and as a rejection of the kind
 * of recommendation ({@link FeedbackModel}).
 */
public enum FeedbackReason {
  /** Approved: the recommendation was right and wanted. Counts as one acceptance. */
  ACCEPTED(1.0, 0.0),
  /**
   * Rejected: the finding is wrong (the access is used, the account is not stale…). One rejection.
   */
  FALSE_POSITIVE(0.0, 1.0),
  /**
   * Rejected: the finding is right but the business needs the access. Half a rejection: it says
   * less about the engine's precision than a false positive.
   */
  BUSINESS_NEED(0.0, 0.5),
  /**
   * Rejected: someone already fixed it. Says nothing about the recommendation; counts as nothing.
   */
  ALREADY_HANDLED(0.0, 0.0),
  /** Rejected without a code. One rejection. */
  UNSPECIFIED(0.0, 1.0);

  private final double acceptance;
  private final double rejection;

  FeedbackReason(double acceptance, double rejection) {
    this.acceptance = acceptance;
    this.rejection = rejection;
  }

  /** How much the decision counts as an acceptance. */
  public double acceptance() {
    return acceptance;
  }

  /** How much the decision counts as a rejection. */
  public double rejection() {
    return rejection;
  }

  /** True for the approval code, false for the rejection codes. */
  public boolean accepts() {
    return this == ACCEPTED;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire code; null means {@code fallback}. */
  public static FeedbackReason fromWire(@Nullable String wire, FeedbackReason fallback) {
    if (wire == null || wire.isBlank()) {
      return fallback;
    }
    for (FeedbackReason r : values()) {
      if (r.wire().equals(wire.trim())) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "Expected a reason code accepted, false_positive, business_need, already_handled or"
            + " unspecified but was '"
            + wire
            + "'");
  }
}
