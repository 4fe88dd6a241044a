package dev.least.connector.snapshot;

import dev.least.model.TenantSettings;
import dev.least.model.TenantSnapshot;
import dev.least.source.FileStat;
import dev.least.source.IdentityJoin;
import java.util.List;

/**
 * A read snapshot (with its {@code least.yaml} settings) plus what reading it took: per-file
 * statistics, quarantine count and the HR join.
 */
public record SnapshotReadResult(
    TenantSnapshot snapshot,
    TenantSettings settings,
    List<FileStat> files,
    long quarantined,
    IdentityJoin.Result join,
    long nanos) {
  public SnapshotReadResult {
    files = List.copyOf(files);
  }
}
