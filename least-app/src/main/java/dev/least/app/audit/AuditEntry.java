package dev.least.app.audit;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What an audit row records about one state change: who did what to which entity, the states before
 * and after, and the provenance of the decision (snapshot checksum, engine and model version) with
 * the actor's rationale.
 */
public record AuditEntry(
    String actor,
    String action,
    String entityType,
    String entityId,
    @Nullable String fromState,
    @Nullable String toState,
    @Nullable String snapshotChecksum,
    @Nullable String engineVersion,
    @Nullable String modelVersion,
    @Nullable String rationale) {
  public AuditEntry {
    requireNonNull(actor, "actor");
    requireNonNull(action, "action");
    requireNonNull(entityType, "entityType");
    requireNonNull(entityId, "entityId");
    if (actor.isBlank() || action.isBlank()) {
      throw new IllegalArgumentException("actor and action must not be blank");
    }
  }
}
