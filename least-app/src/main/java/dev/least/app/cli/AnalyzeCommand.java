package dev.least.app.cli;

import dev.least.analysis.Analysis;
import dev.least.analysis.AnalysisInput;
import dev.least.analysis.Analyzers;
import dev.least.connector.report.RecommendationsJson;
import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.connector.terraform.TerraformExport;
import dev.least.recommend.Recommendation;
import dev.least.source.FileStat;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code least analyze SNAPSHOT}: recommendations with evidence, confidence and impact. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Analyze a snapshot and write recommendations (JSON per the recommendations contract).",
      "Finding recommendations is success (exit 0)."
    })
public final class AnalyzeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SnapshotOptions snapshot = new SnapshotOptions();

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the recommendations JSON here (default: stdout).")
  @Nullable Path out;

  @Option(names = "--csv", paramLabel = "FILE", description = "Also write a CSV summary here.")
  @Nullable Path csv;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Also write a self-contained HTML report here.")
  @Nullable Path html;

  @Option(
      names = "--terraform",
      paramLabel = "DIR",
      description = {
        "Also write Terraform (azuread / okta providers) equivalent to each recommendation's",
        "patch here: one file per recommendation, versions.tf and a README on import blocks.",
        "DIR must be empty, absent, or written by an earlier --terraform run."
      })
  @Nullable Path terraform;

  @Override
  public Integer call() {
    SnapshotOptions.Read read = snapshot.read(spec.commandLine().getErr());
    SnapshotReadResult r = read.result();
    Set<String> kinds = r.files().stream().map(FileStat::kind).collect(Collectors.toSet());
    AnalysisInput input = AnalysisInput.of(r.snapshot(), r.settings(), kinds);
    spec.commandLine().getErr().println("analyzing …");
    java.io.PrintWriter err = spec.commandLine().getErr();
    Analysis.Report report =
        new Analysis(Analyzers.defaults())
            .run(
                input,
                (analyzer, nanos) -> {
                  err.printf(java.util.Locale.ROOT, "  %-24s %8.2f s%n", analyzer, nanos / 1e9);
                  err.flush();
                });
    String json =
        RecommendationsJson.write(
            r.snapshot(),
            RecommendationsJson.inputs(r.snapshot(), r.quarantined()),
            report,
            version());
    if (csv != null) {
      AtomicOutput.write(csv, csv(report));
    }
    if (html != null) {
      AtomicOutput.write(
          html,
          dev.least.connector.report.HtmlReport.write(
              r.snapshot(), RecommendationsJson.inputs(r.snapshot(), r.quarantined()), report));
      spec.commandLine().getErr().println("HTML report written to " + html.toAbsolutePath());
    }
    if (terraform != null) {
      try {
        TerraformExport.write(terraform, report.recommendations(), r.snapshot());
      } catch (java.io.IOException e) {
        throw new BadInputException("--terraform " + terraform + ": " + e.getMessage(), e);
      }
      spec.commandLine().getErr().println("Terraform written to " + terraform.toAbsolutePath());
    }
    if (out != null) {
      AtomicOutput.write(out, json);
      spec.commandLine()
          .getErr()
          .println(report.recommendations().size() + " recommendation(s) written to " + out);
    } else {
      spec.commandLine().getOut().print(json);
      spec.commandLine().getOut().flush();
    }
    spec.commandLine().getErr().flush();
    return ExitCodes.OK;
  }

  static String version() {
    String v = AnalyzeCommand.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-dev" : v;
  }

  static String csv(Analysis.Report report) {
    StringBuilder b =
        new StringBuilder(
            "id,type,platform,target_kind,target_id,target_name,risk,confidence,mode,"
                + "signins_affected,users_affected,suggested_change\r\n");
    for (Recommendation r : report.recommendations()) {
      b.append(
              String.join(
                  ",",
                  cell(r.id()),
                  cell(r.type().wire()),
                  cell(r.platform()),
                  cell(r.target().kind()),
                  cell(r.target().id()),
                  cell(r.target().name() == null ? "" : r.target().name()),
                  cell(r.risk().wire()),
                  cell(String.valueOf(r.confidence())),
                  cell(r.mode().wire()),
                  cell(fmt(r.impact().getOrDefault("signInsAffected", 0.0))),
                  cell(fmt(r.impact().getOrDefault("usersAffected", 0.0))),
                  cell(r.suggestedChange())))
          .append("\r\n");
    }
    return b.toString();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  /** RFC 4180 quoting; a leading =,+,-,@ is prefixed with ' so spreadsheets do not run it. */
  static String cell(String v) {
    String s = v;
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
