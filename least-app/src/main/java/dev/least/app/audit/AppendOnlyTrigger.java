package dev.least.app.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * H2's guard for {@code audit_log} (migration h2/V2): refuses UPDATE and DELETE, as PostgreSQL's
 * trigger does. Named by class in the migration; H2 instantiates it.
 */
public final class AppendOnlyTrigger implements Trigger {
  @Override
  public void fire(Connection conn, Object @Nullable [] oldRow, Object @Nullable [] newRow)
      throws SQLException {
    throw new SQLException(
        "audit_log is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
        "42501");
  }
}
