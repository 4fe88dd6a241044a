package dev.least.sod;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Case-insensitive name patterns for SoD rules: {@code *} matches any run of characters; a name
 * without {@code *} must match exactly (ids or names).
 */
final class Glob {
  private Glob() {}

  static boolean matches(String pattern, String value) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String v = value.toLowerCase(Locale.ROOT);
    if (p.indexOf('*') < 0) {
      return p.equals(v);
    }
    String regex =
        Arrays.stream(p.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
    return Pattern.compile(regex, Pattern.DOTALL).matcher(v).matches();
  }
}
