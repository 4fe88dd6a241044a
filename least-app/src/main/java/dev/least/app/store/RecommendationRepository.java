package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import dev.least.app.workflow.RecommendationState;
import dev.least.recommend.FeedbackModel;
import dev.least.recommend.FeedbackReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Recommendations, their approvals, events and comments. State changes are compare-and-set on the
 * {@code version} column (optimistic locking): {@link #moveState} returns false when someone else
 * changed the row first.
 */
public final class RecommendationRepository {
  private static final String SUMMARY_COLUMNS =
      "r.id, r.run_id, r.tenant_id, r.rec_key, r.type, r.platform, r.risk, r.confidence,"
          + " r.adjusted_confidence, r.rank_score, r.mode, r.target_kind, r.target_id, r.target_name, r.state, r.version, r.requested_by,"
          + " r.created_at, r.updated_at";
  private static final String COLUMNS = SUMMARY_COLUMNS + ", r.body_json, r.applied_patch";

  /**
   * Lists count matching rows up to this many ({@link Page#totalExact} false beyond): counting
   * every match of a broad filter over 1M rows would cost more than the page itself.
   */
  public static final int COUNT_LIMIT = 1_000;

  /** Offset paging reaches this many rows deep; keyset paging ({@link #pageAfter}) any depth. */
  public static final int MAX_OFFSET_ROWS = 10_000;

  /** Tenant ids remembered by name at most (more, and the memory starts over). */
  private static final int MAX_TENANT_IDS = 10_000;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final int countLimit;
  private final ConcurrentHashMap<String, Long> tenantIds = new ConcurrentHashMap<>();

  public RecommendationRepository(DataSource dataSource) {
    this(dataSource, COUNT_LIMIT);
  }

  /** With lists counting matches up to {@code countLimit} (tests use a small one). */
  public RecommendationRepository(DataSource dataSource, int countLimit) {
    requireNonNull(dataSource, "dataSource");
    if (countLimit < 1) {
      throw new IllegalArgumentException("countLimit must be >= 1 but was " + countLimit);
    }
    this.jdbc = JdbcClient.create(dataSource);
    this.template = new JdbcTemplate(dataSource);
    this.countLimit = countLimit;
  }

  /**
   * Inserts new recommendations (ids and versions ignored) in batches, unadjusted: the adjusted
   * confidence is the original and the rank score {@code confidence × risk weight}.
   */
  public void insertAll(List<StoredRecommendation> recs) {
    insertRanked(recs, recs.stream().map(r -> (FeedbackModel.Adjustment) null).toList());
  }

  /**
   * Inserts new recommendations with the feedback model's adjustment of each ({@code null} = not
   * adjusted), storing the adjusted confidence, the rank score and the explanation next to the
   * original confidence.
   */
  public void insertRanked(
      List<StoredRecommendation> recs, List<FeedbackModel.@Nullable Adjustment> adjustments) {
    if (recs.size() != adjustments.size()) {
      throw new IllegalArgumentException(
          recs.size() + " recommendations but " + adjustments.size() + " adjustments");
    }
    List<Integer> index = positions(recs.size());
    template.batchUpdate(
        "INSERT INTO recommendations (run_id, tenant_id, rec_key, type, platform, risk, confidence,"
            + " mode, target_kind, target_id, target_name, state, version, requested_by, created_at,"
            + " updated_at, body_json, adjusted_confidence, rank_score, adjustment_json,"
            + " target_pattern)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)",
        index,
        500,
        (ps, i) -> {
          StoredRecommendation r = recs.get(i);
          FeedbackModel.Adjustment a = adjustments.get(i);
          double adjusted = a == null ? r.confidence() : a.adjusted();
          ps.setLong(1, r.runId());
          ps.setLong(2, r.tenantId());
          ps.setString(3, r.key());
          ps.setString(4, r.type());
          ps.setString(5, r.platform());
          ps.setString(6, r.risk());
          ps.setDouble(7, r.confidence());
          ps.setString(8, r.mode());
          ps.setString(9, r.targetKind());
          ps.setString(10, r.targetId());
          ps.setString(11, r.targetName());
          ps.setString(12, r.state().wire());
          ps.setString(13, r.requestedBy());
          ps.setObject(14, Timestamps.of(r.createdAt()));
          ps.setObject(15, Timestamps.of(r.updatedAt()));
          ps.setString(16, r.bodyJson());
          ps.setDouble(17, adjusted);
          ps.setDouble(18, FeedbackModel.rankScore(adjusted, Ranking.risk(r.risk())));
          ps.setString(19, a == null ? null : Ranking.json(a));
          ps.setString(20, FeedbackModel.pattern(r.targetKind(), r.targetName()));
        });
  }

  /** An open recommendation as re-ranking needs it. */
  public record OpenRow(
      long id,
      String type,
      String targetKind,
      @Nullable String targetName,
      double confidence,
      String risk) {}

  /**
   * The open (proposed or deferred) recommendations of a tenant with this type and target pattern
   * ({@link FeedbackModel#pattern}), by id: an index range of {@code recommendations_open_pattern},
   * whatever the size of the rest of the tenant.
   */
  public List<OpenRow> openOfPattern(long tenantId, String type, String pattern) {
    return jdbc.sql(
            "SELECT id, type, target_kind, target_name, confidence, risk FROM recommendations"
                + " WHERE tenant_id = ? AND type = ? AND target_pattern = ?"
                + " AND state IN ('proposed', 'deferred') ORDER BY id")
        .params(tenantId, type, pattern)
        .query(
            (rs, n) ->
                new OpenRow(
                    rs.getLong("id"),
                    rs.getString("type"),
                    rs.getString("target_kind"),
                    rs.getString("target_name"),
                    rs.getDouble("confidence"),
                    rs.getString("risk")))
        .list();
  }

  /**
   * Stores new adjustments of those rows (adjusted confidence, rank score, explanation), by primary
   * key in id order, only while each is still open; returns how many rows changed. The workflow
   * version is not touched: a re-rank is not a decision, and must not make a reviewer's page stale.
   */
  public int updateRanking(List<OpenRow> rows, List<FeedbackModel.Adjustment> adjustments) {
    if (rows.size() != adjustments.size()) {
      throw new IllegalArgumentException(
          rows.size() + " rows but " + adjustments.size() + " adjustments");
    }
    List<Integer> index = positions(rows.size());
    int[][] counts =
        template.batchUpdate(
            "UPDATE recommendations SET adjusted_confidence = ?, rank_score = ?,"
                + " adjustment_json = ? WHERE id = ? AND state IN ('proposed', 'deferred')",
            index,
            500,
            (ps, i) -> {
              OpenRow r = rows.get(i);
              FeedbackModel.Adjustment a = adjustments.get(i);
              ps.setDouble(1, a.adjusted());
              ps.setDouble(2, FeedbackModel.rankScore(a.adjusted(), Ranking.risk(r.risk())));
              ps.setString(3, Ranking.json(a));
              ps.setLong(4, r.id());
            });
    int n = 0;
    for (int[] batch : counts) {
      for (int c : batch) {
        n += Math.max(c, 0);
      }
    }
    return n;
  }

  /**
   * Fills {@code target_pattern} of up to {@code limit} rows stored before it existed, from id
   * {@code afterId} on (keyset over the primary key); returns the last id handled, or -1 when no
   * row was left.
   */
  public long backfillPatterns(long afterId, int limit) {
    List<Object[]> rows =
        jdbc.sql(
                "SELECT id, target_kind, target_name FROM recommendations"
                    + " WHERE id > ? AND target_pattern IS NULL ORDER BY id FETCH FIRST ? ROWS ONLY")
            .params(afterId, limit)
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getLong("id"),
                      FeedbackModel.pattern(
                          rs.getString("target_kind"), rs.getString("target_name"))
                    })
            .list();
    if (rows.isEmpty()) {
      return -1;
    }
    template.batchUpdate(
        "UPDATE recommendations SET target_pattern = ? WHERE id = ? AND target_pattern IS NULL",
        rows,
        500,
        (ps, row) -> {
          ps.setString(1, (String) row[1]);
          ps.setLong(2, (Long) row[0]);
        });
    return (Long) rows.get(rows.size() - 1)[0];
  }

  /**
   * Earlier decisions of the tenant, for the feedback model: each recommendation that was approved
   * (the final approval) or rejected, with the reason code given ({@code accepted} for approvals
   * without one, {@code unspecified} for rejections without one).
   */
  public List<FeedbackModel.Feedback> feedback(long tenantId) {
    return jdbc.sql(
            "SELECT r.type, r.target_kind, r.target_name, e.to_state, e.reason_code"
                + " FROM recommendation_events e JOIN recommendations r"
                + " ON r.id = e.recommendation_id"
                + " WHERE r.tenant_id = ? AND e.to_state IN ('approved', 'rejected')"
                + " AND (e.from_state IS NULL OR e.from_state <> e.to_state)"
                + " ORDER BY e.id")
        .param(tenantId)
        .query(
            (rs, n) -> {
              boolean approved = "approved".equals(rs.getString("to_state"));
              FeedbackReason reason =
                  FeedbackReason.fromWire(
                      rs.getString("reason_code"),
                      approved ? FeedbackReason.ACCEPTED : FeedbackReason.UNSPECIFIED);
              return new FeedbackModel.Feedback(
                  rs.getString("type"),
                  rs.getString("target_kind"),
                  rs.getString("target_name"),
                  reason);
            })
        .list();
  }

  /** The stored ranking of each of those recommendations. */
  public Map<Long, Ranking> rankings(Collection<Long> ids) {
    Map<Long, Ranking> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    jdbc.sql(
            "SELECT id, confidence, adjusted_confidence, rank_score, adjustment_json"
                + " FROM recommendations WHERE id IN ("
                + marks
                + ")")
        .params(new ArrayList<Object>(ids))
        .query(
            rs -> {
              double confidence = rs.getDouble("confidence");
              double adjusted = rs.getDouble("adjusted_confidence");
              if (rs.wasNull()) {
                adjusted = confidence;
              }
              double score = rs.getDouble("rank_score");
              boolean noScore = rs.wasNull();
              out.put(
                  rs.getLong("id"),
                  new Ranking(
                      adjusted, noScore ? confidence : score, rs.getString("adjustment_json")));
            });
    return out;
  }

  public Optional<StoredRecommendation> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM recommendations r WHERE r.id = ?")
        .param(id)
        .query((rs, n) -> recommendation(rs))
        .optional();
  }

  /** Ids of a run's recommendations, in order. */
  public List<Long> idsOfRun(long runId) {
    return jdbc.sql("SELECT id FROM recommendations WHERE run_id = ? ORDER BY id")
        .param(runId)
        .query(Long.class)
        .list();
  }

  /** The list's orders. */
  public enum Sort {
    /**
     * Highest rank score (adjusted confidence × risk weight) first, then by id; offset paging only.
     */
    RANK(" ORDER BY r.rank_score DESC NULLS LAST, r.id"),
    /** Import order; offset or keyset ({@link #pageAfter}) paging. */
    ID(" ORDER BY r.id");

    private final String sql;

    Sort(String sql) {
      this.sql = sql;
    }
  }

  /**
   * One page of the filtered list, ranked ({@link Sort#RANK}); see {@link
   * #page(RecommendationFilter, int, int, Sort)}.
   */
  public Page<RecommendationSummary> page(RecommendationFilter f, int page, int size) {
    return page(f, page, size, Sort.RANK);
  }

  /**
   * One page of the filtered list in the given order, {@code page} pages of {@code size} in (offset
   * paging). Offset paging reaches {@link #MAX_OFFSET_ROWS} rows deep; in id order {@link
   * #pageAfter} goes on from there.
   *
   * @throws IllegalArgumentException when the page ends beyond {@link #MAX_OFFSET_ROWS} rows
   */
  public Page<RecommendationSummary> page(RecommendationFilter f, int page, int size, Sort sort) {
    requireNonNull(sort, "sort");
    requirePaging(page, size);
    long end = (long) page * size + size;
    if (end > MAX_OFFSET_ROWS) {
      throw new IllegalArgumentException(
          "page "
              + page
              + " of size "
              + size
              + " ends at row "
              + end
              + ", beyond the "
              + MAX_OFFSET_ROWS
              + " rows offset paging reaches; narrow the filters, or list with sort=id and"
              + " continue with after=<id of the last item seen> (the nextAfter of the previous"
              + " page)");
    }
    return list(f, sort, null, page, size);
  }

  /**
   * The {@code size} recommendations after id {@code afterId} that match the filter, in id order
   * (keyset paging: as fast at row 900,000 as at row 0, and stable while rows are added). {@code
   * total} still counts the whole filter.
   */
  public Page<RecommendationSummary> pageAfter(RecommendationFilter f, long afterId, int size) {
    requirePaging(0, size);
    return list(f, Sort.ID, afterId, 0, size);
  }

  private static void requirePaging(int page, int size) {
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException(
          "page must be >= 0 and size >= 1 but were " + page + ", " + size);
    }
  }

  private Page<RecommendationSummary> list(
      RecommendationFilter f, Sort sort, @Nullable Long afterId, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (f.tenant() != null) {
      // resolved first: the planner then sees a constant and can estimate the tenant's share
      Optional<Long> tenantId = tenantId(f.tenant());
      if (tenantId.isEmpty()) {
        return new Page<>(List.of(), page, size, 0, true, false);
      }
      where.append(" AND r.tenant_id = ?");
      params.add(tenantId.get());
    }
    add(where, params, "r.type", f.type());
    add(where, params, "r.platform", f.platform());
    add(where, params, "r.state", f.state() == null ? null : f.state().wire());
    add(where, params, "r.risk", f.risk());
    long offset = (long) page * size;
    String count =
        "SELECT COUNT(*) FROM (SELECT 1 FROM recommendations r"
            + where
            + " FETCH FIRST ? ROWS ONLY) c";
    // one round trip: the capped count rides along as a scalar subquery (evaluated once, and only
    // when the page has a row)
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(countLimit + 1);
    pageParams.addAll(params);
    String after = "";
    if (afterId != null) {
      after = " AND r.id > ?";
      pageParams.add(afterId);
    }
    pageParams.add(offset);
    pageParams.add(size + 1); // one more than shown tells whether another page follows
    // the ids first, from the filter columns alone (an index-only scan of one of V7's indexes, or
    // of V8's rank-ordered ones),
    // then the shown rows by primary key: the table is read for the page, not for every row the
    // filters looked at
    long[] counted = {-1};
    List<RecommendationSummary> rows =
        jdbc.sql(
                "SELECT "
                    + SUMMARY_COLUMNS
                    + ", ("
                    + count
                    + ") AS capped_total"
                    + " FROM recommendations r WHERE r.id IN (SELECT r.id FROM recommendations r"
                    + where
                    + after
                    + sort.sql
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY)"
                    + sort.sql)
            .params(pageParams)
            .query(
                (rs, n) -> {
                  counted[0] = rs.getLong("capped_total");
                  return summary(rs);
                })
            .list();
    boolean hasMore = rows.size() > size;
    List<RecommendationSummary> items = hasMore ? rows.subList(0, size) : rows;
    if (afterId == null && !hasMore && (page == 0 || !items.isEmpty())) {
      // the last page of an offset walk: everything before it plus what it holds is the total
      return new Page<>(items, page, size, offset + items.size(), true, false);
    }
    if (counted[0] < 0) {
      // an empty page past the end, or past the last id: no row brought the count
      List<Object> countParams = new ArrayList<>(params);
      countParams.add(countLimit + 1);
      counted[0] =
          requireNonNull(jdbc.sql(count).params(countParams).query(Long.class).single(), "count");
    }
    boolean exact = counted[0] <= countLimit;
    return new Page<>(items, page, size, exact ? counted[0] : countLimit, exact, hasMore);
  }

  /**
   * The id of the tenant named {@code name}. Found ids are remembered: a tenant is never renamed or
   * deleted, so its id cannot change; a name not found is looked up again next time.
   */
  private Optional<Long> tenantId(String name) {
    Long known = tenantIds.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Long> id =
        jdbc.sql("SELECT id FROM tenants WHERE name = ?").param(name).query(Long.class).optional();
    if (id.isPresent()) {
      if (tenantIds.size() >= MAX_TENANT_IDS) {
        tenantIds.clear();
      }
      tenantIds.put(name, id.get());
    }
    return id;
  }

  /** A column the dashboard counts recommendations by. */
  public enum CountColumn {
    TYPE("type"),
    RISK("risk"),
    STATE("state"),
    PLATFORM("platform");

    private final String column;

    CountColumn(String column) {
      this.column = column;
    }
  }

  /** How many of a run's recommendations have each value of {@code by}, most first. */
  public java.util.Map<String, Long> countBy(long runId, CountColumn by) {
    java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
    jdbc.sql(
            "SELECT "
                + by.column
                + " AS v, COUNT(*) AS n FROM recommendations WHERE run_id = ? GROUP BY "
                + by.column
                + " ORDER BY n DESC, v")
        .param(runId)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> out.put(rs.getString("v"), rs.getLong("n")));
    return out;
  }

  /** The distinct values of {@code by} over all recommendations, sorted (for filter choices). */
  public List<String> distinct(CountColumn by) {
    return jdbc.sql("SELECT DISTINCT " + by.column + " FROM recommendations ORDER BY 1")
        .query(String.class)
        .list();
  }

  private static void add(
      StringBuilder where, List<Object> params, String column, @Nullable String v) {
    if (v != null) {
      where.append(" AND ").append(column).append(" = ?");
      params.add(v);
    }
  }

  /**
   * Compare-and-set: moves the row from {@code from} at {@code expectedVersion} to {@code to},
   * bumping the version. False when the row is no longer at that state and version.
   */
  public boolean moveState(
      long id,
      RecommendationState from,
      int expectedVersion,
      RecommendationState to,
      Instant at,
      @Nullable String appliedPatch) {
    int n =
        jdbc.sql(
                "UPDATE recommendations SET state = ?, version = version + 1, updated_at = ?,"
                    + " applied_patch = COALESCE(?, applied_patch)"
                    + " WHERE id = ? AND state = ? AND version = ?")
            .params(to.wire(), Timestamps.of(at), appliedPatch, id, from.wire(), expectedVersion)
            .update();
    return n == 1;
  }

  /** Compare-and-set on the version alone (a first approval that does not change the state). */
  public boolean touch(long id, int expectedVersion, Instant at) {
    return jdbc.sql(
                "UPDATE recommendations SET version = version + 1, updated_at = ?"
                    + " WHERE id = ? AND version = ?")
            .params(Timestamps.of(at), id, expectedVersion)
            .update()
        == 1;
  }

  /** Records an approval; false if this approver already approved it. */
  public boolean addApproval(long id, String approver, Instant at) {
    boolean already =
        jdbc.sql(
                    "SELECT COUNT(*) FROM recommendation_approvals WHERE recommendation_id = ? AND approver = ?")
                .params(id, approver)
                .query(Long.class)
                .single()
            > 0;
    if (already) {
      return false;
    }
    jdbc.sql(
            "INSERT INTO recommendation_approvals (recommendation_id, approver, approved_at)"
                + " VALUES (?, ?, ?)")
        .params(id, approver, Timestamps.of(at))
        .update();
    return true;
  }

  public List<String> approvers(long id) {
    return jdbc.sql(
            "SELECT approver FROM recommendation_approvals WHERE recommendation_id = ?"
                + " ORDER BY approved_at, approver")
        .param(id)
        .query(String.class)
        .list();
  }

  /** Forgets approvals (a deferred recommendation that is reopened starts over). */
  public void clearApprovals(long id) {
    jdbc.sql("DELETE FROM recommendation_approvals WHERE recommendation_id = ?").param(id).update();
  }

  public void addEvent(
      long id,
      @Nullable RecommendationState from,
      RecommendationState to,
      String actor,
      Instant at,
      @Nullable String comment) {
    addEvent(id, from, to, actor, at, comment, null);
  }

  /** Records a state change with the decision's reason code (approve and reject). */
  public void addEvent(
      long id,
      @Nullable RecommendationState from,
      RecommendationState to,
      String actor,
      Instant at,
      @Nullable String comment,
      @Nullable FeedbackReason reasonCode) {
    jdbc.sql(
            "INSERT INTO recommendation_events (recommendation_id, from_state, to_state, actor, at,"
                + " comment, reason_code) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            from == null ? null : from.wire(),
            to.wire(),
            actor,
            Timestamps.of(at),
            comment,
            reasonCode == null ? null : reasonCode.wire())
        .update();
  }

  public List<RecommendationEvent> events(long id) {
    return jdbc.sql(
            "SELECT id, recommendation_id, from_state, to_state, actor, at, comment, reason_code"
                + " FROM recommendation_events WHERE recommendation_id = ? ORDER BY id")
        .param(id)
        .query(
            (rs, n) -> {
              String from = rs.getString("from_state");
              return new RecommendationEvent(
                  rs.getLong("id"),
                  rs.getLong("recommendation_id"),
                  from == null ? null : RecommendationState.fromWire(from),
                  RecommendationState.fromWire(rs.getString("to_state")),
                  rs.getString("actor"),
                  Timestamps.get(rs, "at"),
                  rs.getString("comment"),
                  rs.getString("reason_code"));
            })
        .list();
  }

  public Comment addComment(long id, String author, Instant at, String body) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO recommendation_comments (recommendation_id, author, at, body)"
                + " VALUES (?, ?, ?, ?)")
        .params(id, author, Timestamps.of(at), body)
        .update(keys, "id");
    return new Comment(requireNonNull(keys.getKey(), "id").longValue(), id, author, at, body);
  }

  public List<Comment> comments(long id) {
    return jdbc.sql(
            "SELECT id, recommendation_id, author, at, body FROM recommendation_comments"
                + " WHERE recommendation_id = ? ORDER BY id")
        .param(id)
        .query(
            (rs, n) ->
                new Comment(
                    rs.getLong("id"),
                    rs.getLong("recommendation_id"),
                    rs.getString("author"),
                    Timestamps.get(rs, "at"),
                    rs.getString("body")))
        .list();
  }

  private static RecommendationSummary summary(ResultSet rs) throws SQLException {
    double confidence = rs.getDouble("confidence");
    String risk = rs.getString("risk");
    double adjusted = rs.getDouble("adjusted_confidence");
    boolean unadjusted = rs.wasNull();
    double score = rs.getDouble("rank_score");
    Ranking ranking =
        unadjusted || rs.wasNull()
            ? Ranking.unadjusted(confidence, risk)
            : new Ranking(adjusted, score, null);
    return new RecommendationSummary(
        rs.getLong("id"),
        rs.getLong("run_id"),
        rs.getLong("tenant_id"),
        rs.getString("rec_key"),
        rs.getString("type"),
        rs.getString("platform"),
        risk,
        confidence,
        ranking.adjustedConfidence(),
        ranking.rankScore(),
        rs.getString("mode"),
        rs.getString("target_kind"),
        rs.getString("target_id"),
        rs.getString("target_name"),
        RecommendationState.fromWire(rs.getString("state")),
        rs.getInt("version"),
        rs.getString("requested_by"),
        Timestamps.get(rs, "created_at"),
        Timestamps.get(rs, "updated_at"));
  }

  private static StoredRecommendation recommendation(ResultSet rs) throws SQLException {
    return StoredRecommendation.of(
        summary(rs), rs.getString("body_json"), rs.getString("applied_patch"));
  }

  /** 0, 1, … n - 1: the rows of a batch, so that each statement can read its row's adjustment. */
  private static List<Integer> positions(int n) {
    List<Integer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }
}
