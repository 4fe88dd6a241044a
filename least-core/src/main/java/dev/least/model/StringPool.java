package dev.least.model;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Interns strings to dense int codes. {@code null} is code -1. Not thread-safe: one pool per
 * builder.
 *
 * <p>An open-addressing table (linear probing): each slot packs the string's hash and its code in
 * one long, and a parallel array holds the string itself, so a lookup reads one slot and, on a hash
 * match, the one candidate string: no map nodes, no boxed codes, and no detour through the
 * code-indexed array (on a pool of millions of strings every such hop is a cache miss). Sign-in
 * ingest interns a dozen strings per event, so this is on its hot path.
 */
public final class StringPool {
  private static final int MAX_LOAD_PERCENT = 50;

  /** Code → string. */
  private String[] values = new String[64];

  private int size;

  /** Slot → {@code hash << 32 | (code + 1)}; 0 = empty. */
  private long[] slots = new long[128];

  /** Slot → the string whose code is in the slot. */
  private String[] keys = new String[128];

  /** The code of {@code value}, adding it when new. */
  public int intern(@Nullable String value) {
    if (value == null) {
      return -1;
    }
    int h = value.hashCode();
    int mask = slots.length - 1;
    int i = mix(h) & mask;
    while (true) {
      long e = slots[i];
      if (e == 0) {
        break;
      }
      if ((int) (e >>> 32) == h && keys[i].equals(value)) {
        return (int) e - 1;
      }
      i = (i + 1) & mask;
    }
    int code = size;
    if (code == values.length) {
      values = Arrays.copyOf(values, code * 2);
    }
    values[code] = value;
    size++;
    slots[i] = slot(h, code);
    keys[i] = value;
    if (size * 100 > slots.length * MAX_LOAD_PERCENT) {
      rehash();
    }
    return code;
  }

  /** The code of {@code value}, or -1 when it was never interned. */
  public int codeOf(String value) {
    int h = value.hashCode();
    int mask = slots.length - 1;
    int i = mix(h) & mask;
    while (true) {
      long e = slots[i];
      if (e == 0) {
        return -1;
      }
      if ((int) (e >>> 32) == h && keys[i].equals(value)) {
        return (int) e - 1;
      }
      i = (i + 1) & mask;
    }
  }

  public @Nullable String get(int code) {
    return code < 0 ? null : values[code];
  }

  public int size() {
    return size;
  }

  private void rehash() {
    long[] oldSlots = slots;
    String[] oldKeys = keys;
    slots = new long[oldSlots.length * 2];
    keys = new String[oldSlots.length * 2];
    int mask = slots.length - 1;
    for (int j = 0; j < oldSlots.length; j++) {
      long e = oldSlots[j];
      if (e != 0) {
        int i = mix((int) (e >>> 32)) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = e;
        keys[i] = oldKeys[j];
      }
    }
  }

  private static long slot(int hash, int code) {
    return ((long) hash << 32) | ((code + 1) & 0xFFFFFFFFL);
  }

  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }
}
