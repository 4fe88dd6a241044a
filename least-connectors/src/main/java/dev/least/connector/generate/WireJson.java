package dev.least.connector.generate;

import java.io.OutputStream;
import java.io.StringWriter;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two JSON shapes the generator writes: indented documents for directory files (as a captured
 * API body would be saved) and compact JSON Lines for logs.
 */
final class WireJson {
  private static final JsonMapper PRETTY =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final JsonFactory LINES = JsonFactory.builder().rootValueSeparator("\n").build();

  private WireJson() {}

  static JsonGenerator document(OutputStream out) {
    return PRETTY.createGenerator(out);
  }

  static JsonGenerator lines(OutputStream out) {
    return LINES.createGenerator(out);
  }

  /** Writes one value with {@code body} into a compact string (for {@code rawJson} fields). */
  static String compact(java.util.function.Consumer<JsonGenerator> body) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = LINES.createGenerator(w)) {
      body.accept(g);
    }
    return w.toString();
  }

  static void strings(JsonGenerator g, String name, List<String> values) {
    g.writeName(name);
    g.writeStartArray();
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  static void stringOrNull(
      JsonGenerator g, String name, @org.jspecify.annotations.Nullable String value) {
    if (value == null) {
      g.writeNullProperty(name);
    } else {
      g.writeStringProperty(name, value);
    }
  }
}
