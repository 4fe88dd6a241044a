package dev.least.connector.entra;

import dev.least.connector.snapshot.SnapshotFolderReader;
import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.source.QuarantinedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** A snapshot folder built in a test's temporary directory, read through the default reader. */
final class TempSnapshot {
  private final Path root;
  final List<QuarantinedRecord> quarantined = new ArrayList<>();

  TempSnapshot(Path root) {
    this.root = root;
    write(
        "manifest.json",
        "{\"tenant\":\"test\",\"capturedAt\":\"2026-11-20T00:00:00Z\",\"sources\":[\"entra\"]}");
  }

  /** A file of the shared datasets folder ({@code least.shared}, else {@code ../shared}). */
  static Path dataset(String relative) {
    String shared = System.getProperty("least.shared", "../shared");
    return Path.of(shared, "datasets").resolve(relative);
  }

  TempSnapshot copy(Path source, String target) {
    try {
      Path t = root.resolve(target);
      Files.createDirectories(t.getParent());
      Files.copy(source, t, StandardCopyOption.REPLACE_EXISTING);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  TempSnapshot write(String target, String text) {
    return write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  TempSnapshot write(String target, byte[] bytes) {
    try {
      Path t = root.resolve(target);
      Files.createDirectories(t.getParent());
      Files.write(t, bytes);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path path(String relative) {
    return root.resolve(relative);
  }

  SnapshotReadResult read() {
    return SnapshotFolderReader.defaults().read(root, quarantined::add);
  }
}
