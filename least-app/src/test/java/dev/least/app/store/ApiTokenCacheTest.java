package dev.least.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.app.workflow.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Token owners remembered for a short time (issue 7): revocation, a disabled user and a new role
 * take effect once the remembered answer is older than the time to live, at once with a time to
 * live of zero; unknown tokens are never remembered.
 */
class ApiTokenCacheTest {
  private static final Duration TTL = Duration.ofSeconds(5);

  private final TestDatabase db = TestDatabase.h2();
  private final UserRepository users = new UserRepository(db.dataSource(), Clock.systemUTC());
  private final AtomicLong now = new AtomicLong(1_000);

  @AfterEach
  void close() {
    db.close();
  }

  private ApiTokenCache cache(Duration ttl) {
    return new ApiTokenCache(users, ttl, now::get);
  }

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void ownerWhenTokenRevokedThenStillKnownUntilTtlThenRefused() {
    users.create("ana", "x", Role.ANALYST);
    String token = users.createToken("ana", "ci");
    ApiTokenCache cache = cache(TTL);
    assertThat(cache.owner(token)).map(StoredUser::username).contains("ana");

    db.exec("UPDATE api_tokens SET revoked = TRUE");
    advance(TTL.minusMillis(1));
    assertThat(cache.owner(token)).map(StoredUser::username).contains("ana");
    advance(Duration.ofMillis(1));
    assertThat(cache.owner(token)).isEmpty();
    assertThat(cache.owner(token)).isEmpty();
  }

  @Test
  void ownerWhenTtlZeroThenRevocationRefusedAtOnce() {
    users.create("ana", "x", Role.ANALYST);
    String token = users.createToken("ana", "ci");
    ApiTokenCache cache = cache(Duration.ZERO);
    assertThat(cache.owner(token)).isPresent();
    db.exec("UPDATE api_tokens SET revoked = TRUE");
    assertThat(cache.owner(token)).isEmpty();
  }

  @Test
  void ownerWhenUserDisabledOrRoleChangedThenSeenAfterTtl() {
    users.create("ana", "x", Role.ADMIN);
    users.create("bob", "x", Role.ADMIN);
    String anaToken = users.createToken("ana", "ci");
    String bobToken = users.createToken("bob", "ci");
    ApiTokenCache cache = cache(TTL);
    assertThat(cache.owner(anaToken)).map(StoredUser::role).contains(Role.ADMIN);
    assertThat(cache.owner(bobToken)).isPresent();

    db.exec("UPDATE users SET role = 'viewer' WHERE username = 'ana'");
    db.exec("UPDATE users SET enabled = FALSE WHERE username = 'bob'");
    advance(TTL);
    assertThat(cache.owner(anaToken)).map(StoredUser::role).contains(Role.VIEWER);
    assertThat(cache.owner(bobToken)).isEmpty();
  }

  @Test
  void ownerWhenUnknownThenNotRememberedSoATokenAddedLaterWorksAtOnce() {
    users.create("ana", "x", Role.VIEWER);
    ApiTokenCache cache = cache(TTL);
    assertThat(cache.owner("lst_later")).isEmpty();
    db.exec(
        "INSERT INTO api_tokens (token_hash, username, name, created_at, revoked) VALUES ('"
            + UserRepository.sha256("lst_later")
            + "', 'ana', 'later', CURRENT_TIMESTAMP, FALSE)");
    assertThat(cache.owner("lst_later")).map(StoredUser::username).contains("ana");
  }

  @Test
  void ownerWhenOtherTokenOfSameUserThenLookedUpOnItsOwn() {
    users.create("ana", "x", Role.VIEWER);
    String first = users.createToken("ana", "one");
    String second = users.createToken("ana", "two");
    ApiTokenCache cache = cache(TTL);
    assertThat(cache.owner(first)).isPresent();
    db.exec(
        "UPDATE api_tokens SET revoked = TRUE WHERE token_hash = '"
            + UserRepository.sha256(second)
            + "'");
    assertThat(cache.owner(second)).isEmpty();
    assertThat(cache.owner(first)).isPresent();
  }
}
