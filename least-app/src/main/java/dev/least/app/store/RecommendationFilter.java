package dev.least.app.store;

import dev.least.app.workflow.RecommendationState;
import org.jspecify.annotations.Nullable;

/** List filters; an absent value does not filter. */
public record RecommendationFilter(
    @Nullable String tenant,
    @Nullable String type,
    @Nullable String platform,
    @Nullable RecommendationState state,
    @Nullable String risk) {
  public static RecommendationFilter none() {
    return new RecommendationFilter(null, null, null, null, null);
  }
}
