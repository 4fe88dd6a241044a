package dev.least.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.model.ClientAppType;
import dev.least.model.ConditionalAccessStatus;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.SignInEvent;
import dev.least.model.SignInOutcome;
import dev.least.model.Source;
import dev.least.model.TriState;
import dev.least.source.FileStat;
import dev.least.source.QuarantinedRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The System Log samples in {@code shared/datasets/okta-system-log}, read through the snapshot
 * folder reader. Record counts are those of PROVENANCE.md (15 and 33 NDJSON lines, 1 event in each
 * OpenAPI example).
 */
class OktaSystemLogGoldenTest {
  @TempDir Path dir;

  @Test
  void pantherSampleWhenReadThenOneSignInNineSkippedAndOnlyRecordsWithoutUuidOrTimeQuarantined()
      throws Exception {
    SnapshotFolder folder =
        new SnapshotFolder(dir)
            .copy("okta-system-log/panther-okta-systemlog.ndjson", "okta/logs.jsonl");

    SnapshotReadResult r = folder.read();

    FileStat stat = SnapshotFolder.stat(r, "okta/logs.jsonl");
    assertThat(stat.records() + stat.skipped() + stat.quarantined())
        .isEqualTo(
            Files.readAllLines(
                    SnapshotFolder.dataset("okta-system-log/panther-okta-systemlog.ndjson"))
                .size())
        .isEqualTo(15);
    assertThat(stat.records()).isEqualTo(1);
    assertThat(stat.skipped()).isEqualTo(9);
    assertThat(folder.quarantined())
        .extracting(QuarantinedRecord::line, QuarantinedRecord::reason)
        .containsExactly(
            tuple(2L, "uuid: missing"),
            tuple(11L, "published: unparsable time 'redacted'"),
            tuple(12L, "published: unparsable time 'redacted'"),
            tuple(13L, "published: missing"),
            tuple(14L, "published: missing"));
    assertThat(folder.quarantined()).allMatch(q -> q.file().equals("okta/logs.jsonl"));

    SignInEvent e = r.snapshot().signIns().get(0);
    assertThat(e.eventId()).isEqualTo("aac560bd-f125-11ee-9caa-cd5d09945def");
    assertThat(e.source()).isEqualTo(Source.OKTA);
    assertThat(e.time()).isEqualTo(Instant.parse("2024-04-02T19:17:37.621Z"));
    assertThat(e.accountId()).isEqualTo("00ubewfku1EX0WCFk697");
    assertThat(e.login()).isEqualTo("casey.hill@hey.com");
    assertThat(e.principalKind()).isEqualTo(PrincipalKind.USER);
    assertThat(e.interactive()).isTrue();
    assertThat(e.appId()).isEqualTo("0oabewfkt83T8ve1o697");
    assertThat(e.appName()).isEqualTo("Okta Dashboard");
    assertThat(e.ip()).isEqualTo("99.108.5.25");
    assertThat(e.country()).isEqualTo("US");
    assertThat(e.city()).isEqualTo("Atlanta");
    assertThat(e.devicePlatform()).isEqualTo("Mac OS 14.4.1 (Sonoma)");
    assertThat(e.clientApp()).isEqualTo(ClientAppType.BROWSER);
    assertThat(e.outcome()).isEqualTo(SignInOutcome.FAILURE);
    assertThat(e.mfaPerformed()).isEqualTo(TriState.UNKNOWN);
    assertThat(e.riskLevel()).isEqualTo(RiskLevel.NONE);
    assertThat(e.policyResults()).isEmpty();
    assertThat(e.latitude()).isEqualTo(33.9794);
    assertThat(e.longitude()).isEqualTo(-84.3459);
    assertThat(e.deviceId()).isNull();
    assertThat(e.conditionalAccessStatus()).isEqualTo(ConditionalAccessStatus.NOT_LOGGED);
  }

  @Test
  void lowerCaseKeySampleWhenReadThenKeysMatchCaseInsensitivelyAndNothingQuarantined() {
    SnapshotFolder folder =
        new SnapshotFolder(dir)
            .copy(
                "okta-system-log/panther-okta-systemlog-lowercase-keys.ndjson", "okta/logs.jsonl");

    SnapshotReadResult r = folder.read();

    FileStat stat = SnapshotFolder.stat(r, "okta/logs.jsonl");
    assertThat(folder.quarantined()).isEmpty();
    assertThat(stat.records()).isEqualTo(14);
    assertThat(stat.skipped()).isEqualTo(19);
    assertThat(stat.records() + stat.skipped()).isEqualTo(33);
    List<SignInEvent> events = r.snapshot().signIns().stream().toList();
    // lower-cased "eventtype" was read: the event types that count as sign-ins are all there
    assertThat(events).hasSize(14).allMatch(e -> e.time().getEpochSecond() > 1_600_000_000L);

    SignInEvent challenge = events.get(9); // line 13: policy.evaluate_sign_on, CHALLENGE
    assertThat(challenge.outcome()).isEqualTo(SignInOutcome.INTERRUPTED);
    assertThat(challenge.mfaRequired()).isEqualTo(TriState.TRUE);
    assertThat(challenge.appName()).isEqualTo("Okta Admin Console");
    assertThat(challenge.policyResults()).isEmpty(); // this sample carries no policy targets
    assertThat(challenge.time()).isEqualTo(Instant.parse("2022-06-22T18:18:29.015Z"));

    SignInEvent oauth = events.get(3); // line 4: app.oauth2.authorize.code by a PublicClientApp
    assertThat(oauth.principalKind()).isEqualTo(PrincipalKind.SERVICE_PRINCIPAL);
    assertThat(oauth.interactive()).isFalse();
    assertThat(oauth.riskLevel()).isEqualTo(RiskLevel.LOW); // debugData.risk "{level=LOW}"

    SignInEvent mfa = events.get(5); // line 9: auth_via_mfa SUCCESS
    assertThat(mfa.mfaPerformed()).isEqualTo(TriState.TRUE);
    assertThat(mfa.outcome()).isEqualTo(SignInOutcome.SUCCESS);
    SignInEvent mfaFailed = events.get(6); // line 11: auth_via_mfa FAILURE
    assertThat(mfaFailed.mfaPerformed()).isEqualTo(TriState.FALSE);
    // integer coordinates (lat 20, lon -25) read as degrees; a device with a name and no id
    assertThat(challenge.latitude()).isEqualTo(20.0);
    assertThat(challenge.longitude()).isEqualTo(-25.0);
    assertThat(challenge.deviceId()).isNull();
    assertThat(events.get(4).latitude()).isEqualTo(11.111); // line 6
  }

  @Test
  void openApiListLogsArrayWhenReadAsLogsJsonThenOneSessionStartWithAllFields() {
    SnapshotFolder folder =
        new SnapshotFolder(dir).copy("okta-system-log/openapi-ListLogs.json", "okta/logs.json");

    SnapshotReadResult r = folder.read();

    assertThat(folder.quarantined()).isEmpty();
    assertThat(SnapshotFolder.stat(r, "okta/logs.json").records()).isEqualTo(1);
    SignInEvent e = r.snapshot().signIns().get(0);
    assertThat(e.eventId()).isEqualTo("dc9fd3c0-598c-11ef-8478-2b7584bf8d5a");
    assertThat(e.time()).isEqualTo(Instant.parse("2024-08-13T15:58:20.353Z"));
    assertThat(e.accountId()).isEqualTo("00uttidj01jqL21aM1d6");
    assertThat(e.login()).isEqualTo("john.doe@example.com");
    assertThat(e.appId()).isEqualTo("0oatxlef9sQvvqInq5d6");
    assertThat(e.appName()).isEqualTo("Okta Admin Console");
    assertThat(e.ip()).isEqualTo("10.0.0.1");
    assertThat(e.country()).isEqualTo("US");
    assertThat(e.city()).isEqualTo("New York");
    assertThat(e.devicePlatform()).isEqualTo("Mac OS X");
    assertThat(e.deviceManaged()).isEqualTo(TriState.FALSE);
    assertThat(e.deviceCompliant()).isEqualTo(TriState.UNKNOWN);
    assertThat(e.outcome()).isEqualTo(SignInOutcome.SUCCESS);
    assertThat(e.riskLevel()).isEqualTo(RiskLevel.NONE);
    assertThat(e.latitude()).isEqualTo(40.3157);
    assertThat(e.longitude()).isEqualTo(-74.01);
    assertThat(e.deviceId()).isEqualTo("guofdhyjex1feOgbN1d9");
    assertThat(e.deviceTrustType()).isNull(); // Okta logs no trust type
  }

  @Test
  void singleEventObjectWithSecurityContextRiskWhenReadThenRiskIsHigh() {
    SnapshotFolder folder =
        new SnapshotFolder(dir)
            .copy(
                "okta-system-log/openapi-ListLogsWithAdditionalSecurityContext.json",
                "okta/logs.json");

    SnapshotReadResult r = folder.read();

    assertThat(folder.quarantined()).isEmpty();
    assertThat(r.snapshot().signIns().size()).isEqualTo(1);
    assertThat(r.snapshot().signIns().get(0).riskLevel()).isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void changeDetailsFragmentWhenReadAsLogsJsonThenQuarantinedAsNotALogEvent() {
    SnapshotFolder folder =
        new SnapshotFolder(dir)
            .copy("okta-system-log/openapi-LogTargetChangeDetails.json", "okta/logs.json");

    SnapshotReadResult r = folder.read();

    assertThat(r.snapshot().signIns().size()).isZero();
    assertThat(folder.quarantined())
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.reason()).isEqualTo("eventType: missing; not a System Log LogEvent");
              assertThat(q.line()).isEqualTo(1);
              assertThat(q.raw()).contains("vpnLocationOptions").endsWith("}");
            });
  }

  @Test
  void gzippedJsonLinesWhenReadThenSameEventsAsPlain() throws Exception {
    String text =
        Files.readString(
            SnapshotFolder.dataset("okta-system-log/panther-okta-systemlog-lowercase-keys.ndjson"));
    SnapshotFolder folder = new SnapshotFolder(dir).writeGzip("okta/logs.jsonl.gz", text);

    SnapshotReadResult r = folder.read();

    assertThat(r.snapshot().signIns().size()).isEqualTo(14);
    assertThat(SnapshotFolder.stat(r, "okta/logs.jsonl.gz").skipped()).isEqualTo(19);
  }
}
