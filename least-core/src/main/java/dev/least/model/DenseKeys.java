package dev.least.model;

import java.util.Arrays;

/**
 * Numbers long keys densely in order of first appearance (0, 1, 2, …): an open-addressing table
 * without boxing, for grouping log events by packed column codes (e.g. platform and account code)
 * on a pass over millions of events. Not thread-safe.
 */
public final class DenseKeys {
  private long[] keys = new long[64];
  private int[] ids = new int[64]; // id + 1; 0 = empty slot
  private long[] byId = new long[32];
  private int size;

  /** The id of {@code key}, numbering it when new. */
  public int id(long key) {
    int mask = keys.length - 1;
    int s = slot(key) & mask;
    while (true) {
      int v = ids[s];
      if (v == 0) {
        break;
      }
      if (keys[s] == key) {
        return v - 1;
      }
      s = (s + 1) & mask;
    }
    int id = size++;
    keys[s] = key;
    ids[s] = id + 1;
    if (id == byId.length) {
      byId = Arrays.copyOf(byId, id * 2);
    }
    byId[id] = key;
    if (size * 2 > keys.length) {
      grow();
    }
    return id;
  }

  /** The id of {@code key}, or -1 when it has none. */
  public int find(long key) {
    int mask = keys.length - 1;
    int s = slot(key) & mask;
    while (true) {
      int v = ids[s];
      if (v == 0) {
        return -1;
      }
      if (keys[s] == key) {
        return v - 1;
      }
      s = (s + 1) & mask;
    }
  }

  /** The key numbered {@code id}. */
  public long key(int id) {
    return byId[id];
  }

  public int size() {
    return size;
  }

  /** {@code (high << 32) | low} with {@code low} taken as unsigned: two int codes as one key. */
  public static long pack(int high, int low) {
    return (long) high << 32 | (low & 0xFFFFFFFFL);
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldIds = ids;
    keys = new long[oldKeys.length * 2];
    ids = new int[oldIds.length * 2];
    int mask = keys.length - 1;
    for (int k = 0; k < oldIds.length; k++) {
      if (oldIds[k] != 0) {
        int s = slot(oldKeys[k]) & mask;
        while (ids[s] != 0) {
          s = (s + 1) & mask;
        }
        keys[s] = oldKeys[k];
        ids[s] = oldIds[k];
      }
    }
  }

  private static int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
