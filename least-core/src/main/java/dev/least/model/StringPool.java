package dev.least.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Interns strings to dense int codes. {@code null} is code -1. Not thread-safe: one pool per
 * builder.
 */
public final class StringPool {
  private final Map<String, Integer> codes = new HashMap<>();
  private final List<String> values = new ArrayList<>();

  /** The code of {@code value}, adding it when new. */
  public int intern(@Nullable String value) {
    if (value == null) {
      return -1;
    }
    Integer code = codes.get(value);
    if (code != null) {
      return code;
    }
    int next = values.size();
    values.add(value);
    codes.put(value, next);
    return next;
  }

  /** The code of {@code value}, or -1 when it was never interned. */
  public int codeOf(String value) {
    Integer code = codes.get(value);
    return code == null ? -1 : code;
  }

  public @Nullable String get(int code) {
    return code < 0 ? null : values.get(code);
  }

  public int size() {
    return values.size();
  }
}
