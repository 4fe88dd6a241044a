package dev.least.model;

import static java.util.Objects.requireNonNull;

/** A reference to a user, group or service principal by its vendor id. */
public record Principal(PrincipalKind kind, String id) {
  public Principal {
    requireNonNull(kind, "kind");
    requireNonNull(id, "id");
  }
}
