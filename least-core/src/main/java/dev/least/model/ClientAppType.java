package dev.least.model;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Client app type in Conditional Access terms. The sign-in log's {@code clientAppUsed} strings map
 * onto these: legacy protocols (IMAP4, POP3, SMTP, MAPI, …) are {@link #OTHER}.
 */
public enum ClientAppType {
  BROWSER,
  MOBILE_APPS_AND_DESKTOP_CLIENTS,
  EXCHANGE_ACTIVE_SYNC,
  OTHER,
  UNKNOWN;

  /**
   * Maps Entra's {@code clientAppUsed} ("Browser", "Mobile Apps and Desktop clients", "Exchange
   * ActiveSync", "IMAP4", …) to the CA client app type. Null or empty is UNKNOWN.
   */
  public static ClientAppType fromClientAppUsed(@Nullable String used) {
    if (used == null || used.isEmpty()) {
      return UNKNOWN;
    }
    String v = used.toLowerCase(Locale.ROOT);
    if (v.equals("browser")) {
      return BROWSER;
    }
    if (v.startsWith("mobile apps and desktop")) {
      return MOBILE_APPS_AND_DESKTOP_CLIENTS;
    }
    if (v.equals("exchange activesync") || v.equals("exchangeactivesync")) {
      return EXCHANGE_ACTIVE_SYNC;
    }
    // every other documented value is a legacy ("other clients") protocol
    return OTHER;
  }

  /**
   * Parses a CA policy {@code clientAppTypes} value; "all" is not a member (it means every one).
   */
  public static ClientAppType fromPolicyValue(String value) {
    return switch (value) {
      case "browser" -> BROWSER;
      case "mobileAppsAndDesktopClients", "modern" -> MOBILE_APPS_AND_DESKTOP_CLIENTS;
      case "exchangeActiveSync", "easSupported", "easUnsupported" -> EXCHANGE_ACTIVE_SYNC;
      case "other" -> OTHER;
      default -> UNKNOWN;
    };
  }
}
