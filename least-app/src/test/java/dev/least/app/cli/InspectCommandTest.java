package dev.least.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class InspectCommandTest {
  @TempDir Path tmp;

  private Path demo() {
    return DemoCommand.extract(tmp.resolve("snap"));
  }

  @Test
  void inspectWhenDemoSnapshotThenCountsHrWorkersAndExitsZero() {
    Path snap = demo();
    CliRun run = CliRun.of("inspect", snap.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    JsonNode report = InspectCommand.JSON.readTree(run.out());
    assertThat(report.get("tenant").asString()).isEqualTo("contoso-demo");
    assertThat(report.at("/counts/workers/hr").asLong()).isEqualTo(6);
    assertThat(report.at("/quarantine/records").asLong()).isZero();
    assertThat(report.get("files").findValuesAsString("file")).contains("hr/workers.csv");
    assertThat(report.at("/settings/protectedUsers/0").asString())
        .isEqualTo("breakglass1@contoso.com");
    assertThat(report.at("/settings/sodRules/0").asString()).isEqualTo("SOD-FIN-01");
  }

  @Test
  void inspectWhenFolderMissingThenExitThreeNamingIt() {
    Path missing = tmp.resolve("nope");
    CliRun run = CliRun.of("inspect", missing.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains(missing.toString()).contains("no such snapshot folder");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void inspectWhenManifestIsNotJsonThenExitThreeNamingFileAndLine() throws IOException {
    Path snap = demo();
    Files.writeString(snap.resolve("manifest.json"), "{\"tenant\": \"x\",\n  capturedAt: }");
    CliRun run = CliRun.of("inspect", snap.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("manifest.json").contains("line 2");
  }

  @Test
  void inspectWhenManifestLacksCapturedAtThenExitThreeNamingField() throws IOException {
    Path snap = demo();
    Files.writeString(snap.resolve("manifest.json"), "{\"tenant\": \"x\"}");
    CliRun run = CliRun.of("inspect", snap.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("manifest.json").contains("capturedAt");
  }

  @Test
  void inspectWhenAFileIsNotJsonThenExitThreeAndNoOutputOrQuarantineLeft() throws IOException {
    Path snap = demo();
    Files.writeString(snap.resolve("entra/groups.json"), "this is not json\n");
    Path out = tmp.resolve("out/report.json");
    Path quarantine = tmp.resolve("out/q.jsonl");
    CliRun run =
        CliRun.of(
            "inspect",
            snap.toString(),
            "--json",
            "--out",
            out.toString(),
            "--quarantine",
            quarantine.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("entra/groups.json").contains("not valid JSON");
    assertThat(out).doesNotExist();
    assertThat(quarantine).doesNotExist();
    try (Stream<Path> left = Files.list(tmp.resolve("out"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void inspectWhenHrRowsAreBadThenQuarantinedWithLineAndReasonAndRestRead() throws IOException {
    Path snap = demo();
    Path csv = snap.resolve("hr/workers.csv");
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    String header = lines.get(0);
    Files.writeString(
        csv,
        String.join(
                "\r\n",
                header,
                lines.get(1),
                ",nobody@contoso.com,No,Id,Active,2020-01-01,,X,Y,,,,Employee",
                "E9,x@contoso.com,X,Y,Retired,2020-01-01,,X,Y,,,,Employee",
                "E10,z@contoso.com,Z,Q,Active,01/02/2020,,X,Y,,,,Employee",
                lines.get(2))
            + "\r\n");
    Path quarantine = tmp.resolve("q.jsonl");
    CliRun run =
        CliRun.of("inspect", snap.toString(), "--json", "--quarantine", quarantine.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    JsonNode report = InspectCommand.JSON.readTree(run.out());
    assertThat(report.at("/counts/workers/hr").asLong()).isEqualTo(2);
    assertThat(report.at("/quarantine/records").asLong()).isEqualTo(3);
    List<JsonNode> bad =
        Files.readAllLines(quarantine).stream().map(InspectCommand.JSON::readTree).toList();
    assertThat(bad).extracting(n -> n.get("file").asString()).containsOnly("hr/workers.csv");
    assertThat(bad).extracting(n -> n.get("line").asLong()).containsExactly(3L, 4L, 5L);
    assertThat(bad)
        .extracting(n -> n.get("reason").asString())
        .containsExactly(
            "employee_id: missing",
            "status: unknown value 'Retired' (expected Active, Leave or Terminated)",
            "hire_date: unparsable date '01/02/2020' (expected YYYY-MM-DD)");
  }

  @Test
  void unknownOptionIsAUsageErrorWithExitTwo() {
    CliRun run = CliRun.of("inspect", tmp.toString(), "--frobnicate");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--frobnicate");
  }

  @Test
  void helpIsPrintedForEveryCommandWithExitZero() {
    for (String cmd : List.of("inspect", "demo")) {
      CliRun run = CliRun.of(cmd, "--help");
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("Usage: least " + cmd);
    }
    CliRun top = CliRun.of("--help");
    assertThat(top.out()).contains("inspect").contains("demo");
  }
}
