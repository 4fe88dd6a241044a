package dev.least.connector.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens files under the snapshot root, creating folders, with large buffers for the logs. */
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
}
