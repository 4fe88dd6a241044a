package dev.least.connector.snapshot;

import dev.least.connector.json.JsonInput;
import dev.least.connector.json.JsonRecords;
import dev.least.model.Manifest;
import dev.least.model.Source;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads {@code manifest.json}. Any fault is fatal: without it "now" is unknown. */
public final class ManifestReader {
  static final String FILE = "manifest.json";

  private ManifestReader() {}

  public static Manifest read(Path root) {
    Path file = root.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new SnapshotException(FILE, "missing; a snapshot folder needs a manifest.json");
    }
    JsonNode node;
    try (Reader text = JsonInput.openText(file)) {
      node = JsonRecords.MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw SnapshotException.notJson(FILE, e);
    } catch (IOException e) {
      throw new SnapshotException(FILE, "cannot read: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new SnapshotException(FILE, "expected a JSON object");
    }
    String tenant = text(node, "tenant");
    String captured = text(node, "capturedAt");
    Instant capturedAt;
    try {
      capturedAt = Instant.parse(captured);
    } catch (DateTimeParseException e) {
      throw new SnapshotException(
          FILE, "capturedAt: expected an ISO-8601 instant but was '" + captured + "'", e);
    }
    List<Source> sources = new ArrayList<>();
    JsonNode arr = node.get("sources");
    if (arr != null && !arr.isNull()) {
      if (!arr.isArray()) {
        throw new SnapshotException(FILE, "sources: expected an array of entra|okta|hr");
      }
      for (JsonNode s : arr) {
        String v = s.asString("").toUpperCase(Locale.ROOT);
        try {
          sources.add(Source.valueOf(v));
        } catch (IllegalArgumentException e) {
          throw new SnapshotException(
              FILE, "sources: unknown source '" + s.asString("") + "' (expected entra, okta, hr)");
        }
      }
    }
    JsonNode gen = node.get("generator");
    return new Manifest(
        tenant, capturedAt, sources, gen == null || gen.isNull() ? null : gen.asString(""));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isString() || v.asString("").isBlank()) {
      throw new SnapshotException(FILE, field + ": missing or not a string");
    }
    return v.asString("");
  }
}
