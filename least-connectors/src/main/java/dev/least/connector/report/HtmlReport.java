package dev.least.connector.report;

import dev.least.analysis.Analysis;
import dev.least.model.LoggedPolicyResult;
import dev.least.model.PolicyResult;
import dev.least.model.SignInLog;
import dev.least.model.TenantSnapshot;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Recommendation;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The self-contained HTML report of {@code least analyze --html}: one file (inline CSS and a few
 * lines of script, no network) a security lead can forward. Summary, per-policy hit/miss and
 * challenge rates from the logged results, and the recommendations with rationale and evidence in a
 * table that sorts by any column and filters by text, type, platform and risk.
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static String write(TenantSnapshot s, Map<String, Long> inputs, Analysis.Report report) {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Least report: ")
        .append(escape(s.manifest().tenant()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>\n");
    b.append("<h1>Least report &mdash; ").append(escape(s.manifest().tenant())).append("</h1>\n");
    b.append("<p class=\"meta\">Snapshot captured ")
        .append(escape(s.manifest().capturedAt().toString()));
    if (s.signIns().size() > 0) {
      b.append(", sign-ins from ")
          .append(escape(Instant.ofEpochMilli(s.signIns().minEpochMillis()).toString()))
          .append(" to ")
          .append(escape(Instant.ofEpochMilli(s.signIns().maxEpochMillis()).toString()));
    }
    b.append(". Advisor mode: nothing is changed without approval.</p>\n");

    b.append("<h2>Summary</h2>\n<div class=\"cards\">");
    for (Map.Entry<String, Long> e : inputs.entrySet()) {
      card(b, e.getKey(), String.valueOf(e.getValue()));
    }
    card(b, "recommendations", String.valueOf(report.recommendations().size()));
    b.append("</div>\n");
    Map<String, Integer> byType = new TreeMap<>();
    report.recommendations().forEach(r -> byType.merge(r.type().wire(), 1, Integer::sum));
    if (!byType.isEmpty()) {
      b.append("<p>");
      byType.forEach(
          (k, v) ->
              b.append("<span class=\"tag\">")
                  .append(escape(k))
                  .append(" ")
                  .append(v)
                  .append("</span> "));
      b.append("</p>\n");
    }

    policyTable(b, s);

    b.append("<h2>Recommendations</h2>\n");
    b.append(
        "<div class=\"filters\"><input id=\"q\" placeholder=\"filter text…\" oninput=\"f()\">"
            + " <select id=\"risk\" onchange=\"f()\"><option value=\"\">any risk</option>"
            + "<option>low</option><option>medium</option><option>high</option></select>"
            + " <select id=\"plat\" onchange=\"f()\"><option value=\"\">any platform</option>"
            + "<option>entra</option><option>okta</option></select></div>\n");
    b.append("<table id=\"recs\"><thead><tr>");
    for (String h :
        List.of(
            "type",
            "platform",
            "target",
            "suggested change",
            "risk",
            "confidence",
            "sign-ins",
            "users",
            "mode")) {
      b.append("<th onclick=\"s(this)\">").append(h).append("</th>");
    }
    b.append("</tr></thead><tbody>\n");
    for (Recommendation r : report.recommendations()) {
      b.append("<tr data-risk=\"")
          .append(r.risk().wire())
          .append("\" data-plat=\"")
          .append(escape(r.platform()))
          .append("\"><td>")
          .append(escape(r.type().wire()))
          .append("</td><td>")
          .append(escape(r.platform()))
          .append("</td><td>")
          .append(escape(r.target().name() == null ? r.target().id() : r.target().name()))
          .append("<div class=\"id\">")
          .append(escape(r.target().kind() + " " + r.target().id()))
          .append("</div></td><td>")
          .append(escape(r.suggestedChange()))
          .append("<details><summary>rationale and evidence</summary><p>")
          .append(escape(r.rationale()))
          .append("</p><ul>");
      for (Evidence e : r.evidence()) {
        b.append("<li>").append(escape(e.label())).append(": ").append(escape(text(e.value())));
        if (e.from() != null && e.to() != null) {
          b.append(" (")
              .append(escape(e.from().toString()))
              .append(" – ")
              .append(escape(e.to().toString()))
              .append(")");
        }
        if (!e.sampleEventIds().isEmpty()) {
          b.append("<div class=\"id\">events: ")
              .append(escape(String.join(", ", e.sampleEventIds())))
              .append("</div>");
        }
        b.append("</li>");
      }
      b.append("</ul><div class=\"id\">")
          .append(escape(r.id()))
          .append("</div></details></td><td class=\"risk-")
          .append(r.risk().wire())
          .append("\">")
          .append(r.risk().wire())
          .append("</td><td>")
          .append(String.format(java.util.Locale.ROOT, "%.2f", r.confidence()))
          .append("</td><td>")
          .append(num(r.impact().getOrDefault("signInsAffected", 0.0)))
          .append("</td><td>")
          .append(num(r.impact().getOrDefault("usersAffected", 0.0)))
          .append("</td><td>")
          .append(r.mode().wire())
          .append("</td></tr>\n");
    }
    b.append("</tbody></table>\n");
    if (!report.skipped().isEmpty()) {
      b.append("<h2>Not analyzed</h2><ul>");
      for (Analysis.Skipped sk : report.skipped()) {
        b.append("<li><b>")
            .append(escape(sk.analyzer()))
            .append("</b>: ")
            .append(escape(sk.reason()))
            .append("</li>");
      }
      b.append("</ul>\n");
    }
    if (!report.protectedItems().isEmpty()) {
      b.append("<h2>Protected (guardrails; never recommended)</h2><ul>");
      report
          .protectedItems()
          .forEach(
              p ->
                  b.append("<li>")
                      .append(escape(p.kind()))
                      .append(" ")
                      .append(escape(p.name() == null ? p.id() : p.name()))
                      .append("</li>"));
      b.append("</ul>\n");
    }
    b.append("<script>").append(JS).append("</script></body></html>\n");
    return b.toString();
  }

  private static void policyTable(StringBuilder b, TenantSnapshot s) {
    Map<String, String> names = new HashMap<>();
    s.conditionalAccessPolicies().forEach(p -> names.put(p.id().value(), p.displayName()));
    s.oktaPolicies().forEach(p -> names.put(p.id().value(), p.name()));
    Map<String, Map<PolicyResult, Long>> counts = new TreeMap<>();
    SignInLog log = s.signIns();
    for (int i = 0; i < log.size(); i++) {
      for (LoggedPolicyResult r : log.get(i).policyResults()) {
        counts
            .computeIfAbsent(r.policyId(), k -> new EnumMap<>(PolicyResult.class))
            .merge(r.result(), 1L, Long::sum);
      }
    }
    if (counts.isEmpty()) {
      return;
    }
    b.append("<h2>Policies in the logs</h2>\n<table><thead><tr><th>policy</th><th>evaluated</th>")
        .append("<th>applied (hit)</th><th>not applied</th><th>failure / deny</th>")
        .append(
            "<th>report-only hit</th><th>hit rate</th><th>failure rate of hits</th></tr></thead><tbody>\n");
    for (Map.Entry<String, Map<PolicyResult, Long>> e : counts.entrySet()) {
      Map<PolicyResult, Long> c = e.getValue();
      long total = c.values().stream().mapToLong(Long::longValue).sum();
      long fail = c.getOrDefault(PolicyResult.FAILURE, 0L) + c.getOrDefault(PolicyResult.DENY, 0L);
      long hit =
          c.getOrDefault(PolicyResult.SUCCESS, 0L)
              + fail
              + c.getOrDefault(PolicyResult.ALLOW, 0L)
              + c.getOrDefault(PolicyResult.CHALLENGE, 0L);
      long roHit =
          c.getOrDefault(PolicyResult.REPORT_ONLY_SUCCESS, 0L)
              + c.getOrDefault(PolicyResult.REPORT_ONLY_FAILURE, 0L)
              + c.getOrDefault(PolicyResult.REPORT_ONLY_INTERRUPTED, 0L);
      long notApplied =
          c.getOrDefault(PolicyResult.NOT_APPLIED, 0L)
              + c.getOrDefault(PolicyResult.REPORT_ONLY_NOT_APPLIED, 0L);
      b.append("<tr><td>")
          .append(escape(names.getOrDefault(e.getKey(), e.getKey())))
          .append("<div class=\"id\">")
          .append(escape(e.getKey()))
          .append("</div></td><td>")
          .append(total)
          .append("</td><td>")
          .append(hit)
          .append("</td><td>")
          .append(notApplied)
          .append("</td><td>")
          .append(fail)
          .append("</td><td>")
          .append(roHit)
          .append("</td><td>")
          .append(pct(hit + roHit, total))
          .append("</td><td>")
          .append(pct(fail, hit))
          .append("</td></tr>\n");
    }
    b.append("</tbody></table>\n");
  }

  private static String pct(long a, long b) {
    return b == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * a / b);
  }

  private static void card(StringBuilder b, String label, String value) {
    b.append("<div class=\"card\"><div class=\"v\">")
        .append(escape(value))
        .append("</div><div class=\"l\">")
        .append(escape(label))
        .append("</div></div>");
  }

  private static String num(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static String text(JsonValue v) {
    if (v instanceof JsonValue.Str s) {
      return s.value();
    }
    if (v instanceof JsonValue.Num n) {
      return num(n.value());
    }
    if (v instanceof JsonValue.Bool bo) {
      return String.valueOf(bo.value());
    }
    if (v instanceof JsonValue.Arr a) {
      return String.join(", ", a.items().stream().map(HtmlReport::text).toList());
    }
    return v.toString();
  }

  /** Escapes text for HTML element content and attribute values. */
  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final String CSS =
      "body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1d2330;max-width:1400px}"
          + "h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #dde}"
          + ".meta{color:#556}.cards{display:flex;flex-wrap:wrap;gap:.6em}"
          + ".card{border:1px solid #dde;border-radius:6px;padding:.5em 1em;min-width:7em}"
          + ".card .v{font-size:1.4em;font-weight:600}.card .l{color:#667;font-size:.85em}"
          + ".tag{background:#eef;border-radius:4px;padding:2px 6px;font-size:.85em}"
          + "table{border-collapse:collapse;width:100%;margin-top:.5em}"
          + "th,td{border-bottom:1px solid #e4e6ee;padding:6px 8px;text-align:left;vertical-align:top}"
          + "th{background:#f4f5fa;cursor:pointer;user-select:none}"
          + ".id{color:#889;font-size:.8em;font-family:monospace;word-break:break-all}"
          + ".risk-low{color:#1b7a3a}.risk-medium{color:#a66300}.risk-high{color:#b00020;font-weight:600}"
          + ".filters input,.filters select{padding:4px;margin-right:.4em}";

  private static final String JS =
      "function f(){var q=document.getElementById('q').value.toLowerCase(),"
          + "r=document.getElementById('risk').value,p=document.getElementById('plat').value;"
          + "document.querySelectorAll('#recs tbody tr').forEach(function(t){"
          + "var ok=(!q||t.textContent.toLowerCase().indexOf(q)>=0)&&(!r||t.dataset.risk==r)"
          + "&&(!p||t.dataset.plat==p);t.style.display=ok?'':'none';});}"
          + "function s(h){var t=h.closest('table'),i=Array.prototype.indexOf.call(h.parentNode.children,h),"
          + "b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows),d=h.dataset.d=h.dataset.d=='a'?'d':'a';"
          + "rows.sort(function(x,y){var a=x.cells[i].textContent,c=y.cells[i].textContent,"
          + "na=parseFloat(a),nc=parseFloat(c),v=(!isNaN(na)&&!isNaN(nc))?na-nc:a.localeCompare(c);"
          + "return d=='a'?v:-v;});rows.forEach(function(r){b.appendChild(r);});}";
}
