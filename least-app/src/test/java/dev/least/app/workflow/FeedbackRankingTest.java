package dev.least.app.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.app.store.Ranking;
import dev.least.app.store.RecommendationFilter;
import dev.least.app.store.RecommendationRepository;
import dev.least.app.store.StoredRecommendation;
import dev.least.app.store.TestDatabase;
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
 * The feedback loop end to end: the demo tenant is analysed, the top-ranked kind of recommendation
 * is rejected as a false positive, and the next analysis run ranks that kind lower, keeping the
 * engine's confidence next to the adjusted one.
 */
class FeedbackRankingTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

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

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void analysisWhenEarlierRecommendationsOfATypeWereRejectedThenThatTypeRanksLower(
      String vendor, Supplier<TestDatabase> database) {
    try (TestDatabase db = database.get()) {
      DemoTenant t = new DemoTenant(db);
      long run1 = t.importDemo().run().id();
      List<StoredRecommendation> before = ranked(t, run1);
      assertThat(before).hasSizeGreaterThan(1);
      String type = before.get(0).type();
      assertThat(before)
          .as("the demo yields more than one type")
          .anyMatch(r -> !r.type().equals(type));
      Actor bob = new Actor("bob", Role.APPROVER);
      for (StoredRecommendation r : before) {
        if (r.type().equals(type)) {
          t.workflow.perform(
              r.id(),
              Action.REJECT,
              bob,
              r.version(),
              "owner confirmed it is used",
              "false_positive");
        }
      }
      assertThat(t.recommendations.feedback(t.tenants.find("contoso-demo").orElseThrow().id()))
          .isNotEmpty()
          .allSatisfy(f -> assertThat(f.type()).isEqualTo(type));

      long run2 = t.importDemo().run().id();
      List<StoredRecommendation> after = ranked(t, run2);
      Map<Long, Ranking> ranks =
          t.recommendations.rankings(after.stream().map(StoredRecommendation::id).toList());
      int firstBefore = 0;
      int firstAfter = -1;
      for (int i = 0; i < after.size(); i++) {
        StoredRecommendation r = after.get(i);
        Ranking k = ranks.get(r.id());
        JsonNode adj = JSON.readTree(k.adjustmentJson());
        if (r.type().equals(type)) {
          firstAfter = firstAfter < 0 ? i : firstAfter;
          assertThat(k.adjustedConfidence()).isLessThan(r.confidence());
          assertThat(adj.get("original").asDouble()).isEqualTo(r.confidence());
          assertThat(adj.get("typeRejections").asDouble()).isPositive();
          assertThat(adj.get("explanation").asString()).contains("rejected").contains(type);
        } else {
          assertThat(k.adjustedConfidence()).isEqualTo(r.confidence());
          assertThat(adj.get("explanation").asString()).contains("no earlier decisions");
        }
      }
      assertThat(firstAfter).as("first %s after the rejections", type).isGreaterThan(firstBefore);

      // the list endpoint's query orders the same way
      List<StoredRecommendation> listed =
          t.recommendations
              .page(
                  new RecommendationFilter(
                      "contoso-demo", null, null, RecommendationState.PROPOSED, null),
                  0,
                  500,
                  RecommendationRepository.Sort.RANK)
              .items();
      Map<Long, Ranking> listedRanks =
          t.recommendations.rankings(listed.stream().map(StoredRecommendation::id).toList());
      for (int i = 1; i < listed.size(); i++) {
        assertThat(listedRanks.get(listed.get(i).id()).rankScore())
            .isLessThanOrEqualTo(listedRanks.get(listed.get(i - 1).id()).rankScore());
      }
    }
  }
}
