package dev.least.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * DuckDB's {@code read_json} over the same files, through JDBC, in an in-memory database: either a
 * plain {@code count(*)} or a table built from the columns Least normalizes.
 */
final class DuckDbRead implements AutoCloseable {
  /** What each query does with the file. */
  enum Query {
    COUNT,
    MATERIALIZE
  }

  private final Connection conn;

  DuckDbRead() throws SQLException {
    this.conn = DriverManager.getConnection("jdbc:duckdb:");
  }

  String version() throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT version()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  void threads(int n) throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute("SET threads=" + n);
    }
  }

  /** Runs {@code query} over {@code file}; returns the number of rows read. */
  long run(Query query, Path file, boolean entra) throws SQLException {
    String source =
        "read_json('" + file.toString().replace("'", "''") + "', format='newline_delimited')";
    try (Statement s = conn.createStatement()) {
      if (query == Query.COUNT) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + source)) {
          rs.next();
          return rs.getLong(1);
        }
      }
      s.execute(
          "CREATE OR REPLACE TEMP TABLE m AS SELECT "
              + (entra ? ENTRA_COLUMNS : OKTA_COLUMNS)
              + " FROM "
              + source);
      long rows;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM m")) {
        rs.next();
        rows = rs.getLong(1);
      }
      s.execute("DROP TABLE m");
      return rows;
    }
  }

  /** The fields SignInEvent takes from an Entra signIn. */
  static final String ENTRA_COLUMNS =
      "id, createdDateTime, userId, userPrincipalName, appId, appDisplayName, ipAddress,"
          + " location.countryOrRegion AS country, location.city AS city, clientAppUsed,"
          + " isInteractive, deviceDetail.operatingSystem AS platform,"
          + " deviceDetail.isManaged AS managed, deviceDetail.isCompliant AS compliant,"
          + " status.errorCode AS errorCode, authenticationRequirement,"
          + " list_transform(authenticationDetails, d -> d.authenticationMethod) AS methods,"
          + " riskLevelDuringSignIn,"
          + " list_transform(appliedConditionalAccessPolicies,"
          + " p -> struct_pack(id := p.id, result := p.result)) AS policies";

  /** The fields SignInEvent takes from an Okta LogEvent. */
  static final String OKTA_COLUMNS =
      "uuid, published, eventType, actor.id AS accountId, actor.alternateId AS login,"
          + " client.ipAddress AS ip, client.geographicalContext.country AS country,"
          + " client.geographicalContext.city AS city, client.userAgent.os AS platform,"
          + " outcome.result AS result, outcome.reason AS reason,"
          + " authenticationContext.credentialType AS credentialType,"
          + " debugContext.debugData.risk AS risk,"
          + " list_filter(target, t -> t.type = 'AppInstance')[1].id AS appId,"
          + " list_filter(target, t -> t.type = 'AppInstance')[1].displayName AS appName";

  @Override
  public void close() throws SQLException {
    conn.close();
  }
}
