package dev.least.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.app.audit.AuditEntry;
import dev.least.app.audit.AuditLog;
import dev.least.app.store.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code least audit verify}: exit 0 and a count when intact, 1 naming the row when broken. */
class AuditVerifyCommandTest {
  @TempDir Path dataDir;

  private static void append(javax.sql.DataSource ds, int n) {
    AuditLog log = new AuditLog(ds, Clock.systemUTC());
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    for (int i = 1; i <= n; i++) {
      String id = Integer.toString(i);
      tx.executeWithoutResult(
          s ->
              log.append(
                  new AuditEntry(
                      "alice",
                      "transition",
                      "recommendation",
                      id,
                      "proposed",
                      "approved",
                      null,
                      null,
                      null,
                      "fine")));
    }
  }

  @Test
  void verifyWhenDefaultH2DataDirIntactThenExit0AndThenEditedRowExit1NamingIt() {
    String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("least") + ";AUTO_SERVER=TRUE";
    DriverManagerDataSource ds = new DriverManagerDataSource(url, "sa", "");
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration/common", "classpath:db/migration/h2")
        .load()
        .migrate();
    append(ds, 3);

    CliRun ok = CliRun.of("audit", "verify", "--data-dir", dataDir.toString());
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.out()).isEqualTo("audit chain intact: 3 row(s)\n");

    new org.springframework.jdbc.core.JdbcTemplate(ds).execute("DROP TRIGGER audit_log_no_update");
    new org.springframework.jdbc.core.JdbcTemplate(ds)
        .execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2");
    CliRun broken = CliRun.of("audit", "verify", "--data-dir", dataDir.toString());
    assertThat(broken.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
    assertThat(broken.out()).startsWith("audit chain BROKEN at row 2: ");
  }

  @Test
  void verifyWhenPostgresUrlThenReadsThatDatabase() {
    try (TestDatabase db = TestDatabase.postgres()) {
      append(db.dataSource(), 2);
      CliRun ok = CliRun.of("audit", "verify", "--db-url", db.url(), "--db-user", "postgres");
      assertThat(ok.exitCode()).as(ok.err()).isZero();
      assertThat(ok.out()).isEqualTo("audit chain intact: 2 row(s)\n");
    }
  }

  @Test
  void verifyWhenNoDatabaseThenExit3WithMessage() {
    CliRun r = CliRun.of("audit", "verify", "--data-dir", dataDir.resolve("none").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).startsWith("least: error: cannot read the audit log at jdbc:h2:file:");
  }
}
