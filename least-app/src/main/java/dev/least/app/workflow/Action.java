package dev.least.app.workflow;

import java.util.Locale;

/**
 * What a person asks for. {@link #APPLY} records the approved patch (approved → applying →
 * applied): sending it to the vendor arrives with the live connectors, so nothing is sent yet.
 */
public enum Action {
  APPROVE(RecommendationState.APPROVED, Role.APPROVER, false),
  REJECT(RecommendationState.REJECTED, Role.APPROVER, true),
  DEFER(RecommendationState.DEFERRED, Role.ANALYST, false),
  REOPEN(RecommendationState.PROPOSED, Role.ANALYST, false),
  APPLY(RecommendationState.APPLYING, Role.APPROVER, false),
  FAIL(RecommendationState.FAILED, Role.APPROVER, true),
  ROLLBACK(RecommendationState.ROLLED_BACK, Role.APPROVER, true);

  private final RecommendationState target;
  private final Role minimumRole;
  private final boolean needsComment;

  Action(RecommendationState target, Role minimumRole, boolean needsComment) {
    this.target = target;
    this.minimumRole = minimumRole;
    this.needsComment = needsComment;
  }

  public RecommendationState target() {
    return target;
  }

  public Role minimumRole() {
    return minimumRole;
  }

  /** Rejecting, failing and rolling back need a reason. */
  public boolean needsComment() {
    return needsComment;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Action fromWire(String wire) {
    for (Action a : values()) {
      if (a.wire().equals(wire)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "Expected an action approve, reject, defer, reopen, apply, fail or rollback but was '"
            + wire
            + "'");
  }
}
