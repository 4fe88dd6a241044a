package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import dev.least.app.workflow.RecommendationState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One state change of a recommendation ({@code from} is absent for the proposal itself). */
public record RecommendationEvent(
    long id,
    long recommendationId,
    @Nullable RecommendationState from,
    RecommendationState to,
    String actor,
    Instant at,
    @Nullable String comment) {
  public RecommendationEvent {
    requireNonNull(to, "to");
    requireNonNull(actor, "actor");
    requireNonNull(at, "at");
  }
}
