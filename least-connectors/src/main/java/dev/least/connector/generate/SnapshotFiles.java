package dev.least.connector.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens files under the snapshot root, creating folders; the logs with large buffers. */
final class SnapshotFiles {
  private final Path root;

  SnapshotFiles(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  OutputStream open(String relative) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Opens a log file, which can grow to many GB: written in large chunks, past the page cache once
   * it is large ({@link UncachedFileOutput}).
   */
  OutputStream openLog(String relative) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      return new UncachedFileOutput(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
