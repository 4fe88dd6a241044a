package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** An API token as listed: never the token itself, only whose it is, its name and state. */
public record ApiToken(long id, String username, String name, Instant createdAt, boolean revoked) {
  public ApiToken {
    requireNonNull(username, "username");
    requireNonNull(name, "name");
    requireNonNull(createdAt, "createdAt");
  }
}
