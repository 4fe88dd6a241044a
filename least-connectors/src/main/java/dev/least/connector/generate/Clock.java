package dev.least.connector.generate;

/**
 * Formats epoch milliseconds as ISO-8601 UTC quickly, caching the date part per day: Graph style
 * ({@code 2026-11-16T14:51:00Z}) and Okta style with milliseconds ({@code ...00.646Z}).
 */
final class Clock {
  private long cachedDay = Long.MIN_VALUE;
  private String datePart = "";

  private String date(long epochDay) {
    if (epochDay != cachedDay) {
      cachedDay = epochDay;
      datePart = java.time.LocalDate.ofEpochDay(epochDay) + "T";
    }
    return datePart;
  }

  String graph(long millis) {
    long day = Math.floorDiv(millis, 86_400_000L);
    int secs = (int) (Math.floorMod(millis, 86_400_000L) / 1000);
    StringBuilder b = new StringBuilder(20).append(date(day));
    two(b, secs / 3600).append(':');
    two(b, secs / 60 % 60).append(':');
    two(b, secs % 60).append('Z');
    return b.toString();
  }

  String okta(long millis) {
    long day = Math.floorDiv(millis, 86_400_000L);
    int ms = (int) Math.floorMod(millis, 86_400_000L);
    int secs = ms / 1000;
    StringBuilder b = new StringBuilder(24).append(date(day));
    two(b, secs / 3600).append(':');
    two(b, secs / 60 % 60).append(':');
    two(b, secs % 60).append('.');
    int f = ms % 1000;
    b.append((char) ('0' + f / 100))
        .append((char) ('0' + f / 10 % 10))
        .append((char) ('0' + f % 10))
        .append('Z');
    return b.toString();
  }

  private static StringBuilder two(StringBuilder b, int v) {
    return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
