package dev.least.connector.okta;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Okta's System Log names countries in English ({@code "United States"}); network zones and Entra
 * use ISO 3166-1 alpha-2 codes. This maps a name to its code (by the JDK's English country names,
 * case-insensitively, plus the few names Okta's geo data spells differently); an unknown name is
 * kept as given, a two-letter value is taken as a code already.
 */
final class OktaCountries {
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
    CODES.put("russian federation", "RU");
    CODES.put("republic of korea", "KR");
    CODES.put("korea, republic of", "KR");
    CODES.put("czech republic", "CZ");
    CODES.put("the netherlands", "NL");
    CODES.put("viet nam", "VN");
    CODES.put("taiwan, province of china", "TW");
  }

  private OktaCountries() {}

  static @Nullable String code(@Nullable String country) {
    if (country == null) {
      return null;
    }
    String exact = EXACT.get(country);
    if (exact != null) {
      return exact;
    }
    if (country.length() == 2) {
      return country.toUpperCase(Locale.ROOT);
    }
    String code = CODES.get(country.toLowerCase(Locale.ROOT));
    return code == null ? country : code;
  }
}
