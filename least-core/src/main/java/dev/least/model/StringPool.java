package dev.least.model;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Interns strings to dense int codes. {@code null} is code -1. Not thread-safe: one pool per
 * builder.
 *
 * <p>An open-addressing table (linear probing) of codes with the strings' hashes alongside, so a
 * lookup touches two arrays and, on a hash match, the one candidate string: no map nodes, no boxed
 * codes. Sign-in ingest interns a dozen strings per event, so this is on its hot path.
 */
public final class StringPool {
  private static final int MAX_LOAD_PERCENT = 50;

  private String[] values = new String[64];
  private int size;

  /** Slot → code + 1 (0 = empty). */
  private int[] slots = new int[128];

  /** Slot → hash of the string whose code is in the slot. */
  private int[] hashes = new int[128];

  /** The code of {@code value}, adding it when new. */
  public int intern(@Nullable String value) {
    if (value == null) {
      return -1;
    }
    int h = value.hashCode();
    int mask = slots.length - 1;
    int i = mix(h) & mask;
    while (true) {
      int c = slots[i];
      if (c == 0) {
        break;
      }
      if (hashes[i] == h && values[c - 1].equals(value)) {
        return c - 1;
      }
      i = (i + 1) & mask;
    }
    int code = size;
    if (code == values.length) {
      values = Arrays.copyOf(values, code * 2);
    }
    values[code] = value;
    size++;
    slots[i] = code + 1;
    hashes[i] = h;
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
      int c = slots[i];
      if (c == 0) {
        return -1;
      }
      if (hashes[i] == h && values[c - 1].equals(value)) {
        return c - 1;
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
    int[] oldSlots = slots;
    int[] oldHashes = hashes;
    slots = new int[oldSlots.length * 2];
    hashes = new int[oldSlots.length * 2];
    int mask = slots.length - 1;
    for (int j = 0; j < oldSlots.length; j++) {
      if (oldSlots[j] != 0) {
        int i = mix(oldHashes[j]) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = oldSlots[j];
        hashes[i] = oldHashes[j];
      }
    }
  }

  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }
}
