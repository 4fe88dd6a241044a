package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import dev.least.app.workflow.RecommendationState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A recommendation as lists show it: every column of {@link StoredRecommendation} except the full
 * JSON and the recorded patch, which lists never read (at 1M rows they are most of the table's
 * bytes, stored out of line), nor the feedback model's explanation (detail views read it through
 * {@link RecommendationRepository#rankings}). {@code adjustedConfidence} and {@code rankScore} are
 * the stored ranking (the list's default order).
 */
public record RecommendationSummary(
    long id,
    long runId,
    long tenantId,
    String key,
    String type,
    String platform,
    String risk,
    double confidence,
    double adjustedConfidence,
    double rankScore,
    String mode,
    String targetKind,
    String targetId,
    @Nullable String targetName,
    RecommendationState state,
    int version,
    String requestedBy,
    Instant createdAt,
    Instant updatedAt) {
  public RecommendationSummary {
    requireNonNull(key, "key");
    requireNonNull(type, "type");
    requireNonNull(platform, "platform");
    requireNonNull(risk, "risk");
    requireNonNull(mode, "mode");
    requireNonNull(targetKind, "targetKind");
    requireNonNull(targetId, "targetId");
    requireNonNull(state, "state");
    requireNonNull(requestedBy, "requestedBy");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
  }
}
