package dev.least.connector.json;

import dev.least.connector.snapshot.ReadContext;
import dev.least.connector.snapshot.SnapshotException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a whole-file JSON body of directory objects one record at a time: Graph's {@code {"value":
 * [...]}}, Okta's bare arrays, or a single object. Each element becomes a small tree handed to the
 * mapper; a mapper that throws {@link BadRecordException} gets that record quarantined with its
 * line. A file that is not JSON is a {@link SnapshotException} naming file, line and column.
 *
 * <p>Directory files are small next to logs; logs use {@link JsonLines} and streaming parsers.
 */
public final class JsonRecords {
  /** For whole documents (a manifest, a change file): trailing content is an error. */
  public static final ObjectMapper MAPPER = JsonMapper.builder(JsonInput.FACTORY).build();

  /**
   * Reads one value out of a stream that goes on (the next element, property or the closing bracket
   * follows), so it must not fail on trailing tokens as Jackson 3 does by default; this class
   * checks for content after the body itself.
   */
  private static final ObjectMapper ELEMENTS =
      JsonMapper.builder(JsonInput.FACTORY)
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** Counts of one file. */
  public record Counts(long records, long quarantined) {}

  private JsonRecords() {}

  /**
   * Calls {@code mapper} for every record in {@code file} and records the file's statistics.
   *
   * @param arrayField the envelope field holding the records ({@code value} for Graph, {@code
   *     records} for Azure Monitor); a bare top-level array or a single object is accepted too
   */
  public static Counts forEach(
      ReadContext ctx, Path file, String kind, String arrayField, Consumer<JsonNode> mapper) {
    return forEach(ctx, file, kind, Set.of(arrayField), mapper);
  }

  /**
   * As {@link #forEach(ReadContext, Path, String, String, Consumer)} with several possible envelope
   * fields (e.g. {@code value} and {@code records} for sign-in logs).
   */
  public static Counts forEach(
      ReadContext ctx, Path file, String kind, Set<String> arrayFields, Consumer<JsonNode> mapper) {
    long t0 = System.nanoTime();
    long before = ctx.quarantined();
    long unknownBefore = ctx.unknownValues();
    long ok = 0;
    try (Reader text = JsonInput.openText(file);
        JsonParser p = JsonInput.parser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new SnapshotException(ctx.relative(file), "empty file, expected JSON");
      }
      if (t == JsonToken.START_ARRAY) {
        ok += readArray(ctx, file, p, mapper);
      } else if (t == JsonToken.START_OBJECT) {
        // either an envelope {"value": [...]} or a single record
        JsonNode node = null;
        long line = p.currentLocation().getLineNr();
        boolean enveloped = false;
        tools.jackson.databind.node.ObjectNode single = MAPPER.createObjectNode();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          JsonToken v = p.nextToken();
          if (arrayFields.contains(name) && v == JsonToken.START_ARRAY) {
            enveloped = true;
            ok += readArray(ctx, file, p, mapper);
          } else {
            node = ELEMENTS.readTree(p);
            single.set(name, node);
          }
        }
        if (!enveloped) {
          ok += apply(ctx, file, line, single, mapper);
        }
      } else {
        throw new SnapshotException(
            ctx.relative(file), "expected a JSON object or array but found " + t);
      }
      if (p.nextToken() != null) {
        throw new SnapshotException(
            ctx.relative(file) + ":" + p.currentLocation().getLineNr(),
            "unexpected content after the JSON value");
      }
    } catch (JacksonException e) {
      throw SnapshotException.notJson(ctx.relative(file), e);
    } catch (IOException e) {
      throw new SnapshotException(ctx.relative(file), "cannot read: " + e.getMessage(), e);
    }
    long bad = ctx.quarantined() - before;
    ctx.recordFile(
        file, kind, ok, bad, 0, ctx.unknownValues() - unknownBefore, System.nanoTime() - t0);
    return new Counts(ok, bad);
  }

  private static long readArray(
      ReadContext ctx, Path file, JsonParser p, Consumer<JsonNode> mapper) {
    long ok = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      long line = p.currentLocation().getLineNr();
      JsonNode node = ELEMENTS.readTree(p);
      ok += apply(ctx, file, line, node, mapper);
    }
    return ok;
  }

  private static int apply(
      ReadContext ctx, Path file, long line, JsonNode node, Consumer<JsonNode> mapper) {
    if (!node.isObject()) {
      ctx.quarantine(
          file, line, "expected a JSON object but found " + node.getNodeType(), node.toString());
      return 0;
    }
    try {
      mapper.accept(node);
      return 1;
    } catch (BadRecordException e) {
      ctx.quarantine(file, line, e.getMessage(), node.toString());
      return 0;
    }
  }
}
