package dev.least.app.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.app.store.Ranking;
import dev.least.app.store.RecommendationFilter;
import dev.least.app.store.RecommendationRepository;
import dev.least.app.store.RecommendationSummary;
import dev.least.app.store.StoredRecommendation;
import dev.least.app.store.TestDatabase;
import dev.least.recommend.FeedbackModel;
import dev.least.recommend.Risk;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feedback loop end to end: the demo tenant is analysed, one kind of recommendation is rejected
 * as a false positive and a lower-ranked kind accepted, and the next analysis run ranks them the
 * other way round, keeping the engine's confidence next to the adjusted one.
 */
class FeedbackRankingTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Actor BOB = new Actor("bob", Role.APPROVER);
  static final Actor CAROL = new Actor("carol", Role.APPROVER);

  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of("h2", (Supplier<TestDatabase>) TestDatabase::h2),
        Arguments.of("postgresql", (Supplier<TestDatabase>) TestDatabase::postgres));
  }

  /** A run's recommendations in list order: rank score descending, then id. */
  static List<StoredRecommendation> ranked(DemoTenant t, long runId) {
    RecommendationRepository r = t.recommendations;
    List<Long> ids = r.idsOfRun(runId);
    Map<Long, Ranking> ranks = r.rankings(ids);
    return ids.stream()
        .map(id -> r.find(id).orElseThrow())
        .sorted(
            Comparator.comparingDouble((StoredRecommendation s) -> -ranks.get(s.id()).rankScore())
                .thenComparingLong(StoredRecommendation::id))
        .toList();
  }

  /** A pair of types whose order the bounded model can swap: t above u in run 1. */
  record Pair(StoredRecommendation top, StoredRecommendation below) {}

  /**
   * The first pair in run 1's order (different types, the upper one first) that full feedback can
   * swap: the upper one rejected to the bound (−1.5 log-odds), the lower one accepted to it (+1.5).
   */
  static Pair swappable(List<StoredRecommendation> order) {
    for (int i = 0; i < order.size(); i++) {
      for (int j = i + 1; j < order.size(); j++) {
        StoredRecommendation a = order.get(i);
        StoredRecommendation b = order.get(j);
        if (!a.type().equals(b.type())
            && shifted(a.confidence(), -1.5) * weight(a)
                < shifted(b.confidence(), 1.5) * weight(b)) {
          return new Pair(a, b);
        }
      }
    }
    throw new AssertionError("the demo has no pair of types that feedback could swap");
  }

  static double shifted(double p, double s) {
    return 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + s)));
  }

  static double weight(StoredRecommendation r) {
    return FeedbackModel.riskWeight(Risk.valueOf(r.risk().toUpperCase(java.util.Locale.ROOT)));
  }

  /** Where the recommendation with that engine key (stable across runs) stands. */
  static int indexOf(List<StoredRecommendation> order, String key) {
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).key().equals(key)) {
        return i;
      }
    }
    throw new AssertionError("no " + key);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void analysisWhenOneTypeWasRejectedAndAnotherAcceptedThenTheNextRunRanksThemTheOtherWayRound(
      String vendor, Supplier<TestDatabase> database) {
    try (TestDatabase db = database.get()) {
      DemoTenant t = new DemoTenant(db);
      long run1 = t.importDemo().run().id();
      List<StoredRecommendation> before = ranked(t, run1);
      Pair pair = swappable(before);
      String rejectedType = pair.top().type();
      String acceptedType = pair.below().type();
      assertThat(indexOf(before, pair.top().key())).isLessThan(indexOf(before, pair.below().key()));
      // three runs of decisions: every pattern of either type gets three of them
      long run = run1;
      for (int round = 0; round < 3; round++) {
        for (StoredRecommendation r : ranked(t, run)) {
          if (r.type().equals(rejectedType)) {
            t.workflow.perform(
                r.id(),
                Action.REJECT,
                BOB,
                r.version(),
                "owner confirmed it is used",
                "false_positive");
          } else if (r.type().equals(acceptedType)) {
            TransitionResult first =
                t.workflow.perform(r.id(), Action.APPROVE, BOB, r.version(), null, "accepted");
            if (first.approvalsNeeded() > 0) {
              t.workflow.perform(
                  r.id(), Action.APPROVE, CAROL, first.recommendation().version(), null, null);
            }
          }
        }
        run = t.importDemo().run().id();
      }
      assertThat(t.recommendations.feedback(t.tenants.find("contoso-demo").orElseThrow().id()))
          .extracting(FeedbackModel.Feedback::type)
          .containsOnly(rejectedType, acceptedType);

      List<StoredRecommendation> after = ranked(t, run);
      assertThat(indexOf(after, pair.top().key()))
          .as(
              "%s %s now ranks below %s %s",
              rejectedType, pair.top().key(), acceptedType, pair.below().key())
          .isGreaterThan(indexOf(after, pair.below().key()));
      Map<Long, Ranking> ranks =
          t.recommendations.rankings(after.stream().map(StoredRecommendation::id).toList());
      for (StoredRecommendation r : after) {
        Ranking k = ranks.get(r.id());
        JsonNode adj = JSON.readTree(k.adjustmentJson());
        assertThat(adj.get("original").asDouble()).isEqualTo(r.confidence());
        if (r.type().equals(rejectedType)) {
          assertThat(k.adjustedConfidence()).isLessThan(r.confidence());
          assertThat(adj.get("explanation").asString()).contains("rejected").contains(rejectedType);
        } else if (r.type().equals(acceptedType)) {
          assertThat(k.adjustedConfidence()).isGreaterThan(r.confidence());
        } else {
          assertThat(k.adjustedConfidence()).isEqualTo(r.confidence());
          assertThat(adj.get("explanation").asString()).contains("no earlier decisions");
        }
      }

      // the list endpoint's query orders by the stored rank score
      List<RecommendationSummary> listed =
          t.recommendations
              .page(
                  new RecommendationFilter(
                      "contoso-demo", null, null, RecommendationState.PROPOSED, null),
                  0,
                  500,
                  RecommendationRepository.Sort.RANK)
              .items();
      Map<Long, Ranking> listedRanks =
          t.recommendations.rankings(listed.stream().map(RecommendationSummary::id).toList());
      assertThat(listed).hasSizeGreaterThan(1);
      for (RecommendationSummary s : listed) {
        // the list's summary columns carry the same ranking as the detail's
        assertThat(s.rankScore()).isEqualTo(listedRanks.get(s.id()).rankScore());
        assertThat(s.adjustedConfidence()).isEqualTo(listedRanks.get(s.id()).adjustedConfidence());
      }
      for (int i = 1; i < listed.size(); i++) {
        assertThat(listedRanks.get(listed.get(i).id()).rankScore())
            .isLessThanOrEqualTo(listedRanks.get(listed.get(i - 1).id()).rankScore());
      }
    }
  }

  /** The ids of the tenant's proposed recommendations in the list's (rank) order. */
  static List<Long> listed(DemoTenant t) {
    return t
        .recommendations
        .page(
            new RecommendationFilter(
                "contoso-demo", null, null, RecommendationState.PROPOSED, null),
            0,
            500,
            RecommendationRepository.Sort.RANK)
        .items()
        .stream()
        .map(RecommendationSummary::id)
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void rejectionWhenFalsePositiveInRun2ThenMatchingOpenRecommendationOfRun1RanksLowerAtOnce(
      String vendor, Supplier<TestDatabase> database) {
    try (TestDatabase db = database.get()) {
      DemoTenant t = new DemoTenant(db);
      long run1 = t.importDemo().run().id();
      long run2 = t.importDemo().run().id();
      List<StoredRecommendation> first = ranked(t, run1);
      List<StoredRecommendation> second = ranked(t, run2);
      List<Long> before = listed(t);
      Map<Long, Ranking> ranks =
          t.recommendations.rankings(
              Stream.concat(first.stream(), second.stream())
                  .map(StoredRecommendation::id)
                  .toList());

      // a recommendation of run 2 whose twin in run 1 one false positive moves below another
      // open recommendation (of another type or pattern, which the decision leaves alone)
      StoredRecommendation decided = null;
      StoredRecommendation twin = null;
      StoredRecommendation overtaker = null;
      for (StoredRecommendation x : second) {
        String pattern = FeedbackModel.pattern(x.targetKind(), x.targetName());
        StoredRecommendation x1 =
            first.stream().filter(r -> r.key().equals(x.key())).findFirst().orElseThrow();
        double newScore =
            FeedbackModel.rankScore(
                FeedbackModel.fit(
                        List.of(
                            new FeedbackModel.Feedback(
                                x.type(),
                                x.targetKind(),
                                x.targetName(),
                                dev.least.recommend.FeedbackReason.FALSE_POSITIVE)))
                    .adjust(x1.type(), x1.targetKind(), x1.targetName(), x1.confidence())
                    .adjusted(),
                Risk.valueOf(x1.risk().toUpperCase(java.util.Locale.ROOT)));
        double oldScore = ranks.get(x1.id()).rankScore();
        for (StoredRecommendation o : Stream.concat(first.stream(), second.stream()).toList()) {
          boolean samePattern =
              o.type().equals(x.type())
                  && FeedbackModel.pattern(o.targetKind(), o.targetName()).equals(pattern);
          double s = ranks.get(o.id()).rankScore();
          // ties rank by id: an equal score with a higher id is below the twin before
          boolean below = s < oldScore || (s == oldScore && o.id() > x1.id());
          if (!samePattern && below && s > newScore) {
            decided = x;
            twin = x1;
            overtaker = o;
            break;
          }
        }
        if (decided != null) {
          break;
        }
      }
      assertThat(decided).as("a recommendation whose rejection changes run 1's order").isNotNull();
      assertThat(before.indexOf(twin.id())).isLessThan(before.indexOf(overtaker.id()));
      String decidedType = decided.type();
      StoredRecommendation otherTypeRow =
          first.stream().filter(r -> !r.type().equals(decidedType)).findFirst().orElseThrow();

      t.workflow.perform(
          decided.id(),
          Action.REJECT,
          BOB,
          decided.version(),
          "kiosk account, used by design",
          "false_positive");

      List<Long> after = listed(t);
      assertThat(after.indexOf(twin.id()))
          .as("run 1's %s now ranks below %s", twin.key(), overtaker.key())
          .isGreaterThan(after.indexOf(overtaker.id()));
      Ranking twinNow = t.recommendations.rankings(List.of(twin.id())).get(twin.id());
      assertThat(twinNow.rankScore()).isLessThan(ranks.get(twin.id()).rankScore());
      assertThat(twinNow.adjustedConfidence()).isLessThan(twin.confidence());
      JsonNode adj = JSON.readTree(twinNow.adjustmentJson());
      assertThat(adj.get("patternRejections").asDouble()).isEqualTo(1.0);
      assertThat(adj.get("explanation").asString()).contains("false_positive");
      // a re-rank is not a decision: the twin's workflow version is unchanged
      assertThat(t.recommendations.find(twin.id()).orElseThrow().version())
          .isEqualTo(twin.version());
      // rows of another type keep their ranking
      assertThat(t.recommendations.rankings(List.of(otherTypeRow.id())).get(otherTypeRow.id()))
          .isEqualTo(ranks.get(otherTypeRow.id()));
      // the decided one is no longer open: it keeps the ranking it was decided with
      assertThat(t.recommendations.rankings(List.of(decided.id())).get(decided.id()))
          .isEqualTo(ranks.get(decided.id()));
    }
  }
}
