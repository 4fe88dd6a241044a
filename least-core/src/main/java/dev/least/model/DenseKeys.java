package dev.least.model;

/**
 * Numbers long keys densely in order of first appearance (0, 1, 2, …): an open-addressing table
 * without boxing, for grouping log events by packed column codes (e.g. platform and account code)
 * on a pass over millions of events. Not thread-safe.
 */
public final class DenseKeys {
  // the pair table the sign-in log interns device and coordinate pairs with, second half unused
  private final PairPool pool = new PairPool();

  /** The id of {@code key}, numbering it when new. */
  public int id(long key) {
    return pool.intern(key, 0);
  }

  /** The id of {@code key}, or -1 when it has none. */
  public int find(long key) {
    return pool.find(key, 0);
  }

  /** The key numbered {@code id}. */
  public long key(int id) {
    return pool.first(id);
  }

  public int size() {
    return pool.size();
  }

  /** {@code (high << 32) | low} with {@code low} taken as unsigned: two int codes as one key. */
  public static long pack(int high, int low) {
    return (long) high << 32 | (low & 0xFFFFFFFFL);
  }
}
