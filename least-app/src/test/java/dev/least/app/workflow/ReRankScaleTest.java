package dev.least.app.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.app.store.Ranking;
import dev.least.app.store.RecommendationRepository;
import dev.least.app.store.StoredRecommendation;
import dev.least.app.store.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Re-ranking after a decision, at scale, on PostgreSQL: {@code least.rerank.rows} recommendations
 * (20,000 by default; {@code -Dleast.rerank.rows=1000000} for the figure in docs/server.md) in one
 * tenant, 1% of them open in the decided recommendation's type and target pattern. The decision
 * re-ranks exactly that pattern's open rows and leaves the rest alone; the time of the whole
 * transaction (decision + re-rank) is printed.
 */
class ReRankScaleTest {
  static final int ROWS = Integer.getInteger("least.rerank.rows", 20_000);

  @Test
  void rejectionWhenManyRowsThenOnlyThePatternsOpenRowsAreReRanked() {
    try (TestDatabase db = TestDatabase.postgres()) {
      DemoTenant t = new DemoTenant(db);
      SnapshotImport.Imported imported = t.importDemo();
      long tenant = imported.tenant().id();
      long run = imported.run().id();
      // type t0 on g % 5 = 0; domain d0..d99 on g % 100; open (proposed) on g % 4 = 0: the rows
      // with g % 100 = 0 are t0, user:@d0.com and open (1%)
      db.exec(
          "INSERT INTO recommendations (run_id, tenant_id, rec_key, type, platform, risk,"
              + " confidence, mode, target_kind, target_id, target_name, state, version,"
              + " requested_by, created_at, updated_at, body_json, adjusted_confidence,"
              + " rank_score, target_pattern)"
              + " SELECT "
              + run
              + ", "
              + tenant
              + ", 'scale-' || g, 't' || (g % 5), 'entra', 'medium', 0.8, 'advisory', 'user',"
              + " 'u-' || g, 'user' || g || '@d' || (g % 100) || '.com',"
              + " CASE WHEN g % 4 = 0 THEN 'proposed' ELSE 'applied' END, 0, 'ivan', now(),"
              + " now(), '{}', 0.8, 1.6, 'user:@d' || (g % 100) || '.com'"
              + " FROM generate_series(1, "
              + ROWS
              + ") g");
      db.exec("ANALYZE recommendations");
      RecommendationRepository recs = t.recommendations;
      List<RecommendationRepository.OpenRow> bucket =
          recs.openOfPattern(tenant, "t0", "user:@d0.com");
      assertThat(bucket).hasSize(ROWS / 100);
      long decided = bucket.get(0).id();
      long sameTypeOtherPattern = recs.openOfPattern(tenant, "t0", "user:@d20.com").get(0).id();
      StoredRecommendation d = recs.find(decided).orElseThrow();

      long start = System.nanoTime();
      t.workflow.perform(
          decided, Action.REJECT, FeedbackRankingTest.BOB, d.version(), "scale", "false_positive");
      double ms = (System.nanoTime() - start) / 1e6;
      // the re-rank alone, again (warm), in its own transaction
      long again = System.nanoTime();
      Integer n =
          t.tx.execute(
              s -> t.workflow.reRank(d, dev.least.recommend.FeedbackReason.FALSE_POSITIVE));
      double reRankMs = (System.nanoTime() - again) / 1e6;
      assertThat(n).isEqualTo(bucket.size() - 1);
      System.out.printf(
          "re-rank: %d rows, %d open in the pattern: decision + re-rank %.0f ms, re-rank alone"
              + " %.0f ms%n",
          ROWS, bucket.size() - 1, ms, reRankMs);

      Map<Long, Ranking> after =
          recs.rankings(List.of(bucket.get(1).id(), bucket.get(bucket.size() - 1).id()));
      for (Ranking r : after.values()) {
        assertThat(r.adjustedConfidence()).isLessThan(0.8);
        assertThat(r.adjustmentJson()).contains("false_positive");
      }
      Ranking untouched = recs.rankings(List.of(sameTypeOtherPattern)).get(sameTypeOtherPattern);
      assertThat(untouched.adjustedConfidence()).isEqualTo(0.8);
      assertThat(untouched.adjustmentJson()).isNull();
    }
  }
}
