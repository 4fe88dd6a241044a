package dev.least.app.api;

import dev.least.app.store.Ranking;
import dev.least.app.store.RecommendationSummary;
import dev.least.app.store.StoredRecommendation;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recommendation as the API shows it: workflow fields, plus the engine's full JSON ({@code
 * recommendation}) in detail views. {@code version} goes back in transition requests. {@code
 * confidence} is the engine's; {@code adjustedConfidence} the feedback model's adjustment of it
 * when the recommendation was stored, {@code rankScore} = adjusted confidence × risk weight (the
 * list's order), and {@code adjustment} (detail views) explains the adjustment.
 */
public record RecommendationView(
    long id,
    String key,
    long tenantId,
    long runId,
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
    String state,
    int version,
    String requestedBy,
    Instant updatedAt,
    @Nullable List<String> approvers,
    @Nullable JsonNode adjustment,
    @Nullable JsonNode recommendation) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static RecommendationView summary(RecommendationSummary r) {
    return of(r, null, null, null);
  }

  static RecommendationView detail(
      StoredRecommendation r, List<String> approvers, @Nullable Ranking ranking) {
    String adjustment = ranking == null ? null : ranking.adjustmentJson();
    return of(
        r.summary(ranking),
        approvers,
        adjustment == null ? null : JSON.readTree(adjustment),
        JSON.readTree(r.bodyJson()));
  }

  private static RecommendationView of(
      RecommendationSummary r,
      @Nullable List<String> approvers,
      @Nullable JsonNode adjustment,
      @Nullable JsonNode body) {
    return new RecommendationView(
        r.id(),
        r.key(),
        r.tenantId(),
        r.runId(),
        r.type(),
        r.platform(),
        r.risk(),
        r.confidence(),
        r.adjustedConfidence(),
        r.rankScore(),
        r.mode(),
        r.targetKind(),
        r.targetId(),
        r.targetName(),
        r.state().wire(),
        r.version(),
        r.requestedBy(),
        r.updatedAt(),
        approvers,
        adjustment,
        body);
  }
}
