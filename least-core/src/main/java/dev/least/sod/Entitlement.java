package dev.least.sod;

import static java.util.Objects.requireNonNull;

/** Something a user can hold: a group, an app or a directory role, by vendor id and name. */
public record Entitlement(Kind kind, String id, String name) {
  /** The kinds of entitlement. */
  public enum Kind {
    GROUP,
    APP,
    ROLE;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Entitlement {
    requireNonNull(kind, "kind");
    requireNonNull(id, "id");
    requireNonNull(name, "name");
  }
}
