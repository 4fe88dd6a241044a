package dev.least.app.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.app.store.StoredRecommendation;
import dev.least.app.store.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two people reject, at the same moment, two open recommendations of the same type and target
 * pattern on PostgreSQL: each decision re-ranks the other's row. Decisions lock the tenant first,
 * so both land (no deadlock abort) and the feedback counts both.
 */
class ConcurrentReRankTest {
  @Test
  void twoRejectionsWhenSamePatternAtOnceThenBothLandWithoutDeadlock() throws Exception {
    try (TestDatabase db = TestDatabase.postgres()) {
      DemoTenant t = new DemoTenant(db);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 4; round++) {
          long run1 = t.importDemo().run().id();
          long run2 = t.importDemo().run().id();
          // the same engine key in both runs: same type, same target, same pattern, both open
          StoredRecommendation a =
              t.recommendations.find(t.recommendations.idsOfRun(run1).get(round)).orElseThrow();
          StoredRecommendation b =
              t.recommendations.idsOfRun(run2).stream()
                  .map(id -> t.recommendations.find(id).orElseThrow())
                  .filter(r -> r.key().equals(a.key()))
                  .findFirst()
                  .orElseThrow();
          CyclicBarrier start = new CyclicBarrier(2);
          List<Future<TransitionResult>> done = new ArrayList<>();
          for (StoredRecommendation r : List.of(a, b)) {
            done.add(
                pool.submit(
                    () -> {
                      start.await();
                      return t.workflow.perform(
                          r.id(),
                          Action.REJECT,
                          FeedbackRankingTest.BOB,
                          r.version(),
                          "round",
                          "false_positive");
                    }));
          }
          for (Future<TransitionResult> f : done) {
            assertThat(f.get().recommendation().state()).isEqualTo(RecommendationState.REJECTED);
          }
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(t.recommendations.feedback(t.tenants.find("contoso-demo").orElseThrow().id()))
          .hasSize(8);
    }
  }
}
