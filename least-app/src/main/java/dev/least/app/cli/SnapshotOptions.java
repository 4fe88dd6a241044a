package dev.least.app.cli;

import dev.least.connector.snapshot.QuarantineFile;
import dev.least.connector.snapshot.SnapshotFolderReader;
import dev.least.connector.snapshot.SnapshotReadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every snapshot-reading command shares: the folder and the quarantine file. */
public final class SnapshotOptions {
  @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "Snapshot folder to read.")
  Path snapshot = Path.of(".");

  @Option(
      names = "--quarantine",
      paramLabel = "FILE",
      description =
          "Where bad records go (JSON Lines: file, line, reason, raw). "
              + "Default: a temporary file whose path is printed.")
  @Nullable Path quarantine;

  /** What reading produced, with the quarantine summary. */
  public record Read(
      SnapshotReadResult result, Path quarantineFile, Map<String, Long> quarantineByReason) {}

  /** Reads the snapshot; progress and the quarantine path go to {@code err}. */
  public Read read(PrintWriter err) {
    Path qpath = quarantine;
    try {
      if (qpath == null) {
        qpath = Files.createTempFile("least-quarantine-", ".jsonl");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a quarantine file", e);
    }
    err.println("reading " + snapshot + " …");
    err.flush();
    QuarantineFile q;
    try {
      q = new QuarantineFile(qpath);
    } catch (IOException e) {
      throw new BadInputException("--quarantine " + qpath + ": cannot write: " + e.getMessage(), e);
    }
    SnapshotReadResult result;
    try {
      result = SnapshotFolderReader.defaults().read(snapshot, q);
    } catch (RuntimeException e) {
      try {
        q.discard();
        if (quarantine == null) {
          Files.deleteIfExists(qpath);
        }
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    try {
      q.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot finish the quarantine file " + qpath, e);
    }
    if (q.count() > 0) {
      err.println(q.count() + " bad record(s) quarantined to " + q.path());
    } else if (quarantine == null) {
      try {
        Files.deleteIfExists(qpath);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    err.flush();
    return new Read(result, q.path(), q.countsByReason());
  }
}
