package dev.least.app.store;

import static java.util.Objects.requireNonNull;

/** A tenant the server holds snapshots of. */
public record Tenant(long id, String name) {
  public Tenant {
    requireNonNull(name, "name");
  }
}
