package dev.least.bench;

import dev.least.connector.json.JsonCursor;
import dev.least.connector.json.JsonLines;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Least's JSON Lines plumbing without any mapping: {@link JsonLines#forEachObject} reads the raw
 * bytes in place (as the sign-in readers do) and each line's object is skipped whole ({@code
 * skipChildren()} on Least's own cursor, which checks every byte against the JSON grammar but makes
 * no names or strings), nothing kept. What a sign-in reader built on it costs before it looks at a
 * single field: the floor under Least's own column.
 */
final class LineWalk {
  private LineWalk() {}

  /** Returns the number of lines (events) walked. */
  static long walk(Path file) throws IOException {
    long[] lines = {0};
    JsonLines.forEachObject(
        file,
        (JsonCursor p) -> {
          p.skipChildren();
          return Boolean.TRUE;
        },
        (walked, lineNo) -> lines[0]++,
        (buf, off, len, lineNo) -> {
          throw new IllegalStateException("line " + lineNo + " is not one JSON object");
        });
    return lines[0];
  }
}
