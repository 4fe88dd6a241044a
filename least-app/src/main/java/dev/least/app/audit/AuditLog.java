package dev.least.app.audit;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit log over JDBC. {@link #append} runs inside the caller's transaction, so a state change
 * and its audit row commit together or not at all; appends are serialized by locking the one-row
 * {@code audit_head} table, which also records the last row (so rows deleted from the end are found
 * too).
 */
public final class AuditLog {
  private static final String COLUMNS =
      "seq, at, actor, action, entity_type, entity_id, from_state, to_state, snapshot_checksum,"
          + " engine_version, model_version, rationale, prev_hash, hash";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public AuditLog(DataSource dataSource, Clock clock) {
    this.jdbc = new JdbcTemplate(requireNonNull(dataSource, "dataSource"));
    this.jdbc.setFetchSize(1000);
    this.clock = requireNonNull(clock, "clock");
  }

  /** Appends one row chained after the current head. Must run in a transaction. */
  public AuditRow append(AuditEntry entry) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "an audit row must be written in the state change's transaction");
    }
    Map<String, Object> head =
        jdbc.queryForMap("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
    long seq = ((Number) value(head, "seq")).longValue() + 1;
    String prev = String.valueOf(value(head, "hash")).trim();
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    AuditRow row = AuditRow.chain(seq, at, entry, prev);
    AuditEntry e = row.entry();
    jdbc.update(
        "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row.seq(),
        OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
        e.actor(),
        e.action(),
        e.entityType(),
        e.entityId(),
        e.fromState(),
        e.toState(),
        e.snapshotChecksum(),
        e.engineVersion(),
        e.modelVersion(),
        e.rationale(),
        row.prevHash(),
        row.hash());
    jdbc.update("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", seq, row.hash());
    return row;
  }

  /** Rows with {@code seq} in [from, from + limit), in order. */
  public List<AuditRow> rows(long from, int limit) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM audit_log WHERE seq >= ? ORDER BY seq FETCH FIRST ? ROWS ONLY",
        (rs, n) -> row(rs),
        from,
        limit);
  }

  /** The newest {@code limit} rows, newest first. */
  public List<AuditRow> latest(int limit) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC FETCH FIRST ? ROWS ONLY",
        (rs, n) -> row(rs),
        limit);
  }

  /** The rows about one entity (e.g. {@code recommendation}, {@code 42}), in order. */
  public List<AuditRow> rowsAbout(String entityType, String entityId) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY seq",
        (rs, n) -> row(rs),
        entityType,
        entityId);
  }

  /**
   * Walks the chain in {@code seq} order and names the first row that does not check out: a gap in
   * the sequence (a deleted row), a previous hash that is not the row before's hash (a deleted or
   * reordered row), a hash that is not the hash of the row's content (an edited row), or a head
   * that does not name the last row (rows deleted from the end).
   */
  public Verification verify() {
    Walk walk = new Walk();
    jdbc.query(
        "SELECT " + COLUMNS + " FROM audit_log ORDER BY seq",
        (RowCallbackHandler) rs -> walk.accept(row(rs)));
    if (walk.broken != null) {
      return walk.broken;
    }
    Map<String, Object> head = jdbc.queryForMap("SELECT seq, hash FROM audit_head WHERE id = 1");
    long headSeq = ((Number) value(head, "seq")).longValue();
    String headHash = String.valueOf(value(head, "hash")).trim();
    if (headSeq != walk.lastSeq || !headHash.equals(walk.lastHash)) {
      if (headSeq > walk.lastSeq) {
        return new Verification.Broken(
            walk.lastSeq + 1,
            "the chain ends at row "
                + walk.lastSeq
                + " but its head records row "
                + headSeq
                + ": rows were deleted from the end");
      }
      return new Verification.Broken(
          walk.lastSeq, "the chain's head does not match its last row " + walk.lastSeq);
    }
    return new Verification.Intact(walk.rows);
  }

  private static Object value(Map<String, Object> row, String column) {
    Object v = row.get(column);
    if (v == null) {
      v = row.get(column.toUpperCase(java.util.Locale.ROOT));
    }
    return requireNonNull(v, column);
  }

  private static final class Walk {
    long rows;
    long lastSeq;
    String lastHash = AuditRow.GENESIS;
    Verification.@Nullable Broken broken;

    void accept(AuditRow r) {
      if (broken != null) {
        return;
      }
      rows++;
      if (r.seq() != lastSeq + 1) {
        broken =
            new Verification.Broken(
                r.seq(),
                "expected row " + (lastSeq + 1) + " after row " + lastSeq + ": a row is missing");
      } else if (!r.prevHash().equals(lastHash)) {
        broken =
            new Verification.Broken(
                r.seq(),
                "its previous hash is not the hash of row "
                    + lastSeq
                    + ": a row before it was removed, replaced or reordered");
      } else if (!r.expectedHash().equals(r.hash())) {
        broken =
            new Verification.Broken(
                r.seq(), "its content does not match its hash: the row was edited");
      }
      lastSeq = r.seq();
      lastHash = r.hash();
    }
  }

  private static AuditRow row(ResultSet rs) throws SQLException {
    OffsetDateTime at = requireNonNull(rs.getObject("at", OffsetDateTime.class), "at");
    return new AuditRow(
        rs.getLong("seq"),
        at.toInstant(),
        new AuditEntry(
            rs.getString("actor"),
            rs.getString("action"),
            rs.getString("entity_type"),
            rs.getString("entity_id"),
            rs.getString("from_state"),
            rs.getString("to_state"),
            trimmed(rs.getString("snapshot_checksum")),
            rs.getString("engine_version"),
            rs.getString("model_version"),
            rs.getString("rationale")),
        requireNonNull(trimmed(rs.getString("prev_hash")), "prev_hash"),
        requireNonNull(trimmed(rs.getString("hash")), "hash"));
  }

  private static @Nullable String trimmed(@Nullable String s) {
    return s == null ? null : s.trim();
  }
}
