package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import dev.least.app.workflow.ExceptionState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A policy exception as the server keeps it: who is excluded from which policy (Okta: and rule),
 * asked by whom, why and for how long; its state with the optimistic-locking {@code version}; the
 * risk score with its breakdown ({@code riskJson}); the route and who must decide ({@code decider}:
 * the manager's e-mail for {@code manager}); and the recorded patch and its revert.
 */
public record StoredException(
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
    ExceptionState state,
    int version,
    double riskScore,
    String riskBand,
    String riskJson,
    String route,
    @Nullable String decider,
    @Nullable String decidedBy,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant activatedAt,
    @Nullable Instant expiresAt,
    String patchJson,
    String revertPatchJson) {
  public StoredException {
    requireNonNull(platform, "platform");
    requireNonNull(policyId, "policyId");
    requireNonNull(policyName, "policyName");
    requireNonNull(subjectId, "subjectId");
    requireNonNull(subjectLogin, "subjectLogin");
    requireNonNull(requester, "requester");
    requireNonNull(reason, "reason");
    requireNonNull(state, "state");
    requireNonNull(riskBand, "riskBand");
    requireNonNull(riskJson, "riskJson");
    requireNonNull(route, "route");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
    requireNonNull(patchJson, "patchJson");
    requireNonNull(revertPatchJson, "revertPatchJson");
  }
}
