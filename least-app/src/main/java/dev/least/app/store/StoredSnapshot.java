package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An imported snapshot: its checksum (SHA-256 over the folder's files), where it came from, and the
 * normalized data later steps need (input counts and the {@code least.yaml} settings, as JSON).
 */
public record StoredSnapshot(
    long id,
    long tenantId,
    String checksum,
    String source,
    Instant capturedAt,
    Instant importedAt,
    String importedBy,
    String inputsJson,
    String settingsJson) {
  public StoredSnapshot {
    requireNonNull(checksum, "checksum");
    requireNonNull(source, "source");
    requireNonNull(capturedAt, "capturedAt");
    requireNonNull(importedAt, "importedAt");
    requireNonNull(importedBy, "importedBy");
    requireNonNull(inputsJson, "inputsJson");
    requireNonNull(settingsJson, "settingsJson");
    if (!checksum.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("checksum must be 64 hex digits but was " + checksum);
    }
  }
}
