package dev.least.connector.generate;

import java.util.Locale;

/** Which identity platforms the generated tenant has. HR is always written. */
public enum PlatformChoice {
  ENTRA,
  OKTA,
  BOTH;

  public boolean entra() {
    return this != OKTA;
  }

  public boolean okta() {
    return this != ENTRA;
  }

  /** The option spelling: {@code entra}, {@code okta}, {@code both}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the option spelling.
   *
   * @throws IllegalArgumentException naming the value when it is none of entra, okta, both
   */
  public static PlatformChoice parse(String value) {
    for (PlatformChoice p : values()) {
      if (p.wire().equals(value)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "Expected platform 'entra', 'okta' or 'both' but was '" + value + "'");
  }
}
