package dev.least.connector.snapshot;

import dev.least.model.TenantSnapshot;
import dev.least.source.FileStat;
import dev.least.source.IdentityJoin;
import java.util.List;

/**
 * A read snapshot plus what reading it took: per-file statistics, quarantine count and the HR join.
 */
public record SnapshotReadResult(
    TenantSnapshot snapshot,
    List<FileStat> files,
    long quarantined,
    IdentityJoin.Result join,
    long nanos) {
  public SnapshotReadResult {
    files = List.copyOf(files);
  }
}
