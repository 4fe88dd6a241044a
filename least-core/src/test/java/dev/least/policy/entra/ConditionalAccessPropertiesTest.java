package dev.least.policy.entra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.PolicyResult;
import dev.least.policy.CodedEvaluation;
import dev.least.policy.Decision;
import dev.least.policy.Evaluation;
import dev.least.policy.EvaluationProblem;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.SignInFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of Conditional Access evaluation, over random tenants and sign-ins. */
class ConditionalAccessPropertiesTest {

  @Property(tries = 1500)
  void compiledEvaluatorEqualsNaiveInterpreter(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int n) {
    Random r = new Random(seed);
    List<ConditionalAccessPolicy> policies = RandomTenant.policies(r, n);
    SignInFacts facts = RandomTenant.facts(r);
    Evaluation fast =
        new ConditionalAccessEvaluator(policies, RandomTenant.LOCATIONS).evaluate(facts);
    Evaluation naive =
        new NaiveConditionalAccessEvaluator(policies, RandomTenant.LOCATIONS).evaluate(facts);
    assertThat(fast.decision()).isEqualTo(naive.decision());
    assertThat(fast.outcomes()).hasSameSizeAs(naive.outcomes());
    for (int i = 0; i < fast.outcomes().size(); i++) {
      PolicyOutcome a = fast.outcomes().get(i);
      PolicyOutcome b = naive.outcomes().get(i);
      assertThat(a.policyId()).isEqualTo(b.policyId());
      assertThat(a.result()).as("result of %s", a.policyId()).isEqualTo(b.result());
      assertThat(a.requiredControls())
          .as("controls of %s", a.policyId())
          .isEqualTo(b.requiredControls());
    }
    assertThat(codes(fast.problems())).isEqualTo(codes(naive.problems()));
  }

  /**
   * The int-coded vector equals the record path for every sign-in of a sequence: one vector is
   * reused, so its per-account, per-app, per-address and per-platform caches carry over from one
   * sign-in to the next (the same account comes back with other groups, roles or guest flag).
   */
  @Property(tries = 400)
  void codedEvaluationEqualsRecordPathAcrossASequenceOfSignIns(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int n) {
    Random r = new Random(seed);
    List<ConditionalAccessPolicy> policies = RandomTenant.policies(r, n);
    ConditionalAccessEvaluator compiled =
        new ConditionalAccessEvaluator(policies, RandomTenant.LOCATIONS);
    NaiveConditionalAccessEvaluator naive =
        new NaiveConditionalAccessEvaluator(policies, RandomTenant.LOCATIONS);
    CodedEvaluation coded = compiled.newCodedEvaluation();
    for (int k = 0; k < 12; k++) {
      SignInFacts facts = RandomTenant.facts(r);
      coded.evaluate(facts);
      Evaluation records = compiled.evaluate(facts);
      Evaluation oracle = naive.evaluate(facts);
      assertThat(coded.decision()).isEqualTo(records.decision()).isEqualTo(oracle.decision());
      assertThat(coded.size()).isEqualTo(records.outcomes().size());
      for (int i = 0; i < coded.size(); i++) {
        PolicyOutcome o = records.outcomes().get(i);
        assertThat(coded.outcome(i)).as("outcome %d of sign-in %d", i, k).isEqualTo(o);
        assertThat(coded.result(i)).isEqualTo(o.result());
        assertThat(coded.policyId(i)).isEqualTo(o.policyId());
        assertThat(coded.code(i)).isBetween(0, coded.codeCount() - 1);
        assertThat(coded.result(i)).isEqualTo(oracle.outcomes().get(i).result());
      }
    }
  }

  @Property(tries = 800)
  void excludingTheUserNeverAddsRequirements(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int n) {
    Random r = new Random(seed);
    List<ConditionalAccessPolicy> policies = RandomTenant.policies(r, n);
    SignInFacts facts = RandomTenant.facts(r);
    int k = r.nextInt(n);
    List<ConditionalAccessPolicy> excluded = new ArrayList<>(policies);
    ConditionalAccessPolicy p = policies.get(k);
    List<String> ex = new ArrayList<>(p.users().excludeUsers());
    ex.add(facts.accountId());
    excluded.set(k, withExcludedUsers(p, ex));
    Evaluation before =
        new ConditionalAccessEvaluator(policies, RandomTenant.LOCATIONS).evaluate(facts);
    Evaluation after =
        new ConditionalAccessEvaluator(excluded, RandomTenant.LOCATIONS).evaluate(facts);
    assertThat(enforcedRequirements(before)).containsAll(enforcedRequirements(after));
    if (after.decision() == Decision.BLOCK) {
      assertThat(before.decision()).isEqualTo(Decision.BLOCK);
    }
    if (facts.principalKind() == dev.least.model.PrincipalKind.USER) {
      assertThat(after.outcomes().get(k).result())
          .isIn(
              PolicyResult.NOT_APPLIED,
              PolicyResult.REPORT_ONLY_NOT_APPLIED,
              PolicyResult.NOT_ENABLED,
              PolicyResult.UNKNOWN);
    }
  }

  @Property(tries = 800)
  void reportOnlyPolicyNeverChangesTheDecision(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 6) int n) {
    Random r = new Random(seed);
    List<ConditionalAccessPolicy> policies = RandomTenant.policies(r, n);
    SignInFacts facts = RandomTenant.facts(r);
    ConditionalAccessPolicy extra = RandomTenant.policy(r, "ro");
    List<ConditionalAccessPolicy> more = new ArrayList<>(policies);
    more.add(withState(extra, PolicyState.REPORT_ONLY));
    Decision before =
        new ConditionalAccessEvaluator(policies, RandomTenant.LOCATIONS).evaluate(facts).decision();
    Decision after =
        new ConditionalAccessEvaluator(more, RandomTenant.LOCATIONS).evaluate(facts).decision();
    assertThat(after).isEqualTo(before);
  }

  @Property(tries = 800)
  void addingABlockPolicyNeverUnblocks(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 6) int n) {
    Random r = new Random(seed);
    List<ConditionalAccessPolicy> policies = RandomTenant.policies(r, n);
    SignInFacts facts = RandomTenant.facts(r);
    ConditionalAccessPolicy block = withState(RandomTenant.policy(r, "block"), PolicyState.ENABLED);
    block = PolicyBuilderCopy.withGrant(block, "block");
    List<ConditionalAccessPolicy> more = new ArrayList<>(policies);
    more.add(block);
    Decision before =
        new ConditionalAccessEvaluator(policies, RandomTenant.LOCATIONS).evaluate(facts).decision();
    Evaluation after = new ConditionalAccessEvaluator(more, RandomTenant.LOCATIONS).evaluate(facts);
    if (before == Decision.BLOCK) {
      assertThat(after.decision()).isEqualTo(Decision.BLOCK);
    }
    if (before != Decision.ALLOW) {
      assertThat(after.decision()).isNotEqualTo(Decision.ALLOW);
    }
    if (after.outcomes().get(n).result() == PolicyResult.FAILURE) {
      assertThat(after.decision()).isEqualTo(Decision.BLOCK);
    }
  }

  private static Set<String> enforcedRequirements(Evaluation e) {
    Set<String> out = new HashSet<>();
    for (PolicyOutcome o : e.outcomes()) {
      if (o.result() == PolicyResult.SUCCESS || o.result() == PolicyResult.FAILURE) {
        out.addAll(o.requiredControls());
      }
    }
    return out;
  }

  private static List<String> codes(List<EvaluationProblem> problems) {
    return problems.stream().map(p -> p.policyId() + " " + p.code()).sorted().toList();
  }

  private static ConditionalAccessPolicy withExcludedUsers(
      ConditionalAccessPolicy p, List<String> ex) {
    ConditionalAccessPolicy.Users u = p.users();
    return PolicyBuilderCopy.withUsers(
        p,
        new ConditionalAccessPolicy.Users(
            u.includeUsers(),
            ex,
            u.includeGroups(),
            u.excludeGroups(),
            u.includeRoles(),
            u.excludeRoles(),
            u.includeGuestsOrExternalUserTypes(),
            u.excludeGuestsOrExternalUserTypes()));
  }

  private static ConditionalAccessPolicy withState(ConditionalAccessPolicy p, PolicyState s) {
    return PolicyBuilderCopy.withState(p, s);
  }
}
