package dev.least.roles;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * One column of a tenant's matrix: a group membership (transitive), an app assignment (direct or
 * through a group) or a directory role (by template id, directly or through a role-assignable
 * group).
 */
public record Entitlement(Kind kind, String id, String name) {
  /** What kind of access the column stands for; {@link #wire()} is the {@code Ref} kind. */
  public enum Kind {
    GROUP,
    APP,
    ROLE;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Entitlement {
    requireNonNull(kind, "kind");
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("Entitlement id must not be empty");
    }
  }

  /** The matrix column label, e.g. {@code group:7c1e…}. */
  public String key() {
    return kind.wire() + ":" + id;
  }

  /** How a reviewer reads it, e.g. {@code group 'Finance'}. */
  public String describe() {
    return kind.wire() + " '" + name + "'";
  }
}
