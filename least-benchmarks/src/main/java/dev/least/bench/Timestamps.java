package dev.least.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamp text as each vendor writes it. */
final class Timestamps {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /**
   * Entra: seven fractional digits, e.g. {@code 2026-11-19T08:12:33.1234567Z}; {@code subMillis}
   * (0–9999) supplies the four digits below the millisecond.
   */
  static String entra(long epochMillis, int subMillis) {
    if (subMillis < 0 || subMillis > 9999) {
      throw new IllegalArgumentException("subMillis must be 0..9999 but was " + subMillis);
    }
    StringBuilder b = new StringBuilder(28);
    b.append(SECONDS.format(Instant.ofEpochMilli(epochMillis))).append('.');
    pad(b, Math.floorMod(epochMillis, 1000L), 3);
    pad(b, subMillis, 4);
    return b.append('Z').toString();
  }

  /** Okta: milliseconds, e.g. {@code 2024-08-13T15:58:20.353Z}. */
  static String okta(long epochMillis) {
    StringBuilder b = new StringBuilder(24);
    b.append(SECONDS.format(Instant.ofEpochMilli(epochMillis))).append('.');
    pad(b, Math.floorMod(epochMillis, 1000L), 3);
    return b.append('Z').toString();
  }

  private static void pad(StringBuilder b, long v, int digits) {
    String s = Long.toString(v);
    for (int i = s.length(); i < digits; i++) {
      b.append('0');
    }
    b.append(s);
  }
}
