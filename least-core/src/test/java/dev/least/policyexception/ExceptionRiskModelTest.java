package dev.least.policyexception;

import static dev.least.policy.entra.PolicyBuilder.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.least.policy.entra.PolicyState;
import dev.least.policyexception.ExceptionRiskModel.Assessment;
import dev.least.policyexception.ExceptionRiskModel.Band;
import dev.least.policyexception.ExceptionRiskModel.Value;
import dev.least.policyexception.ExceptionRouting.Limits;
import dev.least.policyexception.ExceptionRouting.Route;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExceptionRiskModelTest {
  static Map<ExceptionFeature, Value> zeros() {
    Map<ExceptionFeature, Value> m = new EnumMap<>(ExceptionFeature.class);
    for (ExceptionFeature f : ExceptionFeature.values()) {
      m.put(f, new Value(0, "none"));
    }
    return m;
  }

  /** The weights table of docs/server.md, one row per feature: at value 1 and at 0.5. */
  @ParameterizedTest
  @CsvSource({
    "PRIVILEGED_ROLES, 25, 12.5",
    "POLICY_CRITICALITY, 20, 10",
    "USER_RISK, 15, 7.5",
    "RECENT_SIGN_IN_RISK, 10, 5",
    "DURATION, 15, 7.5",
    "PEERS, 10, 5",
    "HISTORY, 5, 2.5"
  })
  void assessWhenOnlyOneFeatureSetThenScoreIsItsWeightTimesValue(
      ExceptionFeature feature, int weight, double half) {
    assertThat(feature.weight()).isEqualTo(weight);
    Map<ExceptionFeature, Value> v = zeros();
    v.put(feature, new Value(1, "full"));
    assertThat(ExceptionRiskModel.assess(v).score()).isEqualTo(weight);
    v.put(feature, new Value(0.5, "half"));
    Assessment a = ExceptionRiskModel.assess(v);
    assertThat(a.score()).isEqualTo(half);
    assertThat(a.breakdown())
        .filteredOn(c -> c.feature() == feature)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.points()).isEqualTo(half);
              assertThat(c.evidence()).isEqualTo("half");
            });
  }

  @Test
  void weightsWhenSummedThenHundred() {
    int sum = 0;
    for (ExceptionFeature f : ExceptionFeature.values()) {
      sum += f.weight();
    }
    assertThat(sum).isEqualTo(100);
  }

  @Test
  void assessWhenScoreAtBandEdgesThenLowMediumHigh() {
    Map<ExceptionFeature, Value> v = zeros();
    v.put(ExceptionFeature.PRIVILEGED_ROLES, new Value(1, "x")); // 25
    v.put(ExceptionFeature.HISTORY, new Value(0.998, "x")); // 4.99
    assertThat(ExceptionRiskModel.assess(v).band()).isEqualTo(Band.LOW);
    v.put(ExceptionFeature.HISTORY, new Value(1, "x")); // 30
    assertThat(ExceptionRiskModel.assess(v).band()).isEqualTo(Band.MEDIUM);
    v.put(ExceptionFeature.POLICY_CRITICALITY, new Value(1, "x")); // 50
    v.put(ExceptionFeature.PEERS, new Value(1, "x")); // 60
    Assessment a = ExceptionRiskModel.assess(v);
    assertThat(a.score()).isEqualTo(60);
    assertThat(a.band()).isEqualTo(Band.HIGH);
  }

  @Test
  void assessWhenFeatureMissingThenRefusedNamingIt() {
    Map<ExceptionFeature, Value> v = zeros();
    v.remove(ExceptionFeature.PEERS);
    assertThatThrownBy(() -> ExceptionRiskModel.assess(v)).hasMessageContaining("peers");
  }

  @Test
  void featureValuesWhenCountsGivenThenScaledAndCapped() {
    assertThat(ExceptionRiskModel.duration(9).value()).isEqualTo(0.1);
    assertThat(ExceptionRiskModel.duration(400).value()).isEqualTo(1.0);
    assertThat(ExceptionRiskModel.peers(3).value()).isEqualTo(0.3);
    assertThat(ExceptionRiskModel.peers(25).value()).isEqualTo(1.0);
    assertThat(ExceptionRiskModel.history(1).value())
        .isCloseTo(1 / 3.0, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(ExceptionRiskModel.history(7).value()).isEqualTo(1.0);
    assertThatThrownBy(() -> ExceptionRiskModel.duration(0)).hasMessageContaining("0");
  }

  @Test
  void criticalityWhenEntraPoliciesOfEachKindThenRated() {
    assertThat(PolicyCriticality.of(policy("p").grant("OR", "block").build()).level())
        .isEqualTo(PolicyCriticality.HIGH);
    assertThat(
            PolicyCriticality.of(
                    policy("p")
                        .clientAppTypes("exchangeActiveSync", "other")
                        .grant("OR", "mfa")
                        .build())
                .level())
        .isEqualTo(PolicyCriticality.HIGH);
    assertThat(
            PolicyCriticality.of(
                    policy("p").includeRoles(SubjectFacts.GLOBAL_ADMIN).grant("OR", "mfa").build())
                .level())
        .isEqualTo(PolicyCriticality.HIGH);
    assertThat(
            PolicyCriticality.of(policy("p").includeUsers("All").grant("OR", "mfa").build())
                .level())
        .isEqualTo(PolicyCriticality.MEDIUM);
    assertThat(
            PolicyCriticality.of(
                    policy("p")
                        .includeUsers("All")
                        .grant("OR", "mfa")
                        .state(PolicyState.REPORT_ONLY)
                        .build())
                .level())
        .isEqualTo(PolicyCriticality.LOW);
    assertThat(
            PolicyCriticality.of(
                    policy("p").grant("OR", "block").state(PolicyState.DISABLED).build())
                .level())
        .isEqualTo(PolicyCriticality.INACTIVE);
    assertThat(PolicyCriticality.of(policy("p").signInFrequencyHours(8).build()).level())
        .isEqualTo(PolicyCriticality.LOW);
  }

  @ParameterizedTest
  @CsvSource({
    // band, days, active, manager, route
    "LOW, 7, 1, m@x.com, AUTO_APPROVE",
    "LOW, 8, 1, m@x.com, MANAGER",
    "LOW, 7, 2, m@x.com, MANAGER",
    "LOW, 30, 0, , SECURITY",
    "MEDIUM, 1, 0, m@x.com, MANAGER",
    "MEDIUM, 1, 0, , SECURITY",
    "HIGH, 1, 0, m@x.com, SECURITY"
  })
  void routeWhenBandAndLimitsThenRoutedAsDocumented(
      Band band, int days, int active, String manager, Route route) {
    ExceptionRouting.Routing r =
        ExceptionRouting.route(band, days, active, manager, Limits.DEFAULTS);
    assertThat(r.route()).as(r.why()).isEqualTo(route);
    if (route == Route.MANAGER) {
      assertThat(r.decider()).isEqualTo(manager);
    }
  }
}
