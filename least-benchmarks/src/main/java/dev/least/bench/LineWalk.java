package dev.least.bench;

import dev.least.connector.json.JsonInput;
import dev.least.connector.json.JsonLines;
import java.io.IOException;
import java.nio.file.Path;
import tools.jackson.core.JsonParser;

/**
 * Least's JSON Lines plumbing without any mapping: {@link JsonLines} splits the raw bytes and
 * {@link JsonInput#parser(byte[], int, int)} walks each line's tokens. What a sign-in reader built
 * on them costs before it looks at a single field: the floor under Least's own column.
 */
final class LineWalk {
  private LineWalk() {}

  /** Returns the number of lines (events) walked. */
  static long walk(Path file) throws IOException {
    long[] lines = {0};
    JsonLines.forEachLine(
        file,
        (buf, off, len, lineNo) -> {
          try (JsonParser p = JsonInput.parser(buf, off, len)) {
            while (p.nextToken() != null) {
              // every token, nothing kept
            }
          }
          lines[0]++;
        });
    return lines[0];
  }
}
