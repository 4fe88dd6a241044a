package dev.least.connector.okta;

import dev.least.connector.snapshot.SnapshotFolderReader;
import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.source.FileStat;
import dev.least.source.QuarantinedRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** A snapshot folder built in a test's temporary directory, read through the default reader. */
final class SnapshotFolder {
  private final Path root;
  private final List<QuarantinedRecord> quarantined = new ArrayList<>();

  SnapshotFolder(Path root) {
    this.root = root;
    write(
        "manifest.json",
        "{\"tenant\":\"test\",\"capturedAt\":\"2026-11-20T00:00:00Z\",\"sources\":[\"okta\"]}");
  }

  /** The shared datasets folder (surefire sets {@code least.shared}). */
  static Path dataset(String relative) {
    String shared = System.getProperty("least.shared", "../shared");
    return Paths.get(shared).resolve("datasets").resolve(relative);
  }

  SnapshotFolder write(String relative, String text) {
    return writeBytes(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  SnapshotFolder writeBytes(String relative, byte[] bytes) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SnapshotFolder writeGzip(String relative, String text) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a dataset file to {@code relative} in the snapshot. */
  SnapshotFolder copy(String dataset, String relative) {
    try {
      return writeBytes(relative, Files.readAllBytes(dataset(dataset)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SnapshotReadResult read() {
    quarantined.clear();
    return SnapshotFolderReader.defaults().read(root, quarantined::add);
  }

  List<QuarantinedRecord> quarantined() {
    return List.copyOf(quarantined);
  }

  static FileStat stat(SnapshotReadResult r, String file) {
    return r.files().stream()
        .filter(f -> f.file().equals(file))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no stats for " + file + " in " + r.files()));
  }
}
