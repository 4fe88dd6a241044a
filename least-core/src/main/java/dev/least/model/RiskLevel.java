package dev.least.model;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Risk level as Entra ({@code riskLevelDuringSignIn}, CA {@code signInRiskLevels}) and Okta ({@code
 * debugContext.debugData.risk level}, rule {@code riskScore.level}) give it.
 */
public enum RiskLevel {
  NONE,
  LOW,
  MEDIUM,
  HIGH,
  HIDDEN,
  UNKNOWN;

  /** Parses a vendor value case-insensitively; an absent value is NONE, an unknown one UNKNOWN. */
  public static RiskLevel parse(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return NONE;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "none" -> NONE;
      case "low" -> LOW;
      case "medium" -> MEDIUM;
      case "high" -> HIGH;
      case "hidden" -> HIDDEN;
      default -> UNKNOWN;
    };
  }
}
