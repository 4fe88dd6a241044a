package dev.least.connector.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.least.connector.snapshot.SnapshotException;
import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.model.SignInEvent;
import dev.least.model.TriState;
import dev.least.source.QuarantinedRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad sign-in input: each bad record is quarantined with file, line and a reason naming the field.
 */
class EntraSignInBadInputTest {
  private static final String FILE = "entra/auditLogs/signIns.jsonl";

  @TempDir Path dir;

  static String good(String id) {
    return "{\"id\":\""
        + id
        + "\",\"createdDateTime\":\"2026-11-01T08:00:00Z\",\"userId\":\"u-"
        + id
        + "\",\"userPrincipalName\":\"a@contoso.com\",\"status\":{\"errorCode\":0}}";
  }

  private SnapshotReadResult read(TempSnapshot s) {
    return s.read();
  }

  private static List<String> ids(SnapshotReadResult r) {
    return r.snapshot().signIns().stream().map(SignInEvent::eventId).toList();
  }

  @Test
  void readWhenJsonLinesHasBadRecordsThenGoodOnesReadAndEachBadQuarantinedWithLineAndField() {
    String text =
        String.join(
            "\n",
            good("1"),
            "this is not json",
            "{\"id\":\"3\",\"createdDateTime\":\"2026-11-01T08:00:00Z\",\"userId\":\"u\",\"ipAddress\":42}",
            "{\"createdDateTime\":\"2026-11-01T08:00:00Z\",\"userId\":\"u\"}",
            "{\"id\":\"5\",\"createdDateTime\":\"yesterday\",\"userId\":\"u\"}",
            good("6"),
            "[1,2]",
            "{\"id\":\"8\",\"createdDateTime\":\"2026-11-01T08:00:00Z\"}",
            "{\"id\":\"9\",\"createdDateTime\":\"2026-11-01T08:00:00Z\",\"userId\":\"u\","
                + "\"deviceDetail\":{\"isCompliant\":\"yes\"}}",
            "",
            "{\"time\":\"2026-11-01 08:00:00\",\"category\":\"SignInLogs\",\"correlationId\":\"c\","
                + "\"properties\":{\"id\":\"11\",\"createdDateTime\":\"1 Nov\",\"userId\":\"u\"}}",
            "{\"id\":\"12\",\"createdDateTime\":\"2026-11-01T08:00:00Z\",\"userId\":\"u\","
                + "\"appliedConditionalAccessPolicies\":[{\"result\":\"success\"}]}",
            good("13") + " {}",
            good("14"),
            "{\"id\":\"15\",\"createdDateTime\":\"2026-11-01T08:");
    TempSnapshot s = new TempSnapshot(dir).write(FILE, text);
    SnapshotReadResult r = read(s);
    assertThat(ids(r)).containsExactly("1", "6", "14");
    assertThat(s.quarantined)
        .extracting(QuarantinedRecord::line)
        .containsExactly(2L, 3L, 4L, 5L, 7L, 8L, 9L, 11L, 12L, 13L, 15L);
    assertThat(s.quarantined).allSatisfy(q -> assertThat(q.file()).isEqualTo(FILE));
    assertThat(s.quarantined)
        .extracting(QuarantinedRecord::reason)
        .satisfies(
            reasons -> {
              assertThat(reasons.get(0)).startsWith("not valid JSON at column 1");
              assertThat(reasons.get(1))
                  .isEqualTo("ipAddress: expected a string but found a number");
              assertThat(reasons.get(2)).isEqualTo("id: missing");
              assertThat(reasons.get(3)).isEqualTo("createdDateTime: unparsable time 'yesterday'");
              assertThat(reasons.get(4)).isEqualTo("expected a JSON object but found an array");
              assertThat(reasons.get(5)).isEqualTo("userId: missing");
              assertThat(reasons.get(6))
                  .isEqualTo("deviceDetail.isCompliant: expected a boolean but found a string");
              assertThat(reasons.get(7))
                  .isEqualTo("properties.createdDateTime: unparsable time '1 Nov'");
              assertThat(reasons.get(8))
                  .isEqualTo("appliedConditionalAccessPolicies[].id: missing");
              assertThat(reasons.get(9)).isEqualTo("unexpected content after the JSON object");
              assertThat(reasons.get(10)).startsWith("not valid JSON");
            });
    assertThat(s.quarantined.get(1).raw()).contains("\"ipAddress\":42");
    assertThat(r.quarantined()).isEqualTo(11);
    assertThat(r.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.records()).isEqualTo(3);
              assertThat(f.quarantined()).isEqualTo(11);
            });
  }

  /** A Graph record with {@code extra} spliced in; a good one reads with id "1". */
  private static String with(String extra) {
    return "{\"id\":\"1\",\"createdDateTime\":\"2026-11-01T08:00:00Z\",\"userId\":\"u\","
        + extra
        + "}";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "latitude a string | \"location\":{\"geoCoordinates\":{\"latitude\":\"51.5\",\"longitude\":0}}"
            + " | location.geoCoordinates.latitude: expected a number but found a string",
        "latitude off the globe | \"location\":{\"geoCoordinates\":{\"latitude\":91,\"longitude\":0}}"
            + " | location.geoCoordinates.latitude: 91.0 is outside [-90, 90]",
        "longitude off the globe | \"location\":{\"geoCoordinates\":{\"latitude\":1,\"longitude\":-180.5}}"
            + " | location.geoCoordinates.longitude: -180.5 is outside [-180, 180]",
        "latitude alone | \"location\":{\"geoCoordinates\":{\"latitude\":1,\"longitude\":null}}"
            + " | location.geoCoordinates.longitude: missing while latitude is given",
        "geoCoordinates an array | \"location\":{\"geoCoordinates\":[1,2]}"
            + " | location.geoCoordinates: expected an object but found an array",
        "deviceId a number | \"deviceDetail\":{\"deviceId\":7}"
            + " | deviceDetail.deviceId: expected a string but found a number",
        "trustType a boolean | \"deviceDetail\":{\"trustType\":true}"
            + " | deviceDetail.trustType: expected a string but found a boolean",
        "resourceId an object | \"resourceId\":{}"
            + " | resourceId: expected a string but found an object",
        "conditionalAccessStatus a number | \"conditionalAccessStatus\":1"
            + " | conditionalAccessStatus: expected a string but found a number",
      })
  void readWhenCoordinatesDeviceOrResourceAreBadThenQuarantinedNamingTheField(
      String note, String extra, String reason) {
    TempSnapshot s =
        new TempSnapshot(dir).write(FILE, good("0") + "\n" + with(extra) + "\n" + good("2"));
    SnapshotReadResult r = read(s);
    assertThat(ids(r)).containsExactly("0", "2");
    assertThat(s.quarantined)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.line()).isEqualTo(2L);
              assertThat(q.reason()).isEqualTo(reason);
            });
  }

  @Test
  void readWhenAzureMonitorCoordinatesAreBadThenReasonIsUnderProperties() {
    String line =
        "{\"time\":\"2026-11-01T08:00:00Z\",\"category\":\"SignInLogs\",\"properties\":{\"id\":\"1\","
            + "\"userId\":\"u\",\"location\":{\"geoCoordinates\":{\"latitude\":-95,\"longitude\":1}}}}";
    TempSnapshot s = new TempSnapshot(dir).write(FILE, line);
    read(s);
    assertThat(s.quarantined)
        .extracting(QuarantinedRecord::reason)
        .containsExactly("properties.location.geoCoordinates.latitude: -95.0 is outside [-90, 90]");
  }

  @Test
  void readWhenCoordinatesAreAtTheEdgesOrNullThenKept() {
    TempSnapshot s =
        new TempSnapshot(dir)
            .write(
                FILE,
                with(
                        "\"location\":{\"geoCoordinates\":{\"latitude\":-90,\"longitude\":180}},"
                            + "\"conditionalAccessStatus\":\"somethingNew\"")
                    + "\n"
                    + with("\"location\":{\"geoCoordinates\":{\"latitude\":null,\"longitude\":null}}")
                        .replace("\"1\"", "\"2\""));
    SnapshotReadResult r = read(s);
    assertThat(s.quarantined).isEmpty();
    SignInEvent edge = r.snapshot().signIns().get(0);
    assertThat(edge.latitude()).isEqualTo(-90.0);
    assertThat(edge.longitude()).isEqualTo(180.0);
    assertThat(edge.conditionalAccessStatus())
        .isEqualTo(dev.least.model.ConditionalAccessStatus.UNKNOWN_FUTURE_VALUE);
    assertThat(r.snapshot().signIns().get(1).hasCoordinates()).isFalse();
  }

  @Test
  void readWhenUtf8BomAndCrlfLineEndsThenAllRecordsReadWithRightLines() {
    byte[] body =
        (good("1") + "\r\n" + good("2") + "\r\n" + "oops\r\n" + good("4") + "\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    TempSnapshot s = new TempSnapshot(dir).write(FILE, withBom);
    SnapshotReadResult r = read(s);
    assertThat(ids(r)).containsExactly("1", "2", "4");
    assertThat(s.quarantined)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.line()).isEqualTo(3);
              assertThat(q.raw()).isEqualTo("oops");
            });
  }

  @Test
  void readWhenGzippedJsonLinesThenRecordsRead() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write((good("1") + "\n" + good("2") + "\n").getBytes(StandardCharsets.UTF_8));
    }
    TempSnapshot s = new TempSnapshot(dir).write(FILE + ".gz", bytes.toByteArray());
    assertThat(ids(read(s))).containsExactly("1", "2");
    assertThat(s.quarantined).isEmpty();
  }

  @Test
  void readWhenDuplicateKeysThenLastOneWins() {
    String line =
        "{\"id\":\"1\",\"createdDateTime\":\"2026-11-01T08:00:00Z\",\"userId\":\"first\","
            + "\"userId\":\"second\"}";
    TempSnapshot s = new TempSnapshot(dir).write(FILE, line);
    assertThat(read(s).snapshot().signIns().get(0).accountId()).isEqualTo("second");
  }

  @Test
  void readWhenAzureMonitorRecordsEnvelopeHasBadRecordThenQuarantinedWithItsLine() {
    String body =
        "{\"records\": [\n"
            + "{\"time\":\"2026-11-01T08:00:00Z\",\"category\":\"NonInteractiveUserSignInLogs\","
            + "\"CallerIpAddress\":\"10.0.0.1\",\"properties\":{\"id\":\"a\",\"userId\":\"u\"}},\n"
            + "{\"time\":\"2026-11-01T08:00:00Z\",\"category\":\"SignInLogs\","
            + "\"properties\":{\"id\":\"b\"}}\n"
            + "]}";
    TempSnapshot s = new TempSnapshot(dir).write("entra/auditLogs/signIns.json", body);
    SnapshotReadResult r = read(s);
    SignInEvent e = r.snapshot().signIns().get(0);
    assertThat(e.eventId()).isEqualTo("a");
    assertThat(e.interactive()).isFalse();
    assertThat(e.ip()).isEqualTo("10.0.0.1");
    assertThat(e.outcome()).isEqualTo(dev.least.model.SignInOutcome.UNKNOWN);
    assertThat(r.snapshot().signIns().size()).isEqualTo(1);
    assertThat(s.quarantined)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.file()).isEqualTo("entra/auditLogs/signIns.json");
              assertThat(q.line()).isEqualTo(3);
              assertThat(q.reason()).isEqualTo("properties.userId: missing");
            });
  }

  @Test
  void readWhenWholeFileIsNotJsonThenSnapshotExceptionNamesFileAndLine() {
    TempSnapshot s =
        new TempSnapshot(dir)
            .write("entra/auditLogs/signIns.json", "{\"value\": [\n{\"id\": }\n]}");
    assertThatThrownBy(s::read)
        .isInstanceOf(SnapshotException.class)
        .hasMessageContaining("entra/auditLogs/signIns.json")
        .hasMessageContaining("line 2");
  }

  @Test
  void readWhen50MegabyteLinesThenWholeLineWalkedAndNeighboursRead() {
    StringBuilder details = new StringBuilder(52 * 1024 * 1024);
    String step =
        "{\"authenticationMethod\":\"Password\",\"succeeded\":true,"
            + "\"authenticationStepResultDetail\":\"Correct password\"},";
    while (details.length() < 50 * 1024 * 1024) {
      details.append(step);
    }
    details.append("{\"authenticationMethod\":\"FIDO2 security key\",\"succeeded\":true}");
    String huge =
        "{\"id\":\"big\",\"createdDateTime\":\"2026-11-01T08:00:00Z\",\"userId\":\"u\","
            + "\"authenticationDetails\":["
            + details
            + "]}";
    String hugeBad =
        "{\"createdDateTime\":\"2026-11-01T08:00:00Z\",\"userId\":\"u\",\"authenticationDetails\":["
            + details
            + "]}";
    String text = good("1") + "\n" + huge + "\n" + good("3") + "\n" + hugeBad + "\n" + good("5");
    details.setLength(0);
    TempSnapshot s = new TempSnapshot(dir).write(FILE, text);
    text = null;
    SnapshotReadResult r = read(s);
    assertThat(ids(r)).containsExactly("1", "big", "3", "5");
    SignInEvent big = r.snapshot().signIns().get(1);
    assertThat(big.mfaPerformed()).isEqualTo(TriState.TRUE);
    assertThat(big.mfaMethod()).isEqualTo("FIDO2 security key");
    assertThat(s.quarantined)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.line()).isEqualTo(4);
              assertThat(q.reason()).isEqualTo("id: missing");
              assertThat(q.raw()).hasSize(64 * 1024);
            });
  }
}
