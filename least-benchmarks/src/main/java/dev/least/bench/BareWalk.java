package dev.least.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The bound: one Jackson 3 streaming parser over the whole file, {@code nextToken()} until EOF,
 * nothing kept. No line splitting, no strings materialized, no model built.
 */
final class BareWalk {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  /** Root-level values (events) and tokens seen. */
  record Walked(long events, long tokens) {}

  private BareWalk() {}

  static Walked walk(Path file) throws IOException {
    long events = 0;
    long tokens = 0;
    int depth = 0;
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        tokens++;
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          depth++;
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          depth--;
          if (depth == 0) {
            events++;
          }
        }
      }
    }
    return new Walked(events, tokens);
  }
}
