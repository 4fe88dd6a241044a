package dev.least.app.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a recommendation is in its life. Legal moves: proposed → approved | rejected | deferred;
 * deferred → proposed (reopened); approved → applying → applied | failed; applied | failed →
 * rolled_back. Rejected and rolled_back are final.
 */
public enum RecommendationState {
  PROPOSED,
  APPROVED,
  REJECTED,
  DEFERRED,
  APPLYING,
  APPLIED,
  FAILED,
  ROLLED_BACK;

  private static final RecommendationState[] ALL = values();

  private final String wire = name().toLowerCase(Locale.ROOT);

  /** The states this one may move to. */
  public Set<RecommendationState> next() {
    switch (this) {
      case PROPOSED:
        return EnumSet.of(APPROVED, REJECTED, DEFERRED);
      case DEFERRED:
        return EnumSet.of(PROPOSED);
      case APPROVED:
        return EnumSet.of(APPLYING);
      case APPLYING:
        return EnumSet.of(APPLIED, FAILED);
      case APPLIED:
      case FAILED:
        return EnumSet.of(ROLLED_BACK);
      case REJECTED:
      case ROLLED_BACK:
        return EnumSet.noneOf(RecommendationState.class);
    }
    throw new AssertionError(this);
  }

  public boolean canMoveTo(RecommendationState to) {
    return next().contains(to);
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  /** Parses a wire name ({@code rolled_back}); unknown names fail naming the value. */
  public static RecommendationState fromWire(String wire) {
    for (RecommendationState s : ALL) {
      if (s.wire.equals(wire)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "Expected a state such as proposed, approved, rolled_back but was '" + wire + "'");
  }
}
