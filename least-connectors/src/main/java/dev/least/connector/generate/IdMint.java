package dev.least.connector.generate;

import static java.util.Objects.requireNonNull;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Mints vendor-shaped ids from one seeded random source: Entra object ids (UUID v4 text) and Okta
 * ids (a three-character type prefix and 17 base-62 characters, 20 in all, as Okta's are).
 */
final class IdMint {
  private static final char[] B62 =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

  private final SplittableRandom rnd;

  IdMint(SplittableRandom rnd) {
    this.rnd = requireNonNull(rnd, "rnd");
  }

  /** A random (version 4) UUID in canonical lower-case text. */
  String uuid() {
    return uuid(rnd);
  }

  static String uuid(SplittableRandom r) {
    return randomUuid(r).toString();
  }

  /**
   * A random (version 4) UUID as its two longs, drawing the same numbers as {@link
   * #uuid(SplittableRandom)}; for log records, whose encoder writes the text ({@link
   * JsonLineBuffer#uuid}).
   */
  static UUID randomUuid(SplittableRandom r) {
    long msb = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lsb = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  /** An Okta-style id: {@code prefix} (e.g. {@code 00u}) plus random base-62 to 20 characters. */
  String okta(String prefix) {
    StringBuilder b = new StringBuilder(20).append(prefix);
    while (b.length() < 20) {
      b.append(B62[rnd.nextInt(B62.length)]);
    }
    return b.toString();
  }
}
