package dev.least.recommend;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value for patch bodies, so that core can describe vendor API calls without a JSON library.
 * Objects keep insertion order.
 */
public sealed interface JsonValue
    permits JsonValue.Obj, JsonValue.Arr, JsonValue.Str, JsonValue.Num, JsonValue.Bool {

  /** A JSON object; keys in insertion order. */
  record Obj(Map<String, JsonValue> fields) implements JsonValue {
    public Obj {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
  }

  /** A JSON array. */
  record Arr(List<JsonValue> items) implements JsonValue {
    public Arr {
      items = List.copyOf(items);
    }
  }

  /** A JSON string. */
  record Str(String value) implements JsonValue {
    public Str {
      requireNonNull(value, "value");
    }
  }

  /** A JSON number. */
  record Num(double value) implements JsonValue {}

  /** A JSON boolean. */
  record Bool(boolean value) implements JsonValue {}

  /** {@code {k1: v1, k2: v2, …}} from alternating keys and values. */
  static Obj obj(Object... keysAndValues) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], of(keysAndValues[i + 1]));
    }
    return new Obj(m);
  }

  /** Wraps a String, Number, Boolean, List or JsonValue. */
  static JsonValue of(Object v) {
    if (v instanceof JsonValue j) {
      return j;
    }
    if (v instanceof String s) {
      return new Str(s);
    }
    if (v instanceof Number n) {
      return new Num(n.doubleValue());
    }
    if (v instanceof Boolean b) {
      return new Bool(b);
    }
    if (v instanceof List<?> l) {
      return new Arr(l.stream().map(JsonValue::of).toList());
    }
    throw new IllegalArgumentException("not a JSON value: " + v);
  }
}
