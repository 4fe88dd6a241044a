package dev.least.connector.entra;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Parses the timestamps Entra sources write, without {@code DateTimeFormatter}: Graph's {@code
 * 2020-03-13T19:15:41.6195833Z} (0 to 9 fractional digits, {@code Z} or an offset such as {@code
 * +02:00}), and the zone-less forms SIEMs store ({@code 2025-01-15 09:30:45.123}, {@code
 * 2023-07-26T22:58:30.983201900}), which are UTC. Precision below a millisecond is dropped
 * (truncated, never rounded up).
 */
public final class EntraTimestamps {
  /** Returned by {@link #parseMillis} for text that is not a timestamp. */
  public static final long INVALID = Long.MIN_VALUE;

  private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private EntraTimestamps() {}

  /** Epoch milliseconds of {@code text}, or {@link #INVALID}. */
  public static long parseMillis(@Nullable String text) {
    if (text == null) {
      return INVALID;
    }
    int n = text.length();
    if (n < 19
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || (text.charAt(10) != 'T' && text.charAt(10) != ' ' && text.charAt(10) != 't')
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return INVALID;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
      return INVALID;
    }
    if (hour < 0 || minute < 0 || second < 0 || day > daysInMonth(year, month)) {
      return INVALID;
    }
    int i = 19;
    int millis = 0;
    if (i < n && text.charAt(i) == '.') {
      i++;
      int start = i;
      while (i < n && isDigit(text.charAt(i))) {
        if (i - start < 3) {
          millis = millis * 10 + (text.charAt(i) - '0');
        }
        i++;
      }
      int count = i - start;
      if (count == 0 || count > 9) {
        return INVALID;
      }
      for (int k = count; k < 3; k++) {
        millis *= 10;
      }
    }
    int offsetSeconds = 0;
    if (i < n) {
      char c = text.charAt(i);
      if ((c == 'Z' || c == 'z') && i + 1 == n) {
        i++;
      } else if (c == '+' || c == '-') {
        int oh;
        int om;
        if (n - i == 6 && text.charAt(i + 3) == ':') {
          oh = digits(text, i + 1, 2);
          om = digits(text, i + 4, 2);
        } else if (n - i == 5) {
          oh = digits(text, i + 1, 2);
          om = digits(text, i + 3, 2);
        } else if (n - i == 3) {
          oh = digits(text, i + 1, 2);
          om = 0;
        } else {
          return INVALID;
        }
        if (oh < 0 || om < 0 || oh > 18 || om > 59) {
          return INVALID;
        }
        offsetSeconds = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
        i = n;
      } else {
        return INVALID;
      }
    }
    if (i != n) {
      return INVALID;
    }
    long days = epochDay(year, month, day);
    long seconds = days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return seconds * 1000L + millis;
  }

  /** As {@link #parseMillis}, as an instant; null for null or unparsable text. */
  public static @Nullable Instant parseInstant(@Nullable String text) {
    long ms = parseMillis(text);
    return ms == INVALID ? null : Instant.ofEpochMilli(ms);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }

  private static int daysInMonth(int year, int month) {
    return month == 2 && leap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  }

  /** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
  private static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int mp = (month + 9) % 12;
    int doy = (153 * mp + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (long) era * 146_097 + doe - 719_468;
  }
}
