package dev.least.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.least.app.store.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit chain on H2 and on the real PostgreSQL: intact, and each kind of tampering found. */
class AuditLogTest {
  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of("h2", (Supplier<TestDatabase>) TestDatabase::h2),
        Arguments.of("postgresql", (Supplier<TestDatabase>) TestDatabase::postgres));
  }

  private static AuditLog fiveRows(TestDatabase db) {
    AuditLog log =
        new AuditLog(
            db.dataSource(),
            Clock.fixed(Instant.parse("2026-11-25T10:00:00.123Z"), ZoneOffset.UTC));
    TransactionTemplate tx =
        new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
    for (int i = 1; i <= 5; i++) {
      int n = i;
      tx.executeWithoutResult(
          s ->
              log.append(
                  new AuditEntry(
                      "alice",
                      "transition",
                      "recommendation",
                      Long.toString(n),
                      "proposed",
                      "approved",
                      "a".repeat(64),
                      "0.1.0",
                      "rules-2026.11",
                      n == 3 ? null : "reason " + n)));
    }
    return log;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void verifyWhenUntouchedThenIntactWithEveryRow(String vendor, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      AuditLog log = fiveRows(db);
      assertThat(log.verify()).isEqualTo(new Verification.Intact(5));
      assertThat(log.rows(1, 10)).extracting(AuditRow::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(log.rows(1, 10).get(1).prevHash()).isEqualTo(log.rows(1, 10).get(0).hash());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void updateOrDeleteWhenTriggerInPlaceThenRefusedByTheDatabase(
      String vendor, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      fiveRows(db);
      assertThatThrownBy(() -> db.exec("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> db.exec("DELETE FROM audit_log WHERE seq = 2"))
          .hasMessageContaining("append-only");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void verifyWhenRowEditedThenNamesThatRow(String vendor, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      AuditLog log = fiveRows(db);
      db.allowAuditTampering();
      db.exec("UPDATE audit_log SET rationale = 'nothing to see' WHERE seq = 3");
      Verification v = log.verify();
      assertThat(v).isInstanceOf(Verification.Broken.class);
      assertThat(((Verification.Broken) v).seq()).isEqualTo(3);
      assertThat(((Verification.Broken) v).reason()).contains("edited");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void verifyWhenRowDeletedThenNamesTheRowAfterTheGap(String vendor, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      AuditLog log = fiveRows(db);
      db.allowAuditTampering();
      db.exec("DELETE FROM audit_log WHERE seq = 2");
      assertThat(log.verify())
          .isEqualTo(new Verification.Broken(3, "expected row 2 after row 1: a row is missing"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void verifyWhenDeletedRowRenumberedThenNamesTheRenumberedRow(
      String vendor, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      AuditLog log = fiveRows(db);
      db.allowAuditTampering();
      db.exec("DELETE FROM audit_log WHERE seq = 2");
      db.exec("UPDATE audit_log SET seq = seq - 1 WHERE seq > 2");
      db.exec("UPDATE audit_head SET seq = 4");
      Verification v = log.verify();
      assertThat(v).isInstanceOf(Verification.Broken.class);
      assertThat(((Verification.Broken) v).seq()).isEqualTo(2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void verifyWhenLastRowDeletedThenHeadMismatchNamesIt(String vendor, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      AuditLog log = fiveRows(db);
      db.allowAuditTampering();
      db.exec("DELETE FROM audit_log WHERE seq = 5");
      Verification v = log.verify();
      assertThat(v).isInstanceOf(Verification.Broken.class);
      assertThat(((Verification.Broken) v).seq()).isEqualTo(5);
      assertThat(((Verification.Broken) v).reason()).contains("deleted from the end");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void verifyWhenTwoRowsSwappedThenNamesTheFirstMovedRow(
      String vendor, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      AuditLog log = fiveRows(db);
      db.allowAuditTampering();
      db.exec("UPDATE audit_log SET seq = -2 WHERE seq = 2");
      db.exec("UPDATE audit_log SET seq = 2 WHERE seq = 3");
      db.exec("UPDATE audit_log SET seq = 3 WHERE seq = -2");
      Verification v = log.verify();
      assertThat(v).isInstanceOf(Verification.Broken.class);
      assertThat(((Verification.Broken) v).seq()).isEqualTo(2);
      assertThat(((Verification.Broken) v).reason()).contains("reordered");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void appendWhenNoTransactionThenRefused(String vendor, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      AuditLog log = new AuditLog(db.dataSource(), Clock.systemUTC());
      assertThatThrownBy(
              () ->
                  log.append(
                      new AuditEntry("a", "b", "c", "d", null, null, null, null, null, null)))
          .isInstanceOf(IllegalStateException.class);
      assertThat(log.verify()).isEqualTo(new Verification.Intact(0));
    }
  }
}
