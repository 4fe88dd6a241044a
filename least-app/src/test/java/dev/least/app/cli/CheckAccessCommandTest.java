package dev.least.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CheckAccessCommandTest {
  @TempDir Path tmp;

  /** The demo tenant plus an SoD rule: Finance vs the ERP app. */
  private Path snapshot() throws IOException {
    Path snap = DemoCommand.extract(tmp.resolve("snap"));
    Files.writeString(
        snap.resolve("least.yaml"),
        """
        sod:
          - id: SOD-T-01
            name: Workers reviewing their own pay
            left:  {groups: [Finance]}
            right: {groups: [Sales]}
        """);
    return snap;
  }

  @Test
  void helpAndUsageErrorsUseExitCodesZeroAndTwo() throws IOException {
    assertThat(CliRun.of("check-access", "--help").exitCode()).isZero();
    CliRun bad =
        CliRun.of("check-access", snapshot().toString(), "--user", "x", "--add", "team:Sales");
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--add must be group:NAME");
  }

  @Test
  void unknownUserIsBadInputWithExitThree() throws IOException {
    CliRun run =
        CliRun.of(
            "check-access",
            snapshot().toString(),
            "--user",
            "nobody@contoso.com",
            "--add",
            "group:Sales");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("nobody@contoso.com");
  }

  @Test
  void grantingTheOtherSideOfARuleIsAConflictWithExitOneAndJson() throws IOException {
    Path snap = snapshot();
    CliRun run =
        CliRun.of(
            "check-access",
            snap.toString(),
            "--user",
            "ada.lovelace@contoso.com",
            "--add",
            "group:Sales",
            "--json");
    assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(ExitCodes.CHECK_FAILED);
    JsonNode doc = InspectCommand.JSON.readTree(run.out());
    assertThat(doc.get("decision").asString()).isEqualTo("conflict");
    assertThat(doc.at("/conflicts/0/rule").asString()).isEqualTo("SOD-T-01");
    assertThat(doc.at("/conflicts/0/left/name").asString()).isEqualTo("Finance");

    CliRun ok =
        CliRun.of(
            "check-access",
            snap.toString(),
            "--user",
            "alan.turing@contoso.com",
            "--add",
            "group:Sales");
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).startsWith("allowed:");
  }
}
