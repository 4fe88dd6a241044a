package dev.least.connector.okta;

/**
 * Parses the timestamps Okta data carries, by hand (no {@code java.time} formatter on the hot
 * path): the API form {@code 2024-08-13T15:58:20.353Z}, and the forms a data lake stores, {@code
 * 2021-01-08 21:28:34.875} and {@code 2020-11-25 21:27:03.496000000} (space instead of {@code T},
 * no zone, up to nine fraction digits). A time without a zone is UTC; an explicit {@code ±hh:mm}
 * offset is applied. Fractions beyond milliseconds are truncated.
 */
final class OktaTimestamps {
  /** Returned when the text is not a timestamp. */
  static final long INVALID = Long.MIN_VALUE;

  private OktaTimestamps() {}

  /** Epoch milliseconds of {@code s}, or {@link #INVALID}. */
  static long parseMillis(String s) {
    return parseMillis(s.toCharArray(), 0, s.length());
  }

  /**
   * Epoch milliseconds of {@code len} characters of {@code c} from {@code off} (a parser's buffer),
   * or {@link #INVALID}.
   */
  static long parseMillis(char[] c, int off, int len) {
    int n = len;
    if (n < 19) {
      return INVALID;
    }
    int year = digits(c, off, 0, 4);
    if (year < 0 || at(c, off, 4) != '-') {
      return INVALID;
    }
    int month = digits(c, off, 5, 2);
    if (month < 1 || month > 12 || at(c, off, 7) != '-') {
      return INVALID;
    }
    int day = digits(c, off, 8, 2);
    if (day < 1 || day > daysInMonth(year, month)) {
      return INVALID;
    }
    char sep = at(c, off, 10);
    if (sep != 'T' && sep != ' ' && sep != 't') {
      return INVALID;
    }
    int hour = digits(c, off, 11, 2);
    int minute = digits(c, off, 14, 2);
    int second = digits(c, off, 17, 2);
    if (hour < 0
        || hour > 23
        || at(c, off, 13) != ':'
        || minute < 0
        || minute > 59
        || at(c, off, 16) != ':'
        || second < 0
        || second > 59) {
      return INVALID;
    }
    int i = 19;
    int millis = 0;
    if (i < n && at(c, off, i) == '.') {
      i++;
      int start = i;
      while (i < n && isDigit(at(c, off, i))) {
        if (i - start < 3) {
          millis = millis * 10 + (at(c, off, i) - '0');
        }
        i++;
      }
      int count = i - start;
      if (count == 0) {
        return INVALID;
      }
      for (int k = count; k < 3; k++) {
        millis *= 10;
      }
    }
    int offsetSeconds = 0;
    if (i < n) {
      char z = at(c, off, i);
      if ((z == 'Z' || z == 'z') && i + 1 == n) {
        i++;
      } else if ((z == '+' || z == '-') && n - i == 6 && at(c, off, i + 3) == ':') {
        int oh = digits(c, off, i + 1, 2);
        int om = digits(c, off, i + 4, 2);
        if (oh < 0 || oh > 18 || om < 0 || om > 59) {
          return INVALID;
        }
        offsetSeconds = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
        i = n;
      } else {
        return INVALID;
      }
    }
    long days = epochDay(year, month, day);
    long secs = days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return secs * 1000L + millis;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static char at(char[] c, int off, int i) {
    return c[off + i];
  }

  private static int digits(char[] c, int off, int from, int count) {
    int v = 0;
    for (int i = off + from; i < off + from + count; i++) {
      char d = c[i];
      if (!isDigit(d)) {
        return -1;
      }
      v = v * 10 + (d - '0');
    }
    return v;
  }

  private static boolean leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  }

  private static int daysInMonth(int y, int m) {
    return switch (m) {
      case 2 -> leap(y) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long mp = (month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
