package dev.least.connector.snapshot;

import static java.util.Objects.requireNonNull;

import dev.least.connector.json.JsonLines;
import dev.least.model.SignInLog;
import dev.least.parallel.Tasks;
import dev.least.source.FileStat;
import dev.least.source.QuarantineSink;
import dev.least.source.QuarantinedRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * What a vendor reader needs while reading one snapshot: the root folder, where bad records go,
 * where per-file statistics go, and where sign-in log files are read ({@link #readLog}, {@link
 * #readLogLines}). Used by one thread at a time.
 *
 * <p>With an executor, sign-in log files (and large JSON Lines files cut into ranges at line ends)
 * are read on its threads, each part into its own {@link SignInLog.Builder} with its own part
 * context; {@link #finishLogs()} then joins the parts in submission order. Everything the readers
 * report meanwhile (quarantined records, file statistics) is kept in the same order, so the
 * snapshot, the quarantine file and the statistics are exactly those of reading everything in order
 * on one thread; line numbers of a range are shifted by the lines of the ranges before it. Without
 * an executor every part is read at once on the calling thread, straight into its target.
 */
public final class ReadContext {
  static final int MAX_RAW = 64 * 1024;

  /** Ranges are not cut smaller than this (unless the largest range allowed is smaller). */
  static final long MIN_PART_BYTES = 8L << 20;

  /** Default largest range: bounds the memory of parts waiting to be joined. */
  public static final long MAX_PART_BYTES = 128L << 20;

  /** Reads a whole file (or any non-splittable input) into {@code out}. */
  @FunctionalInterface
  public interface LogPart {
    void read(ReadContext part, SignInLog.Builder out);
  }

  /**
   * Reads one range of an uncompressed JSON Lines file into {@code out}, numbering lines from 1 at
   * the range's start; returns the number of complete lines in the range.
   */
  @FunctionalInterface
  public interface LogRange {
    long read(ReadContext part, JsonLines.ByteRange range, SignInLog.Builder out);
  }

  private final Path root;
  private final QuarantineSink sink;
  private final @Nullable ExecutorService executor;
  private final int threads;
  private final long maxPartBytes;
  private final List<FileStat> files = new ArrayList<>();
  private long quarantined;
  private long unknownValues;

  /** Work submitted and not yet joined, in submission order (parent contexts only). */
  private final List<Pending> pending = new ArrayList<>();

  /** Records reported while parts are pending: emitted after them, in order. */
  private @Nullable Direct direct;

  public ReadContext(Path root, QuarantineSink sink) {
    this(root, sink, null, 1, MAX_PART_BYTES);
  }

  /**
   * A context that reads sign-in log parts on {@code executor} ({@code threads} of them, used to
   * size the ranges), cutting JSON Lines files into ranges of at most {@code maxPartBytes} (and
   * about a quarter of a file per thread); a {@code null} executor reads on the calling thread.
   */
  public ReadContext(
      Path root,
      QuarantineSink sink,
      @Nullable ExecutorService executor,
      int threads,
      long maxPartBytes) {
    this.root = requireNonNull(root, "root");
    this.sink = requireNonNull(sink, "sink");
    this.executor = executor;
    this.threads = Math.max(1, threads);
    if (maxPartBytes < 1) {
      throw new IllegalArgumentException("maxPartBytes must be positive");
    }
    this.maxPartBytes = maxPartBytes;
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
    QuarantinedRecord r = new QuarantinedRecord(relative(file), line, reason, kept);
    if (pending.isEmpty()) {
      sink.accept(r);
    } else {
      direct().records.add(r);
    }
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
    FileStat stat =
        new FileStat(
            relative(file),
            kind,
            bytes,
            records,
            quarantinedInFile,
            nanos,
            skipped,
            unknownValuesInFile);
    if (pending.isEmpty()) {
      files.add(stat);
    } else {
      direct().files.add(stat);
    }
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

  /** Records quarantined so far (parts still being read not included). */
  public long quarantined() {
    return quarantined;
  }

  public List<FileStat> files() {
    return List.copyOf(files);
  }

  /** Reads one sign-in log file (as a whole) into {@code out}, now or on the executor. */
  public void readLog(LogPart part, SignInLog.Builder out) {
    if (executor == null) {
      part.read(this, out);
      return;
    }
    ReadContext ctx = partContext();
    SignInLog.Builder builder = SignInLog.builder();
    Future<Long> f =
        executor.submit(
            () -> {
              part.read(ctx, builder);
              return 0L;
            });
    List<@Nullable Part> parts = new ArrayList<>(1);
    parts.add(new Part(ctx, builder, f));
    pending.add(new Parts(parts, out));
    direct = null;
  }

  /**
   * Reads an uncompressed JSON Lines sign-in log into {@code out}: with an executor, cut into
   * ranges at line ends that are read in parallel and joined in order, as if read at once.
   */
  public void readLogLines(Path file, LogRange reader, SignInLog.Builder out) {
    List<JsonLines.ByteRange> ranges;
    try {
      long size = Files.size(file);
      long per =
          Math.min(
              maxPartBytes,
              Math.max(Math.min(MIN_PART_BYTES, maxPartBytes), size / (threads * 4L)));
      int n = executor == null ? 1 : (int) Math.max(1, Math.min(4096, (size + per - 1) / per));
      ranges = JsonLines.split(file, n);
    } catch (IOException e) {
      throw new SnapshotException(relative(file), "cannot read: " + e.getMessage(), e);
    }
    if (executor == null) {
      reader.read(this, ranges.get(0), out);
      return;
    }
    List<@Nullable Part> parts = new ArrayList<>(ranges.size());
    for (JsonLines.ByteRange range : ranges) {
      ReadContext ctx = partContext();
      SignInLog.Builder builder = SignInLog.builder();
      parts.add(new Part(ctx, builder, executor.submit(() -> reader.read(ctx, range, builder))));
    }
    pending.add(new Parts(parts, out));
    direct = null;
  }

  /**
   * Waits for every submitted part and joins them, in submission order, with what was reported in
   * between. Rethrows the failure of the first part that failed (a {@link SnapshotException} as
   * thrown); the parts after it are cancelled.
   */
  public void finishLogs() {
    try {
      for (Pending p : pending) {
        if (p instanceof Parts parts) {
          join(parts);
        } else if (p instanceof Direct d) {
          d.records.forEach(sink::accept);
          files.addAll(d.files);
        }
      }
    } finally {
      for (Pending p : pending) {
        if (p instanceof Parts parts) {
          for (Part part : parts.parts) {
            if (part != null) {
              part.result.cancel(true);
            }
          }
        }
      }
      pending.clear();
      direct = null;
    }
  }

  private void join(Parts parts) {
    long lineOffset = 0;
    FileStat combined = null;
    for (int k = 0; k < parts.parts.size(); k++) {
      Part part = requireNonNull(parts.parts.get(k));
      parts.parts.set(k, null); // joined: its columns, pools and records can go
      long lines = Tasks.result(part.result, "reading the sign-in logs");
      for (QuarantinedRecord r : part.ctx.partRecords()) {
        sink.accept(new QuarantinedRecord(r.file(), r.line() + lineOffset, r.reason(), r.raw()));
      }
      lineOffset += lines;
      quarantined += part.ctx.quarantined;
      unknownValues += part.ctx.unknownValues;
      parts.out.append(part.builder);
      for (FileStat f : part.ctx.files) {
        combined = combined == null ? f : combine(combined, f);
      }
    }
    if (combined != null) {
      files.add(combined);
    }
  }

  /** Two ranges of one file: counts add up; the time is the sum of the ranges' reading times. */
  private static FileStat combine(FileStat a, FileStat b) {
    return new FileStat(
        a.file(),
        a.kind(),
        a.bytes(),
        a.records() + b.records(),
        a.quarantined() + b.quarantined(),
        a.nanos() + b.nanos(),
        a.skipped() + b.skipped(),
        a.unknownValues() + b.unknownValues());
  }

  private ReadContext partContext() {
    return new ReadContext(root, new Buffer(), null, 1, maxPartBytes);
  }

  private List<QuarantinedRecord> partRecords() {
    return ((Buffer) sink).records;
  }

  private Direct direct() {
    if (direct == null) {
      direct = new Direct();
      pending.add(direct);
    }
    return direct;
  }

  private sealed interface Pending permits Parts, Direct {}

  /** The parts of one file and where they go. */
  private record Parts(List<@Nullable Part> parts, SignInLog.Builder out) implements Pending {}

  private record Part(ReadContext ctx, SignInLog.Builder builder, Future<Long> result) {}

  /** What the reader reported directly while parts were pending. */
  private static final class Direct implements Pending {
    final List<QuarantinedRecord> records = new ArrayList<>();
    final List<FileStat> files = new ArrayList<>();
  }

  /** A part context's quarantine: kept until the part is joined. */
  private static final class Buffer implements QuarantineSink {
    final List<QuarantinedRecord> records = new ArrayList<>();

    @Override
    public void accept(QuarantinedRecord r) {
      records.add(r);
    }
  }
}
