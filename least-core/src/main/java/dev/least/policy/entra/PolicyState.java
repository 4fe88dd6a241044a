package dev.least.policy.entra;

import org.jspecify.annotations.Nullable;

/** Conditional Access policy state. */
public enum PolicyState {
  ENABLED("enabled"),
  DISABLED("disabled"),
  REPORT_ONLY("enabledForReportingButNotEnforced"),
  UNKNOWN("unknown");

  private final String wire;

  PolicyState(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static PolicyState parse(@Nullable String value) {
    for (PolicyState s : values()) {
      if (s.wire.equals(value)) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
