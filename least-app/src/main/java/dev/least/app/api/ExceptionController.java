package dev.least.app.api;

import dev.least.app.config.SecurityConfig;
import dev.least.app.store.ExceptionEvent;
import dev.least.app.store.ExceptionFilter;
import dev.least.app.store.Page;
import dev.least.app.store.PolicyExceptionRepository;
import dev.least.app.store.StoredException;
import dev.least.app.store.Tenant;
import dev.least.app.store.TenantRepository;
import dev.least.app.workflow.Actor;
import dev.least.app.workflow.ExceptionState;
import dev.least.app.workflow.ExceptionWorkflow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Policy exception requests: ask (any signed-in user), list and read (viewer), decide (the manager
 * or the security team, as routed; revoke needs approver), the recorded patch and its revert, and
 * an expiry pass (admin). The exclusion is recorded, not sent: live apply arrives with the
 * connectors.
 */
@RestController
@RequestMapping("/api/v1/exceptions")
@Tag(
    name = "Policy exceptions",
    description = "Time-boxed exclusions from a policy, scored and routed")
public class ExceptionController {
  private static final Set<String> PLATFORMS = Set.of("entra", "okta");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ExceptionWorkflow workflow;
  private final PolicyExceptionRepository exceptions;
  private final TenantRepository tenants;

  public ExceptionController(
      ExceptionWorkflow workflow, PolicyExceptionRepository exceptions, TenantRepository tenants) {
    this.workflow = workflow;
    this.exceptions = exceptions;
    this.tenants = tenants;
  }

  /**
   * A request: exclude {@code subject} (account id or login) from {@code policy} (id or name) on
   * {@code platform} (entra, okta), optionally only from an Okta {@code rule}, for {@code
   * durationDays}, because {@code reason}. {@code tenant} may be left out when there is one.
   */
  public record ExceptionRequest(
      @Nullable @Size(max = 200) String tenant,
      @NotBlank String platform,
      @NotBlank @Size(max = 400) String policy,
      @Nullable @Size(max = 400) String rule,
      @NotBlank @Size(max = 400) String subject,
      @NotBlank @Size(max = 4000) String reason,
      @NotNull Integer durationDays) {}

  /** A page of exceptions. */
  public record PageView(List<ExceptionView> items, int page, int size, long total) {}

  @PostMapping
  @Operation(
      summary = "Request an exception",
      description =
          "Scores the request from the tenant's latest snapshot and routes it: low risk within the"
              + " limits is approved and active at once, medium risk goes to the person's manager"
              + " (HR), high risk to the security team. A protected policy is refused (403"
              + " guardrail).")
  ResponseEntity<ExceptionView> request(
      @Valid @RequestBody ExceptionRequest req, Authentication auth) {
    if (!PLATFORMS.contains(req.platform())) {
      throw new IllegalArgumentException(
          "Expected platform entra or okta but was '" + req.platform() + "'");
    }
    StoredException e =
        workflow.request(
            new ExceptionWorkflow.Request(
                tenant(req.tenant()),
                req.platform(),
                req.policy(),
                req.rule() == null || req.rule().isBlank() ? null : req.rule(),
                req.subject(),
                req.reason(),
                req.durationDays()),
            new Actor(auth.getName(), SecurityConfig.role(auth)));
    return ResponseEntity.status(201).body(ExceptionView.of(e));
  }

  private String tenant(@Nullable String name) {
    if (name != null && !name.isBlank()) {
      return name.trim();
    }
    List<Tenant> all = tenants.all();
    if (all.size() != 1) {
      throw new IllegalArgumentException(
          "tenant is required: the server has " + all.size() + " tenants");
    }
    return all.get(0).name();
  }

  @GetMapping
  @Operation(
      summary =
          "List exceptions, newest first; filters tenant, state, platform, policy, subject, requester")
  PageView list(
      @RequestParam(required = false) @Nullable String tenant,
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable String platform,
      @RequestParam(required = false) @Nullable String policy,
      @RequestParam(required = false) @Nullable String subject,
      @RequestParam(required = false) @Nullable String requester,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0) {
      throw new IllegalArgumentException("page must be >= 0 but was " + page);
    }
    if (size < 1 || size > RecommendationController.MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "size must be between 1 and "
              + RecommendationController.MAX_PAGE_SIZE
              + " but was "
              + size);
    }
    if (platform != null && !PLATFORMS.contains(platform)) {
      throw new IllegalArgumentException(
          "Expected platform entra or okta but was '" + platform + "'");
    }
    Page<StoredException> p =
        exceptions.page(
            new ExceptionFilter(
                tenant,
                state == null ? null : ExceptionState.fromWire(state),
                platform,
                policy,
                subject,
                requester),
            page,
            size);
    return new PageView(
        p.items().stream().map(ExceptionView::of).toList(), p.page(), p.size(), p.total());
  }

  @GetMapping("/{id}")
  @Operation(summary = "One exception with its risk breakdown; ETag is the version")
  ResponseEntity<ExceptionView> get(@PathVariable long id) {
    StoredException e = find(id);
    return ResponseEntity.ok().eTag("\"" + e.version() + "\"").body(ExceptionView.of(e));
  }

  @GetMapping("/{id}/events")
  @Operation(summary = "The exception's state changes")
  List<ExceptionEvent> events(@PathVariable long id) {
    find(id);
    return exceptions.events(id);
  }

  @GetMapping("/{id}/patch")
  @Operation(
      summary = "The recorded exclusion patch and its revert",
      description =
          "Recorded for export; not sent to the vendor (live apply arrives with the connectors)")
  JsonNode patch(@PathVariable long id) {
    StoredException e = find(id);
    ObjectNode n = JSON.createObjectNode();
    n.put("exception", e.id());
    n.put("state", e.state().wire());
    n.set("grant", JSON.readTree(e.patchJson()));
    n.set("revert", JSON.readTree(e.revertPatchJson()));
    return n;
  }

  /**
   * A decision: {@code action} approve, reject (comment required) or revoke (comment required);
   * {@code version} the version the caller decided on.
   */
  public record DecisionRequest(
      @NotBlank String action,
      @NotNull Integer version,
      @Nullable @Size(max = 10_000) String comment) {}

  @PostMapping("/{id}/transitions")
  @Operation(
      summary = "Approve, reject or revoke",
      description =
          "Pending-manager requests are decided by the manager, pending-security ones by the"
              + " approver role; nobody decides on their own request or their own exception"
              + " (403 self-approval). Revoke needs approver.")
  ExceptionView decide(
      @PathVariable long id, @Valid @RequestBody DecisionRequest req, Authentication auth) {
    return ExceptionView.of(
        workflow.decide(
            id,
            ExceptionWorkflow.Decision.fromWire(req.action()),
            new Actor(auth.getName(), SecurityConfig.role(auth)),
            req.version(),
            req.comment()));
  }

  /** The ids an expiry pass expired. */
  public record ExpiryView(List<Long> expired) {}

  @PostMapping("/expire")
  @Operation(
      summary = "Expire due exceptions now (admin)",
      description =
          "The scheduled expiry pass, run at once with the server's clock; each expiry records the"
              + " automatic revert in the audit trail with actor system.")
  ExpiryView expire() {
    return new ExpiryView(workflow.expireDue());
  }

  private StoredException find(long id) {
    return exceptions.find(id).orElseThrow(() -> new ApiProblems.NotFound("no exception " + id));
  }
}
