package dev.least.connector.snapshot;

import static java.util.Objects.requireNonNull;

import dev.least.source.FileStat;
import dev.least.source.QuarantineSink;
import dev.least.source.QuarantinedRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a vendor reader needs while reading one snapshot: the root folder, where bad records go, and
 * where per-file statistics go. Not thread-safe.
 */
public final class ReadContext {
  static final int MAX_RAW = 64 * 1024;

  private final Path root;
  private final QuarantineSink sink;
  private final List<FileStat> files = new ArrayList<>();
  private long quarantined;
  private long unknownValues;

  public ReadContext(Path root, QuarantineSink sink) {
    this.root = requireNonNull(root, "root");
    this.sink = requireNonNull(sink, "sink");
  }

  public Path root() {
    return root;
  }

  /** {@code file} relative to the root, with forward slashes, for messages and statistics. */
  public String relative(Path file) {
    Path rel = file.startsWith(root) ? root.relativize(file) : file;
    return rel.toString().replace('\\', '/');
  }

  /** Quarantines one record. {@code raw} is cut to 64 KiB. */
  public void quarantine(Path file, long line, String reason, String raw) {
    String kept = raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) : raw;
    sink.accept(new QuarantinedRecord(relative(file), line, reason, kept));
    quarantined++;
  }

  /** Quarantines one JSON Lines record given as UTF-8 bytes. */
  public void quarantine(Path file, long line, String reason, byte[] buf, int off, int len) {
    int n = Math.min(len, MAX_RAW);
    quarantine(file, line, reason, new String(buf, off, n, StandardCharsets.UTF_8));
  }

  /** Records what reading one file produced. */
  public void recordFile(Path file, String kind, long records, long quarantinedInFile, long nanos) {
    recordFile(file, kind, records, quarantinedInFile, 0, 0, nanos);
  }

  /**
   * Records what reading one file produced, with the records deliberately skipped (well-formed but
   * not used, e.g. System Log events that are not sign-ins) and the unknown enum values kept.
   */
  public void recordFile(
      Path file,
      String kind,
      long records,
      long quarantinedInFile,
      long skipped,
      long unknownValuesInFile,
      long nanos) {
    long bytes;
    try {
      bytes = Files.size(file);
    } catch (java.io.IOException e) {
      bytes = -1;
    }
    files.add(
        new FileStat(
            relative(file),
            kind,
            bytes,
            records,
            quarantinedInFile,
            nanos,
            skipped,
            unknownValuesInFile));
  }

  /**
   * Counts one enum value the reader did not know (kept as {@code UNKNOWN}); the snapshot contract
   * says such values are kept and counted.
   */
  public void countUnknownValue() {
    unknownValues++;
  }

  /** Unknown enum values counted so far, over all files. */
  public long unknownValues() {
    return unknownValues;
  }

  public long quarantined() {
    return quarantined;
  }

  public List<FileStat> files() {
    return List.copyOf(files);
  }
}
