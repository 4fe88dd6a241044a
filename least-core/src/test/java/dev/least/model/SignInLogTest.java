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
            new LoggedPolicyResult("p2", null, PolicyResult.REPORT_ONLY_NOT_APPLIED)));
  }

  @Test
  void storesAndReturnsEveryFieldOfAnEvent() {
    SignInEvent e = event("8b1f2c3d-0000-4000-8000-000000000001", 1_700_000_000_123L, "u1");
    SignInLog log = SignInLog.builder().add(e).build();
    assertThat(log.size()).isEqualTo(1);
    assertThat(log.get(0)).isEqualTo(e);
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
    // 100 account ids + 100 logins + 8 shared strings, each stored once
    assertThat(log.distinctStrings()).isEqualTo(208);
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
            Arbitraries.of(SignInOutcome.class))
        .as(
            (id, src, t, pk, s, app, tri, out) ->
                new SignInEvent(
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
                        : List.of(new LoggedPolicyResult(s + "p", s, PolicyResult.DENY))));
  }
}
