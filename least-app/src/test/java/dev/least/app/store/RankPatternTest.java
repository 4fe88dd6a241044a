package dev.least.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The target pattern re-ranking looks open rows up by (V10): stored on insert, filled in batches
 * for rows stored before it existed, and the open rows of one tenant, type and pattern found by it.
 */
class RankPatternTest {
  static Stream<Arguments> databases() {
    return RecommendationListTest.databases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void openOfPatternWhenStoredOrBackfilledThenOnlyOpenRowsOfTenantTypeAndPattern(
      String vendor, Supplier<TestDatabase> database) {
    try (TestDatabase db = database.get()) {
      RecommendationListTest.Fixture f = RecommendationListTest.fixture(db);
      long acme = f.recs().find(f.acme().get(0)).orElseThrow().tenantId();
      // rec-0, 2, 4, 6 of acme are open disable_stale_account on "User n" (rec-8 is approved);
      // globex's rows are another tenant
      List<Long> expected =
          List.of(f.acme().get(0), f.acme().get(2), f.acme().get(4), f.acme().get(6));
      assertThat(ids(f.recs(), acme)).isEqualTo(expected);
      assertThat(f.recs().openOfPattern(acme, "disable_stale_account", "user:other*")).isEmpty();

      // rows from before V10 have no pattern: not found until the backfill fills it
      db.exec("UPDATE recommendations SET target_pattern = NULL");
      assertThat(ids(f.recs(), acme)).isEmpty();
      long after = 0;
      int batches = 0;
      while ((after = f.recs().backfillPatterns(after, 5)) >= 0) {
        batches++;
      }
      assertThat(batches).as("12 rows in batches of 5").isEqualTo(3);
      assertThat(f.recs().backfillPatterns(0, 5)).as("nothing left").isEqualTo(-1);
      assertThat(ids(f.recs(), acme)).isEqualTo(expected);
    }
  }

  private static List<Long> ids(RecommendationRepository recs, long tenantId) {
    return recs.openOfPattern(tenantId, "disable_stale_account", "user:user*").stream()
        .map(RecommendationRepository.OpenRow::id)
        .toList();
  }
}
