package dev.least.connector.generate;

import java.util.Arrays;

/**
 * What the log simulation leaves behind per account, so that directory files agree with the logs:
 * last sign-in times (Entra {@code signInActivity}, Okta {@code lastLogin}) and counts for the
 * background audit. Arrays indexed by user index; 0 means never.
 */
final class Ledger {
  final long[] entraLastInteractive;
  final long[] entraLastNonInteractive;
  final long[] entraLastSuccess;
  final long[] oktaLastLogin;
  long entraEvents;
  long oktaEvents;
  long badRecords;

  Ledger(int users) {
    entraLastInteractive = new long[users];
    entraLastNonInteractive = new long[users];
    entraLastSuccess = new long[users];
    oktaLastLogin = new long[users];
  }

  static void max(long[] a, int i, long v) {
    if (v > a[i]) {
      a[i] = v;
    }
  }

  long events() {
    return entraEvents + oktaEvents;
  }

  @Override
  public String toString() {
    return "Ledger[entra="
        + entraEvents
        + ", okta="
        + oktaEvents
        + ", success accounts="
        + Arrays.stream(entraLastSuccess).filter(v -> v > 0).count()
        + "]";
  }
}
