package dev.least.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6: on every real sample in ../shared/datasets whose shape the snapshot contract covers,
 * {@code least analyze} does not crash, writes schema-valid output, and every recommendation
 * carries evidence. Each sample is placed where the contract expects it in a snapshot of its own.
 */
class RealSamplesAnalyzeTest {
  @TempDir Path tmp;

  record Sample(String dataset, String snapshotPath) {
    @Override
    public String toString() {
      return dataset;
    }
  }

  static Path shared() {
    return Path.of(System.getProperty("least.shared", "../shared"));
  }

  static Stream<Sample> samples() throws IOException {
    List<Sample> out = new ArrayList<>();
    Path d = shared().resolve("datasets");
    out.add(
        new Sample(
            "entra-signins/panther-azure-monitor-signinlogs.ndjson",
            "entra/auditLogs/signIns.jsonl"));
    for (String f :
        List.of(
            "graph-docs-beta-signin-get-legacy-2018-shape.json",
            "graph-docs-beta-signin-list-example1-duplicate-keys.json",
            "graph-docs-v1.0-signin-list-example-INVALID-trailing-comma.json")) {
      out.add(new Sample("entra-signins/" + f, "entra/auditLogs/signIns.json"));
    }
    out.add(new Sample("okta-system-log/panther-okta-systemlog.ndjson", "okta/logs.jsonl"));
    out.add(
        new Sample(
            "okta-system-log/panther-okta-systemlog-lowercase-keys.ndjson", "okta/logs.jsonl"));
    out.add(new Sample("okta-system-log/openapi-ListLogs.json", "okta/logs.json"));
    out.add(
        new Sample(
            "okta-system-log/openapi-ListLogsWithAdditionalSecurityContext.json",
            "okta/logs.json"));
    out.add(new Sample("okta-network-zones/openapi-RetrieveAllZones.json", "okta/zones.json"));
    try (Stream<Path> files = Files.list(d.resolve("entra-ca-policies/j0eyv-baseline"))) {
      files
          .sorted()
          .forEach(
              p ->
                  out.add(
                      new Sample(
                          "entra-ca-policies/j0eyv-baseline/" + p.getFileName(),
                          "entra/identity/conditionalAccess/policies.json")));
    }
    try (Stream<Path> files = Files.list(d.resolve("entra-named-locations/j0eyv-baseline"))) {
      files
          .sorted()
          .forEach(
              p ->
                  out.add(
                      new Sample(
                          "entra-named-locations/j0eyv-baseline/" + p.getFileName(),
                          "entra/identity/conditionalAccess/namedLocations.json")));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void analyzeOnARealSampleIsSchemaValidAndEveryRecommendationHasEvidence(Sample s)
      throws IOException {
    Path snap = tmp.resolve("snap");
    Files.createDirectories(snap);
    Files.writeString(
        snap.resolve("manifest.json"),
        "{\"tenant\":\"sample\",\"capturedAt\":\"2026-11-20T00:00:00Z\",\"sources\":[\"entra\",\"okta\"]}");
    Path target = snap.resolve(s.snapshotPath());
    Files.createDirectories(target.getParent());
    Files.copy(shared().resolve("datasets").resolve(s.dataset()), target);
    Path out = tmp.resolve("recs.json");
    CliRun run =
        CliRun.of(
            "analyze",
            snap.toString(),
            "--out",
            out.toString(),
            "--quarantine",
            tmp.resolve("q.jsonl").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String json = Files.readString(out);
    assertThat(AnalyzeCommandTest.validate(json)).isEmpty();
    JsonNode doc = InspectCommand.JSON.readTree(json);
    for (JsonNode r : doc.get("recommendations")) {
      assertThat(r.get("evidence").size()).isPositive();
    }
    assertThat(doc.at("/inputs/quarantined").isNumber()).isTrue();
  }
}
