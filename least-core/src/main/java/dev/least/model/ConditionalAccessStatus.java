package dev.least.model;

import org.jspecify.annotations.Nullable;

/**
 * Entra's sign-in-level {@code conditionalAccessStatus}: whether Conditional Access as a whole
 * granted, blocked or did not apply to the sign-in. Okta logs have no such field: {@link
 * #NOT_LOGGED}.
 */
public enum ConditionalAccessStatus {
  /** The record has no {@code conditionalAccessStatus} (Okta, or a trimmed Entra record). */
  NOT_LOGGED(""),
  SUCCESS("success"),
  FAILURE("failure"),
  NOT_APPLIED("notApplied"),
  /** Graph's evolvable-enum sentinel; a value Least does not know yet is read as this too. */
  UNKNOWN_FUTURE_VALUE("unknownFutureValue");

  private final String wire;

  ConditionalAccessStatus(String wire) {
    this.wire = wire;
  }

  /** Graph's spelling; "" for {@link #NOT_LOGGED}. */
  public String wire() {
    return wire;
  }

  /**
   * Parses Graph's spelling (case-insensitive). Null or "" is {@link #NOT_LOGGED}; any other value
   * is {@link #UNKNOWN_FUTURE_VALUE}, as Graph documents for values added after a client was
   * written.
   */
  public static ConditionalAccessStatus parse(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return NOT_LOGGED;
    }
    switch (value) {
      case "success":
        return SUCCESS;
      case "failure":
        return FAILURE;
      case "notApplied":
        return NOT_APPLIED;
      default:
        for (ConditionalAccessStatus s : values()) {
          if (s != NOT_LOGGED && s.wire.equalsIgnoreCase(value)) {
            return s;
          }
        }
        return UNKNOWN_FUTURE_VALUE;
    }
  }
}
