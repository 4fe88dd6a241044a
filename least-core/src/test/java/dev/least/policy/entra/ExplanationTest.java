package dev.least.policy.entra;

import static dev.least.policy.entra.FactsBuilder.facts;
import static dev.least.policy.entra.PolicyBuilder.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.PolicyResult;
import dev.least.model.TriState;
import dev.least.policy.Decision;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTest {
  private final ConditionalAccessEvaluator evaluator =
      new ConditionalAccessEvaluator(
          List.of(
              policy("mfa")
                  .name("Require MFA")
                  .excludeGroups("breakglass")
                  .grant("AND", "mfa")
                  .build(),
              policy("ios")
                  .name("Block iOS")
                  .includePlatforms("iOS")
                  .grant("AND", "block")
                  .build()),
          List.of());

  @Test
  void explainWhenUserExcludedByGroupThenTraceNamesTheGroup() {
    Explanation e = evaluator.explain(facts().groups("breakglass").build());
    PolicyTrace t = e.policy("mfa");
    assertThat(t.result()).isEqualTo(PolicyResult.NOT_APPLIED);
    assertThat(t.conditions())
        .contains(
            new ConditionVerdict(
                Condition.USERS, Verdict.NO_MATCH, "excluded by group breakglass"));
    assertThat(e.decision()).isEqualTo(Decision.ALLOW);
  }

  @Test
  void explainWhenMfaMissingThenGrantNeedsUserActionAndRenderShowsIt() {
    Explanation e = evaluator.explain(facts().mfa(TriState.FALSE).build());
    PolicyTrace t = e.policy("mfa");
    assertThat(t.applicability()).isEqualTo(Verdict.MATCH);
    assertThat(t.grant()).isEqualTo(ControlState.NEEDS_USER_ACTION);
    assertThat(e.policy("ios").conditions())
        .contains(
            new ConditionVerdict(
                Condition.PLATFORMS, Verdict.NO_MATCH, "platform windows not included"));
    assertThat(e.render())
        .contains("decision REQUIRE_CONTROLS, conditionalAccessStatus failure")
        .contains("- Require MFA [mfa] enabled -> failure requires mfa")
        .contains("    grant NEEDS_USER_ACTION")
        .contains("- Block iOS [ios] enabled -> notApplied");
  }

  @Test
  void explanationAgreesWithEvaluation() {
    var f = facts().platform("ios").build();
    Explanation e = evaluator.explain(f);
    var ev = evaluator.evaluate(f);
    assertThat(e.decision()).isEqualTo(ev.decision()).isEqualTo(Decision.BLOCK);
    assertThat(e.policies().stream().map(PolicyTrace::result).toList())
        .isEqualTo(ev.outcomes().stream().map(o -> o.result()).toList());
  }
}
