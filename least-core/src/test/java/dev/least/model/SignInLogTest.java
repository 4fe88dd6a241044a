package dev.least.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SignInLogTest {

  static SignInEvent event(String id, long t, String account) {
    return new SignInEvent(
        id,
        Source.ENTRA,
        t,
        PrincipalKind.USER,
        account,
        account + "@contoso.com",
        "app-1",
        "CRM",
        "203.0.113.7",
        "GB",
        "London",
        ClientAppType.BROWSER,
        "Browser",
        true,
        "Windows 10",
        TriState.TRUE,
        TriState.UNKNOWN,
        SignInOutcome.SUCCESS,
        0,
        TriState.TRUE,
        TriState.TRUE,
        "Push notification",
        RiskLevel.LOW,
        List.of(
            new LoggedPolicyResult("p1", null, PolicyResult.SUCCESS),
            new LoggedPolicyResult("p2", null, PolicyResult.REPORT_ONLY_NOT_APPLIED)),
        51.5072,
        -0.1276,
        "34390ed6-52b3-4102-aeff-aad2292abac3",
        "Hybrid Azure AD joined",
        "00000003-0000-0000-c000-000000000000",
        "Microsoft Graph",
        ConditionalAccessStatus.SUCCESS);
  }

  @Test
  void storesAndReturnsEveryFieldOfAnEvent() {
    SignInEvent e = event("8b1f2c3d-0000-4000-8000-000000000001", 1_700_000_000_123L, "u1");
    SignInLog log = SignInLog.builder().add(e).build();
    assertThat(log.size()).isEqualTo(1);
    assertThat(log.get(0)).isEqualTo(e);
  }

  @Test
  void absentCoordinatesDeviceAndResourceStayAbsent() {
    SignInEvent full = event("e1", 1, "u1");
    SignInEvent bare =
        new SignInEvent(
            "e2",
            Source.OKTA,
            2,
            PrincipalKind.USER,
            "u1",
            null,
            null,
            null,
            null,
            null,
            null,
            ClientAppType.UNKNOWN,
            null,
            true,
            null,
            TriState.UNKNOWN,
            TriState.UNKNOWN,
            SignInOutcome.SUCCESS,
            0,
            TriState.UNKNOWN,
            TriState.UNKNOWN,
            null,
            RiskLevel.NONE,
            List.of());
    SignInLog log = SignInLog.builder().add(full).add(bare).build();
    assertThat(log.get(1)).isEqualTo(bare);
    assertThat(log.get(1).hasCoordinates()).isFalse();
    assertThat(log.latitude(1)).isNaN();
    assertThat(log.get(1).deviceId()).isNull();
    assertThat(log.get(1).conditionalAccessStatus()).isEqualTo(ConditionalAccessStatus.NOT_LOGGED);
    assertThat(log.latitude(0)).isEqualTo(51.5072);
    assertThat(log.longitude(0)).isEqualTo(-0.1276);
  }

  @Test
  void unregisteredDeviceKeepsItsEmptyIdApartFromAnAbsentOne() {
    SignInEvent e = event("e1", 1, "u1");
    SignInEvent unregistered =
        new SignInEvent(
            "e2",
            e.source(),
            2,
            e.principalKind(),
            "u1",
            e.login(),
            e.appId(),
            e.appName(),
            e.ip(),
            e.country(),
            e.city(),
            e.clientApp(),
            e.clientAppRaw(),
            true,
            e.devicePlatform(),
            TriState.FALSE,
            TriState.FALSE,
            e.outcome(),
            0,
            e.mfaRequired(),
            e.mfaPerformed(),
            e.mfaMethod(),
            e.riskLevel(),
            e.policyResults(),
            e.latitude(),
            e.longitude(),
            "",
            null,
            null,
            "Microsoft Graph",
            ConditionalAccessStatus.UNKNOWN_FUTURE_VALUE);
    SignInLog log = SignInLog.builder().add(e).add(unregistered).build();
    assertThat(log.get(1)).isEqualTo(unregistered);
    assertThat(log.get(1).deviceId()).isEmpty();
    assertThat(log.get(1).resourceId()).isNull();
  }

  @Test
  void coordinatesOffTheGlobeOrHalfGivenAreRejectedNamingTheField() {
    assertThatThrownBy(() -> withCoordinates(91, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latitude");
    assertThatThrownBy(() -> withCoordinates(0, -180.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longitude");
    assertThatThrownBy(() -> withCoordinates(10, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both present or both absent");
    assertThat(withCoordinates(-90, 180).hasCoordinates()).isTrue();
  }

  private static SignInEvent withCoordinates(double lat, double lon) {
    SignInEvent e = event("e1", 1, "u1");
    return new SignInEvent(
        e.eventId(),
        e.source(),
        e.epochMillis(),
        e.principalKind(),
        e.accountId(),
        e.login(),
        e.appId(),
        e.appName(),
        e.ip(),
        e.country(),
        e.city(),
        e.clientApp(),
        e.clientAppRaw(),
        e.interactive(),
        e.devicePlatform(),
        e.deviceManaged(),
        e.deviceCompliant(),
        e.outcome(),
        e.errorCode(),
        e.mfaRequired(),
        e.mfaPerformed(),
        e.mfaMethod(),
        e.riskLevel(),
        e.policyResults(),
        lat,
        lon,
        e.deviceId(),
        e.deviceTrustType(),
        e.resourceId(),
        e.resourceName(),
        e.conditionalAccessStatus());
  }

  @Test
  void keepsNonUuidAndUpperCaseIdsVerbatim() {
    SignInLog log =
        SignInLog.builder()
            .add(event("okta-evt-42", 1, "u1"))
            .add(event("8B1F2C3D-0000-4000-8000-000000000001", 2, "u1"))
            .build();
    assertThat(log.eventId(0)).isEqualTo("okta-evt-42");
    assertThat(log.eventId(1)).isEqualTo("8B1F2C3D-0000-4000-8000-000000000001");
  }

  @Test
  void growsAcrossChunkBoundariesAndReportsTheWindow() {
    SignInLog.Builder b = SignInLog.builder();
    int n = 3 * 65_536 + 17;
    for (int i = 0; i < n; i++) {
      b.add(event(new java.util.UUID(0, i).toString(), 1000L + i, "u" + (i % 100)));
    }
    SignInLog log = b.build();
    assertThat(log.size()).isEqualTo(n);
    assertThat(log.get(n - 1).accountId()).isEqualTo("u" + ((n - 1) % 100));
    assertThat(log.epochMillis(70_000)).isEqualTo(71_000L);
    assertThat(log.minEpochMillis()).isEqualTo(1000L);
    assertThat(log.maxEpochMillis()).isEqualTo(1000L + n - 1);
    // 100 account ids + 100 logins + 8 shared strings + device id, trust type, resource id and
    // name, each stored once
    assertThat(log.distinctStrings()).isEqualTo(212);
  }

  @Test
  void rejectsIndexesOutsideTheLog() {
    SignInLog log = SignInLog.empty();
    assertThatThrownBy(() -> log.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(log.minEpochMillis()).isEqualTo(-1);
  }

  @Property(tries = 300)
  void anyEventRoundTripsUnchanged(@ForAll("events") SignInEvent e) {
    SignInLog log = SignInLog.builder().add(e).add(e).build();
    assertThat(log.get(1)).isEqualTo(e);
    assertThat(log.stream()).containsExactly(e, e);
  }

  @Property(tries = 200)
  void appendingPartsEqualsAddingEveryEventInOrder(
      @ForAll("eventLists") List<SignInEvent> events,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 5) int parts) {
    SignInLog.Builder one = SignInLog.builder();
    events.forEach(one::add);
    SignInLog.Builder joined = SignInLog.builder();
    int per = Math.max(1, (events.size() + parts - 1) / parts);
    for (int from = 0; from < events.size(); from += per) {
      SignInLog.Builder part = SignInLog.builder();
      events.subList(from, Math.min(events.size(), from + per)).forEach(part::add);
      joined.append(part);
    }
    SignInLog expected = one.build();
    SignInLog actual = joined.build();
    assertThat(actual.size()).isEqualTo(expected.size());
    assertThat(actual.distinctStrings()).isEqualTo(expected.distinctStrings());
    assertThat(actual.stream()).containsExactlyElementsOf(expected.stream().toList());
  }

  @Test
  void appendCrossesChunkBoundariesAndKeepsNonUuidIdsAtTheirPlace() {
    SignInLog.Builder first = SignInLog.builder();
    for (int i = 0; i < 70_000; i++) {
      first.add(event(new java.util.UUID(7, i).toString(), i, "u" + (i % 100)));
    }
    SignInLog.Builder second = SignInLog.builder();
    second.add(event("not-a-uuid", 1, "u1")).add(event("AB-upper", 2, "new-account"));
    SignInLog log = SignInLog.builder().append(first).append(second).append(first).build();
    assertThat(log.size()).isEqualTo(140_002);
    assertThat(log.get(70_000).eventId()).isEqualTo("not-a-uuid");
    assertThat(log.get(70_001).eventId()).isEqualTo("AB-upper");
    assertThat(log.get(70_001).accountId()).isEqualTo("new-account");
    assertThat(log.get(140_001))
        .isEqualTo(event(new java.util.UUID(7, 69_999).toString(), 69_999, "u99"));
    assertThatThrownBy(() -> first.append(first)).isInstanceOf(IllegalArgumentException.class);
  }

  @Provide
  Arbitrary<List<SignInEvent>> eventLists() {
    return events().list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<SignInEvent> events() {
    Arbitrary<String> ids =
        Arbitraries.oneOf(
            Arbitraries.create(() -> java.util.UUID.randomUUID().toString()),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
    Arbitrary<String> maybe = Arbitraries.strings().alpha().ofMaxLength(6).injectNull(0.3);
    return Combinators.combine(
            ids,
            Arbitraries.of(Source.class),
            Arbitraries.longs().between(0, 4_000_000_000_000L),
            Arbitraries.of(PrincipalKind.class),
            maybe,
            Arbitraries.of(ClientAppType.class),
            Arbitraries.of(TriState.class),
            Arbitraries.of(SignInOutcome.class)
                .flatMap(
                    o ->
                        Arbitraries.doubles()
                            .between(-90, 90)
                            .injectNull(0.3)
                            .map(lat -> new Object[] {o, lat})))
        .as(
            (id, src, t, pk, s, app, tri, outAndLat) -> {
              SignInOutcome out = (SignInOutcome) outAndLat[0];
              Double lat = (Double) outAndLat[1];
              ConditionalAccessStatus ca =
                  ConditionalAccessStatus.values()[
                      (int) (t % ConditionalAccessStatus.values().length)];
              return new SignInEvent(
                  id,
                  src,
                  t,
                  pk,
                  "acct",
                  s,
                  s,
                  s,
                  s,
                  s,
                  s,
                  app,
                  s,
                  t % 2 == 0,
                  s,
                  tri,
                  tri,
                  out,
                  (int) (t % 70_000),
                  tri,
                  TriState.UNKNOWN,
                  s,
                  RiskLevel.values()[(int) (t % RiskLevel.values().length)],
                  s == null
                      ? List.of()
                      : List.of(new LoggedPolicyResult(s + "p", s, PolicyResult.DENY)),
                  lat == null ? Double.NaN : lat,
                  lat == null ? Double.NaN : lat * 2,
                  s,
                  s == null ? null : s + "t",
                  s == null ? "r" : null,
                  s,
                  ca);
            });
  }
}
