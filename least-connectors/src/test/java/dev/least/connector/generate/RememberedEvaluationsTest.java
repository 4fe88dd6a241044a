package dev.least.connector.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.ClientAppType;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.model.TriState;
import dev.least.policy.Decision;
import dev.least.policy.Evaluation;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.okta.OktaSignOnEvaluator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RememberedEvaluationsTest {
  /** The engines asked for every sign-in, nothing remembered. */
  private static final class EveryTimeEngines implements PolicyEngines {
    @Override
    public SignInEvaluator entra(TenantSnapshot directory) {
      return new ConditionalAccessEvaluator(
          directory.conditionalAccessPolicies(),
          directory.locations().stream().filter(l -> l.source() == Source.ENTRA).toList());
    }

    @Override
    public SignInEvaluator okta(TenantSnapshot directory) {
      return new OktaSessionEvaluator(OktaSignOnEvaluator.of(directory));
    }
  }

  @Test
  void generateWhenVerdictsRememberedThenSameBytesAsAskingTheEngineEveryTime(
      @TempDir Path remembered, @TempDir Path everyTime) {
    GeneratorOptions o = GeneratorOptions.defaults().withUsers(400).withDays(7).withSeed(5);
    GeneratedTenant a = GeneratedTenant.generate(remembered, o);
    Path snap = everyTime.resolve("snapshot");
    new TenantGenerator(new EveryTimeEngines(), s -> {})
        .generate(o, snap, everyTime.resolve("truth.json"));
    GeneratedTenant b = new GeneratedTenant(everyTime, a.result());

    Map<String, String> want = b.hashes();
    assertThat(want)
        .containsKeys("snapshot/entra/auditLogs/signIns.jsonl", "snapshot/okta/logs.jsonl");
    assertThat(a.hashes()).isEqualTo(want);
  }

  @Test
  void evaluateWhenSameSituationAtAnotherTimeOrForAnAlikeAccountThenEngineAskedOnce() {
    int[] asked = {0};
    SignInEvaluator counting =
        f -> {
          asked[0]++;
          return new Evaluation(Decision.ALLOW, List.of(), List.of());
        };
    RememberedEvaluations r = new RememberedEvaluations(counting, Set.of("named"), 10);
    r.evaluate(facts("alice", "10.0.0.1", 1_000L));
    r.evaluate(facts("alice", "10.0.0.1", 9_000_000L));
    r.evaluate(facts("bob", "10.0.0.1", 5_000L));
    assertThat(asked[0]).isEqualTo(1);

    r.evaluate(facts("alice", "10.0.0.2", 1_000L));
    r.evaluate(facts("named", "10.0.0.1", 1_000L));
    r.evaluate(facts("named", "10.0.0.1", 2_000L));
    assertThat(asked[0]).isEqualTo(3);
  }

  @Test
  void evaluateWhenMoreSetsThanRememberedThenEveryVerdictStillTheEnginesOwn() {
    SignInEvaluator byGroups =
        f ->
            new Evaluation(
                f.groupIds().contains("admins") == f.roleTemplateIds().isEmpty()
                    ? Decision.BLOCK
                    : Decision.ALLOW,
                List.of(),
                List.of());
    RememberedEvaluations r = new RememberedEvaluations(byGroups, Set.of(), 2);
    for (int k = 0; k < 200; k++) {
      // fresh set instances every time, so the set numbers start over again and again
      Set<String> groups = k % 3 == 0 ? Set.of("admins", "g" + k % 7) : Set.of("g" + k % 7);
      Set<String> roles = k % 2 == 0 ? Set.of() : Set.of("r" + k % 5);
      SignInFacts f = facts("alice", "10.0.0.1", k, groups, roles);
      assertThat(r.evaluate(f).decision())
          .as("sign-in %d", k)
          .isEqualTo(byGroups.evaluate(f).decision());
    }
  }

  private static SignInFacts facts(String account, String ip, long t) {
    return facts(account, ip, t, Set.of("g1"), Set.of());
  }

  private static SignInFacts facts(
      String account, String ip, long t, Set<String> groups, Set<String> roles) {
    return new SignInFacts(
        account,
        PrincipalKind.USER,
        false,
        groups,
        roles,
        "app",
        ClientAppType.BROWSER,
        "windows",
        ip,
        "GB",
        RiskLevel.NONE,
        RiskLevel.NONE,
        TriState.TRUE,
        TriState.TRUE,
        TriState.FALSE,
        true,
        t);
  }
}
