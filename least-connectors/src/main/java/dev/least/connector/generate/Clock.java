package dev.least.connector.generate;

/**
 * Writes epoch milliseconds as quoted ISO-8601 UTC straight into a {@link JsonLineBuffer}, caching
 * the date part per day: Graph style ({@code "2026-11-16T14:51:00Z"}) and Okta style with
 * milliseconds ({@code "...00.646Z"}).
 */
final class Clock {
  private static final long DAY = 86_400_000L;

  /**
   * The date parts of two days, by the day's parity: records of one day in local time fall on two
   * days in UTC, so consecutive records alternate between two neighbouring days.
   */
  private final long[] cachedDays = {Long.MIN_VALUE, Long.MIN_VALUE};

  private final byte[][] dateParts = {new byte[0], new byte[0]};

  private byte[] date(long epochDay) {
    int slot = (int) (epochDay & 1);
    if (epochDay != cachedDays[slot]) {
      cachedDays[slot] = epochDay;
      dateParts[slot] = JsonLineBuffer.utf8("\"" + java.time.LocalDate.ofEpochDay(epochDay) + "T");
    }
    return dateParts[slot];
  }

  /** {@code "yyyy-MM-ddTHH:mm:ssZ"} (Graph). */
  void graph(long millis, JsonLineBuffer out) {
    time(millis, out);
    out.ascii('Z').ascii('"');
  }

  /** {@code "yyyy-MM-ddTHH:mm:ss.SSSZ"} (Okta). */
  void okta(long millis, JsonLineBuffer out) {
    time(millis, out);
    out.ascii('.').threeDigits((int) (Math.floorMod(millis, DAY) % 1000)).ascii('Z').ascii('"');
  }

  private void time(long millis, JsonLineBuffer out) {
    int secs = (int) (Math.floorMod(millis, DAY) / 1000);
    out.raw(date(Math.floorDiv(millis, DAY)))
        .twoDigits(secs / 3600)
        .ascii(':')
        .twoDigits(secs / 60 % 60)
        .ascii(':')
        .twoDigits(secs % 60);
  }
}
