package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import dev.least.app.workflow.Role;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user as the administration pages show it: local (a bcrypt password) or signed in through OIDC
 * ({@code issuer} and {@code subject} set, no password), its role, whether it may sign in, when it
 * was created and when it last signed in interactively.
 */
public record UserAccount(
    String username,
    Role role,
    boolean enabled,
    @Nullable String issuer,
    @Nullable String subject,
    Instant createdAt,
    @Nullable Instant lastLoginAt) {
  public UserAccount {
    requireNonNull(username, "username");
    requireNonNull(role, "role");
    requireNonNull(createdAt, "createdAt");
  }

  /** True for a user created by an OIDC sign-in. */
  public boolean oidc() {
    return issuer != null;
  }
}
