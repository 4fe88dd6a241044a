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
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Local users and API tokens. A token is shown once, when created ({@code lst_} + 32 random bytes,
 * base64url); only its SHA-256 is stored.
 */
public final class UserRepository {
  private static final SecureRandom RANDOM = new SecureRandom();

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
