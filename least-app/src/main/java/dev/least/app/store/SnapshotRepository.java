package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Imported snapshots and the analysis runs over them. */
public final class SnapshotRepository {
  private final JdbcClient jdbc;

  public SnapshotRepository(DataSource dataSource) {
    this.jdbc = JdbcClient.create(requireNonNull(dataSource, "dataSource"));
  }

  /** Stores a snapshot; its {@code id} is ignored and the new one returned. */
  public StoredSnapshot insert(StoredSnapshot s) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO snapshots (tenant_id, checksum, source, captured_at, imported_at,"
                + " imported_by, inputs_json, settings_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            s.tenantId(),
            s.checksum(),
            s.source(),
            Timestamps.of(s.capturedAt()),
            Timestamps.of(s.importedAt()),
            s.importedBy(),
            s.inputsJson(),
            s.settingsJson())
        .update(keys, "id");
    long id = requireNonNull(keys.getKey(), "id").longValue();
    return new StoredSnapshot(
        id,
        s.tenantId(),
        s.checksum(),
        s.source(),
        s.capturedAt(),
        s.importedAt(),
        s.importedBy(),
        s.inputsJson(),
        s.settingsJson());
  }

  public Optional<StoredSnapshot> find(long id) {
    return jdbc.sql("SELECT * FROM snapshots WHERE id = ?")
        .param(id)
        .query((rs, n) -> snapshot(rs))
        .optional();
  }

  /** The tenant's most recently imported snapshot. */
  public Optional<StoredSnapshot> latestOf(long tenantId) {
    return jdbc.sql(
            "SELECT * FROM snapshots WHERE tenant_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
        .param(tenantId)
        .query((rs, n) -> snapshot(rs))
        .optional();
  }

  /** Stores a run; its {@code id} is ignored and the new one returned. */
  public AnalysisRun insert(AnalysisRun r) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO analysis_runs (snapshot_id, engine_name, engine_version, model_version,"
                + " settings_json, summary_json, started_by, started_at, finished_at,"
                + " recommendations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            r.snapshotId(),
            r.engineName(),
            r.engineVersion(),
            r.modelVersion(),
            r.settingsJson(),
            r.summaryJson(),
            r.startedBy(),
            Timestamps.of(r.startedAt()),
            Timestamps.of(r.finishedAt()),
            r.recommendations())
        .update(keys, "id");
    return new AnalysisRun(
        requireNonNull(keys.getKey(), "id").longValue(),
        r.snapshotId(),
        r.engineName(),
        r.engineVersion(),
        r.modelVersion(),
        r.settingsJson(),
        r.summaryJson(),
        r.startedBy(),
        r.startedAt(),
        r.finishedAt(),
        r.recommendations());
  }

  public Optional<AnalysisRun> findRun(long id) {
    return jdbc.sql("SELECT * FROM analysis_runs WHERE id = ?")
        .param(id)
        .query((rs, n) -> run(rs))
        .optional();
  }

  /** The tenant's newest analysis run, if it has one. */
  public Optional<AnalysisRun> latestRun(long tenantId) {
    return jdbc.sql(
            "SELECT r.* FROM analysis_runs r JOIN snapshots s ON s.id = r.snapshot_id"
                + " WHERE s.tenant_id = ? ORDER BY r.id DESC FETCH FIRST 1 ROWS ONLY")
        .param(tenantId)
        .query((rs, n) -> run(rs))
        .optional();
  }

  /** The newest {@code limit} snapshots of all tenants, newest first. */
  public List<StoredSnapshot> recent(int limit) {
    return jdbc.sql("SELECT * FROM snapshots ORDER BY id DESC FETCH FIRST ? ROWS ONLY")
        .param(limit)
        .query((rs, n) -> snapshot(rs))
        .list();
  }

  private static StoredSnapshot snapshot(ResultSet rs) throws SQLException {
    return new StoredSnapshot(
        rs.getLong("id"),
        rs.getLong("tenant_id"),
        rs.getString("checksum").trim(),
        rs.getString("source"),
        Timestamps.get(rs, "captured_at"),
        Timestamps.get(rs, "imported_at"),
        rs.getString("imported_by"),
        rs.getString("inputs_json"),
        rs.getString("settings_json"));
  }

  private static AnalysisRun run(ResultSet rs) throws SQLException {
    return new AnalysisRun(
        rs.getLong("id"),
        rs.getLong("snapshot_id"),
        rs.getString("engine_name"),
        rs.getString("engine_version"),
        rs.getString("model_version"),
        rs.getString("settings_json"),
        rs.getString("summary_json"),
        rs.getString("started_by"),
        Timestamps.get(rs, "started_at"),
        Timestamps.get(rs, "finished_at"),
        rs.getInt("recommendations"));
  }
}
