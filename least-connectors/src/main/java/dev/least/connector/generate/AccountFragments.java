package dev.least.connector.generate;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Log record fragments encoded once per account and kept by account index (a hundred-odd bytes
 * each, so 100,000 accounts hold about 15 MB).
 */
final class AccountFragments {
  private byte[][] byAccount = new byte[1024][];

  /** The account's fragment, encoded by {@code encode} the first time. */
  byte[] get(PlannedUser u, Function<PlannedUser, byte[]> encode) {
    int i = u.index();
    if (i >= byAccount.length) {
      byAccount = Arrays.copyOf(byAccount, Math.max(i + 1, byAccount.length * 2));
    }
    byte[] f = byAccount[i];
    if (f == null) {
      f = encode.apply(u);
      byAccount[i] = f;
    }
    return f;
  }
}
