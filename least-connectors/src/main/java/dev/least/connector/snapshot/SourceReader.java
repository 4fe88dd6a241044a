package dev.least.connector.snapshot;

/**
 * Reads one vendor folder of a snapshot ({@code entra/}, {@code okta/}, {@code hr/}) into the
 * accumulator. Absent files are skipped (the folder may be partial); bad records go to the
 * context's quarantine; a file that cannot be read at all throws {@link SnapshotException}.
 */
@FunctionalInterface
public interface SourceReader {
  void read(ReadContext ctx, SnapshotAccumulator acc);
}
