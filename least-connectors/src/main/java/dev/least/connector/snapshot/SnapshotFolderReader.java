package dev.least.connector.snapshot;

import dev.least.connector.entra.EntraSnapshotReader;
import dev.least.connector.hr.HrWorkersReader;
import dev.least.connector.okta.OktaSnapshotReader;
import dev.least.model.Manifest;
import dev.least.parallel.Tasks;
import dev.least.source.QuarantineSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads a snapshot folder (contract: shared/contracts/snapshot-format.md) into a {@link
 * dev.least.model.TenantSnapshot}. The vendor readers are registered explicitly, in reading order.
 */
public final class SnapshotFolderReader {

  private final List<SourceReader> readers;
  private final int threads;
  private final long maxPartBytes;

  /** Reads with {@code readers} on the calling thread only. */
  public SnapshotFolderReader(List<SourceReader> readers) {
    this(readers, 1);
  }

  /**
   * Reads with {@code readers}; sign-in log files (large JSON Lines files cut into ranges) are read
   * on {@code threads} threads when that is more than one. The result is the same either way.
   */
  public SnapshotFolderReader(List<SourceReader> readers, int threads) {
    this(readers, threads, ReadContext.MAX_PART_BYTES);
  }

  /** As {@link #SnapshotFolderReader(List, int)}, with ranges of at most {@code maxPartBytes}. */
  public SnapshotFolderReader(List<SourceReader> readers, int threads, long maxPartBytes) {
    this.readers = List.copyOf(readers);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.threads = threads;
    this.maxPartBytes = maxPartBytes;
  }

  /**
   * The readers of every source the contract lists (HR, Entra, Okta), reading sign-in logs on one
   * thread per available processor.
   */
  public static SnapshotFolderReader defaults() {
    return defaults(Runtime.getRuntime().availableProcessors());
  }

  /** As {@link #defaults()} with {@code threads} threads for the sign-in logs (1: no threads). */
  public static SnapshotFolderReader defaults(int threads) {
    return defaults(threads, ReadContext.MAX_PART_BYTES);
  }

  /**
   * As {@link #defaults(int)}, cutting sign-in logs into ranges of at most {@code maxPartBytes}.
   */
  public static SnapshotFolderReader defaults(int threads, long maxPartBytes) {
    return new SnapshotFolderReader(
        List.of(new HrWorkersReader(), new EntraSnapshotReader(), new OktaSnapshotReader()),
        threads,
        maxPartBytes);
  }

  /**
   * Reads {@code root}; bad records go to {@code quarantine}.
   *
   * @throws SnapshotException when the folder, its manifest or a whole file cannot be read
   */
  public SnapshotReadResult read(Path root, QuarantineSink quarantine) {
    long t0 = System.nanoTime();
    if (!Files.isDirectory(root)) {
      throw new SnapshotException(
          root.toString(), Files.exists(root) ? "not a folder" : "no such snapshot folder");
    }
    Manifest manifest = ManifestReader.read(root);
    dev.least.model.TenantSettings settings = TenantSettingsReader.read(root);
    ExecutorService executor =
        threads > 1
            ? Executors.newFixedThreadPool(threads, Tasks.daemonThreads("least-read"))
            : null;
    ReadContext ctx = new ReadContext(root, quarantine, executor, threads, maxPartBytes);
    SnapshotAccumulator acc = new SnapshotAccumulator();
    try {
      for (SourceReader r : readers) {
        r.read(ctx, acc);
      }
      ctx.finishLogs();
    } finally {
      if (executor != null) {
        executor.shutdownNow();
      }
    }
    SnapshotAccumulator.Built built = acc.build(manifest);
    return new SnapshotReadResult(
        built.snapshot(),
        settings,
        ctx.files(),
        ctx.quarantined(),
        built.join(),
        System.nanoTime() - t0);
  }
}
