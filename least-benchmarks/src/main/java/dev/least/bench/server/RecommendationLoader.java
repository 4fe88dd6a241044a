package dev.least.bench.server;

import dev.least.bench.server.RecommendationTemplates.Template;
import dev.least.connector.report.RecommendationsJson;
import dev.least.recommend.FeedbackModel;
import dev.least.recommend.Risk;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.postgresql.copy.PGCopyOutputStream;
import org.postgresql.core.BaseConnection;

/**
 * Fills a PostgreSQL database that {@code least serve} has migrated with many recommendations (1M
 * by default) of the shape an import stores: {@link BenchTenants#ALL} tenants, one snapshot and one
 * analysis run per weekly import, and per run recommendations drawn from what the engine writes for
 * a generated tenant ({@link RecommendationTemplates}), each with its own key. Types keep the
 * engine's skew, varied per tenant; platforms follow the tenant; states follow age: the latest run
 * is mostly proposed, older runs mostly decided (applied items carry their patch).
 *
 * <p>The schema is the server's own (Flyway, {@code db/migration}); this class only writes rows:
 * tenants, snapshots and runs with INSERT, recommendations with one {@code COPY … FROM STDIN}. It
 * writes no workflow events, approvals or audit rows. Run (after {@code least serve --db-url …} has
 * started once against the database):
 *
 * <pre>
 * java -cp least-benchmarks/target/least-benchmarks.jar dev.least.bench.server.RecommendationLoader \
 *     --db-url jdbc:postgresql://127.0.0.1:5432/least_bench [--db-user postgres] [--count 1000000] \
 *     [--template-users 2000] [--template-days 30] [--seed 7] [--templates FILE]
 * </pre>
 *
 * {@code --templates FILE} keeps the engine's recommendations document for the template tenant
 * there and reuses it on later runs (generating and analyzing takes minutes).
 *
 * <p>Exit codes: 0 loaded, 2 usage, 3 the database is not a migrated, empty Least database.
 */
public final class RecommendationLoader {
  static final String FIRST_SCHEMA_VERSION = "10";
  private static final String COPY_SQL =
      "COPY recommendations (run_id, tenant_id, rec_key, type, platform, risk, confidence, mode,"
          + " target_kind, target_id, target_name, state, version, requested_by, created_at,"
          + " updated_at, body_json, applied_patch, adjusted_confidence, rank_score,"
          + " target_pattern) FROM STDIN";
  private static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");

  /** Where a recommendation is, with the number of transitions that took it there. */
  enum State {
    PROPOSED("proposed", 0),
    APPROVED("approved", 1),
    REJECTED("rejected", 1),
    DEFERRED("deferred", 1),
    APPLYING("applying", 2),
    APPLIED("applied", 3),
    FAILED("failed", 3),
    ROLLED_BACK("rolled_back", 4);

    final String wire;
    final int version;

    State(String wire, int version) {
      this.wire = wire;
      this.version = version;
    }

    boolean recordsPatch() {
      return this == APPLIED || this == FAILED || this == ROLLED_BACK;
    }
  }

  // weights per state, in State order: the latest import is mostly undecided, older ones decided
  private static final double[] LATEST_RUN = {0.80, 0.05, 0.04, 0.06, 0.005, 0.04, 0.005, 0.00};
  private static final double[] OLDER_RUNS = {0.30, 0.04, 0.22, 0.08, 0.001, 0.30, 0.02, 0.039};

  /** What was loaded. */
  record Loaded(long rows, long runs, Map<String, Long> byType, long copyNanos, long bytes) {}

  private final Connection db;
  private final SplittableRandom random;
  private final List<Template> templates;

  /**
   * The feedback model's log-odds shift of each (tenant, type): earlier decisions move a type's
   * confidence up or down by up to 1.5 log-odds, as {@code FeedbackModel} bounds it.
   */
  private final Map<String, Double> shifts = new HashMap<>();

  RecommendationLoader(Connection db, long seed, List<Template> templates) {
    this.db = db;
    this.random = new SplittableRandom(seed);
    this.templates = List.copyOf(templates);
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("no template recommendations: the analysis found none");
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("--db-url", "jdbc:postgresql://127.0.0.1:5432/least_bench");
    o.put("--db-user", "postgres");
    o.put("--db-password", "");
    o.put("--count", "1000000");
    o.put("--template-users", "2000");
    o.put("--template-days", "30");
    o.put("--seed", "7");
    o.put("--templates", "");
    for (int i = 0; i < args.length; i += 2) {
      if (!o.containsKey(args[i]) || i + 1 >= args.length) {
        System.err.println(
            "usage: RecommendationLoader " + String.join(" <v> ", o.keySet()) + " <v>");
        System.exit(2);
      }
      o.put(args[i], args[i + 1]);
    }
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    try (Connection c =
        DriverManager.getConnection(
            o.get("--db-url"), o.get("--db-user"), o.get("--db-password"))) {
      String problem = schemaProblem(c);
      if (problem != null) {
        System.err.println("RecommendationLoader: " + o.get("--db-url") + ": " + problem);
        System.exit(3);
      }
      Path cache = o.get("--templates").isBlank() ? null : Path.of(o.get("--templates"));
      String document;
      if (cache != null && Files.exists(cache)) {
        System.err.println("== template recommendations from " + cache);
        document = Files.readString(cache);
      } else {
        System.err.println("== generating and analyzing a template tenant");
        document =
            RecommendationTemplates.generate(
                Integer.parseInt(o.get("--template-users")),
                Integer.parseInt(o.get("--template-days")),
                Long.parseLong(o.get("--seed")),
                line -> {});
        if (cache != null) {
          Files.writeString(cache, document);
        }
      }
      List<Template> templates = RecommendationTemplates.parse(document);
      long tTemplates = System.nanoTime();
      System.err.printf(
          Locale.ROOT,
          "   %d template recommendations in %.1f s; types: %s%n",
          templates.size(),
          (tTemplates - t0) / 1e9,
          count(templates.stream().map(Template::type).toList()));
      Loaded l =
          new RecommendationLoader(c, Long.parseLong(o.get("--seed")), templates)
              .load(Long.parseLong(o.get("--count")));
      long tLoad = System.nanoTime();
      System.err.println("== VACUUM ANALYZE");
      try (Statement st = c.createStatement()) {
        st.execute("VACUUM ANALYZE recommendations");
        st.execute("VACUUM ANALYZE analysis_runs");
        st.execute("VACUUM ANALYZE snapshots");
        st.execute("VACUUM ANALYZE tenants");
      }
      long tEnd = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "loaded rows=%d runs=%d tenants=%d copy=%.1fs (%.0f rows/s, %.0f MB of COPY text)"
              + " vacuumAnalyze=%.1fs templates=%.1fs total=%.1fs loaderCpu=%.1fs%n",
          l.rows(),
          l.runs(),
          BenchTenants.ALL.size(),
          l.copyNanos() / 1e9,
          l.rows() / (l.copyNanos() / 1e9),
          l.bytes() / 1e6,
          (tEnd - tLoad) / 1e9,
          (tTemplates - t0) / 1e9,
          (tEnd - t0) / 1e9,
          (cpuNanos() - cpu0) / 1e9);
      System.out.println("by type: " + l.byType());
    }
  }

  /**
   * Null when {@code c} is a Least database migrated to at least V10 (which the COPY needs:
   * target_pattern) with no recommendations.
   */
  static @Nullable String schemaProblem(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      boolean migrated;
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*) FROM information_schema.tables"
                  + " WHERE table_name = 'flyway_schema_history' AND table_schema = current_schema()")) {
        rs.next();
        migrated = rs.getLong(1) == 1;
      }
      if (migrated) {
        try (ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM flyway_schema_history WHERE success AND version = '"
                    + FIRST_SCHEMA_VERSION
                    + "'")) {
          rs.next();
          migrated = rs.getLong(1) == 1;
        }
      }
      if (!migrated) {
        return "not a Least database migrated to V"
            + FIRST_SCHEMA_VERSION
            + ": start `least serve --db-url <this url>` once so that Flyway creates the schema";
      }
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM recommendations")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return "already holds "
              + rs.getLong(1)
              + " recommendations; load into a fresh database (drop and create it)";
        }
      }
    }
    return null;
  }

  /**
   * Loads {@code count} recommendations in one transaction. The table's plain indexes (not the
   * constraints) are dropped first and re-created from their own definitions afterwards: building
   * an index once is much cheaper than updating it a million times.
   */
  Loaded load(long count) throws SQLException, IOException {
    db.setAutoCommit(false);
    Map<String, String> indexes = new LinkedHashMap<>();
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                    + " AND tablename = 'recommendations' AND indexname NOT IN (SELECT conname"
                    + " FROM pg_constraint WHERE conrelid = 'recommendations'::regclass)")) {
      while (rs.next()) {
        indexes.put(rs.getString(1), rs.getString(2));
      }
    }
    try (Statement st = db.createStatement()) {
      for (String name : indexes.keySet()) {
        st.execute("DROP INDEX " + name);
      }
    }
    Map<String, Long> byType = new TreeMap<>();
    long rows = 0;
    long runs = 0;
    long bytes = 0;
    long copyNanos = 0;
    for (int t = 0; t < BenchTenants.ALL.size(); t++) {
      BenchTenants.Tenant tenant = BenchTenants.ALL.get(t);
      long tenantRows =
          t == BenchTenants.ALL.size() - 1 ? count - rows : Math.round(count * tenant.share());
      long tenantId = insertTenant(tenant.name());
      TemplatePicker picker = new TemplatePicker(tenant.platforms());
      String importer = "import-" + tenant.name();
      List<Long> sizes = runSizes(tenantRows, tenant.snapshots());
      long c0 = System.nanoTime();
      // oldest import first, so ids grow with time as they do on a real server
      for (int s = 0; s < sizes.size(); s++) {
        int age = sizes.size() - 1 - s;
        Instant captured = NOW.minus(Duration.ofDays(7L * age)).truncatedTo(ChronoUnit.HOURS);
        Instant imported = captured.plus(Duration.ofMinutes(20 + random.nextInt(120)));
        long runId =
            insertSnapshotAndRun(
                tenantId, tenant.name(), importer, captured, imported, sizes.get(s));
        runs++;
        long c1 = System.nanoTime();
        bytes +=
            copyRun(runId, tenantId, importer, imported, age == 0, sizes.get(s), picker, byType);
        copyNanos += System.nanoTime() - c1;
      }
      rows += tenantRows;
      System.err.printf(
          Locale.ROOT,
          "   %-10s %7d recommendations in %2d runs (%.1f s)%n",
          tenant.name(),
          tenantRows,
          sizes.size(),
          (System.nanoTime() - c0) / 1e9);
    }
    long i0 = System.nanoTime();
    try (Statement st = db.createStatement()) {
      st.execute("SET LOCAL maintenance_work_mem = '256MB'");
      for (String def : indexes.values()) {
        st.execute(def);
      }
    }
    db.commit();
    db.setAutoCommit(true);
    System.err.printf(
        Locale.ROOT,
        "   re-created %d indexes %s (%.1f s)%n",
        indexes.size(),
        indexes.keySet(),
        (System.nanoTime() - i0) / 1e9);
    return new Loaded(rows, runs, byType, copyNanos, bytes);
  }

  /** Run sizes around {@code total / runs}, ±30 %, adding up to {@code total}. */
  private List<Long> runSizes(long total, int runs) {
    double[] w = new double[runs];
    double sum = 0;
    for (int i = 0; i < runs; i++) {
      w[i] = 0.7 + 0.6 * random.nextDouble();
      sum += w[i];
    }
    List<Long> sizes = new ArrayList<>();
    long left = total;
    for (int i = 0; i < runs; i++) {
      long n = i == runs - 1 ? left : Math.min(left, Math.round(total * w[i] / sum));
      sizes.add(n);
      left -= n;
    }
    return sizes;
  }

  private long insertTenant(String name) throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement(
            "INSERT INTO tenants (name, created_at) VALUES (?, ?)", new String[] {"id"})) {
      ps.setString(1, name);
      ps.setTimestamp(2, Timestamp.from(NOW.minus(Duration.ofDays(400))));
      ps.executeUpdate();
      return generatedId(ps);
    }
  }

  private long insertSnapshotAndRun(
      long tenantId, String tenant, String importer, Instant captured, Instant imported, long recs)
      throws SQLException {
    long snapshotId;
    try (PreparedStatement ps =
        db.prepareStatement(
            "INSERT INTO snapshots (tenant_id, checksum, source, captured_at, imported_at,"
                + " imported_by, inputs_json, settings_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      byte[] checksum = new byte[32];
      random.nextBytes(checksum);
      ps.setLong(1, tenantId);
      ps.setString(2, HexFormat.of().formatHex(checksum));
      ps.setString(3, "/srv/least/imports/" + tenant + "/" + captured.toString().substring(0, 10));
      ps.setTimestamp(4, Timestamp.from(captured));
      ps.setTimestamp(5, Timestamp.from(imported));
      ps.setString(6, importer);
      ps.setString(
          7,
          String.format(
              Locale.ROOT,
              "{\"users\":%d,\"groups\":%d,\"apps\":%d,\"policies\":%d,\"signIns\":%d,"
                  + "\"quarantined\":%d}",
              20_000 + random.nextInt(80_000),
              800 + random.nextInt(4_000),
              100 + random.nextInt(400),
              20 + random.nextInt(60),
              2_000_000 + random.nextInt(8_000_000),
              random.nextInt(20)));
      ps.setString(8, "{\"thresholds\":{},\"guardrails\":{}}");
      ps.executeUpdate();
      snapshotId = generatedId(ps);
    }
    try (PreparedStatement ps =
        db.prepareStatement(
            "INSERT INTO analysis_runs (snapshot_id, engine_name, engine_version, model_version,"
                + " settings_json, summary_json, started_by, started_at, finished_at,"
                + " recommendations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      ps.setLong(1, snapshotId);
      ps.setString(2, RecommendationsJson.ENGINE_NAME);
      ps.setString(3, "0.1.0-bench");
      ps.setString(4, RecommendationsJson.MODEL_VERSION);
      ps.setString(5, "{}");
      ps.setString(6, "{\"skipped\":[],\"protected\":{}}");
      ps.setString(7, importer);
      ps.setTimestamp(8, Timestamp.from(imported.minusSeconds(30 + random.nextInt(600))));
      ps.setTimestamp(9, Timestamp.from(imported));
      ps.setLong(10, recs);
      ps.executeUpdate();
      return generatedId(ps);
    }
  }

  private static long generatedId(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  /** Copies one run's recommendations; returns the bytes of COPY text written. */
  private long copyRun(
      long runId,
      long tenantId,
      String importer,
      Instant imported,
      boolean latest,
      long n,
      TemplatePicker picker,
      Map<String, Long> byType)
      throws SQLException, IOException {
    long bytes = 0;
    BaseConnection pg = db.unwrap(BaseConnection.class);
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(
                new PGCopyOutputStream(pg, COPY_SQL, 1 << 16), StandardCharsets.UTF_8),
            1 << 16)) {
      StringBuilder line = new StringBuilder(4096);
      String created = imported.toString(); // ISO-8601 UTC, which timestamptz reads as is
      for (long i = 0; i < n; i++) {
        Template t = picker.pick();
        State state = state(latest);
        String key = String.format(Locale.ROOT, "rec-%08x", (runId * 1_000_003L + i) & 0xffffffffL);
        Instant updated =
            state == State.PROPOSED
                ? imported
                : imported.plus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 6)));
        line.setLength(0);
        line.append(runId).append('\t').append(tenantId).append('\t');
        field(line, key);
        field(line, t.type());
        field(line, t.platform());
        field(line, t.risk());
        line.append(t.confidence()).append('\t');
        field(line, t.mode());
        field(line, t.targetKind());
        field(line, t.targetId());
        field(line, t.targetName());
        field(line, state.wire);
        line.append(state.version + (state != State.PROPOSED && t.risk().equals("high") ? 1 : 0))
            .append('\t');
        field(line, importer);
        line.append(created).append('\t');
        line.append(updated).append('\t');
        field(line, t.bodyWithKey(key));
        field(line, state.recordsPatch() ? t.patchJson() : null);
        double adjusted = adjusted(tenantId, t);
        line.append(adjusted).append('\t');
        line.append(FeedbackModel.rankScore(adjusted, risk(t.risk()))).append('\t');
        escape(line, FeedbackModel.pattern(t.targetKind(), t.targetName()));
        line.append('\n');
        out.append(line);
        bytes += line.length();
        byType.merge(t.type(), 1L, Long::sum);
      }
    }
    return bytes;
  }

  /**
   * The confidence as the feedback model would have adjusted it when the row was stored, so that
   * {@code rank_score} varies like a real tenant's: one shift per (tenant, type), none for a third
   * of them (types nobody decided on yet).
   */
  private double adjusted(long tenantId, Template t) {
    double shift =
        shifts.computeIfAbsent(
            tenantId + "/" + t.type(),
            k -> random.nextInt(3) == 0 ? 0.0 : (random.nextDouble() * 2 - 1) * 1.5);
    double c = Math.min(Math.max(t.confidence(), 1e-6), 1 - 1e-6);
    double logit = Math.log(c / (1 - c)) + shift;
    return 1 / (1 + Math.exp(-logit));
  }

  private static Risk risk(String wire) {
    for (Risk r : Risk.values()) {
      if (r.wire().equals(wire)) {
        return r;
      }
    }
    throw new IllegalArgumentException("Expected risk low, medium or high but was '" + wire + "'");
  }

  private State state(boolean latest) {
    double[] w = latest ? LATEST_RUN : OLDER_RUNS;
    double x = random.nextDouble() * Arrays.stream(w).sum();
    for (int i = 0; i < w.length; i++) {
      x -= w[i];
      if (x < 0) {
        return State.values()[i];
      }
    }
    return State.PROPOSED;
  }

  private static void field(StringBuilder line, @Nullable String v) {
    escape(line, v);
    line.append('\t');
  }

  /** A value in COPY's text format: NULL is {@code \N}; backslash, tab, CR and LF escaped. */
  static void escape(StringBuilder line, @Nullable String v) {
    if (v == null) {
      line.append("\\N");
      return;
    }
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      switch (ch) {
        case '\\' -> line.append("\\\\");
        case '\t' -> line.append("\\t");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        default -> line.append(ch);
      }
    }
  }

  /**
   * Draws templates for one tenant: only its platforms, each type weighted by the engine's own
   * frequency times a per-tenant factor (log-normal), so tenants differ in their mix.
   */
  private final class TemplatePicker {
    private final List<Template> pool = new ArrayList<>();
    private final double[] cumulative;

    TemplatePicker(BenchTenants.Platforms platforms) {
      Map<String, Double> factor = new TreeMap<>();
      for (Template t : templates) {
        if (platforms.includes(t.platform())) {
          pool.add(t);
          factor.computeIfAbsent(t.type(), k -> Math.exp(0.8 * gaussian()));
        }
      }
      if (pool.isEmpty()) {
        throw new IllegalStateException("no template recommendations for platforms " + platforms);
      }
      cumulative = new double[pool.size()];
      double sum = 0;
      for (int i = 0; i < pool.size(); i++) {
        sum += factor.get(pool.get(i).type());
        cumulative[i] = sum;
      }
    }

    Template pick() {
      double x = random.nextDouble() * cumulative[cumulative.length - 1];
      int i = Arrays.binarySearch(cumulative, x);
      return pool.get(i >= 0 ? i : Math.min(-i - 1, pool.size() - 1));
    }
  }

  private double gaussian() {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static Map<String, Long> count(List<String> values) {
    Map<String, Long> m = new TreeMap<>();
    values.forEach(v -> m.merge(v, 1L, Long::sum));
    return m;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
