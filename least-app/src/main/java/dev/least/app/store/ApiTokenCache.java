package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * API token → its enabled owner, each answer remembered for a short time so that a client sending
 * hundreds of requests a second does not cost a database round trip per request. Only found owners
 * are remembered (an unknown or revoked token is looked up every time), keyed by the token's
 * SHA-256 as stored. A token revoked, or its user disabled or given another role, in the database
 * takes effect within {@code ttl} (immediately when {@code ttl} is zero, which turns the cache
 * off).
 */
public final class ApiTokenCache {
  /** At most this many tokens are remembered; when full, the cache starts over. */
  static final int MAX_ENTRIES = 10_000;

  private record Entry(StoredUser owner, long expiresAtNanos) {}

  private final UserRepository users;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  public ApiTokenCache(UserRepository users, Duration ttl) {
    this(users, ttl, System::nanoTime);
  }

  /** With a clock of nanoseconds (tests move it). */
  public ApiTokenCache(UserRepository users, Duration ttl, LongSupplier nanoTime) {
    this.users = requireNonNull(users, "users");
    requireNonNull(ttl, "ttl");
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must be >= 0 but was " + ttl);
    }
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = requireNonNull(nanoTime, "nanoTime");
  }

  /** The enabled owner of an unrevoked token, as the database said at most {@code ttl} ago. */
  public Optional<StoredUser> owner(String token) {
    String hash = UserRepository.sha256(token);
    if (ttlNanos == 0) {
      return users.findByTokenHash(hash);
    }
    long now = nanoTime.getAsLong();
    Entry e = entries.get(hash);
    if (e != null && e.expiresAtNanos() - now > 0) {
      return Optional.of(e.owner());
    }
    Optional<StoredUser> owner = users.findByTokenHash(hash);
    if (owner.isPresent()) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      entries.put(hash, new Entry(owner.get(), now + ttlNanos));
    } else {
      entries.remove(hash);
    }
    return owner;
  }
}
