package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import dev.least.app.workflow.Role;

/** A local account: bcrypt password hash and one role. */
public record StoredUser(String username, String passwordHash, Role role, boolean enabled) {
  public StoredUser {
    requireNonNull(username, "username");
    requireNonNull(passwordHash, "passwordHash");
    requireNonNull(role, "role");
  }
}
