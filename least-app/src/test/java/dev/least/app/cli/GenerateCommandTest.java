package dev.least.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @Test
  void generateWhenValidOptionsThenSnapshotAndTruthBesideIt(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("tenant");

    CliRun run =
        CliRun.of(
            "generate",
            "--out",
            out.toString(),
            "--users",
            "120",
            "--days",
            "5",
            "--seed",
            "3",
            "--bad-records",
            "2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("snapshot: " + out.toAbsolutePath().normalize())
        .contains("truth:    " + dir.toAbsolutePath().normalize().resolve("truth.json"))
        .contains("bad records: 2")
        .containsPattern("planted: \\d+ scenarios, \\d+ decoys");
    assertThat(out.resolve("manifest.json")).exists();
    assertThat(out.resolve("entra/auditLogs/signIns.jsonl")).exists();
    assertThat(out.resolve("okta/logs.jsonl")).exists();
    assertThat(out.resolve("hr/workers.csv")).exists();
    assertThat(dir.resolve("truth.json")).exists();
    assertThat(Files.readString(dir.resolve("truth.json"))).contains("\"seed\" : 3");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("tenant", "truth.json");
    }
    assertThat(run.err()).contains("least generate: planned 120 accounts");
  }

  @Test
  void generateWhenOutExistsThenUsageErrorAndNothingWritten(@TempDir Path dir) throws Exception {
    Path out = Files.createDirectories(dir.resolve("tenant"));

    CliRun run = CliRun.of("generate", "--out", out.toString(), "--users", "120");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("already exists");
    assertThat(dir.resolve("truth.json")).doesNotExist();
  }

  @Test
  void generateWhenBadOptionValuesThenUsageErrorNamingTheValue(@TempDir Path dir) {
    CliRun few = CliRun.of("generate", "--out", dir.resolve("a").toString(), "--users", "3");
    CliRun platform =
        CliRun.of("generate", "--out", dir.resolve("b").toString(), "--platform", "aws");

    assertThat(few.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(few.err()).contains("but was 3");
    assertThat(platform.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(platform.err()).contains("'aws'");
    assertThat(dir.resolve("a")).doesNotExist();
  }
}
