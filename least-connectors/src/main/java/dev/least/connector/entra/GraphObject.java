package dev.least.connector.entra;

import dev.least.connector.json.BadRecordException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A Graph JSON object read field by field, with errors that name the field by its path (e.g. {@code
 * conditions.users.includeUsers: expected an array of strings but found a string}). Null and absent
 * fields read as absent; OData annotations ({@code x@odata.type}) are never asked for, so they are
 * ignored.
 */
record GraphObject(JsonNode node, String path) {

  static GraphObject root(JsonNode node) {
    return new GraphObject(node, "");
  }

  String field(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The field's value; null when absent or JSON null. */
  @Nullable JsonNode get(String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v;
  }

  /** A string field; empty strings are absent. */
  @Nullable String text(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    if (!v.isString()) {
      throw new BadRecordException(field(name) + ": expected a string but found " + kind(v));
    }
    String s = v.stringValue();
    return s.isEmpty() ? null : s;
  }

  String requiredText(String name) {
    String s = text(name);
    if (s == null) {
      throw new BadRecordException(field(name) + ": missing");
    }
    return s;
  }

  @Nullable Boolean bool(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    if (!v.isBoolean()) {
      throw new BadRecordException(field(name) + ": expected a boolean but found " + kind(v));
    }
    return v.booleanValue();
  }

  boolean bool(String name, boolean absent) {
    Boolean b = bool(name);
    return b == null ? absent : b;
  }

  @Nullable Integer integer(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new BadRecordException(field(name) + ": expected an integer but found " + kind(v));
    }
    return v.intValue();
  }

  /** A timestamp field (see {@link EntraTimestamps}); null when absent. */
  @Nullable Instant time(String name) {
    String s = text(name);
    if (s == null) {
      return null;
    }
    Instant t = EntraTimestamps.parseInstant(s);
    if (t == null) {
      throw new BadRecordException(field(name) + ": unparsable time '" + s + "'");
    }
    return t;
  }

  /** An array of strings; empty when absent. */
  List<String> strings(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new BadRecordException(
          field(name) + ": expected an array of strings but found " + kind(v));
    }
    List<String> out = new ArrayList<>(v.size());
    for (JsonNode e : v) {
      if (!e.isString()) {
        throw new BadRecordException(field(name) + "[]: expected a string but found " + kind(e));
      }
      out.add(e.stringValue());
    }
    return out;
  }

  /**
   * A nested object; null when absent. An empty array in its place reads as absent too: exporters
   * write {@code "locations": []} for an unset condition (two AlexFilipin templates do).
   */
  @Nullable GraphObject object(String name) {
    JsonNode v = get(name);
    if (v == null || (v.isArray() && v.isEmpty())) {
      return null;
    }
    if (!v.isObject()) {
      throw new BadRecordException(field(name) + ": expected an object but found " + kind(v));
    }
    return new GraphObject(v, field(name));
  }

  /** The elements of an array of objects; empty when absent. */
  List<GraphObject> objects(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new BadRecordException(
          field(name) + ": expected an array of objects but found " + kind(v));
    }
    List<GraphObject> out = new ArrayList<>(v.size());
    for (JsonNode e : v) {
      if (!e.isObject()) {
        throw new BadRecordException(field(name) + "[]: expected an object but found " + kind(e));
      }
      out.add(new GraphObject(e, field(name) + "[]"));
    }
    return out;
  }

  /** Names of the fields that are set (non-null), OData annotations and actions excluded. */
  List<String> setFieldNames() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String k = e.getKey();
      if (k.contains("@") || k.startsWith("#") || e.getValue().isNull()) {
        continue;
      }
      out.add(k);
    }
    return out;
  }

  static String kind(JsonNode v) {
    if (v.isString()) {
      return "a string";
    }
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isObject()) {
      return "an object";
    }
    return v.getNodeType().toString();
  }
}
