package dev.least.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One identity-provider account.
 *
 * @param login UPN (Entra) or {@code profile.login} (Okta)
 * @param employeeId Entra {@code employeeId} / Okta {@code profile.employeeNumber}, when set
 * @param created when the account was created, when the source says
 * @param lastSignIn last sign-in the directory reports (Entra {@code signInActivity}, Okta {@code
 *     lastLogin}); the log may know a later one
 */
public record Account(
    AccountId id,
    Source source,
    String login,
    @Nullable String email,
    @Nullable String displayName,
    AccountStatus status,
    AccountKind kind,
    @Nullable String employeeId,
    @Nullable String department,
    @Nullable String jobTitle,
    @Nullable String managerId,
    @Nullable Instant created,
    @Nullable Instant lastSignIn) {
  public Account {
    requireNonNull(id, "id");
    requireNonNull(source, "source");
    requireNonNull(login, "login");
    requireNonNull(status, "status");
    requireNonNull(kind, "kind");
  }
}
