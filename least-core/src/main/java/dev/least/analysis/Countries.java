package dev.least.analysis;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ISO 3166-1 alpha-2 codes from what logs carry: Entra gives codes ("GB"), Okta gives English names
 * ("United Kingdom", "United States").
 */
final class Countries {
  private static final Map<String, String> BY_NAME = new HashMap<>();

  static {
    for (String code : Locale.getISOCountries()) {
      String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
      BY_NAME.put(name.toLowerCase(Locale.ROOT), code);
    }
    BY_NAME.put("united states of america", "US");
    BY_NAME.put("usa", "US");
    BY_NAME.put("russia", "RU");
    BY_NAME.put("south korea", "KR");
  }

  private Countries() {}

  /** The alpha-2 code, or null when the value is neither a code nor a known English name. */
  static @Nullable String code(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (v.length() == 2 && Character.isLetter(v.charAt(0)) && Character.isLetter(v.charAt(1))) {
      return v.toUpperCase(Locale.ROOT);
    }
    return BY_NAME.get(v.toLowerCase(Locale.ROOT));
  }
}
