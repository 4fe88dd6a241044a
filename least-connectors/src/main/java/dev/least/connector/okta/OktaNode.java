package dev.least.connector.okta;

import static java.util.Objects.requireNonNull;

import dev.least.connector.json.BadRecordException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One object of an Okta Management API body, with the typed reads the mappers need. Absent and JSON
 * {@code null} are the same; a value of the wrong type for a field the model requires makes the
 * record bad ({@link BadRecordException} naming the field path).
 *
 * @param path the JSON path of this object within the record, for messages ({@code ""} at the top)
 */
record OktaNode(JsonNode node, String path) {
  OktaNode {
    requireNonNull(node, "node");
    requireNonNull(path, "path");
  }

  static OktaNode of(JsonNode node) {
    return new OktaNode(node, "");
  }

  private String at(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private @Nullable JsonNode value(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  /** The child object, or an empty one when absent, null or not an object. */
  OktaNode object(String field) {
    JsonNode v = value(field);
    return new OktaNode(
        v != null && v.isObject() ? v : tools.jackson.databind.node.MissingNode.getInstance(),
        at(field));
  }

  boolean has(String field) {
    return value(field) != null;
  }

  /** A string; numbers and booleans as their text; null when absent; an object is an error. */
  @Nullable String text(String field) {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    if (v.isContainer()) {
      throw new BadRecordException(at(field) + ": expected a string but found " + kind(v));
    }
    String s = v.asString("");
    return s.isEmpty() ? null : s;
  }

  String requiredText(String field) {
    String s = text(field);
    if (s == null || s.isBlank()) {
      throw new BadRecordException(at(field) + ": missing");
    }
    return s;
  }

  /**
   * A boolean; the strings {@code "true"} / {@code "false"} (also with trailing punctuation, as in
   * an Okta docs example) count; anything else is null.
   */
  @Nullable Boolean bool(String field) {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isString()) {
      String s = v.asString("").trim();
      if (s.startsWith("true")) {
        return Boolean.TRUE;
      }
      if (s.startsWith("false")) {
        return Boolean.FALSE;
      }
    }
    return null;
  }

  /** An integer; a numeric string (leading digits, e.g. {@code "99,"}) counts; else null. */
  @Nullable Integer integer(String field) {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.intValue();
    }
    if (v.isString()) {
      String s = v.asString("").trim();
      int i = 0;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i > 0 && i <= 9) {
        return Integer.parseInt(s.substring(0, i));
      }
    }
    return null;
  }

  /** An ISO-8601 instant; null when absent; unparsable is an error naming the field. */
  @Nullable Instant instant(String field) {
    String s = text(field);
    if (s == null) {
      return null;
    }
    long millis = OktaTimestamps.parseMillis(s);
    if (millis == OktaTimestamps.INVALID) {
      throw new BadRecordException(at(field) + ": unparsable time '" + s + "'");
    }
    return Instant.ofEpochMilli(millis);
  }

  /** The strings of an array; absent, null or not an array is empty; non-strings are skipped. */
  List<String> strings(String field) {
    JsonNode v = value(field);
    if (v == null || !v.isArray()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(v.size());
    for (JsonNode e : v) {
      if (e.isString() || e.isNumber()) {
        out.add(e.asString(""));
      }
    }
    return out;
  }

  /** The objects of an array; absent, null or not an array is empty. */
  List<OktaNode> objects(String field) {
    JsonNode v = value(field);
    if (v == null || !v.isArray()) {
      return List.of();
    }
    List<OktaNode> out = new ArrayList<>(v.size());
    int i = 0;
    for (JsonNode e : v) {
      if (e.isObject()) {
        out.add(new OktaNode(e, at(field) + "[" + i + "]"));
      }
      i++;
    }
    return out;
  }

  private static String kind(JsonNode v) {
    return v.isArray() ? "an array" : "an object";
  }
}
