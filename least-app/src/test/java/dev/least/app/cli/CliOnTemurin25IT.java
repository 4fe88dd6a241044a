package dev.least.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The shaded jar (Java 17 bytecode) runs on the Temurin 25 JDK: one CLI smoke run. With {@code
 * CI=true} a missing JDK 25 fails the run; elsewhere the test is skipped with a message.
 */
class CliOnTemurin25IT {
  static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  @TempDir Path tmp;

  @Test
  void demoRunsOnTemurin25GeneratingAnalyzingAndReporting()
      throws IOException, InterruptedException {
    boolean present = Files.isExecutable(JDK25);
    if (!present && "true".equals(System.getenv("CI"))) {
      fail("CI=true but no Temurin 25 JDK at " + JDK25);
    }
    assumeTrue(present, "Temurin 25 JDK not installed at " + JDK25 + "; skipping");
    Path jar = Path.of(System.getProperty("least.jar", "target/least.jar"));
    Path out = tmp.resolve("out.json");
    Process p =
        new ProcessBuilder(
                JDK25.toString(),
                "-jar",
                jar.toString(),
                "demo",
                "--dir",
                tmp.resolve("demo").toString(),
                "--json",
                "--no-serve")
            .redirectOutput(out.toFile())
            .redirectError(tmp.resolve("err.txt").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isZero();
    JsonNode report = InspectCommand.JSON.readTree(Files.readString(out));
    // the default demo generates a 300-user tenant (seed 7) and reads it back without loss
    assertThat(report.get("tenant").asString()).isEqualTo("contoso");
    assertThat(report.at("/counts/accounts/entra").asLong()).isEqualTo(300);
    assertThat(report.at("/quarantine/records").asLong()).isZero();
    assertThat(tmp.resolve("report.html")).exists();
    assertThat(tmp.resolve("truth.json")).exists();

    Process version = new ProcessBuilder(JDK25.toString(), "-version").start();
    String v = new String(version.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    version.waitFor(30, TimeUnit.SECONDS);
    assertThat(v).contains("\"25");
  }
}
