package dev.least.model;

import java.util.Arrays;

/**
 * Interns pairs of longs to dense int codes: two string codes (a device id and its trust type), or
 * the bits of two doubles (a latitude and a longitude). Sign-in logs repeat few distinct pairs (a
 * user's devices, the resources of a tenant, the geolocations of IP ranges), so a column of pair
 * codes costs 4 bytes per event where two columns would cost 8 or 16. Not thread-safe: one pool per
 * builder.
 *
 * <p>Open addressing with linear probing, as in {@link StringPool}: no boxed keys, no map nodes.
 */
final class PairPool {
  private static final int MAX_LOAD_PERCENT = 50;

  private long[] firsts = new long[16];
  private long[] seconds = new long[16];
  private int size;

  /** Slot → code + 1 (0 = empty). */
  private int[] slots = new int[32];

  /** The code of the pair, adding it when new. */
  int intern(long first, long second) {
    int mask = slots.length - 1;
    int i = hash(first, second) & mask;
    while (true) {
      int c = slots[i];
      if (c == 0) {
        break;
      }
      if (firsts[c - 1] == first && seconds[c - 1] == second) {
        return c - 1;
      }
      i = (i + 1) & mask;
    }
    int code = size;
    if (code == firsts.length) {
      firsts = Arrays.copyOf(firsts, code * 2);
      seconds = Arrays.copyOf(seconds, code * 2);
    }
    firsts[code] = first;
    seconds[code] = second;
    size++;
    slots[i] = code + 1;
    if (size * 100 > slots.length * MAX_LOAD_PERCENT) {
      rehash();
    }
    return code;
  }

  /** The code of the pair, or -1 when it was never interned. */
  int find(long first, long second) {
    int mask = slots.length - 1;
    int i = hash(first, second) & mask;
    while (true) {
      int c = slots[i];
      if (c == 0) {
        return -1;
      }
      if (firsts[c - 1] == first && seconds[c - 1] == second) {
        return c - 1;
      }
      i = (i + 1) & mask;
    }
  }

  long first(int code) {
    return firsts[code];
  }

  long second(int code) {
    return seconds[code];
  }

  int size() {
    return size;
  }

  private void rehash() {
    int[] old = slots;
    slots = new int[old.length * 2];
    int mask = slots.length - 1;
    for (int c : old) {
      if (c != 0) {
        int i = hash(firsts[c - 1], seconds[c - 1]) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = c;
      }
    }
  }

  private static int hash(long first, long second) {
    long x = (first * 0x9E3779B97F4A7C15L) ^ (second + 0x632BE59BD9B4E019L) * 0xC2B2AE3D27D4EB4FL;
    return (int) (x ^ (x >>> 29) ^ (x >>> 47));
  }
}
