package dev.least.source;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ISO 3166-1 alpha-2 codes from what logs carry: Entra gives codes ({@code "GB"}), Okta's System
 * Log gives English names ({@code "United States"}). Names are matched by the JDK's English country
 * names, case-insensitively, plus the few spellings geo databases use differently.
 */
public final class CountryCodes {
  /** Lower-cased English name → code. */
  private static final Map<String, String> CODES = new HashMap<>();

  /** English name as the JDK spells it → code, looked up first (no lower-casing). */
  private static final Map<String, String> EXACT = new HashMap<>();

  static {
    for (String code : Locale.getISOCountries()) {
      String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
      EXACT.put(name, code);
      CODES.put(name.toLowerCase(Locale.ROOT), code);
    }
    CODES.put("united states of america", "US");
    CODES.put("usa", "US");
    CODES.put("russia", "RU");
    CODES.put("russian federation", "RU");
    CODES.put("south korea", "KR");
    CODES.put("republic of korea", "KR");
    CODES.put("korea, republic of", "KR");
    CODES.put("czech republic", "CZ");
    CODES.put("the netherlands", "NL");
    CODES.put("viet nam", "VN");
    CODES.put("taiwan, province of china", "TW");
  }

  private CountryCodes() {}

  /** The alpha-2 code, or null when the value is neither a code nor a known English name. */
  public static @Nullable String code(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String exact = EXACT.get(value);
    if (exact != null) {
      return exact;
    }
    String v = value.trim();
    if (v.length() == 2 && Character.isLetter(v.charAt(0)) && Character.isLetter(v.charAt(1))) {
      return v.toUpperCase(Locale.ROOT);
    }
    return CODES.get(v.toLowerCase(Locale.ROOT));
  }

  /** The alpha-2 code, or the value itself when it is not a known name (kept, never lost). */
  public static @Nullable String codeOrSame(@Nullable String value) {
    String code = code(value);
    return code == null ? value : code;
  }
}
