package dev.least.source;

import static java.util.Objects.requireNonNull;

/**
 * A record that could not be read, kept with where it came from and why.
 *
 * @param file path relative to the snapshot root, e.g. {@code entra/auditLogs/signIns.jsonl}
 * @param line 1-based line where the record starts (1 for whole-file JSON records without a known
 *     line)
 * @param reason what was wrong, naming the field, e.g. {@code createdDateTime: unparsable time
 *     'yesterday'}
 * @param raw the record text (truncated to 64 KiB)
 */
public record QuarantinedRecord(String file, long line, String reason, String raw) {
  public QuarantinedRecord {
    requireNonNull(file, "file");
    requireNonNull(reason, "reason");
    requireNonNull(raw, "raw");
  }
}
