package dev.least.app.workflow;

import static java.util.Objects.requireNonNull;

/** The person (or automation token's owner) acting. */
public record Actor(String name, Role role) {
  public Actor {
    requireNonNull(name, "name");
    requireNonNull(role, "role");
    if (name.isBlank()) {
      throw new IllegalArgumentException("actor name must not be blank");
    }
  }
}
