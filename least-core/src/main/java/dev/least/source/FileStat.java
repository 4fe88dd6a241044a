package dev.least.source;

import static java.util.Objects.requireNonNull;

/**
 * What reading one file produced.
 *
 * @param kind what the file holds, e.g. {@code users}, {@code signIns}, {@code workers}
 * @param nanos wall time spent reading it
 * @param skipped well-formed records deliberately not used, e.g. System Log events that are not
 *     sign-ins (neither records nor quarantined)
 * @param unknownValues enum values the reader did not know and kept as {@code UNKNOWN}/{@code
 *     OTHER}
 */
public record FileStat(
    String file,
    String kind,
    long bytes,
    long records,
    long quarantined,
    long nanos,
    long skipped,
    long unknownValues) {
  public FileStat {
    requireNonNull(file, "file");
    requireNonNull(kind, "kind");
  }

  /** A file with nothing skipped and no unknown values. */
  public FileStat(
      String file, String kind, long bytes, long records, long quarantined, long nanos) {
    this(file, kind, bytes, records, quarantined, nanos, 0, 0);
  }
}
