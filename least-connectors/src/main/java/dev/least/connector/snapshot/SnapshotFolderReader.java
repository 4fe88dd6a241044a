package dev.least.connector.snapshot;

import dev.least.connector.entra.EntraSnapshotReader;
import dev.least.connector.hr.HrWorkersReader;
import dev.least.connector.okta.OktaSnapshotReader;
import dev.least.model.Manifest;
import dev.least.source.QuarantineSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a snapshot folder (contract: shared/contracts/snapshot-format.md) into a {@link
 * dev.least.model.TenantSnapshot}. The vendor readers are registered explicitly, in reading order.
 */
public final class SnapshotFolderReader {
  private final List<SourceReader> readers;

  public SnapshotFolderReader(List<SourceReader> readers) {
    this.readers = List.copyOf(readers);
  }

  /** The readers of every source the contract lists: HR, Entra, Okta. */
  public static SnapshotFolderReader defaults() {
    return new SnapshotFolderReader(
        List.of(new HrWorkersReader(), new EntraSnapshotReader(), new OktaSnapshotReader()));
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
    ReadContext ctx = new ReadContext(root, quarantine);
    SnapshotAccumulator acc = new SnapshotAccumulator();
    for (SourceReader r : readers) {
      r.read(ctx, acc);
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
