package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import dev.least.app.workflow.RecommendationState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A recommendation as the server keeps it: the columns lists filter on, the workflow state with its
 * optimistic-locking {@code version}, and the full recommendation JSON ({@code bodyJson}, one
 * element of the recommendations document). {@code key} is the engine's stable id ({@code rec-…});
 * {@code id} the server's.
 */
public record StoredRecommendation(
    long id,
    long runId,
    long tenantId,
    String key,
    String type,
    String platform,
    String risk,
    double confidence,
    String mode,
    String targetKind,
    String targetId,
    @Nullable String targetName,
    RecommendationState state,
    int version,
    String requestedBy,
    Instant createdAt,
    Instant updatedAt,
    String bodyJson,
    @Nullable String appliedPatch) {
  public StoredRecommendation {
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
    requireNonNull(bodyJson, "bodyJson");
  }

  /** A recommendation from its list columns, full JSON and recorded patch. */
  public static StoredRecommendation of(
      RecommendationSummary s, String bodyJson, @Nullable String appliedPatch) {
    return new StoredRecommendation(
        s.id(),
        s.runId(),
        s.tenantId(),
        s.key(),
        s.type(),
        s.platform(),
        s.risk(),
        s.confidence(),
        s.mode(),
        s.targetKind(),
        s.targetId(),
        s.targetName(),
        s.state(),
        s.version(),
        s.requestedBy(),
        s.createdAt(),
        s.updatedAt(),
        bodyJson,
        appliedPatch);
  }

  /**
   * The list columns of this recommendation with its stored ranking ({@code null}: stored without
   * one, {@link Ranking#unadjusted}).
   */
  public RecommendationSummary summary(@Nullable Ranking ranking) {
    Ranking k = ranking != null ? ranking : Ranking.unadjusted(confidence, risk);
    return new RecommendationSummary(
        id,
        runId,
        tenantId,
        key,
        type,
        platform,
        risk,
        confidence,
        k.adjustedConfidence(),
        k.rankScore(),
        mode,
        targetKind,
        targetId,
        targetName,
        state,
        version,
        requestedBy,
        createdAt,
        updatedAt);
  }
}
