package dev.least.replay;

import static dev.least.policy.entra.PolicyBuilder.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.least.model.PolicyId;
import dev.least.model.SignInEvent;
import dev.least.model.TriState;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.PolicyChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
  private static final List<ConditionalAccessPolicy> CURRENT =
      List.of(
          policy("mfa-members").excludeUsers("GuestsOrExternalUsers").grant("AND", "mfa").build());

  private static final List<SignInEvent> WINDOW =
      List.of(
          Events.event("e1", "alice", "app-a", TriState.TRUE),
          Events.event("e2", "gina", "app-a", TriState.FALSE),
          Events.event("e3", "gina", "app-b", TriState.FALSE),
          Events.event("e4", "bob", "app-b", TriState.FALSE));

  private static SimulationReport simulate(PolicyChange change) {
    return Simulation.run(
        new ConditionalAccessEvaluator(CURRENT, List.of()),
        new ConditionalAccessEvaluator(change.applyTo(CURRENT), List.of()),
        new SignInFactsResolver(Events.directory()),
        WINDOW,
        3);
  }

  @Test
  void addingAGuestBlockPolicyNewlyBlocksGuestSignIns() {
    SimulationReport r =
        simulate(
            new PolicyChange.Added(
                policy("block-guests")
                    .includeUsers("GuestsOrExternalUsers")
                    .grant("AND", "block")
                    .build()));
    assertThat(r.events()).isEqualTo(4);
    assertThat(r.changed()).isEqualTo(2);
    assertThat(r.count(Simulation.Change.NEWLY_BLOCKED)).isEqualTo(2);
    assertThat(r.samples().get(Simulation.Change.NEWLY_BLOCKED)).containsExactly("e2", "e3");
    assertThat(r.topUsers()).containsExactly(new SimulationReport.Count("gina", 2));
    assertThat(r.topApps())
        .containsExactly(
            new SimulationReport.Count("app-a", 1), new SimulationReport.Count("app-b", 1));
  }

  @Test
  void replacingMfaWithCompliantDeviceRequiresCompliantDevice() {
    SimulationReport r =
        simulate(
            new PolicyChange.Replaced(
                policy("mfa-members")
                    .excludeUsers("GuestsOrExternalUsers")
                    .grant("AND", "compliantDevice")
                    .build()));
    // alice and bob sign in from compliant devices: no longer prompted, but now need compliance
    assertThat(r.count(Simulation.Change.NEWLY_REQUIRING_COMPLIANT_DEVICE)).isEqualTo(2);
    // relieved counts requirements dropped (symmetric to "newly requiring"): MFA is no longer
    // asked of either member, whether or not the logged sign-in had satisfied it
    assertThat(r.count(Simulation.Change.RELIEVED)).isEqualTo(2);
    assertThat(r.samples().get(Simulation.Change.RELIEVED)).contains("e4");
    assertThat(r.count(Simulation.Change.NEWLY_BLOCKED)).isZero();
  }

  @Test
  void deletingTheMfaPolicyRelievesPromptedSignIns() {
    SimulationReport r = simulate(new PolicyChange.Deleted(new PolicyId("mfa-members")));
    // the prompted sign-in (bob) and the one that had already satisfied MFA are both relieved
    assertThat(r.count(Simulation.Change.RELIEVED)).isEqualTo(2);
    assertThat(r.samples().get(Simulation.Change.RELIEVED)).contains("e4");
    assertThat(r.topUsers()).contains(new SimulationReport.Count("bob", 1));
  }

  @Test
  void addingAnMfaPolicyForGuestsNewlyRequiresMfa() {
    SimulationReport r =
        simulate(
            new PolicyChange.Added(
                policy("mfa-guests")
                    .includeUsers("GuestsOrExternalUsers")
                    .grant("AND", "mfa")
                    .build()));
    assertThat(r.count(Simulation.Change.NEWLY_REQUIRING_MFA)).isEqualTo(2);
    assertThat(r.count(Simulation.Change.NEWLY_BLOCKED)).isZero();
  }

  @Test
  void changesThatDoNotFitThePolicySetAreRejected() {
    assertThatThrownBy(() -> new PolicyChange.Deleted(new PolicyId("nope")).applyTo(CURRENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> new PolicyChange.Added(CURRENT.get(0)).applyTo(CURRENT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PolicyChange.Replaced(policy("other").build()).applyTo(CURRENT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Coded, on two threads over a split log, equals the record path on one. */
  @Test
  void codedParallelSimulationEqualsRecordSimulation() {
    List<ConditionalAccessPolicy> after =
        new PolicyChange.Added(
                policy("block-guests")
                    .includeUsers("GuestsOrExternalUsers")
                    .grant("AND", "block")
                    .build())
            .applyTo(new PolicyChange.Deleted(new PolicyId("mfa-members")).applyTo(CURRENT));
    ConditionalAccessEvaluator before = new ConditionalAccessEvaluator(CURRENT, List.of());
    ConditionalAccessEvaluator changed = new ConditionalAccessEvaluator(after, List.of());
    SignInFactsResolver resolver = new SignInFactsResolver(Events.directory());
    dev.least.model.SignInLog log = ReplayTest.repeated(WINDOW, 120_000);
    SimulationReport records =
        Simulation.run(before::evaluate, changed::evaluate, resolver, log, i -> true, 3, 1);
    SimulationReport coded = Simulation.run(before, changed, resolver, log, i -> true, 3, 2);
    assertThat(coded).isEqualTo(records);
    assertThat(coded.count(Simulation.Change.NEWLY_BLOCKED)).isEqualTo(60_000);
    assertThat(coded.count(Simulation.Change.RELIEVED)).isPositive();
  }
}
