package dev.least.app.web;

import dev.least.app.store.AnalysisRun;
import dev.least.app.store.RecommendationRepository;
import dev.least.app.store.RecommendationRepository.CountColumn;
import dev.least.app.store.SnapshotRepository;
import dev.least.app.store.Tenant;
import dev.least.app.store.TenantRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The overview of one tenant's latest analysis: recommendations by type, risk and state, the
 * per-policy hit and challenge rates of the sign-in log (a chart), and the users the
 * recommendations touch most.
 */
@Controller
public class OverviewPage {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final TenantRepository tenants;
  private final SnapshotRepository snapshots;
  private final RecommendationRepository recommendations;

  public OverviewPage(
      TenantRepository tenants,
      SnapshotRepository snapshots,
      RecommendationRepository recommendations) {
    this.tenants = tenants;
    this.snapshots = snapshots;
    this.recommendations = recommendations;
  }

  /** One row of the policy table and chart. */
  public record PolicyRow(
      String policyId,
      String name,
      String platform,
      long signIns,
      long hits,
      long challenges,
      double hitRate,
      double challengeRate) {}

  @GetMapping("/")
  String overview(@RequestParam(required = false) @Nullable String tenant, Model model) {
    List<Tenant> all = tenants.all();
    model.addAttribute("tenants", all);
    if (all.isEmpty()) {
      return "overview";
    }
    Tenant chosen =
        tenant == null
            ? all.get(0)
            : tenants.find(tenant).orElseThrow(() -> new PageNotFound("no tenant named " + tenant));
    model.addAttribute("tenant", chosen);
    snapshots
        .latestRun(chosen.id())
        .ifPresent(
            run -> {
              model.addAttribute("run", run);
              snapshots.find(run.snapshotId()).ifPresent(s -> model.addAttribute("snapshot", s));
              model.addAttribute("byType", recommendations.countBy(run.id(), CountColumn.TYPE));
              model.addAttribute("byRisk", recommendations.countBy(run.id(), CountColumn.RISK));
              model.addAttribute("byState", recommendations.countBy(run.id(), CountColumn.STATE));
              addOverview(run, model);
            });
    return "overview";
  }

  private static void addOverview(AnalysisRun run, Model model) {
    JsonNode overview = JSON.readTree(run.summaryJson()).path("overview");
    List<PolicyRow> policies = new ArrayList<>();
    for (JsonNode p : overview.path("policies")) {
      long signIns = p.path("signIns").asLong();
      long hits = p.path("hits").asLong();
      long challenges = p.path("challenges").asLong();
      policies.add(
          new PolicyRow(
              p.path("policyId").asString(),
              p.path("name").asString(),
              p.path("platform").asString(),
              signIns,
              hits,
              challenges,
              signIns == 0 ? 0 : (double) hits / signIns,
              signIns == 0 ? 0 : (double) challenges / signIns));
    }
    model.addAttribute("hasOverview", !overview.isMissingNode());
    model.addAttribute("policies", policies);
    model.addAttribute("policyChart", JSON.writeValueAsString(chart(policies)));
    List<Map<String, Object>> users = new ArrayList<>();
    for (JsonNode u : overview.path("topUsers")) {
      users.add(
          Map.of("user", u.path("user").asString(), "count", u.path("recommendations").asLong()));
    }
    model.addAttribute("topUsers", users);
  }

  /** The chart's data, read by dashboard.js from a data attribute (no inline script: CSP). */
  private static Map<String, Object> chart(List<PolicyRow> policies) {
    List<PolicyRow> shown = policies.stream().filter(p -> p.signIns() > 0).limit(20).toList();
    return Map.of(
        "names", shown.stream().map(PolicyRow::name).toList(),
        "hitRates", shown.stream().map(p -> pct(p.hitRate())).toList(),
        "challengeRates", shown.stream().map(p -> pct(p.challengeRate())).toList());
  }

  private static double pct(double rate) {
    return Math.round(rate * 1000) / 10.0;
  }
}
