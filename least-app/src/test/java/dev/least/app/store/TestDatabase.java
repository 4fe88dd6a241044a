package dev.least.app.store;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A freshly migrated database for one test: H2 in memory, or a new schema in the PostgreSQL at
 * 127.0.0.1:5432 (database {@code test}, user {@code postgres}), dropped on close. When PostgreSQL
 * is unreachable the test is skipped with a message, unless {@code CI=true}, where it fails.
 */
public record TestDatabase(String vendor, String url, DataSource dataSource, String schema)
    implements AutoCloseable {
  public static final String PG_URL =
      System.getProperty("least.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String PG_USER = System.getProperty("least.test.pg.user", "postgres");

  public static TestDatabase h2() {
    String url = "jdbc:h2:mem:least-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    DriverManagerDataSource ds = new DriverManagerDataSource(url, "sa", "");
    migrate(ds, "h2", null);
    return new TestDatabase("h2", url, ds, "PUBLIC");
  }

  public static TestDatabase postgres() {
    requirePostgres();
    String schema = "least_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema, e);
    }
    String url = PG_URL + "?currentSchema=" + schema;
    DriverManagerDataSource ds = new DriverManagerDataSource(url, PG_USER, "");
    migrate(ds, "postgresql", schema);
    return new TestDatabase("postgresql", url, ds, schema);
  }

  /** Skips (or, with CI=true, fails) when PostgreSQL does not answer. */
  public static void requirePostgres() {
    String problem = null;
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
      c.isValid(2);
    } catch (SQLException e) {
      problem = e.getMessage();
    }
    if (problem != null && "true".equals(System.getenv("CI"))) {
      fail("CI=true but PostgreSQL at " + PG_URL + " is unreachable: " + problem);
    }
    assumeTrue(
        problem == null,
        "PostgreSQL at " + PG_URL + " unreachable (" + problem + "); skipping PostgreSQL tests");
  }

  static void migrate(DataSource ds, String vendor, String schema) {
    var config =
        Flyway.configure()
            .dataSource(ds)
            .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
    if (schema != null) {
      config = config.schemas(schema).defaultSchema(schema);
    }
    config.load().migrate();
  }

  /** Runs one SQL statement as the database owner (for tests that tamper with rows). */
  public void exec(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Lets the test edit audit rows: drops H2's trigger, disables PostgreSQL's. */
  public void allowAuditTampering() {
    if (vendor.equals("h2")) {
      exec("DROP TRIGGER audit_log_no_update");
      exec("DROP TRIGGER audit_log_no_delete");
    } else {
      exec("ALTER TABLE audit_log DISABLE TRIGGER USER");
    }
  }

  @Override
  public void close() {
    if (vendor.equals("h2")) {
      exec("SHUTDOWN");
    } else {
      try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
          Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA " + schema.toLowerCase(Locale.ROOT) + " CASCADE");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot drop schema " + schema, e);
      }
    }
  }
}
