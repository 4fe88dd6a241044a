package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import dev.least.app.workflow.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Users (local, and those an OIDC sign-in created) and API tokens. A token is shown once, when
 * created ({@code lst_} + 32 random bytes, base64url); only its SHA-256 is stored.
 */
public final class UserRepository {
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The password hash of users created by an OIDC sign-in: not a bcrypt hash, so no password ever
   * matches it and such a user cannot sign in with the local form.
   */
  public static final String NO_PASSWORD = "-oidc-no-password-";

  private static final String ACCOUNT_COLUMNS =
      "username, role, enabled, oidc_issuer, oidc_subject, created_at, last_login_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  public UserRepository(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(requireNonNull(dataSource, "dataSource"));
    this.clock = requireNonNull(clock, "clock");
  }

  public long count() {
    return requireNonNull(jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single(), "n");
  }

  /** Creates a user; {@code passwordHash} is already bcrypt-encoded. */
  public StoredUser create(String username, String passwordHash, Role role) {
    jdbc.sql(
            "INSERT INTO users (username, password_hash, role, enabled, created_at)"
                + " VALUES (?, ?, ?, TRUE, ?)")
        .params(username, passwordHash, role.wire(), Timestamps.of(clock.instant()))
        .update();
    return new StoredUser(username, passwordHash, role, true);
  }

  public Optional<StoredUser> find(String username) {
    return jdbc.sql("SELECT username, password_hash, role, enabled FROM users WHERE username = ?")
        .param(username)
        .query(
            (rs, n) ->
                new StoredUser(
                    rs.getString("username"),
                    rs.getString("password_hash"),
                    Role.fromWire(rs.getString("role")),
                    rs.getBoolean("enabled")))
        .optional();
  }

  /** Every user, local and OIDC, by name. */
  public List<UserAccount> accounts() {
    return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM users ORDER BY username")
        .query((rs, n) -> account(rs))
        .list();
  }

  public Optional<UserAccount> account(String username) {
    return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM users WHERE username = ?")
        .param(username)
        .query((rs, n) -> account(rs))
        .optional();
  }

  /** The user an earlier sign-in with this issuer and subject created. */
  public Optional<UserAccount> findOidc(String issuer, String subject) {
    return jdbc.sql(
            "SELECT " + ACCOUNT_COLUMNS + " FROM users WHERE oidc_issuer = ? AND oidc_subject = ?")
        .params(issuer, subject)
        .query((rs, n) -> account(rs))
        .optional();
  }

  /** Creates the user of a first OIDC sign-in (no password), signed in now. */
  public void createOidc(String username, String issuer, String subject, Role role) {
    var now = Timestamps.of(clock.instant());
    jdbc.sql(
            "INSERT INTO users (username, password_hash, role, enabled, created_at, oidc_issuer,"
                + " oidc_subject, last_login_at) VALUES (?, ?, ?, TRUE, ?, ?, ?, ?)")
        .params(username, NO_PASSWORD, role.wire(), now, issuer, subject, now)
        .update();
  }

  /** Records an interactive sign-in. */
  public void recordLogin(String username) {
    jdbc.sql("UPDATE users SET last_login_at = ? WHERE username = ?")
        .params(Timestamps.of(clock.instant()), username)
        .update();
  }

  /** Changes the role; false when there is no such user. */
  public boolean setRole(String username, Role role) {
    return jdbc.sql("UPDATE users SET role = ? WHERE username = ?")
            .params(role.wire(), username)
            .update()
        == 1;
  }

  /** Enables or disables; false when there is no such user. */
  public boolean setEnabled(String username, boolean enabled) {
    return jdbc.sql("UPDATE users SET enabled = ? WHERE username = ?")
            .params(enabled, username)
            .update()
        == 1;
  }

  /**
   * The enabled admins, their rows locked until the transaction ends: two admins demoting or
   * disabling each other at once cannot both pass a "not the last admin" check. Call inside a
   * transaction.
   */
  public List<String> lockEnabledAdmins() {
    return jdbc.sql(
            "SELECT username FROM users WHERE role = ? AND enabled = TRUE ORDER BY username"
                + " FOR UPDATE")
        .param(Role.ADMIN.wire())
        .query(String.class)
        .list();
  }

  /** Every token (revoked ones too), newest first; never the token itself. */
  public List<ApiToken> tokens() {
    return jdbc.sql(
            "SELECT id, username, name, created_at, revoked FROM api_tokens ORDER BY id DESC")
        .query((rs, n) -> token(rs))
        .list();
  }

  public Optional<ApiToken> token(long id) {
    return jdbc.sql("SELECT id, username, name, created_at, revoked FROM api_tokens WHERE id = ?")
        .param(id)
        .query((rs, n) -> token(rs))
        .optional();
  }

  private static ApiToken token(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new ApiToken(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("name"),
        Timestamps.get(rs, "created_at"),
        rs.getBoolean("revoked"));
  }

  /** Revokes a token; false when there is no such token or it was revoked already. */
  public boolean revokeToken(long id) {
    return jdbc.sql("UPDATE api_tokens SET revoked = TRUE WHERE id = ? AND revoked = FALSE")
            .param(id)
            .update()
        == 1;
  }

  private static UserAccount account(java.sql.ResultSet rs) throws java.sql.SQLException {
    var last = rs.getObject("last_login_at", java.time.OffsetDateTime.class);
    return new UserAccount(
        rs.getString("username"),
        Role.fromWire(rs.getString("role")),
        rs.getBoolean("enabled"),
        rs.getString("oidc_issuer"),
        rs.getString("oidc_subject"),
        Timestamps.get(rs, "created_at"),
        last == null ? null : last.toInstant());
  }

  /** Creates a token for {@code username} and returns it (the only time it is visible). */
  public String createToken(String username, String name) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = "lst_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    jdbc.sql(
            "INSERT INTO api_tokens (token_hash, username, name, created_at, revoked)"
                + " VALUES (?, ?, ?, ?, FALSE)")
        .params(sha256(token), username, name, Timestamps.of(clock.instant()))
        .update();
    return token;
  }

  /** The enabled owner of an unrevoked token. */
  public Optional<StoredUser> findByToken(String token) {
    return findByTokenHash(sha256(token));
  }

  /** The enabled owner of the unrevoked token whose SHA-256 (hex) is {@code tokenHash}. */
  Optional<StoredUser> findByTokenHash(String tokenHash) {
    return jdbc.sql(
            "SELECT u.username, u.password_hash, u.role, u.enabled FROM api_tokens t"
                + " JOIN users u ON u.username = t.username"
                + " WHERE t.token_hash = ? AND t.revoked = FALSE AND u.enabled = TRUE")
        .param(tokenHash)
        .query(
            (rs, n) ->
                new StoredUser(
                    rs.getString("username"),
                    rs.getString("password_hash"),
                    Role.fromWire(rs.getString("role")),
                    rs.getBoolean("enabled")))
        .optional();
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
