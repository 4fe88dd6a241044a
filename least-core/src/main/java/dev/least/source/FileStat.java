package dev.least.source;

import static java.util.Objects.requireNonNull;

/**
 * What reading one file produced.
 *
 * @param kind what the file holds, e.g. {@code users}, {@code signIns}, {@code workers}
 * @param nanos wall time spent reading it
 */
public record FileStat(
    String file, String kind, long bytes, long records, long quarantined, long nanos) {
  public FileStat {
    requireNonNull(file, "file");
    requireNonNull(kind, "kind");
  }
}
