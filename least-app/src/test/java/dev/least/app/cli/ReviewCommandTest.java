package dev.least.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ReviewCommandTest {
  @TempDir Path tmp;

  @Test
  void reviewOfTheSampleTenantWritesJsonCsvAndHtmlWithFactsFromTheSnapshot() throws IOException {
    Path snap = DemoCommand.extract(tmp.resolve("snap"));
    Path out = tmp.resolve("review.json");
    Path csv = tmp.resolve("review.csv");
    Path html = tmp.resolve("review.html");
    CliRun run =
        CliRun.of(
            "review",
            snap.toString(),
            "--out",
            out.toString(),
            "--csv",
            csv.toString(),
            "--html",
            html.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode doc = InspectCommand.JSON.readTree(Files.readString(out));
    List<JsonNode> items = doc.get("items").valueStream().toList();
    assertThat(items).isNotEmpty();
    // Margaret Hamilton is terminated in HR: every access she holds is to be revoked
    assertThat(items)
        .filteredOn(i -> i.get("login").asString().equals("margaret.h@contoso.com"))
        .isNotEmpty()
        .allSatisfy(
            i -> {
              assertThat(i.get("suggestion").asString()).isEqualTo("revoke");
              assertThat(i.get("justification").asString())
                  .startsWith("Revoke: HR status terminated since 2026-09-30");
            });
    // every justification names how the access is granted
    assertThat(items)
        .allSatisfy(
            i ->
                assertThat(i.get("justification").asString())
                    .endsWith("granted " + i.get("grantedVia").asString()));
    assertThat(Files.readAllLines(csv).get(0)).startsWith("login,platform,access_kind");
    assertThat(Files.readAllLines(csv)).hasSize(items.size() + 1);
    assertThat(Files.readString(html)).contains("Access review").contains("margaret.h@contoso.com");
  }
}
