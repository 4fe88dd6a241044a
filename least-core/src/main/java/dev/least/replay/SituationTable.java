package dev.least.replay;

import dev.least.model.SignInLog;
import java.util.Arrays;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An open-addressing hash table from a key of five longs (a sign-in situation packed from a log's
 * interned column codes) to a value, without boxing or a key object per lookup. Not thread-safe.
 */
public final class SituationTable<V> {
  private static final int STRIDE = 5;
  private static final int INITIAL_SLOTS = 1 << 10;

  private long[] keys;
  private @Nullable Object[] values;
  private int mask;
  private int size;

  // The situation of event i of a log: every column SignInFactsResolver reads (account, app,
  // address, country, platform, device, MFA method, principal kind, interactive, client app, risk,
  // compliant, managed, MFA performed) as interned codes, in four longs. A column the resolver
  // starts reading must be added here, or events that differ in it would share a result.

  /** Account and app codes. */
  public static long keyA(SignInLog log, int i) {
    return (long) log.accountCode(i) << 32 | (log.appIdCode(i) & 0xFFFFFFFFL);
  }

  /** Address and country codes. */
  public static long keyB(SignInLog log, int i) {
    return (long) log.ipCode(i) << 32 | (log.countryCode(i) & 0xFFFFFFFFL);
  }

  /** Platform and device codes. */
  public static long keyC(SignInLog log, int i) {
    return (long) log.platformCode(i) << 32 | (log.deviceCode(i) & 0xFFFFFFFFL);
  }

  /** MFA method code and the enum and flag columns. */
  public static long keyD(SignInLog log, int i) {
    return (long) log.mfaMethodCode(i) << 32
        | log.principalKind(i).ordinal()
        | (log.interactive(i) ? 1 : 0) << 4
        | log.clientApp(i).ordinal() << 5
        | log.riskLevel(i).ordinal() << 9
        | log.deviceCompliant(i).ordinal() << 13
        | log.deviceManaged(i).ordinal() << 15
        | log.mfaPerformed(i).ordinal() << 17;
  }

  public SituationTable() {
    keys = new long[INITIAL_SLOTS * STRIDE];
    values = new Object[INITIAL_SLOTS];
    mask = INITIAL_SLOTS - 1;
  }

  public int size() {
    return size;
  }

  /** The value under the key, or null. */
  @SuppressWarnings("unchecked")
  public @Nullable V get(long a, long b, long c, long d, long e) {
    int slot = slot(a, b, c, d, e);
    while (true) {
      Object v = values[slot];
      if (v == null) {
        return null;
      }
      int o = slot * STRIDE;
      if (keys[o] == a
          && keys[o + 1] == b
          && keys[o + 2] == c
          && keys[o + 3] == d
          && keys[o + 4] == e) {
        return (V) v;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Adds a value under a key that is not in the table. */
  public void put(long a, long b, long c, long d, long e, V value) {
    if ((size + 1) * 2 > values.length) {
      grow();
    }
    insert(a, b, c, d, e, value);
    size++;
  }

  @SuppressWarnings("unchecked")
  void forEach(Consumer<V> action) {
    for (Object v : values) {
      if (v != null) {
        action.accept((V) v);
      }
    }
  }

  public void clear() {
    Arrays.fill(values, null);
    size = 0;
  }

  private void insert(long a, long b, long c, long d, long e, Object value) {
    int slot = slot(a, b, c, d, e);
    while (values[slot] != null) {
      slot = (slot + 1) & mask;
    }
    int o = slot * STRIDE;
    keys[o] = a;
    keys[o + 1] = b;
    keys[o + 2] = c;
    keys[o + 3] = d;
    keys[o + 4] = e;
    values[slot] = value;
  }

  private void grow() {
    long[] oldKeys = keys;
    @Nullable Object[] oldValues = values;
    int slots = oldValues.length * 2;
    keys = new long[slots * STRIDE];
    values = new Object[slots];
    mask = slots - 1;
    for (int s = 0; s < oldValues.length; s++) {
      Object v = oldValues[s];
      if (v != null) {
        int o = s * STRIDE;
        insert(oldKeys[o], oldKeys[o + 1], oldKeys[o + 2], oldKeys[o + 3], oldKeys[o + 4], v);
      }
    }
  }

  private int slot(long a, long b, long c, long d, long e) {
    long h = a * 0x9E3779B97F4A7C15L;
    h = (h ^ b) * 0xC2B2AE3D27D4EB4FL;
    h = (h ^ c) * 0x165667B19E3779F9L;
    h = (h ^ d) * 0x9E3779B97F4A7C15L;
    h = (h ^ e) * 0xC2B2AE3D27D4EB4FL;
    h ^= h >>> 29;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
