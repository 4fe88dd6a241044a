package dev.least.app.web;

import dev.least.app.audit.AuditLog;
import dev.least.app.config.SecurityConfig;
import dev.least.app.store.Page;
import dev.least.app.store.RecommendationFilter;
import dev.least.app.store.RecommendationRepository;
import dev.least.app.store.RecommendationRepository.CountColumn;
import dev.least.app.store.RecommendationSummary;
import dev.least.app.store.StoredRecommendation;
import dev.least.app.store.TenantRepository;
import dev.least.app.workflow.Action;
import dev.least.app.workflow.Actor;
import dev.least.app.workflow.RecommendationState;
import dev.least.app.workflow.Role;
import dev.least.app.workflow.TransitionRefused;
import dev.least.app.workflow.TransitionResult;
import dev.least.app.workflow.Workflow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The recommendations list (filters and paging; htmx swaps only the results) and one
 * recommendation's page with its rationale, evidence, impact, patch, comments, audit history and
 * the workflow actions the signed-in user's role allows. Actions go through the same {@link
 * Workflow} as the API, so the two-person rule, guardrails and optimistic locking hold here too.
 */
@Controller
public class RecommendationPages {
  static final int PAGE_SIZE = 25;

  private final RecommendationRepository recommendations;
  private final TenantRepository tenants;
  private final Workflow workflow;
  private final AuditLog audit;
  private final Clock clock;

  public RecommendationPages(
      RecommendationRepository recommendations,
      TenantRepository tenants,
      Workflow workflow,
      AuditLog audit,
      Clock clock) {
    this.recommendations = recommendations;
    this.tenants = tenants;
    this.workflow = workflow;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/recommendations")
  String list(
      @RequestParam(required = false) @Nullable String tenant,
      @RequestParam(required = false) @Nullable String type,
      @RequestParam(required = false) @Nullable String platform,
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable String risk,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      @RequestHeader(name = "HX-History-Restore-Request", required = false)
          @Nullable String historyRestore,
      Model model) {
    RecommendationFilter f =
        new RecommendationFilter(
            blankToNull(tenant),
            blankToNull(type),
            blankToNull(platform),
            blankToNull(state) == null ? null : RecommendationState.fromWire(state.trim()),
            blankToNull(risk));
    // offset paging reaches MAX_OFFSET_ROWS deep: a deeper page= shows the last reachable page
    int reachable = RecommendationRepository.MAX_OFFSET_ROWS / PAGE_SIZE - 1;
    Page<RecommendationSummary> p =
        recommendations.page(f, Math.min(Math.max(page, 0), reachable), PAGE_SIZE);
    model.addAttribute("filter", f);
    model.addAttribute("state", f.state() == null ? "" : f.state().wire());
    model.addAttribute("page", p);
    model.addAttribute("pages", Math.max(1, (p.total() + PAGE_SIZE - 1) / PAGE_SIZE));
    model.addAttribute("reachable", reachable);
    model.addAttribute("tenants", tenants.all());
    model.addAttribute("types", recommendations.distinct(CountColumn.TYPE));
    model.addAttribute("platforms", recommendations.distinct(CountColumn.PLATFORM));
    model.addAttribute(
        "states", Arrays.stream(RecommendationState.values()).map(RecommendationState::wire));
    model.addAttribute("risks", List.of("low", "medium", "high"));
    // htmx swaps only the results; a history restore needs the whole page
    return htmx != null && historyRestore == null
        ? "recommendations :: results"
        : "recommendations";
  }

  @GetMapping("/recommendations/{id}")
  String detail(@PathVariable long id, Authentication auth, Model model) {
    StoredRecommendation r = find(id);
    Role role = SecurityConfig.role(auth);
    Map<String, Object> body = OverviewPage.JSON.readValue(r.bodyJson(), Map.class);
    List<String> approvers = recommendations.approvers(id);
    model.addAttribute("rec", r);
    model.addAttribute("body", body);
    model.addAttribute("patchJson", patchJson(body.get("patch")));
    model.addAttribute("approvers", approvers);
    model.addAttribute("approvalsNeeded", "high".equals(r.risk()) ? 2 : 1);
    model.addAttribute("events", recommendations.events(id));
    model.addAttribute("comments", recommendations.comments(id));
    model.addAttribute("history", audit.rowsAbout("recommendation", Long.toString(id)));
    model.addAttribute("actions", allowed(r, role));
    model.addAttribute("canComment", role.atLeast(Role.ANALYST));
    model.addAttribute("self", auth.getName().equals(r.requestedBy()));
    tenants.find(r.tenantId()).ifPresent(t -> model.addAttribute("tenant", t));
    return "recommendation";
  }

  /** An action button: what it does and whether it needs a reason. */
  public record ActionChoice(String wire, String label, boolean needsComment) {}

  /** The actions legal from the current state that the role may take. */
  static List<ActionChoice> allowed(StoredRecommendation r, Role role) {
    List<ActionChoice> out = new ArrayList<>();
    for (Action a : Action.values()) {
      if (role.atLeast(a.minimumRole()) && r.state().canMoveTo(a.target())) {
        String label =
            a.wire().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + a.wire().substring(1);
        out.add(new ActionChoice(a.wire(), label, a.needsComment()));
      }
    }
    return out;
  }

  @PostMapping("/recommendations/{id}/transitions")
  String transition(
      @PathVariable long id,
      @RequestParam String action,
      @RequestParam int version,
      @RequestParam(required = false) @Nullable String comment,
      Authentication auth,
      RedirectAttributes flash) {
    try {
      TransitionResult r =
          workflow.perform(
              id,
              Action.fromWire(action),
              new Actor(auth.getName(), SecurityConfig.role(auth)),
              version,
              blankToNull(comment));
      flash.addFlashAttribute(
          "notice",
          r.approvalsNeeded() > 0
              ? "Approval recorded; " + r.approvalsNeeded() + " more approver needed."
              : "Done: the recommendation is now " + r.recommendation().state().wire() + ".");
    } catch (TransitionRefused | IllegalArgumentException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/recommendations/" + id;
  }

  @PostMapping("/recommendations/{id}/comments")
  String comment(
      @PathVariable long id,
      @RequestParam String body,
      Authentication auth,
      RedirectAttributes flash) {
    find(id);
    if (body.isBlank() || body.length() > 10_000) {
      flash.addFlashAttribute("error", "A comment needs between 1 and 10,000 characters.");
    } else {
      recommendations.addComment(id, auth.getName(), clock.instant(), body.trim());
      flash.addFlashAttribute("notice", "Comment added.");
    }
    return "redirect:/recommendations/" + id;
  }

  private StoredRecommendation find(long id) {
    return recommendations.find(id).orElseThrow(() -> new PageNotFound("no recommendation " + id));
  }

  private static @Nullable String patchJson(@Nullable Object patch) {
    return patch == null
        ? null
        : OverviewPage.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(patch);
  }

  static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
