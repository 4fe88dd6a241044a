package dev.least.app.audit;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * One stored audit row. {@code hash} = hex SHA-256 of {@code prevHash + "\n" + canonical()}; the
 * first row's {@code prevHash} is {@link #GENESIS}.
 */
public record AuditRow(long seq, Instant at, AuditEntry entry, String prevHash, String hash) {
  /** The previous hash of the first row: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  public AuditRow {
    requireNonNull(at, "at");
    requireNonNull(entry, "entry");
    requireNonNull(prevHash, "prevHash");
    requireNonNull(hash, "hash");
    if (seq < 1) {
      throw new IllegalArgumentException("seq starts at 1 but was " + seq);
    }
  }

  /** A new row chained after {@code prevHash}, its hash computed. */
  public static AuditRow chain(long seq, Instant at, AuditEntry entry, String prevHash) {
    return new AuditRow(seq, at, entry, prevHash, hashOf(seq, at, entry, prevHash));
  }

  /** The hash this row's content and previous hash give; differs from {@link #hash()} if edited. */
  public String expectedHash() {
    return hashOf(seq, at, entry, prevHash);
  }

  /**
   * The canonical form: one {@code name=length:value} line per field in a fixed order ({@code
   * name=-} for an absent value), time as ISO-8601 UTC with milliseconds. Length-prefixing keeps
   * the form unambiguous whatever a value contains.
   */
  public static String canonical(long seq, Instant at, AuditEntry e) {
    StringBuilder b = new StringBuilder(256);
    field(b, "seq", Long.toString(seq));
    field(b, "at", at.toString());
    field(b, "actor", e.actor());
    field(b, "action", e.action());
    field(b, "entityType", e.entityType());
    field(b, "entityId", e.entityId());
    field(b, "fromState", e.fromState());
    field(b, "toState", e.toState());
    field(b, "snapshotChecksum", e.snapshotChecksum());
    field(b, "engineVersion", e.engineVersion());
    field(b, "modelVersion", e.modelVersion());
    field(b, "rationale", e.rationale());
    return b.toString();
  }

  private static void field(StringBuilder b, String name, @Nullable String value) {
    b.append(name).append('=');
    if (value == null) {
      b.append('-');
    } else {
      b.append(value.length()).append(':').append(value);
    }
    b.append('\n');
  }

  private static String hashOf(long seq, Instant at, AuditEntry e, String prevHash) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(prevHash.getBytes(StandardCharsets.UTF_8));
      d.update((byte) '\n');
      d.update(canonical(seq, at, e).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("SHA-256 is required by every JDK", ex);
    }
  }
}
