package dev.least.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.least.connector.snapshot.SnapshotException;
import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.model.SignInEvent;
import dev.least.source.QuarantinedRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad System Log input: good records are all read, bad ones quarantined with line and field. */
class OktaSystemLogBadInputTest {
  @TempDir Path dir;

  static String event(String uuid, String published) {
    return "{\"uuid\":\""
        + uuid
        + "\",\"published\":\""
        + published
        + "\",\"eventType\":\"user.session.start\",\"actor\":{\"id\":\"00u1\",\"type\":\"User\","
        + "\"alternateId\":\"a@example.com\"},\"outcome\":{\"result\":\"SUCCESS\"}}";
  }

  @Test
  void jsonLinesWithBadLinesWhenReadThenGoodOnesReadAndBadOnesQuarantinedWithFieldReasons() {
    String lines =
        String.join(
            "\n",
            event("11111111-1111-1111-1111-111111111111", "2024-01-01T00:00:00.000Z"),
            "this is not json",
            "{\"uuid\":42,\"published\":\"2024-01-01T00:00:00Z\",\"eventType\":\"user.session.start\","
                + "\"actor\":{\"id\":\"00u1\"}}",
            "{\"published\":\"2024-01-01T00:00:00Z\",\"eventType\":\"user.session.start\","
                + "\"actor\":{\"id\":\"00u1\"}}",
            event("22222222-2222-2222-2222-222222222222", "yesterday"),
            "{\"uuid\":\"x\",\"published\":\"2024-01-01T00:00:00Z\",\"eventType\":\"user.session.start\","
                + "\"actor\":\"00u1\"}",
            "[1,2]",
            event("33333333-3333-3333-3333-333333333333", "2024-01-02 03:04:05.678"),
            event("44444444-4444-4444-4444-444444444444", "2024-01-03T00:00:00Z").substring(0, 60));
    SnapshotFolder folder = new SnapshotFolder(dir).write("okta/logs.jsonl", lines);

    SnapshotReadResult r = folder.read();

    assertThat(r.snapshot().signIns().stream().map(SignInEvent::eventId))
        .containsExactly(
            "11111111-1111-1111-1111-111111111111", "33333333-3333-3333-3333-333333333333");
    assertThat(folder.quarantined())
        .extracting(QuarantinedRecord::file, QuarantinedRecord::line)
        .containsExactly(
            tuple("okta/logs.jsonl", 2L),
            tuple("okta/logs.jsonl", 3L),
            tuple("okta/logs.jsonl", 4L),
            tuple("okta/logs.jsonl", 5L),
            tuple("okta/logs.jsonl", 6L),
            tuple("okta/logs.jsonl", 7L),
            tuple("okta/logs.jsonl", 9L));
    assertThat(folder.quarantined())
        .extracting(QuarantinedRecord::reason)
        .satisfiesExactly(
            reason -> assertThat(reason).startsWith("not valid JSON"),
            reason -> assertThat(reason).isEqualTo("uuid: expected a string but found a number"),
            reason -> assertThat(reason).isEqualTo("uuid: missing"),
            reason -> assertThat(reason).isEqualTo("published: unparsable time 'yesterday'"),
            reason -> assertThat(reason).isEqualTo("actor: expected an object but found a string"),
            reason -> assertThat(reason).startsWith("expected a JSON object but found START_ARRAY"),
            reason -> assertThat(reason).startsWith("not valid JSON"));
    assertThat(folder.quarantined().get(0).raw()).isEqualTo("this is not json");
    assertThat(SnapshotFolder.stat(r, "okta/logs.jsonl").quarantined()).isEqualTo(7);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "lat a string | {\"lat\":\"40.1\",\"lon\":-74}"
            + " | client.geographicalContext.geolocation.lat: expected a number but found a string",
        "lat off the globe | {\"lat\":123.4,\"lon\":-74}"
            + " | client.geographicalContext.geolocation.lat: 123.4 is outside [-90, 90]",
        "lon off the globe | {\"lat\":40,\"lon\":-200}"
            + " | client.geographicalContext.geolocation.lon: -200.0 is outside [-180, 180]",
        "lon alone | {\"lon\":-74}"
            + " | client.geographicalContext.geolocation.lat: missing while lon is given",
      })
  void badGeolocationWhenReadThenEventQuarantinedNamingTheField(
      String note, String geolocation, String reason) {
    String bad =
        event("55555555-5555-5555-5555-555555555555", "2024-01-01T00:00:00Z")
            .replace(
                "\"outcome\"",
                "\"client\":{\"geographicalContext\":{\"geolocation\":"
                    + geolocation
                    + "}},\"outcome\"");
    String good =
        event("66666666-6666-6666-6666-666666666666", "2024-01-01T00:00:00Z")
            .replace(
                "\"outcome\"",
                "\"client\":{\"geographicalContext\":{\"geolocation\":{\"lat\":-33.87,"
                    + "\"lon\":151.21}}},\"device\":{\"id\":\"guo1\"},\"outcome\"");
    SnapshotFolder folder = new SnapshotFolder(dir).write("okta/logs.jsonl", bad + "\n" + good);

    SnapshotReadResult r = folder.read();

    assertThat(folder.quarantined())
        .extracting(QuarantinedRecord::line, QuarantinedRecord::reason)
        .containsExactly(tuple(1L, reason));
    SignInEvent e = r.snapshot().signIns().get(0);
    assertThat(e.latitude()).isEqualTo(-33.87);
    assertThat(e.longitude()).isEqualTo(151.21);
    assertThat(e.deviceId()).isEqualTo("guo1");
  }

  @Test
  void jsonLinesWithBomAndCrlfWhenReadThenEveryRecordRead() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.write(
        (event("11111111-1111-1111-1111-111111111111", "2024-01-01T00:00:00Z")
                + "\r\n"
                + event("22222222-2222-2222-2222-222222222222", "2024-01-01 00:00:01.5")
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    SnapshotFolder folder =
        new SnapshotFolder(dir).writeBytes("okta/logs.jsonl", bytes.toByteArray());

    SnapshotReadResult r = folder.read();

    assertThat(folder.quarantined()).isEmpty();
    assertThat(r.snapshot().signIns().stream().map(e -> e.time().toString()))
        .containsExactly("2024-01-01T00:00:00Z", "2024-01-01T00:00:01.500Z");
  }

  @Test
  void jsonArrayWithBadElementWhenReadThenElementQuarantinedWithItsLineAndRawText() {
    String body =
        "[\n"
            + event("11111111-1111-1111-1111-111111111111", "2024-01-01T00:00:00Z")
            + ",\n"
            + event("22222222-2222-2222-2222-222222222222", "redacted")
            + ",\n"
            + "\"a string\"\n]";
    SnapshotFolder folder = new SnapshotFolder(dir).write("okta/logs.json", body);

    SnapshotReadResult r = folder.read();

    assertThat(r.snapshot().signIns().size()).isEqualTo(1);
    assertThat(folder.quarantined())
        .extracting(QuarantinedRecord::line, QuarantinedRecord::reason)
        .containsExactly(
            tuple(3L, "published: unparsable time 'redacted'"),
            tuple(4L, "expected a JSON object but found VALUE_STRING"));
    assertThat(folder.quarantined().get(0).raw())
        .isEqualTo(event("22222222-2222-2222-2222-222222222222", "redacted"));
  }

  @Test
  void jsonArrayFileThatIsNotJsonWhenReadThenSnapshotExceptionNamesTheFile() {
    SnapshotFolder folder =
        new SnapshotFolder(dir).write("okta/logs.json", "[{\"uuid\": \"a\", oops");

    assertThatThrownBy(folder::read)
        .isInstanceOf(SnapshotException.class)
        .hasMessageStartingWith("okta/logs.json: not valid JSON at line 1");
  }

  @Test
  void eventOfAnotherTypeWithBadFieldsWhenReadThenSkippedNotQuarantined() {
    String line =
        "{\"eventType\":\"user.lifecycle.create\",\"published\":\"redacted\",\"actor\":{\"id\":\"x\"}}";
    SnapshotFolder folder = new SnapshotFolder(dir).write("okta/logs.jsonl", line);

    SnapshotReadResult r = folder.read();

    assertThat(folder.quarantined()).isEmpty();
    assertThat(SnapshotFolder.stat(r, "okta/logs.jsonl").skipped()).isEqualTo(1);
  }

  @Test
  void jsonArrayInUtf16WithBomWhenReadThenDecoded() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    bytes.write(
        ("[" + event("11111111-1111-1111-1111-111111111111", "2024-01-01T00:00:00Z") + "]")
            .getBytes(StandardCharsets.UTF_16LE));
    SnapshotFolder folder =
        new SnapshotFolder(dir).writeBytes("okta/logs.json", bytes.toByteArray());

    SnapshotReadResult r = folder.read();

    assertThat(folder.quarantined()).isEmpty();
    assertThat(r.snapshot().signIns().get(0).login()).isEqualTo("a@example.com");
  }
}
