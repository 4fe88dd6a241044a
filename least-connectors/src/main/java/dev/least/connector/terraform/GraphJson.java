package dev.least.connector.terraform;

import dev.least.connector.json.JsonRecords;
import dev.least.recommend.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Vendor JSON bodies as {@link JsonValue}: read from a snapshot's raw JSON, merged, read back. */
final class GraphJson {
  private GraphJson() {}

  /** A raw JSON object as a {@link JsonValue.Obj}; nulls are dropped. */
  static JsonValue.Obj parse(String raw) {
    JsonNode n = JsonRecords.MAPPER.readTree(raw);
    JsonValue v = convert(n);
    if (v instanceof JsonValue.Obj o) {
      return o;
    }
    throw new IllegalArgumentException("expected a JSON object but was: " + raw);
  }

  private static @Nullable JsonValue convert(JsonNode n) {
    if (n.isObject()) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        JsonValue v = convert(e.getValue());
        if (v != null) {
          m.put(e.getKey(), v);
        }
      }
      return new JsonValue.Obj(m);
    }
    if (n.isArray()) {
      List<JsonValue> items = new ArrayList<>();
      for (JsonNode x : n) {
        JsonValue v = convert(x);
        if (v != null) {
          items.add(v);
        }
      }
      return new JsonValue.Arr(items);
    }
    if (n.isString()) {
      return new JsonValue.Str(n.asString());
    }
    if (n.isNumber()) {
      return new JsonValue.Num(n.asDouble());
    }
    if (n.isBoolean()) {
      return new JsonValue.Bool(n.asBoolean());
    }
    return null;
  }

  /** JSON merge: objects merge key by key, anything else in {@code patch} replaces. */
  static JsonValue.Obj merge(JsonValue.Obj base, JsonValue.Obj patch) {
    Map<String, JsonValue> m = new LinkedHashMap<>(base.fields());
    patch
        .fields()
        .forEach(
            (k, v) -> {
              JsonValue old = m.get(k);
              if (old instanceof JsonValue.Obj o && v instanceof JsonValue.Obj p) {
                m.put(k, merge(o, p));
              } else {
                m.put(k, v);
              }
            });
    return new JsonValue.Obj(m);
  }

  /** The object at a path of keys, or an empty object. */
  static JsonValue.Obj obj(JsonValue.Obj o, String... path) {
    JsonValue.Obj cur = o;
    for (String k : path) {
      if (cur.fields().get(k) instanceof JsonValue.Obj next) {
        cur = next;
      } else {
        return new JsonValue.Obj(Map.of());
      }
    }
    return cur;
  }

  static @Nullable String str(JsonValue.Obj o, String key) {
    return o.fields().get(key) instanceof JsonValue.Str s ? s.value() : null;
  }

  static @Nullable Boolean bool(JsonValue.Obj o, String key) {
    return o.fields().get(key) instanceof JsonValue.Bool b ? b.value() : null;
  }

  static @Nullable Long number(JsonValue.Obj o, String key) {
    return o.fields().get(key) instanceof JsonValue.Num n ? (long) n.value() : null;
  }

  /** The strings of an array (non-strings skipped); empty when absent. */
  static List<String> strings(JsonValue.Obj o, String key) {
    List<String> out = new ArrayList<>();
    if (o.fields().get(key) instanceof JsonValue.Arr a) {
      for (JsonValue v : a.items()) {
        if (v instanceof JsonValue.Str s) {
          out.add(s.value());
        }
      }
    }
    return out;
  }

  /** {@code field} of each object in the array {@code key} (e.g. every gateway's value). */
  static List<String> fieldOfEach(JsonValue.Obj o, String key, String field) {
    List<String> out = new ArrayList<>();
    if (o.fields().get(key) instanceof JsonValue.Arr a) {
      for (JsonValue v : a.items()) {
        if (v instanceof JsonValue.Obj item
            && item.fields().get(field) instanceof JsonValue.Str s) {
          out.add(s.value());
        }
      }
    }
    return out;
  }
}
