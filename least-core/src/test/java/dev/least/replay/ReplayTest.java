package dev.least.replay;

import static dev.least.policy.entra.PolicyBuilder.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.LoggedPolicyResult;
import dev.least.model.PolicyResult;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import dev.least.model.TriState;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.PolicyState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {
  private static final List<ConditionalAccessPolicy> POLICIES =
      List.of(
          policy("mfa-all").grant("AND", "mfa").build(),
          policy("block-legacy")
              .clientAppTypes("exchangeActiveSync", "other")
              .grant("AND", "block")
              .build(),
          policy("admins-ro")
              .state(PolicyState.REPORT_ONLY)
              .includeUsers()
              .includeRoles(Events.ADMIN_ROLE)
              .grant("AND", "compliantDevice")
              .build(),
          policy("ios-block").includePlatforms("iOS").grant("AND", "block").build());

  private static LoggedPolicyResult r(String policy, String result) {
    return new LoggedPolicyResult(policy, null, PolicyResult.parse(result));
  }

  private static final List<SignInEvent> EVENTS =
      List.of(
          Events.event(
              "e1",
              "alice",
              "app",
              TriState.TRUE,
              r("mfa-all", "success"),
              r("block-legacy", "notApplied"),
              r("admins-ro", "reportOnlySuccess")),
          Events.event(
              "e2",
              "bob",
              "exo",
              "IMAP4",
              "Windows 10",
              TriState.FALSE,
              null,
              53003,
              r("mfa-all", "failure"),
              r("block-legacy", "failure")),
          // row 33: wrong password, CA not reached, no policies logged
          Events.event("e3", "bob", "app", "Browser", "Windows 10", TriState.UNKNOWN, null, 50126),
          // row 38: a notApplied block policy (its configured Block control is not enforcement);
          // row 42: unknownFutureValue is unknown, never notApplied
          Events.event(
              "e4",
              "bob",
              "app",
              TriState.TRUE,
              r("block-legacy", "notApplied"),
              r("mfa-all", "unknownFutureValue")),
          Events.event(
              "e5",
              "alice",
              "app",
              "Browser",
              null,
              TriState.TRUE,
              null,
              0,
              r("ios-block", "notApplied")),
          Events.event("e6", "bob", "app", TriState.TRUE, r("mfa-all", "failure")),
          Events.event("e7", "bob", "app", TriState.TRUE, r("ghost", "success")));

  private static ReplayStats replay() {
    return Replay.run(
        new ConditionalAccessEvaluator(POLICIES, List.of()),
        new SignInFactsResolver(Events.directory()),
        EVENTS,
        5);
  }

  @Test
  void replayCountsAgreementAndKeepsNotEvaluableApartFromWrong() {
    ReplayStats s = replay();
    assertThat(s.events()).isEqualTo(7);
    assertThat(s.withoutResults()).isEqualTo(1);
    assertThat(s.scored()).isEqualTo(6);
    assertThat(s.comparisons()).isEqualTo(10);
    assertThat(s.agreements()).isEqualTo(6);
    assertThat(s.loggedUnknown()).isEqualTo(1);
    assertThat(s.notEvaluable()).isEqualTo(1);
    assertThat(s.policyNotEvaluated()).isEqualTo(1);
    assertThat(s.disagreements()).isEqualTo(1);
    assertThat(s.agreementRate()).isEqualTo(6.0 / 7.0);
  }

  @Test
  void replayReportsConfusionAndTopDisagreementWithSampleEvents() {
    ReplayStats s = replay();
    assertThat(s.confusion())
        .contains(new ReplayStats.ConfusionCell(PolicyResult.FAILURE, PolicyResult.SUCCESS, 1))
        .contains(new ReplayStats.ConfusionCell(PolicyResult.NOT_APPLIED, PolicyResult.UNKNOWN, 1));
    assertThat(s.topDisagreements()).hasSize(1);
    ReplayStats.Disagreement d = s.topDisagreements().get(0);
    assertThat(d.policyId()).isEqualTo("mfa-all");
    assertThat(d.logged()).isEqualTo(PolicyResult.FAILURE);
    assertThat(d.ours()).isEqualTo(PolicyResult.SUCCESS);
    assertThat(d.sampleEventIds()).containsExactly("e6");
  }

  @Test
  void replayGivesPerPolicyFigures() {
    ReplayStats s = replay();
    assertThat(s.perPolicy())
        .contains(new ReplayStats.PolicyAgreement("mfa-all", 4, 2, 0, 1))
        .contains(new ReplayStats.PolicyAgreement("block-legacy", 3, 3, 0, 0))
        .contains(new ReplayStats.PolicyAgreement("ios-block", 1, 0, 1, 0));
  }

  @Test
  void deviceFilterOnTrustTypeAndDeviceIdIsEvaluableWhenTheLogHasDeviceDetail() {
    List<ConditionalAccessPolicy> policies =
        List.of(
            policy("block-unless-hybrid")
                .deviceFilter("exclude", "device.trustType -eq \"ServerAD\"")
                .grant("AND", "block")
                .build(),
            policy("kiosk-block")
                .deviceFilter("include", "device.deviceId -eq \"kiosk-1\"")
                .grant("AND", "block")
                .build());
    SignInEvent hybrid =
        Events.withDevice(
            Events.event(
                "d1",
                "alice",
                "app",
                TriState.TRUE,
                r("block-unless-hybrid", "notApplied"),
                r("kiosk-block", "notApplied")),
            "dev-1",
            "Hybrid Azure AD joined");
    SignInEvent kiosk =
        Events.withDevice(
            Events.event(
                "d2",
                "bob",
                "app",
                TriState.TRUE,
                r("block-unless-hybrid", "failure"),
                r("kiosk-block", "failure")),
            "kiosk-1",
            "Azure AD joined");
    // unregistered: every device attribute is null, so the exclude filter does not match
    SignInEvent unregistered =
        Events.unregistered(
            Events.event(
                "d3",
                "bob",
                "app",
                TriState.TRUE,
                r("block-unless-hybrid", "failure"),
                r("kiosk-block", "notApplied")));
    // no device detail in the record: not evaluable, as before
    SignInEvent unknown =
        Events.event(
            "d4",
            "bob",
            "app",
            TriState.TRUE,
            r("block-unless-hybrid", "failure"),
            r("kiosk-block", "notApplied"));
    ReplayStats s =
        Replay.run(
            new ConditionalAccessEvaluator(policies, List.of()),
            new SignInFactsResolver(Events.directory()),
            List.of(hybrid, kiosk, unregistered, unknown),
            5);
    assertThat(s.perPolicy())
        .contains(new ReplayStats.PolicyAgreement("block-unless-hybrid", 4, 3, 1, 0))
        .contains(new ReplayStats.PolicyAgreement("kiosk-block", 4, 3, 1, 0));
    assertThat(s.disagreements()).isZero();
  }

  @Test
  void replayOverColumnarLogEqualsReplayOverEvents() {
    SignInLog.Builder b = SignInLog.builder();
    EVENTS.forEach(b::add);
    ReplayStats fromLog =
        Replay.run(
            new ConditionalAccessEvaluator(POLICIES, List.of()),
            new SignInFactsResolver(Events.directory()),
            b.build(),
            5);
    assertThat(fromLog).isEqualTo(replay());
  }

  /**
   * The coded path (the Entra evaluator as it is, two threads over a log long enough to be split)
   * gives exactly what the record path gives (the same evaluator behind a plain lambda, so replay
   * cannot see it is coded), disagreement order and samples included.
   */
  @Test
  void codedParallelReplayEqualsRecordReplay() {
    SignInLog log = repeated(EVENTS, 120_000);
    ConditionalAccessEvaluator ev = new ConditionalAccessEvaluator(POLICIES, List.of());
    SignInFactsResolver resolver = new SignInFactsResolver(Events.directory());
    SignInEvaluator records = ev::evaluate;
    ReplayStats viaRecords = Replay.run(records, resolver, log, i -> i % 3 != 0, 5, 1);
    ReplayStats coded = Replay.run(ev, resolver, log, i -> i % 3 != 0, 5, 2);
    assertThat(coded).isEqualTo(viaRecords);
    assertThat(coded.scored()).isGreaterThan(60_000);
    assertThat(coded.topDisagreements().get(0).sampleEventIds()).hasSize(5);
  }

  /** The events again and again, each copy with its own event id. */
  static SignInLog repeated(List<SignInEvent> events, int size) {
    SignInLog.Builder b = SignInLog.builder();
    for (int i = 0; i < size; i++) {
      SignInEvent e = events.get(i % events.size());
      b.add(Events.withId(e, e.eventId() + "-" + i, e.epochMillis()));
    }
    return b.build();
  }
}
