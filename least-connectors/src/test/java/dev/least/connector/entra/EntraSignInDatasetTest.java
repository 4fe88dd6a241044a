package dev.least.connector.entra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.model.ClientAppType;
import dev.least.model.ConditionalAccessStatus;
import dev.least.model.LoggedPolicyResult;
import dev.least.model.PolicyResult;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.SignInEvent;
import dev.least.model.SignInOutcome;
import dev.least.model.TriState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden tests over the vendor sign-in samples in shared/datasets/entra-signins (PROVENANCE.md).
 */
class EntraSignInDatasetTest {
  @TempDir Path dir;

  private List<SignInEvent> read(String dataset, String target, int expected) {
    TempSnapshot s = new TempSnapshot(dir).copy(TempSnapshot.dataset(dataset), target);
    SnapshotReadResult r = s.read();
    assertThat(s.quarantined).isEmpty();
    assertThat(r.quarantined()).isZero();
    List<SignInEvent> events = r.snapshot().signIns().stream().toList();
    assertThat(events).hasSize(expected);
    assertThat(r.files())
        .anySatisfy(
            f -> {
              assertThat(f.file()).isEqualTo(target);
              assertThat(f.kind()).isEqualTo("signIns");
              assertThat(f.records()).isEqualTo(expected);
              assertThat(f.quarantined()).isZero();
            });
    return events;
  }

  @Test
  void readWhenPantherAzureMonitorNdjsonThenAll17RecordsMapped() {
    List<SignInEvent> events =
        read(
            "entra-signins/panther-azure-monitor-signinlogs.ndjson",
            "entra/auditLogs/signIns.jsonl",
            17);
    // line 3: no createdDateTime -> the record's time; status 50126 -> failure
    SignInEvent badPassword = events.get(2);
    assertThat(badPassword.accountId()).isEqualTo("user-010");
    assertThat(badPassword.login()).isEqualTo("peregrin@lotr.com");
    assertThat(badPassword.time()).isEqualTo(Instant.parse("2025-01-15T09:30:45.123Z"));
    assertThat(badPassword.errorCode()).isEqualTo(50126);
    assertThat(badPassword.outcome()).isEqualTo(SignInOutcome.FAILURE);
    assertThat(badPassword.country()).isEqualTo("US");
    assertThat(badPassword.city()).isEqualTo("New York");
    assertThat(badPassword.mfaRequired()).isEqualTo(TriState.FALSE);
    // line 1: resultType "0" without status -> success; isInteractive true
    assertThat(events.get(0).outcome()).isEqualTo(SignInOutcome.SUCCESS);
    assertThat(events.get(0).errorCode()).isZero();
    assertThat(events.get(0).interactive()).isTrue();
    assertThat(events.get(0).devicePlatform()).isEqualTo("Windows 10");
    // line 2: resultType "Success"
    assertThat(events.get(1).outcome()).isEqualTo(SignInOutcome.SUCCESS);
    assertThat(events.get(1).interactive()).isFalse();
    // line 12: lower-case keys, service principal sign-in, 9 fractional digits, error 7000215
    SignInEvent sp = events.get(11);
    assertThat(sp.eventId()).isEqualTo("36658c78-02d9-4d8f-84ee-5ca4a3fdefef");
    assertThat(sp.principalKind()).isEqualTo(PrincipalKind.SERVICE_PRINCIPAL);
    assertThat(sp.accountId()).isEqualTo("b1c34143-e405-4058-8e29-84596ad737b8");
    assertThat(sp.time()).isEqualTo(Instant.parse("2023-07-26T22:58:30.983Z"));
    assertThat(sp.outcome()).isEqualTo(SignInOutcome.FAILURE);
    assertThat(sp.errorCode()).isEqualTo(7000215);
    assertThat(sp.interactive()).isFalse();
    assertThat(sp.ip()).isEqualTo("12.12.12.12");
    // line 9: legacy protocol client, password only
    SignInEvent smtp = events.get(8);
    assertThat(smtp.clientApp()).isEqualTo(ClientAppType.OTHER);
    assertThat(smtp.clientAppRaw()).isEqualTo("Authenticated SMTP");
    assertThat(smtp.mfaPerformed()).isEqualTo(TriState.FALSE);
    assertThat(smtp.devicePlatform()).isEqualTo("MacOs");
    // line 8: risk during sign-in
    assertThat(events.get(7).riskLevel()).isEqualTo(RiskLevel.HIGH);
    assertThat(events.get(7).clientApp()).isEqualTo(ClientAppType.BROWSER);
    // line 17: NonInteractiveUserSignInLogs
    assertThat(events.get(16).interactive()).isFalse();
    // line 5: coordinates, the sign-in's resource, CA status; the envelope's resourceId (the
    // tenant's ARM path) is not the resource
    SignInEvent o365 = events.get(4);
    assertThat(o365.latitude()).isEqualTo(42.73333333333333);
    assertThat(o365.longitude()).isEqualTo(-110.88888888888889);
    assertThat(o365.resourceId()).isEqualTo("9cc31481-8822-49ff-b638-552ecc26c777");
    assertThat(o365.resourceName()).isEqualTo("Office 365 Management APIs");
    assertThat(o365.conditionalAccessStatus()).isEqualTo(ConditionalAccessStatus.NOT_APPLIED);
    // line 1: a device id, no trust type, a resource name without an id, no CA status
    SignInEvent first = events.get(0);
    assertThat(first.deviceId()).isEqualTo("device-attacker-456");
    assertThat(first.deviceTrustType()).isNull();
    assertThat(first.resourceId()).isNull();
    assertThat(first.resourceName()).isEqualTo("Microsoft Graph");
    assertThat(first.conditionalAccessStatus()).isEqualTo(ConditionalAccessStatus.NOT_LOGGED);
    assertThat(first.hasCoordinates()).isFalse();
    // line 8: Moscow, CA success
    assertThat(events.get(7).latitude()).isEqualTo(55.7558);
    assertThat(events.get(7).longitude()).isEqualTo(37.6173);
    assertThat(events.get(7).conditionalAccessStatus()).isEqualTo(ConditionalAccessStatus.SUCCESS);
    // line 9: deviceId "" is an unregistered device, not an absent one
    assertThat(events.get(8).deviceId()).isEmpty();
    // line 12 (lower-case envelope keys): coordinates and resource inside properties
    assertThat(sp.latitude()).isEqualTo(51.35555555555555);
    assertThat(sp.resourceName()).isEqualTo("Azure Storage");
    assertThat(events.stream().filter(SignInEvent::hasCoordinates)).hasSize(7);
    // records without properties.id get stable, distinct synthetic ids
    Map<String, Long> ids =
        events.stream().collect(Collectors.groupingBy(SignInEvent::eventId, Collectors.counting()));
    assertThat(ids.get(events.get(0).eventId())).isEqualTo(1);
    assertThat(events.get(0).eventId()).isNotEqualTo(events.get(2).eventId());
  }

  @Test
  void readWhenReadTwiceThenSyntheticIdsAreStable() {
    List<SignInEvent> first =
        read(
            "entra-signins/panther-azure-monitor-signinlogs.ndjson",
            "entra/auditLogs/signIns.jsonl",
            17);
    List<SignInEvent> second =
        read(
            "entra-signins/panther-azure-monitor-signinlogs.ndjson",
            "entra/auditLogs/signIns.jsonl",
            17);
    assertThat(second)
        .extracting(SignInEvent::eventId)
        .containsExactlyElementsOf(first.stream().map(SignInEvent::eventId).toList());
  }

  @Test
  void readWhenGraphV1ListWithTrailingCommaThenPoliciesAndTimeMapped() {
    SignInEvent e =
        read(
                "entra-signins/graph-docs-v1.0-signin-list-example-INVALID-trailing-comma.json",
                "entra/auditLogs/signIns.json",
                1)
            .get(0);
    assertThat(e.eventId()).isEqualTo("66ea54eb-6301-4ee5-be62-ff5a759b0100");
    assertThat(e.time()).isEqualTo(Instant.parse("2020-03-13T19:15:41.619Z"));
    assertThat(e.accountId()).isEqualTo("26be570a-ae82-4189-b4e2-a37c6808512d");
    assertThat(e.appName()).isEqualTo("Graph explorer");
    assertThat(e.outcome()).isEqualTo(SignInOutcome.SUCCESS);
    assertThat(e.deviceManaged()).isEqualTo(TriState.UNKNOWN);
    assertThat(e.policyResults())
        .containsExactly(
            new LoggedPolicyResult(
                "de7e60eb-ed89-4d73-8205-2227def6b7c9", null, PolicyResult.NOT_ENABLED),
            new LoggedPolicyResult(
                "6701123a-b4c6-48af-8565-565c8bf7cabc", null, PolicyResult.NOT_ENABLED));
  }

  @Test
  void readWhenGraphBetaWithDuplicateKeysThenRecordReadAndFailureMapped() {
    SignInEvent e =
        read(
                "entra-signins/graph-docs-beta-signin-list-example1-duplicate-keys.json",
                "entra/auditLogs/signIns.json",
                1)
            .get(0);
    assertThat(e.eventId()).isEqualTo("1691d37b-8579-43a7-966a-0f35583c1300");
    assertThat(e.time()).isEqualTo(Instant.parse("2021-06-30T16:34:32Z"));
    assertThat(e.errorCode()).isEqualTo(50126);
    assertThat(e.outcome()).isEqualTo(SignInOutcome.FAILURE);
    assertThat(e.mfaRequired()).isEqualTo(TriState.FALSE);
    assertThat(e.mfaPerformed()).isEqualTo(TriState.FALSE);
    assertThat(e.deviceCompliant()).isEqualTo(TriState.FALSE);
    assertThat(e.riskLevel()).isEqualTo(RiskLevel.NONE);
    assertThat(e.policyResults()).isEmpty();
    // geoCoordinates {} says nothing; trustType "" is absent; deviceId "" is unregistered
    assertThat(e.hasCoordinates()).isFalse();
    assertThat(e.deviceId()).isEmpty();
    assertThat(e.deviceTrustType()).isNull();
    assertThat(e.resourceId()).isEqualTo("797f4846-ba00-4fd7-ba43-dac1f8f63013");
    assertThat(e.resourceName()).isEqualTo("Windows Azure Service Management API");
    assertThat(e.conditionalAccessStatus()).isEqualTo(ConditionalAccessStatus.NOT_APPLIED);
  }

  @Test
  void readWhenLegacy2018ShapeThenMfaDetailAndConditionalAccessPoliciesMapped() {
    SignInEvent e =
        read(
                "entra-signins/graph-docs-beta-signin-get-legacy-2018-shape.json",
                "entra/auditLogs/signIns.json",
                1)
            .get(0);
    assertThat(e.eventId()).isEqualTo("id");
    assertThat(e.mfaPerformed()).isEqualTo(TriState.TRUE);
    assertThat(e.mfaMethod()).isEqualTo("Phone Auth");
    assertThat(e.country()).isEqualTo("USA");
    assertThat(e.riskLevel()).isEqualTo(RiskLevel.LOW);
    assertThat(e.clientApp()).isEqualTo(ClientAppType.UNKNOWN);
    assertThat(e.deviceManaged()).isEqualTo(TriState.TRUE);
    assertThat(e.interactive()).isTrue();
    assertThat(e.policyResults())
        .containsExactly(
            new LoggedPolicyResult(
                "26490ed6-52b3-4102-aeff-aad2292abacf", null, PolicyResult.SUCCESS));
    assertThat(e.latitude()).isEqualTo(41.589);
    assertThat(e.longitude()).isEqualTo(-93.6151);
    assertThat(e.deviceId()).isEqualTo("34390ed6-52b3-4102-aeff-aad2292abac3");
    assertThat(e.deviceTrustType()).isNull();
  }

  @Test
  void readWhenAllFourSamplesInOneSnapshotThenTwentyRecords() {
    TempSnapshot s =
        new TempSnapshot(dir)
            .copy(
                TempSnapshot.dataset("entra-signins/panther-azure-monitor-signinlogs.ndjson"),
                "entra/auditLogs/signIns.jsonl")
            .copy(
                TempSnapshot.dataset(
                    "entra-signins/graph-docs-beta-signin-list-example1-duplicate-keys.json"),
                "entra/auditLogs/signIns.json");
    SnapshotReadResult r = s.read();
    assertThat(r.snapshot().signIns().size()).isEqualTo(18);
    Map<String, SignInEvent> byId =
        r.snapshot().signIns().stream()
            .collect(Collectors.toMap(SignInEvent::eventId, Function.identity(), (a, b) -> a));
    assertThat(byId).containsKey("1691d37b-8579-43a7-966a-0f35583c1300");
    assertThat(s.quarantined).isEmpty();
  }
}
