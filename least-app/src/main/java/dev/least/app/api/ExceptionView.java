package dev.least.app.api;

import dev.least.app.store.StoredException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A policy exception as the API shows it. {@code risk} has the score, band, one entry per feature
 * (weight, value, points, evidence) and the routing; {@code version} goes back in transition
 * requests.
 */
public record ExceptionView(
    long id,
    long tenantId,
    long snapshotId,
    String platform,
    String policyId,
    String policyName,
    @Nullable String ruleId,
    String subjectId,
    String subjectLogin,
    String requester,
    String reason,
    int durationDays,
    String state,
    int version,
    double riskScore,
    String riskBand,
    String route,
    @Nullable String decider,
    @Nullable String decidedBy,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant activatedAt,
    @Nullable Instant expiresAt,
    JsonNode risk) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static ExceptionView of(StoredException e) {
    return new ExceptionView(
        e.id(),
        e.tenantId(),
        e.snapshotId(),
        e.platform(),
        e.policyId(),
        e.policyName(),
        e.ruleId(),
        e.subjectId(),
        e.subjectLogin(),
        e.requester(),
        e.reason(),
        e.durationDays(),
        e.state().wire(),
        e.version(),
        e.riskScore(),
        e.riskBand(),
        e.route(),
        e.decider(),
        e.decidedBy(),
        e.createdAt(),
        e.updatedAt(),
        e.activatedAt(),
        e.expiresAt(),
        JSON.readTree(e.riskJson()));
  }
}
