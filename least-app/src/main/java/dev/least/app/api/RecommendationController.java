package dev.least.app.api;

import dev.least.app.config.SecurityConfig;
import dev.least.app.store.Comment;
import dev.least.app.store.Page;
import dev.least.app.store.Ranking;
import dev.least.app.store.RecommendationEvent;
import dev.least.app.store.RecommendationFilter;
import dev.least.app.store.RecommendationRepository;
import dev.least.app.store.RecommendationSummary;
import dev.least.app.store.StoredRecommendation;
import dev.least.app.workflow.Action;
import dev.least.app.workflow.Actor;
import dev.least.app.workflow.RecommendationState;
import dev.least.app.workflow.Role;
import dev.least.app.workflow.TransitionResult;
import dev.least.app.workflow.Workflow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recommendations: list (paging; filters type, platform, state, risk, tenant; ranked by adjusted
 * confidence × risk weight unless {@code sort=id}), detail, events, comments, transitions, and the
 * recorded patch. "Apply" records the approved patch for export (JSON); sending it to the vendor
 * arrives with the live connectors.
 */
@RestController
@RequestMapping("/api/v1/recommendations")
public class RecommendationController {
  static final int MAX_PAGE_SIZE = 500;
  private static final Set<String> RISKS = Set.of("low", "medium", "high");

  private final RecommendationRepository recommendations;
  private final Workflow workflow;
  private final Clock clock;

  public RecommendationController(
      RecommendationRepository recommendations, Workflow workflow, Clock clock) {
    this.recommendations = recommendations;
    this.workflow = workflow;
    this.clock = clock;
  }

  /**
   * A page of recommendations, ranked ({@code sort=rank}, the default: rank score descending, then
   * id) or in import order ({@code sort=id}). {@code total} counts matches up to {@value
   * RecommendationRepository#COUNT_LIMIT}; {@code totalExact} false means at least that many match.
   * {@code hasMore} says whether rows follow this page; in id order {@code nextAfter}, when
   * present, is the {@code after} value that fetches the next page (the ranked list pages by {@code
   * page}).
   */
  public record PageView(
      List<RecommendationView> items,
      int page,
      int size,
      long total,
      boolean totalExact,
      boolean hasMore,
      @Nullable Long nextAfter) {}

  @GetMapping
  PageView list(
      @RequestParam(required = false) @Nullable String tenant,
      @RequestParam(required = false) @Nullable String type,
      @RequestParam(required = false) @Nullable String platform,
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable String risk,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam(defaultValue = "rank") String sort,
      @RequestParam(required = false) @Nullable Long after) {
    if (page < 0) {
      throw new IllegalArgumentException("page must be >= 0 but was " + page);
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "size must be between 1 and " + MAX_PAGE_SIZE + " but was " + size);
    }
    RecommendationRepository.Sort order =
        switch (sort) {
          case "rank" -> RecommendationRepository.Sort.RANK;
          case "id" -> RecommendationRepository.Sort.ID;
          default ->
              throw new IllegalArgumentException("Expected sort rank or id but was '" + sort + "'");
        };
    if (after != null && order != RecommendationRepository.Sort.ID) {
      throw new IllegalArgumentException(
          "after (keyset paging) works in id order only: add sort=id, or page the ranked list"
              + " (sort=rank, the default) with page=");
    }
    if (after != null && (after < 0 || page != 0)) {
      throw new IllegalArgumentException(
          "after must be an id >= 0 and cannot be combined with page, but were after="
              + after
              + ", page="
              + page);
    }
    if (risk != null && !RISKS.contains(risk)) {
      throw new IllegalArgumentException(
          "Expected risk low, medium or high but was '" + risk + "'");
    }
    RecommendationFilter f =
        new RecommendationFilter(
            tenant,
            type,
            platform,
            state == null ? null : RecommendationState.fromWire(state),
            risk);
    Page<RecommendationSummary> p =
        after == null
            ? recommendations.page(f, page, size, order)
            : recommendations.pageAfter(f, after, size);
    List<RecommendationSummary> items = p.items();
    return new PageView(
        items.stream().map(RecommendationView::summary).toList(),
        p.page(),
        p.size(),
        p.total(),
        p.totalExact(),
        p.hasMore(),
        p.hasMore() && order == RecommendationRepository.Sort.ID
            ? items.get(items.size() - 1).id()
            : null);
  }

  @GetMapping("/{id}")
  ResponseEntity<RecommendationView> get(@PathVariable long id) {
    StoredRecommendation r = find(id);
    return ResponseEntity.ok()
        .eTag("\"" + r.version() + "\"")
        .body(RecommendationView.detail(r, recommendations.approvers(id), ranking(id)));
  }

  @GetMapping("/{id}/events")
  List<RecommendationEvent> events(@PathVariable long id) {
    find(id);
    return recommendations.events(id);
  }

  @GetMapping("/{id}/comments")
  List<Comment> comments(@PathVariable long id) {
    find(id);
    return recommendations.comments(id);
  }

  /** A comment's text. */
  public record CommentRequest(@NotBlank @Size(max = 10_000) String body) {}

  @PostMapping("/{id}/comments")
  ResponseEntity<Comment> comment(
      @PathVariable long id, @Valid @RequestBody CommentRequest req, Authentication auth) {
    find(id);
    return ResponseEntity.status(201)
        .body(recommendations.addComment(id, auth.getName(), clock.instant(), req.body()));
  }

  /**
   * A transition: {@code action} one of approve, reject, defer, reopen, apply, fail, rollback;
   * {@code version} the version the caller decided on (optimistic locking); {@code reasonCode} the
   * feedback reason of an approval ({@code accepted}) or rejection ({@code false_positive}, {@code
   * business_need}, {@code already_handled}, {@code unspecified}).
   */
  public record TransitionRequest(
      @NotBlank String action,
      @NotNull Integer version,
      @Nullable @Size(max = 10_000) String comment,
      @Nullable @Size(max = 30) String reasonCode) {}

  /** The result of a transition. */
  public record TransitionView(RecommendationView recommendation, int approvalsNeeded) {}

  @PostMapping("/{id}/transitions")
  TransitionView transition(
      @PathVariable long id, @Valid @RequestBody TransitionRequest req, Authentication auth) {
    Role role = SecurityConfig.role(auth);
    TransitionResult r =
        workflow.perform(
            id,
            Action.fromWire(req.action()),
            new Actor(auth.getName(), role),
            req.version(),
            req.comment(),
            req.reasonCode());
    return new TransitionView(
        RecommendationView.detail(r.recommendation(), r.approvers(), ranking(id)),
        r.approvalsNeeded());
  }

  private @Nullable Ranking ranking(long id) {
    return recommendations.rankings(List.of(id)).get(id);
  }

  /**
   * The patch recorded when the recommendation was applied, as JSON for export. Not sent to any
   * vendor yet: live apply arrives with the connectors.
   */
  @GetMapping(value = "/{id}/patch", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> patch(@PathVariable long id) {
    StoredRecommendation r = find(id);
    if (r.appliedPatch() == null) {
      throw new ApiProblems.NotFound(
          "recommendation " + id + " has no recorded patch (state " + r.state().wire() + ")");
    }
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + r.key() + "-patch.json\"")
        .body(r.appliedPatch());
  }

  private StoredRecommendation find(long id) {
    return recommendations
        .find(id)
        .orElseThrow(() -> new ApiProblems.NotFound("no recommendation " + id));
  }
}
