package dev.least.app.workflow;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Imports an uploaded snapshot zip: unpacks it safely ({@link SnapshotArchive}) into its own folder
 * under the uploads folder ({@code <data-dir>/uploads}), then imports that folder like any other.
 * When unpacking or the import fails the folder is removed, so nothing is left half imported; when
 * it succeeds the folder stays, as the snapshot's source.
 */
public final class SnapshotUpload {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SnapshotArchive archive;
  private final SnapshotImport imports;
  private final Path uploads;
  private final Clock clock;

  public SnapshotUpload(
      SnapshotArchive archive, SnapshotImport imports, Path uploads, Clock clock) {
    this.archive = requireNonNull(archive, "archive");
    this.imports = requireNonNull(imports, "imports");
    this.uploads = requireNonNull(uploads, "uploads").toAbsolutePath().normalize();
    this.clock = requireNonNull(clock, "clock");
  }

  /** Unpacks and imports {@code zip} for {@code tenant} (the manifest's tenant when blank). */
  public SnapshotImport.Imported importZip(String tenant, Path zip, Actor actor) {
    if (!actor.role().atLeast(Role.ANALYST)) {
      throw new TransitionRefused(
          TransitionRefused.Reason.ROLE, "importing a snapshot needs the role analyst or above");
    }
    Path target =
        uploads.resolve(
            STAMP.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8));
    try {
      Files.createDirectories(uploads);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the uploads folder " + uploads, e);
    }
    Path root = archive.unpack(zip, target);
    try {
      return imports.importFolder(tenant, root, actor);
    } catch (RuntimeException e) {
      SnapshotArchive.deleteTree(target);
      throw e;
    }
  }
}
