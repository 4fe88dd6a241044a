package dev.least.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes an output file whole or not at all: a temporary sibling, then an atomic move. */
final class AtomicOutput {
  private AtomicOutput() {}

  static void write(Path target, String content) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Path temp = null;
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      temp = Files.createTempFile(dir, "." + abs.getFileName(), ".partial");
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        if (temp != null) {
          Files.deleteIfExists(temp);
        }
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new BadInputException(target + ": cannot write: " + e.getMessage(), e);
    }
  }
}
