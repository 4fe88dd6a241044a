package dev.least.app.cli;

import dev.least.connector.report.HtmlReport;
import dev.least.review.AccessReview;
import dev.least.review.ReviewItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code least review SNAPSHOT}: keep / revoke / review for every user-access pair. */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "Access review: for every user-access pair (group, app, role) a keep / revoke / review",
      "suggestion, a confidence and a justification written from evidence."
    })
public final class ReviewCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SnapshotOptions snapshot = new SnapshotOptions();

  @Option(names = "--out", paramLabel = "FILE", description = "JSON here (default: stdout).")
  @Nullable Path out;

  @Option(names = "--csv", paramLabel = "FILE", description = "CSV for review tools here.")
  @Nullable Path csv;

  @Option(names = "--html", paramLabel = "FILE", description = "A self-contained HTML page here.")
  @Nullable Path html;

  @Override
  public Integer call() {
    SnapshotOptions.Read read = snapshot.read(spec.commandLine().getErr());
    int days = read.result().settings().thresholds().getInt("unusedAccessDays", 90);
    List<ReviewItem> items = new AccessReview(read.result().snapshot(), days).items();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("tenant", read.result().snapshot().manifest().tenant());
    doc.put("capturedAt", read.result().snapshot().manifest().capturedAt().toString());
    doc.put("unusedAccessDays", days);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ReviewItem i : items) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("accountId", i.accountId());
      m.put("login", i.login());
      m.put("platform", i.platform());
      m.put("accessKind", i.access().kind().wire());
      m.put("accessId", i.access().id());
      m.put("accessName", i.access().name());
      m.put("grantedVia", i.grantedVia());
      m.put("hrStatus", i.hrStatus());
      m.put("peerGroup", i.peerGroup());
      m.put("uses", i.uses());
      m.put("lastUse", i.lastUse());
      m.put("peers", i.peers());
      m.put("peersHolding", i.peersHolding());
      m.put("peersUsing", i.peersUsing());
      m.put("suggestion", i.suggestion().wire());
      m.put("confidence", i.confidence());
      m.put("justification", i.justification());
      m.put("sampleEventIds", i.sampleEventIds());
      rows.add(m);
    }
    doc.put("items", rows);
    String json = InspectCommand.JSON.writeValueAsString(doc) + "\n";
    if (csv != null) {
      StringBuilder b =
          new StringBuilder(
              "login,platform,access_kind,access_name,access_id,granted_via,suggestion,confidence,"
                  + "uses,last_use,justification\r\n");
      for (ReviewItem i : items) {
        b.append(
                String.join(
                    ",",
                    AnalyzeCommand.cell(i.login()),
                    AnalyzeCommand.cell(i.platform()),
                    AnalyzeCommand.cell(i.access().kind().wire()),
                    AnalyzeCommand.cell(i.access().name()),
                    AnalyzeCommand.cell(i.access().id()),
                    AnalyzeCommand.cell(i.grantedVia()),
                    AnalyzeCommand.cell(i.suggestion().wire()),
                    AnalyzeCommand.cell(String.valueOf(i.confidence())),
                    AnalyzeCommand.cell(String.valueOf(i.uses())),
                    AnalyzeCommand.cell(i.lastUse() == null ? "" : i.lastUse()),
                    AnalyzeCommand.cell(i.justification())))
            .append("\r\n");
      }
      AtomicOutput.write(csv, b.toString());
    }
    if (html != null) {
      AtomicOutput.write(html, html(read.result().snapshot().manifest().tenant(), items));
    }
    if (out != null) {
      AtomicOutput.write(out, json);
      spec.commandLine().getErr().println(items.size() + " review item(s) written to " + out);
    } else {
      spec.commandLine().getOut().print(json);
      spec.commandLine().getOut().flush();
    }
    return ExitCodes.OK;
  }

  private static String html(String tenant, List<ReviewItem> items) {
    StringBuilder b = new StringBuilder();
    b.append(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Access review: ")
        .append(HtmlReport.escape(tenant))
        .append("</title><style>body{font:14px system-ui,sans-serif;margin:2em}")
        .append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;")
        .append("padding:5px;text-align:left;vertical-align:top}.keep{color:#1b7a3a}")
        .append(".revoke{color:#b00020;font-weight:600}.review{color:#a66300}</style></head><body>")
        .append("<h1>Access review &mdash; ")
        .append(HtmlReport.escape(tenant))
        .append("</h1><table><thead><tr><th>user</th><th>access</th><th>suggestion</th>")
        .append("<th>confidence</th><th>justification</th></tr></thead><tbody>");
    for (ReviewItem i : items) {
      b.append("<tr><td>")
          .append(HtmlReport.escape(i.login()))
          .append("</td><td>")
          .append(HtmlReport.escape(i.access().kind().wire() + " " + i.access().name()))
          .append("</td><td class=\"")
          .append(i.suggestion().wire())
          .append("\">")
          .append(i.suggestion().wire())
          .append("</td><td>")
          .append(String.format(java.util.Locale.ROOT, "%.2f", i.confidence()))
          .append("</td><td>")
          .append(HtmlReport.escape(i.justification()))
          .append("</td></tr>");
    }
    return b.append("</tbody></table></body></html>\n").toString();
  }
}
