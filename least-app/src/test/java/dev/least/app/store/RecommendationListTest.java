package dev.least.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.least.app.store.RecommendationRepository.Sort;
import dev.least.app.workflow.RecommendationState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * List paging and totals (issue 7) on H2 and PostgreSQL: offset pages up to {@link
 * RecommendationRepository#MAX_OFFSET_ROWS} rows deep, keyset pages ({@code after}) anywhere,
 * totals counted up to a cap and flagged when capped.
 */
class RecommendationListTest {
  static final int COUNT_LIMIT = 5;

  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of("h2", (Supplier<TestDatabase>) TestDatabase::h2),
        Arguments.of("postgresql", (Supplier<TestDatabase>) TestDatabase::postgres));
  }

  /**
   * Two tenants: acme with 9 recommendations (types alternate stale/orphan, risks cycle
   * low/medium/high, the last two approved), globex with 3.
   */
  record Fixture(RecommendationRepository recs, List<Long> acme, List<Long> globex) {}

  static Fixture fixture(TestDatabase db) {
    Clock clock = Clock.systemUTC();
    TenantRepository tenants = new TenantRepository(db.dataSource(), clock);
    SnapshotRepository snapshots = new SnapshotRepository(db.dataSource());
    RecommendationRepository recs = new RecommendationRepository(db.dataSource(), COUNT_LIMIT);
    TransactionTemplate tx =
        new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
    // interleave the tenants' rows so that ids of one tenant are not contiguous
    long acmeRun = run(tx, tenants, snapshots, "acme");
    long globexRun = run(tx, tenants, snapshots, "globex");
    long acmeId = tenants.find("acme").orElseThrow().id();
    long globexId = tenants.find("globex").orElseThrow().id();
    for (int i = 0; i < 9; i++) {
      recs.insertAll(List.of(row(acmeRun, acmeId, i)));
      if (i % 3 == 0) {
        recs.insertAll(List.of(row(globexRun, globexId, 100 + i)));
      }
    }
    for (long id : recs.idsOfRun(acmeRun)) {
      StoredRecommendation r = recs.find(id).orElseThrow();
      if (r.key().endsWith("-7") || r.key().endsWith("-8")) {
        recs.moveState(
            id, RecommendationState.PROPOSED, 0, RecommendationState.APPROVED, Instant.now(), null);
      }
    }
    return new Fixture(recs, recs.idsOfRun(acmeRun), recs.idsOfRun(globexRun));
  }

  private static long run(
      TransactionTemplate tx, TenantRepository tenants, SnapshotRepository snapshots, String name) {
    Instant now = Instant.now();
    Tenant tenant = tx.execute(s -> tenants.findOrCreate(name));
    StoredSnapshot snap =
        snapshots.insert(
            new StoredSnapshot(0, tenant.id(), "c".repeat(64), "/x", now, now, "rita", "{}", "{}"));
    return snapshots
        .insert(
            new AnalysisRun(
                0, snap.id(), "least", "0.1.0", "rules-2026.11", "{}", "{}", "rita", now, now, 0))
        .id();
  }

  private static StoredRecommendation row(long runId, long tenantId, int i) {
    Instant now = Instant.now();
    return new StoredRecommendation(
        0,
        runId,
        tenantId,
        "rec-" + i,
        i % 2 == 0 ? "disable_stale_account" : "deprovision_orphan",
        "entra",
        List.of("low", "medium", "high").get(i % 3),
        0.8,
        "advisory",
        "user",
        "u-" + i,
        "User " + i,
        RecommendationState.PROPOSED,
        0,
        "rita",
        now,
        now,
        "{\"id\":\"rec-" + i + "\"}",
        null);
  }

  static RecommendationFilter tenant(String name) {
    return new RecommendationFilter(name, null, null, null, null);
  }

  static List<Long> ids(Page<RecommendationSummary> p) {
    return p.items().stream().map(RecommendationSummary::id).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void pageWhenOffsetPagingThenIdOrderAndExactTotalAndHasMoreUntilTheLastPage(
      String v, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      Fixture f = fixture(db);
      List<Long> seen = new ArrayList<>();
      Page<RecommendationSummary> p0 = f.recs().page(tenant("acme"), 0, 4, Sort.ID);
      Page<RecommendationSummary> p1 = f.recs().page(tenant("acme"), 1, 4, Sort.ID);
      Page<RecommendationSummary> p2 = f.recs().page(tenant("acme"), 2, 4, Sort.ID);
      seen.addAll(ids(p0));
      seen.addAll(ids(p1));
      seen.addAll(ids(p2));
      assertThat(seen).isEqualTo(f.acme());
      assertThat(List.of(p0.hasMore(), p1.hasMore(), p2.hasMore()))
          .containsExactly(true, true, false);
      // 9 match, over the count limit of 5: pages that must count say "at least 5"
      assertThat(p0.total()).isEqualTo(COUNT_LIMIT);
      assertThat(p0.totalExact()).isFalse();
      // the last page knows the total without counting
      assertThat(p2.total()).isEqualTo(9);
      assertThat(p2.totalExact()).isTrue();
      // a page past the end has no row to carry the count: it is counted on its own (gh-7)
      Page<RecommendationSummary> p3 = f.recs().page(tenant("acme"), 3, 4, Sort.ID);
      assertThat(p3.items()).isEmpty();
      assertThat(p3.total()).isEqualTo(COUNT_LIMIT);
      assertThat(p3.totalExact()).isFalse();
      // the globex rows (3, within the limit) counted on a page that is not the last
      Page<RecommendationSummary> g0 = f.recs().page(tenant("globex"), 0, 2, Sort.RANK);
      assertThat(g0.total()).isEqualTo(3);
      assertThat(g0.totalExact()).isTrue();
      assertThat(g0.hasMore()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void pageWhenMatchesWithinCountLimitThenTotalExact(String v, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      Fixture f = fixture(db);
      Page<RecommendationSummary> p =
          f.recs()
              .page(
                  new RecommendationFilter("acme", "disable_stale_account", "entra", null, null),
                  0,
                  2);
      // acme rows 0, 2, 4, 6, 8 are stale-account: 5 match, two shown
      assertThat(p.items())
          .hasSize(2)
          .allSatisfy(r -> assertThat(r.type()).isEqualTo("disable_stale_account"));
      assertThat(p.total()).isEqualTo(5);
      assertThat(p.totalExact()).isTrue();
      assertThat(p.hasMore()).isTrue();
      Page<RecommendationSummary> approvedMedium =
          f.recs()
              .page(
                  new RecommendationFilter(
                      "acme", null, null, RecommendationState.APPROVED, "medium"),
                  0,
                  10);
      // row 7: medium and approved; row 8 is high
      assertThat(approvedMedium.items())
          .singleElement()
          .satisfies(r -> assertThat(r.key()).isEqualTo("rec-7"));
      assertThat(approvedMedium.total()).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void pageAfterWhenWalkingThenEveryMatchOnceInIdOrderAndTotalOverTheWholeFilter(
      String v, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      Fixture f = fixture(db);
      RecommendationFilter proposed =
          new RecommendationFilter("acme", null, null, RecommendationState.PROPOSED, null);
      List<Long> seen = new ArrayList<>();
      long after = 0;
      int pages = 0;
      Page<RecommendationSummary> p;
      do {
        p = f.recs().pageAfter(proposed, after, 3);
        seen.addAll(ids(p));
        if (!p.items().isEmpty()) {
          after = p.items().get(p.items().size() - 1).id();
        }
        pages++;
        assertThat(p.total()).isEqualTo(COUNT_LIMIT);
        assertThat(p.totalExact()).isFalse();
      } while (p.hasMore());
      assertThat(pages).isEqualTo(3);
      assertThat(seen).isEqualTo(f.acme().subList(0, 7));
      // starting after the first globex row skips everything before it, whatever the tenant
      assertThat(ids(f.recs().pageAfter(tenant("globex"), f.globex().get(0), 10)))
          .isEqualTo(f.globex().subList(1, 3));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void pageWhenBeyondOffsetLimitThenRefusedNamingTheCursor(String v, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      Fixture f = fixture(db);
      assertThat(f.recs().page(tenant("acme"), 199, 50).items()).isEmpty();
      assertThatThrownBy(() -> f.recs().page(tenant("acme"), 200, 50))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ends at row 10050")
          .hasMessageContaining("after=");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void pageWhenUnknownTenantThenEmptyWithExactZeroTotal(String v, Supplier<TestDatabase> open) {
    try (TestDatabase db = open.get()) {
      Fixture f = fixture(db);
      Page<RecommendationSummary> p = f.recs().page(tenant("initech"), 0, 10);
      assertThat(p.items()).isEmpty();
      assertThat(p.total()).isZero();
      assertThat(p.totalExact()).isTrue();
      assertThat(ids(f.recs().page(tenant("globex"), 0, 10, Sort.ID))).isEqualTo(f.globex());
    }
  }
}
