package dev.least.app.workflow;

import java.util.Locale;

/** What a person may do, each role including the ones before it. */
public enum Role {
  /** Reads everything. */
  VIEWER,
  /** Imports snapshots, runs analyses, comments, defers and reopens. */
  ANALYST,
  /** Approves, rejects, applies and rolls back. */
  APPROVER,
  /** Manages users, tokens and guardrails. */
  ADMIN;

  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromWire(String wire) {
    for (Role r : values()) {
      if (r.wire().equals(wire)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "Expected a role viewer, analyst, approver or admin but was '" + wire + "'");
  }
}
