package dev.least.sod;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Case-insensitive name patterns for SoD rules: {@code *} matches any run of characters; a name
 * without {@code *} must match exactly (ids or names). Patterns are compiled once.
 */
final class Glob {
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  private Glob() {}

  static boolean matches(String pattern, String value) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String v = value.toLowerCase(Locale.ROOT);
    if (p.indexOf('*') < 0) {
      return p.equals(v);
    }
    return COMPILED.computeIfAbsent(p, Glob::compile).matcher(v).matches();
  }

  private static Pattern compile(String p) {
    String regex =
        Arrays.stream(p.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
    return Pattern.compile(regex, Pattern.DOTALL);
  }
}
