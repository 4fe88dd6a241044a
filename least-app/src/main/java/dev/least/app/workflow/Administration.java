package dev.least.app.workflow;

import static java.util.Objects.requireNonNull;

import dev.least.app.audit.AuditEntry;
import dev.least.app.audit.AuditLog;
import dev.least.app.store.ApiToken;
import dev.least.app.store.StoredUser;
import dev.least.app.store.Tenant;
import dev.least.app.store.TenantRepository;
import dev.least.app.store.UserAccount;
import dev.least.app.store.UserRepository;
import dev.least.model.TenantSettings;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who has access and what is protected: users (local and OIDC), API tokens and a tenant's
 * guardrails. Every change writes an audit row in the same transaction; the API and the dashboard
 * both call this, so the rules hold for both:
 *
 * <ul>
 *   <li>nobody disables themselves, and the last enabled admin can be neither disabled nor given
 *       another role (the enabled admins are locked while this is checked);
 *   <li>an OIDC user's role comes from the identity provider's claims at each sign-in, so it is not
 *       changed here (disable it instead, or change the provider's groups);
 *   <li>an OIDC sign-in creates the user on first sign-in (issuer + subject is the identity, the
 *       name stays the one of the first sign-in), updates its role and last sign-in afterwards, and
 *       refuses a disabled user or a name that another account holds.
 * </ul>
 */
public final class Administration {
  /** The actor of changes made by a sign-in rather than by a person. */
  static final String SYSTEM = "system";

  /** Why a change was refused; stable codes for the API. */
  public enum Reason {
    NOT_FOUND,
    LAST_ADMIN,
    OWN_ACCOUNT,
    NAME_TAKEN,
    MANAGED_BY_PROVIDER,
    DISABLED
  }

  /** A refused change. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    public Refused(Reason reason, String message) {
      super(message);
      this.reason = requireNonNull(reason, "reason");
    }

    public Reason reason() {
      return reason;
    }

    /** The problem code, e.g. {@code last-admin}. */
    public String code() {
      return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  private final UserRepository users;
  private final TenantRepository tenants;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final PasswordEncoder passwords;

  public Administration(
      UserRepository users,
      TenantRepository tenants,
      AuditLog audit,
      TransactionTemplate tx,
      PasswordEncoder passwords) {
    this.users = requireNonNull(users, "users");
    this.tenants = requireNonNull(tenants, "tenants");
    this.audit = requireNonNull(audit, "audit");
    this.tx = requireNonNull(tx, "tx");
    this.passwords = requireNonNull(passwords, "passwords");
  }

  /** Every user, by name. */
  public List<UserAccount> users() {
    return users.accounts();
  }

  /** Every API token, newest first (never the token itself). */
  public List<ApiToken> tokens() {
    return users.tokens();
  }

  /** Creates a local user with a bcrypt-encoded {@code password}. */
  public UserAccount createLocal(Actor admin, String username, String password, Role role) {
    if (password.length() < 12 || password.length() > 72) {
      throw new IllegalArgumentException("a password has 12 to 72 characters");
    }
    if (!username.matches("[A-Za-z0-9._@-]{1,100}")) {
      throw new IllegalArgumentException(
          "a user name has 1 to 100 letters, digits, '.', '_', '@' or '-'");
    }
    String hash = passwords.encode(password);
    return requireNonNull(
        tx.execute(
            s -> {
              if (users.account(username).isPresent()) {
                throw new Refused(Reason.NAME_TAKEN, "a user named " + username + " exists");
              }
              users.create(username, hash, role);
              audit.append(
                  entry(admin.name(), "user.create", username, null, role.wire(), "local user"));
              return users.account(username).orElseThrow();
            }),
        "user");
  }

  /** Gives a local user another role. */
  public UserAccount changeRole(Actor admin, String username, Role role) {
    return requireNonNull(
        tx.execute(
            s -> {
              UserAccount u = existing(username);
              if (u.oidc()) {
                throw new Refused(
                    Reason.MANAGED_BY_PROVIDER,
                    username
                        + " signs in through OIDC: the role comes from the provider's claims at"
                        + " each sign-in (least.oidc.role-mapping.*); disable the user instead");
              }
              if (u.role() == role) {
                return u;
              }
              if (u.role() == Role.ADMIN && u.enabled()) {
                requireAnotherAdmin(username, "give " + username + " another role");
              }
              users.setRole(username, role);
              audit.append(
                  entry(admin.name(), "user.role", username, u.role().wire(), role.wire(), null));
              return existing(username);
            }),
        "user");
  }

  /** Enables or disables a user (local or OIDC); nobody disables themselves. */
  public UserAccount setEnabled(Actor admin, String username, boolean enabled) {
    return requireNonNull(
        tx.execute(
            s -> {
              UserAccount u = existing(username);
              if (u.enabled() == enabled) {
                return u;
              }
              if (!enabled) {
                if (username.equals(admin.name())) {
                  throw new Refused(Reason.OWN_ACCOUNT, "you cannot disable your own account");
                }
                if (u.role() == Role.ADMIN) {
                  requireAnotherAdmin(username, "disable " + username);
                }
              }
              users.setEnabled(username, enabled);
              audit.append(
                  entry(
                      admin.name(),
                      enabled ? "user.enable" : "user.disable",
                      username,
                      enabled ? "disabled" : "enabled",
                      enabled ? "enabled" : "disabled",
                      null));
              return existing(username);
            }),
        "user");
  }

  /** A new token for {@code owner} (the caller itself, or any user for an admin). Shown once. */
  public String issueToken(Actor actor, String owner, String name) {
    if (name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("a token name has 1 to 100 characters");
    }
    return requireNonNull(
        tx.execute(
            s -> {
              UserAccount u = existing(owner);
              if (!u.enabled()) {
                throw new Refused(Reason.DISABLED, owner + " is disabled");
              }
              String token = users.createToken(owner, name);
              audit.append(
                  new AuditEntry(
                      actor.name(),
                      "token.create",
                      "user",
                      owner,
                      null,
                      null,
                      null,
                      null,
                      null,
                      "token '" + name + "' with the role " + u.role().wire()));
              return token;
            }),
        "token");
  }

  /** Revokes a token; refused when it does not exist, done when it was revoked already. */
  public ApiToken revokeToken(Actor actor, long id) {
    return requireNonNull(
        tx.execute(
            s -> {
              ApiToken t =
                  users
                      .token(id)
                      .orElseThrow(() -> new Refused(Reason.NOT_FOUND, "no token " + id));
              if (users.revokeToken(id)) {
                audit.append(
                    new AuditEntry(
                        actor.name(),
                        "token.revoke",
                        "user",
                        t.username(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        "token " + id + " '" + t.name() + "'"));
              }
              return users.token(id).orElseThrow();
            }),
        "token");
  }

  /** Replaces the tenant's guardrails. */
  public TenantSettings.Guardrails replaceGuardrails(
      Actor admin, String tenantName, TenantSettings.Guardrails g) {
    Tenant t =
        tenants
            .find(tenantName)
            .orElseThrow(() -> new Refused(Reason.NOT_FOUND, "no tenant " + tenantName));
    tx.executeWithoutResult(
        s -> {
          tenants.replaceGuardrails(t.id(), g);
          audit.append(
              new AuditEntry(
                  admin.name(),
                  "guardrails",
                  "tenant",
                  t.name(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  "users="
                      + g.protectedUsers()
                      + " groups="
                      + g.protectedGroups()
                      + " policies="
                      + g.protectedPolicies()));
        });
    return tenants.guardrails(t.id());
  }

  /**
   * The stored user for an OIDC sign-in by {@code subject} at {@code issuer}: created on the first
   * sign-in with {@code username} (audited, actor {@code system}); afterwards the role is updated
   * to {@code role} (audited when it changes) and the sign-in time recorded.
   *
   * @throws Refused {@code DISABLED} when an admin disabled the user, {@code NAME_TAKEN} when a
   *     first sign-in's name belongs to another account (a local user or another identity)
   */
  public StoredUser oidcSignIn(String issuer, String subject, String username, Role role) {
    return requireNonNull(
        tx.execute(
            s -> {
              Optional<UserAccount> known = users.findOidc(issuer, subject);
              if (known.isEmpty()) {
                Optional<UserAccount> sameName = users.account(username);
                if (sameName.isPresent()) {
                  throw new Refused(
                      Reason.NAME_TAKEN,
                      "the user name "
                          + username
                          + " belongs to another account ("
                          + (sameName.get().oidc() ? "another OIDC identity" : "a local user")
                          + ")");
                }
                users.createOidc(username, issuer, subject, role);
                audit.append(
                    entry(
                        SYSTEM,
                        "user.create",
                        username,
                        null,
                        role.wire(),
                        "first OIDC sign-in: issuer " + issuer + ", subject " + subject));
                return stored(username);
              }
              UserAccount u = known.get();
              if (!u.enabled()) {
                throw new Refused(
                    Reason.DISABLED, u.username() + " is disabled in Least; ask an admin");
              }
              if (u.role() != role) {
                users.setRole(u.username(), role);
                audit.append(
                    entry(
                        SYSTEM,
                        "user.role",
                        u.username(),
                        u.role().wire(),
                        role.wire(),
                        "mapped from the ID token's claims at OIDC sign-in"));
              }
              users.recordLogin(u.username());
              return stored(u.username());
            }),
        "user");
  }

  /** Records an interactive sign-in of a local user (form login). */
  public void localSignIn(String username) {
    users.recordLogin(username);
  }

  private StoredUser stored(String username) {
    return users.find(username).orElseThrow(() -> new IllegalStateException("vanished"));
  }

  private UserAccount existing(String username) {
    return users
        .account(username)
        .orElseThrow(() -> new Refused(Reason.NOT_FOUND, "no user " + username));
  }

  private void requireAnotherAdmin(String username, String what) {
    List<String> admins = users.lockEnabledAdmins();
    if (admins.stream().noneMatch(a -> !a.equals(username))) {
      throw new Refused(
          Reason.LAST_ADMIN,
          "cannot " + what + ": it is the last enabled admin (make another user admin first)");
    }
  }

  private static AuditEntry entry(
      String actor,
      String action,
      String username,
      @Nullable String from,
      @Nullable String to,
      @Nullable String rationale) {
    return new AuditEntry(actor, action, "user", username, from, to, null, null, null, rationale);
  }
}
