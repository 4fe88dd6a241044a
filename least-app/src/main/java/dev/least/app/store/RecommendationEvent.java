package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import dev.least.app.workflow.RecommendationState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One state change of a recommendation ({@code from} is absent for the proposal itself); {@code
 * reasonCode} is the feedback reason of an approval or rejection.
 */
public record RecommendationEvent(
    long id,
    long recommendationId,
    @Nullable RecommendationState from,
    RecommendationState to,
    String actor,
    Instant at,
    @Nullable String comment,
    @Nullable String reasonCode) {
  public RecommendationEvent {
    requireNonNull(to, "to");
    requireNonNull(actor, "actor");
    requireNonNull(at, "at");
  }
}
