package dev.least.app.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.least.app.audit.AuditLog;
import dev.least.app.audit.AuditRow;
import dev.least.app.audit.Verification;
import dev.least.app.store.AnalysisRun;
import dev.least.app.store.RecommendationRepository;
import dev.least.app.store.SnapshotRepository;
import dev.least.app.store.StoredRecommendation;
import dev.least.app.store.StoredSnapshot;
import dev.least.app.store.Tenant;
import dev.least.app.store.TenantRepository;
import dev.least.app.store.TestDatabase;
import dev.least.model.TenantSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The workflow over real repositories, on H2 and on PostgreSQL. */
class WorkflowTest {
  static final Actor REQUESTER = new Actor("rita", Role.APPROVER);
  static final Actor ALICE = new Actor("alice", Role.APPROVER);
  static final Actor BOB = new Actor("bob", Role.APPROVER);
  static final Actor ANNA = new Actor("anna", Role.ANALYST);

  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of("h2", (Supplier<TestDatabase>) TestDatabase::h2),
        Arguments.of("postgresql", (Supplier<TestDatabase>) TestDatabase::postgres));
  }

  /** A database with one tenant, snapshot, run and the given recommendations (by risk). */
  record Fixture(
      TestDatabase db,
      Workflow workflow,
      RecommendationRepository recs,
      TenantRepository tenants,
      AuditLog audit,
      Tenant tenant,
      List<Long> ids) {}

  static Fixture fixture(TestDatabase db, String... risks) {
    Clock clock = Clock.systemUTC();
    TenantRepository tenants = new TenantRepository(db.dataSource(), clock);
    SnapshotRepository snapshots = new SnapshotRepository(db.dataSource());
    RecommendationRepository recs = new RecommendationRepository(db.dataSource());
    AuditLog audit = new AuditLog(db.dataSource(), clock);
    TransactionTemplate tx =
        new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
    Instant now = Instant.now();
    Tenant tenant = tx.execute(s -> tenants.findOrCreate("acme"));
    StoredSnapshot snap =
        snapshots.insert(
            new StoredSnapshot(0, tenant.id(), "b".repeat(64), "/x", now, now, "rita", "{}", "{}"));
    AnalysisRun run =
        snapshots.insert(
            new AnalysisRun(
                0,
                snap.id(),
                "least",
                "0.1.0",
                "rules-2026.11",
                "{}",
                "{}",
                "rita",
                now,
                now,
                risks.length));
    List<StoredRecommendation> rows = new ArrayList<>();
    for (int i = 0; i < risks.length; i++) {
      String body =
          "{\"id\":\"rec-"
              + i
              + "\",\"target\":{\"kind\":\"group\",\"id\":\"g-"
              + i
              + "\",\"name\":\"Group "
              + i
              + "\"},\"subjects\":[{\"kind\":\"user\",\"id\":\"u-"
              + i
              + "\"}],\"suggestedChange\":\"remove\",\"patch\":{\"method\":\"DELETE\",\"path\":\"/groups/g-"
              + i
              + "/members/u-"
              + i
              + "/$ref\"}}";
      rows.add(
          new StoredRecommendation(
              0,
              run.id(),
              tenant.id(),
              "rec-" + i,
              "unused_assignment",
              "entra",
              risks[i],
              0.8,
              "advisory",
              "group",
              "g-" + i,
              "Group " + i,
              RecommendationState.PROPOSED,
              0,
              "rita",
              now,
              now,
              body,
              null));
    }
    recs.insertAll(rows);
    Workflow wf = new Workflow(recs, snapshots, tenants, audit, tx, clock);
    return new Fixture(db, wf, recs, tenants, audit, tenant, recs.idsOfRun(run.id()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void approveWhenRequesterThenRefusedAndNothingWritten(String v, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      Fixture f = fixture(db, "low");
      long id = f.ids().get(0);
      assertThatThrownBy(() -> f.workflow().perform(id, Action.APPROVE, REQUESTER, 0, null))
          .isInstanceOfSatisfying(
              TransitionRefused.class,
              e -> assertThat(e.reason()).isEqualTo(TransitionRefused.Reason.SELF_APPROVAL));
      assertThat(f.recs().find(id).orElseThrow().state()).isEqualTo(RecommendationState.PROPOSED);
      assertThat(f.audit().verify()).isEqualTo(new Verification.Intact(0));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void approveWhenHighRiskThenNeedsTwoDistinctApprovers(String v, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      Fixture f = fixture(db, "high");
      long id = f.ids().get(0);
      TransitionResult first = f.workflow().perform(id, Action.APPROVE, ALICE, 0, "ok");
      assertThat(first.recommendation().state()).isEqualTo(RecommendationState.PROPOSED);
      assertThat(first.approvalsNeeded()).isEqualTo(1);
      assertThatThrownBy(() -> f.workflow().perform(id, Action.APPROVE, ALICE, 1, null))
          .isInstanceOfSatisfying(
              TransitionRefused.class,
              e -> assertThat(e.reason()).isEqualTo(TransitionRefused.Reason.DUPLICATE_APPROVAL));
      TransitionResult second = f.workflow().perform(id, Action.APPROVE, BOB, 1, null);
      assertThat(second.recommendation().state()).isEqualTo(RecommendationState.APPROVED);
      assertThat(second.approvers()).containsExactlyInAnyOrder("alice", "bob");
      List<AuditRow> rows = f.audit().rows(1, 10);
      assertThat(rows)
          .extracting(r -> r.entry().action())
          .containsExactly("approval", "transition");
      assertThat(rows.get(1).entry().toState()).isEqualTo("approved");
      assertThat(rows.get(1).entry().snapshotChecksum()).isEqualTo("b".repeat(64));
      assertThat(rows.get(1).entry().modelVersion()).isEqualTo("rules-2026.11");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void approveWhenSubjectProtectedThenGuardrailRefuses(String v, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      Fixture f = fixture(db, "low");
      long id = f.ids().get(0);
      new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()))
          .executeWithoutResult(
              s ->
                  f.tenants()
                      .replaceGuardrails(
                          f.tenant().id(),
                          new TenantSettings.Guardrails(List.of("U-0"), List.of(), List.of())));
      Actor admin = new Actor("root", Role.ADMIN);
      assertThatThrownBy(() -> f.workflow().perform(id, Action.APPROVE, admin, 0, null))
          .isInstanceOfSatisfying(
              TransitionRefused.class,
              e -> {
                assertThat(e.reason()).isEqualTo(TransitionRefused.Reason.GUARDRAIL);
                assertThat(e.getMessage()).contains("user u-0");
              });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void transitionsWhenFullLifecycleThenOnlyLegalMovesAndChainIntact(
      String v, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      Fixture f = fixture(db, "low");
      long id = f.ids().get(0);
      Workflow w = f.workflow();
      assertThat(w.perform(id, Action.DEFER, ANNA, 0, null).recommendation().state())
          .isEqualTo(RecommendationState.DEFERRED);
      assertThatThrownBy(() -> w.perform(id, Action.APPROVE, ALICE, 1, null))
          .isInstanceOfSatisfying(
              TransitionRefused.class,
              e -> assertThat(e.reason()).isEqualTo(TransitionRefused.Reason.ILLEGAL_TRANSITION));
      w.perform(id, Action.REOPEN, ANNA, 1, null);
      assertThatThrownBy(() -> w.perform(id, Action.APPLY, ALICE, 2, null))
          .isInstanceOf(TransitionRefused.class);
      w.perform(id, Action.APPROVE, ALICE, 2, null);
      TransitionResult applied = w.perform(id, Action.APPLY, BOB, 3, null);
      assertThat(applied.recommendation().state()).isEqualTo(RecommendationState.APPLIED);
      assertThat(applied.recommendation().appliedPatch()).contains("/groups/g-0/members/u-0");
      assertThatThrownBy(() -> w.perform(id, Action.ROLLBACK, BOB, 5, " "))
          .isInstanceOfSatisfying(
              TransitionRefused.class,
              e -> assertThat(e.reason()).isEqualTo(TransitionRefused.Reason.COMMENT_REQUIRED));
      assertThat(w.perform(id, Action.ROLLBACK, BOB, 5, "broke payroll").recommendation().state())
          .isEqualTo(RecommendationState.ROLLED_BACK);
      assertThat(f.recs().events(id))
          .extracting(e -> e.to().wire())
          .containsExactly(
              "deferred", "proposed", "approved", "applying", "applied", "rolled_back");
      assertThat(f.audit().verify()).isEqualTo(new Verification.Intact(6));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void applyWhenTwoApproversRaceThenExactlyOneApplies(String v, Supplier<TestDatabase> open)
      throws Exception {
    try (TestDatabase db = open.get()) {
      Fixture f = fixture(db, "low");
      long id = f.ids().get(0);
      f.workflow().perform(id, Action.APPROVE, ALICE, 0, null);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (Actor a :
          List.of(ALICE, BOB, new Actor("carl", Role.APPROVER), new Actor("dina", Role.ADMIN))) {
        Callable<String> c =
            () -> {
              go.await();
              try {
                f.workflow().perform(id, Action.APPLY, a, 1, null);
                return "applied";
              } catch (TransitionRefused e) {
                return e.reason().name();
              } catch (RuntimeException e) {
                // a serialization failure from the database is also a refusal of the loser
                return "DB:" + e.getClass().getSimpleName();
              }
            };
        results.add(pool.submit(c));
      }
      go.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> r : results) {
        outcomes.add(r.get());
      }
      pool.shutdown();
      assertThat(outcomes).filteredOn("applied"::equals).hasSize(1);
      assertThat(f.recs().events(id))
          .filteredOn(e -> e.to() == RecommendationState.APPLIED)
          .hasSize(1);
      assertThat(f.audit().verify()).isInstanceOf(Verification.Intact.class);
    }
  }
}
