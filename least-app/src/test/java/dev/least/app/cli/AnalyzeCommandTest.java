package dev.least.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class AnalyzeCommandTest {
  @TempDir Path tmp;

  static Set<ValidationMessage> validate(String json) throws IOException {
    ObjectMapper m = new ObjectMapper();
    Path schema =
        Path.of(System.getProperty("least.shared", "../shared"))
            .resolve("contracts/recommendations.schema.json");
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(m.readTree(Files.readString(schema)))
        .validate(m.readTree(json));
  }

  @Test
  void analyzeDemoWritesSchemaValidJsonCsvAndHtmlAndIsByteIdenticalOnRerun() throws IOException {
    Path snap = DemoCommand.extract(tmp.resolve("snap"));
    Path out = tmp.resolve("recs.json");
    Path html = tmp.resolve("report.html");
    Path csv = tmp.resolve("recs.csv");
    CliRun run =
        CliRun.of(
            "analyze",
            snap.toString(),
            "--out",
            out.toString(),
            "--html",
            html.toString(),
            "--csv",
            csv.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    String json = Files.readString(out);
    assertThat(validate(json)).isEmpty();
    JsonNode doc = InspectCommand.JSON.readTree(json);
    assertThat(doc.at("/snapshot/tenant").asString()).isEqualTo("contoso-demo");
    assertThat(doc.at("/inputs/workers").asLong()).isEqualTo(6);
    // every contract type without an analyzer is listed as skipped, never silently absent
    assertThat(doc.get("skipped").findValuesAsString("analyzer"))
        .containsAll(
            dev.least.analysis.Analyzers.notYetImplemented().stream().map(t -> t.wire()).toList());
    assertThat(Files.readString(html)).startsWith("<!doctype html>").contains("contoso-demo");
    assertThat(Files.readAllLines(csv).get(0)).startsWith("id,type,platform");

    CliRun again = CliRun.of("analyze", snap.toString(), "--out", out.toString());
    assertThat(again.exitCode()).isZero();
    assertThat(Files.readString(out)).isEqualTo(json);
  }

  @Test
  void csvCellsAreQuotedAndFormulaPrefixesNeutralized() {
    assertThat(AnalyzeCommand.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(AnalyzeCommand.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(AnalyzeCommand.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
  }
}
