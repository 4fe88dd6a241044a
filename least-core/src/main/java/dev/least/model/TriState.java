package dev.least.model;

import org.jspecify.annotations.Nullable;

/** A boolean the log may not carry: {@code null}, absent and "" are {@link #UNKNOWN}. */
public enum TriState {
  FALSE,
  TRUE,
  UNKNOWN;

  public static TriState of(@Nullable Boolean value) {
    if (value == null) {
      return UNKNOWN;
    }
    return value ? TRUE : FALSE;
  }

  public boolean isTrue() {
    return this == TRUE;
  }
}
