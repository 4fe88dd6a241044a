package dev.least.roles;

/** Word-level operations on {@code long[]} bitsets of equal length. */
final class Bits {
  private Bits() {}

  static int words(int bits) {
    return (bits + 63) >>> 6;
  }

  static boolean get(long[] s, int i) {
    return (s[i >>> 6] & (1L << i)) != 0;
  }

  static void set(long[] s, int i) {
    s[i >>> 6] |= 1L << i;
  }

  static void clear(long[] s, int i) {
    s[i >>> 6] &= ~(1L << i);
  }

  static int cardinality(long[] s) {
    int n = 0;
    for (long w : s) {
      n += Long.bitCount(w);
    }
    return n;
  }

  static boolean isEmpty(long[] s) {
    for (long w : s) {
      if (w != 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code a ⊆ b}. */
  static boolean subset(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      if ((a[i] & ~b[i]) != 0) {
        return false;
      }
    }
    return true;
  }

  static long[] and(long[] a, long[] b) {
    long[] r = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] & b[i];
    }
    return r;
  }

  static void andInto(long[] target, long[] b) {
    for (int i = 0; i < target.length; i++) {
      target[i] &= b[i];
    }
  }

  static void andNotInto(long[] target, long[] b) {
    for (int i = 0; i < target.length; i++) {
      target[i] &= ~b[i];
    }
  }

  static int andCardinality(long[] a, long[] b) {
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      n += Long.bitCount(a[i] & b[i]);
    }
    return n;
  }

  /** Next set bit at or after {@code from}, or -1. */
  static int next(long[] s, int from) {
    int w = from >>> 6;
    if (w >= s.length) {
      return -1;
    }
    long word = s[w] & (-1L << from);
    while (true) {
      if (word != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(word);
      }
      if (++w == s.length) {
        return -1;
      }
      word = s[w];
    }
  }

  static java.util.BitSet toBitSet(long[] s) {
    return java.util.BitSet.valueOf(s);
  }
}
