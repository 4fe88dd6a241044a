package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import dev.least.app.workflow.ExceptionState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Policy exceptions and their events. State changes are compare-and-set on {@code (id, state,
 * version)}: {@link #moveState} returns false when someone else changed the row first.
 */
public final class PolicyExceptionRepository {
  private final JdbcClient jdbc;

  public PolicyExceptionRepository(DataSource dataSource) {
    this.jdbc = JdbcClient.create(requireNonNull(dataSource, "dataSource"));
  }

  /** Stores a new exception (its id and version ignored) and returns it as stored. */
  public StoredException insert(StoredException e) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO policy_exceptions (tenant_id, snapshot_id, platform, policy_id,"
                + " policy_name, rule_id, subject_id, subject_login, requester, reason,"
                + " duration_days, state, version, risk_score, risk_band, risk_json, route, decider,"
                + " created_at, updated_at, patch_json, revert_patch_json) VALUES (?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            e.tenantId(),
            e.snapshotId(),
            e.platform(),
            e.policyId(),
            e.policyName(),
            e.ruleId(),
            e.subjectId(),
            e.subjectLogin(),
            e.requester(),
            e.reason(),
            e.durationDays(),
            e.state().wire(),
            e.riskScore(),
            e.riskBand(),
            e.riskJson(),
            e.route(),
            e.decider(),
            Timestamps.of(e.createdAt()),
            Timestamps.of(e.updatedAt()),
            e.patchJson(),
            e.revertPatchJson())
        .update(keys, "id");
    long id = requireNonNull(keys.getKey(), "id").longValue();
    return find(id).orElseThrow(() -> new IllegalStateException("vanished " + id));
  }

  public Optional<StoredException> find(long id) {
    return jdbc.sql("SELECT * FROM policy_exceptions WHERE id = ?")
        .param(id)
        .query((rs, n) -> exception(rs))
        .optional();
  }

  /** One page of the filtered list, newest first. */
  public Page<StoredException> page(ExceptionFilter f, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (f.tenant() != null) {
      where.append(" AND e.tenant_id = (SELECT t.id FROM tenants t WHERE t.name = ?)");
      params.add(f.tenant());
    }
    if (f.state() != null) {
      where.append(" AND e.state = ?");
      params.add(f.state().wire());
    }
    if (f.platform() != null) {
      where.append(" AND e.platform = ?");
      params.add(f.platform());
    }
    if (f.policy() != null) {
      where.append(" AND (e.policy_id = ? OR LOWER(e.policy_name) = LOWER(?))");
      params.add(f.policy());
      params.add(f.policy());
    }
    if (f.subject() != null) {
      where.append(" AND (e.subject_id = ? OR LOWER(e.subject_login) = LOWER(?))");
      params.add(f.subject());
      params.add(f.subject());
    }
    if (f.requester() != null) {
      where.append(" AND e.requester = ?");
      params.add(f.requester());
    }
    long total =
        requireNonNull(
            jdbc.sql("SELECT COUNT(*) FROM policy_exceptions e" + where)
                .params(params)
                .query(Long.class)
                .single(),
            "count");
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add((long) page * size);
    pageParams.add(size);
    List<StoredException> items =
        jdbc.sql(
                "SELECT * FROM policy_exceptions e"
                    + where
                    + " ORDER BY e.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
            .params(pageParams)
            .query((rs, n) -> exception(rs))
            .list();
    return Page.counted(items, page, size, total);
  }

  /**
   * Compare-and-set from {@code from} at {@code expectedVersion} to {@code to}, bumping the
   * version; {@code decidedBy}, {@code activatedAt} and {@code expiresAt} are set when given.
   */
  public boolean moveState(
      long id,
      ExceptionState from,
      int expectedVersion,
      ExceptionState to,
      Instant at,
      @Nullable String decidedBy,
      @Nullable Instant activatedAt,
      @Nullable Instant expiresAt) {
    return jdbc.sql(
                "UPDATE policy_exceptions SET state = ?, version = version + 1, updated_at = ?,"
                    + " decided_by = COALESCE(?, decided_by),"
                    + " activated_at = COALESCE(?, activated_at),"
                    + " expires_at = COALESCE(?, expires_at)"
                    + " WHERE id = ? AND state = ? AND version = ?")
            .params(
                to.wire(),
                Timestamps.of(at),
                decidedBy,
                activatedAt == null ? null : Timestamps.of(activatedAt),
                expiresAt == null ? null : Timestamps.of(expiresAt),
                id,
                from.wire(),
                expectedVersion)
            .update()
        == 1;
  }

  public void addEvent(
      long id,
      @Nullable ExceptionState from,
      ExceptionState to,
      String actor,
      Instant at,
      @Nullable String comment) {
    jdbc.sql(
            "INSERT INTO policy_exception_events (exception_id, from_state, to_state, actor, at,"
                + " comment) VALUES (?, ?, ?, ?, ?, ?)")
        .params(id, from == null ? null : from.wire(), to.wire(), actor, Timestamps.of(at), comment)
        .update();
  }

  public List<ExceptionEvent> events(long id) {
    return jdbc.sql(
            "SELECT id, exception_id, from_state, to_state, actor, at, comment"
                + " FROM policy_exception_events WHERE exception_id = ? ORDER BY id")
        .param(id)
        .query(
            (rs, n) -> {
              String from = rs.getString("from_state");
              return new ExceptionEvent(
                  rs.getLong("id"),
                  rs.getLong("exception_id"),
                  from == null ? null : ExceptionState.fromWire(from),
                  ExceptionState.fromWire(rs.getString("to_state")),
                  rs.getString("actor"),
                  Timestamps.get(rs, "at"),
                  rs.getString("comment"));
            })
        .list();
  }

  /** How many of the subject's exceptions (any policy) are in one of {@code states}. */
  public int countForSubject(long tenantId, String subjectId, Set<ExceptionState> states) {
    List<Object> params = new ArrayList<>(List.of(tenantId, subjectId));
    return count(
        "SELECT COUNT(*) FROM policy_exceptions WHERE tenant_id = ? AND subject_id = ?",
        params,
        states);
  }

  /** How many other people hold an exception from the policy in one of {@code states}. */
  public int countPeers(
      long tenantId, String policyId, String subjectId, Set<ExceptionState> states) {
    List<Object> params = new ArrayList<>(List.of(tenantId, policyId, subjectId));
    return count(
        "SELECT COUNT(DISTINCT subject_id) FROM policy_exceptions WHERE tenant_id = ?"
            + " AND policy_id = ? AND subject_id <> ?",
        params,
        states);
  }

  /** Open (not final) exceptions for that subject and policy. */
  public int countOpen(long tenantId, String policyId, @Nullable String ruleId, String subjectId) {
    List<Object> params = new ArrayList<>(List.of(tenantId, policyId, subjectId));
    String rule = " AND rule_id IS NULL";
    if (ruleId != null) {
      rule = " AND (rule_id IS NULL OR rule_id = ?)";
      params.add(ruleId);
    }
    return count(
        "SELECT COUNT(*) FROM policy_exceptions WHERE tenant_id = ? AND policy_id = ?"
            + " AND subject_id = ?"
            + rule,
        params,
        ExceptionState.OPEN);
  }

  private int count(String sql, List<Object> params, Set<ExceptionState> states) {
    StringBuilder q = new StringBuilder(sql).append(" AND state IN (");
    boolean first = true;
    for (ExceptionState s : states) {
      q.append(first ? "?" : ", ?");
      params.add(s.wire());
      first = false;
    }
    q.append(")");
    Long n = jdbc.sql(q.toString()).params(params).query(Long.class).single();
    return requireNonNull(n, "count").intValue();
  }

  /** Ids of active exceptions whose end is at or before {@code now}, oldest end first. */
  public List<Long> dueForExpiry(Instant now, int limit) {
    return jdbc.sql(
            "SELECT id FROM policy_exceptions WHERE state = ? AND expires_at <= ?"
                + " ORDER BY expires_at, id FETCH FIRST ? ROWS ONLY")
        .params(ExceptionState.ACTIVE.wire(), Timestamps.of(now), limit)
        .query(Long.class)
        .list();
  }

  private static StoredException exception(ResultSet rs) throws SQLException {
    return new StoredException(
        rs.getLong("id"),
        rs.getLong("tenant_id"),
        rs.getLong("snapshot_id"),
        rs.getString("platform"),
        rs.getString("policy_id"),
        rs.getString("policy_name"),
        rs.getString("rule_id"),
        rs.getString("subject_id"),
        rs.getString("subject_login"),
        rs.getString("requester"),
        rs.getString("reason"),
        rs.getInt("duration_days"),
        ExceptionState.fromWire(rs.getString("state")),
        rs.getInt("version"),
        rs.getDouble("risk_score"),
        rs.getString("risk_band"),
        rs.getString("risk_json"),
        rs.getString("route"),
        rs.getString("decider"),
        rs.getString("decided_by"),
        Timestamps.get(rs, "created_at"),
        Timestamps.get(rs, "updated_at"),
        instant(rs, "activated_at"),
        instant(rs, "expires_at"),
        rs.getString("patch_json"),
        rs.getString("revert_patch_json"));
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
