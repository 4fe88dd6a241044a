package dev.least.app.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Instants to and from {@code TIMESTAMP WITH TIME ZONE} columns, the same way on H2 and PostgreSQL.
 */
final class Timestamps {
  private Timestamps() {}

  static OffsetDateTime of(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  static Instant get(ResultSet rs, String column) throws SQLException {
    return Objects.requireNonNull(rs.getObject(column, OffsetDateTime.class), column).toInstant();
  }
}
