package dev.least.app.workflow;

import static java.util.Objects.requireNonNull;

import dev.least.app.audit.AuditEntry;
import dev.least.app.audit.AuditLog;
import dev.least.app.store.AnalysisRun;
import dev.least.app.store.RecommendationRepository;
import dev.least.app.store.SnapshotRepository;
import dev.least.app.store.StoredRecommendation;
import dev.least.app.store.StoredSnapshot;
import dev.least.app.store.TenantRepository;
import dev.least.recommend.FeedbackModel;
import dev.least.recommend.FeedbackReason;
import dev.least.recommend.Ref;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves recommendations through their legal transitions. Each call is one transaction: the checks
 * (role, legal move, two-person rule, guardrails), a compare-and-set on the row's version, the
 * event and the audit row commit together, or nothing does.
 *
 * <p>Two-person rule: the requester (who imported the snapshot the recommendation came from) can
 * never approve it; a high-risk recommendation needs two distinct approvers, neither of them the
 * requester. A stale {@code expectedVersion} is refused, so of two concurrent decisions only the
 * first lands and nothing is applied twice.
 */
public final class Workflow {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RecommendationRepository recommendations;
  private final SnapshotRepository snapshots;
  private final TenantRepository tenants;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  public Workflow(
      RecommendationRepository recommendations,
      SnapshotRepository snapshots,
      TenantRepository tenants,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock) {
    this.recommendations = requireNonNull(recommendations, "recommendations");
    this.snapshots = requireNonNull(snapshots, "snapshots");
    this.tenants = requireNonNull(tenants, "tenants");
    this.audit = requireNonNull(audit, "audit");
    this.tx = requireNonNull(tx, "tx");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Performs {@code action} on recommendation {@code id} seen at {@code expectedVersion}. */
  public TransitionResult perform(
      long id, Action action, Actor actor, int expectedVersion, @Nullable String comment) {
    return perform(id, action, actor, expectedVersion, comment, null);
  }

  /**
   * Performs {@code action} with a feedback reason code: approvals are {@code accepted} (the
   * default), rejections any other code ({@code unspecified} by default). The decision and its code
   * feed the feedback model that adjusts later recommendations of the same kind.
   */
  public TransitionResult perform(
      long id,
      Action action,
      Actor actor,
      int expectedVersion,
      @Nullable String comment,
      @Nullable String reasonCode) {
    FeedbackReason reason = reason(action, reasonCode);
    TransitionResult r =
        tx.execute(status -> doPerform(id, action, actor, expectedVersion, comment, reason));
    return requireNonNull(r, "result");
  }

  private static @Nullable FeedbackReason reason(Action action, @Nullable String reasonCode) {
    switch (action) {
      case APPROVE:
        FeedbackReason a = FeedbackReason.fromWire(reasonCode, FeedbackReason.ACCEPTED);
        if (!a.accepts()) {
          throw new IllegalArgumentException(
              "an approval's reason code is accepted, not '" + reasonCode + "'");
        }
        return a;
      case REJECT:
        FeedbackReason r = FeedbackReason.fromWire(reasonCode, FeedbackReason.UNSPECIFIED);
        if (r.accepts()) {
          throw new IllegalArgumentException(
              "a rejection's reason code is false_positive, business_need, already_handled or"
                  + " unspecified, not 'accepted'");
        }
        return r;
      default:
        if (reasonCode != null && !reasonCode.isBlank()) {
          throw new IllegalArgumentException(
              "a reason code goes with approve or reject, not " + action.wire());
        }
        return null;
    }
  }

  private TransitionResult doPerform(
      long id,
      Action action,
      Actor actor,
      int expectedVersion,
      @Nullable String comment,
      @Nullable FeedbackReason reason) {
    StoredRecommendation rec =
        recommendations
            .find(id)
            .orElseThrow(
                () ->
                    new TransitionRefused(
                        TransitionRefused.Reason.NOT_FOUND, "no recommendation " + id));
    if (!actor.role().atLeast(action.minimumRole())) {
      throw new TransitionRefused(
          TransitionRefused.Reason.ROLE,
          action.wire() + " needs the role " + action.minimumRole().wire() + " or above");
    }
    if (action.needsComment() && (comment == null || comment.isBlank())) {
      throw new TransitionRefused(
          TransitionRefused.Reason.COMMENT_REQUIRED,
          action.wire() + " needs a comment (the reason)");
    }
    if (rec.version() != expectedVersion) {
      throw stale(rec, expectedVersion);
    }
    if (!rec.state().canMoveTo(action.target())) {
      throw new TransitionRefused(
          TransitionRefused.Reason.ILLEGAL_TRANSITION,
          "cannot "
              + action.wire()
              + " a recommendation that is "
              + rec.state().wire()
              + " (it may move to "
              + rec.state().next().stream().map(RecommendationState::wire).toList()
              + ")");
    }
    if (action == Action.APPROVE || action == Action.REJECT) {
      // before any row lock: decisions re-rank open rows of the tenant (see reRank)
      tenants.lockForDecision(rec.tenantId());
    }
    Provenance p = provenance(rec);
    Instant now = clock.instant();
    switch (action) {
      case APPROVE:
        return approve(rec, actor, comment, p, now, reason);
      case APPLY:
        return apply(rec, actor, comment, p, now);
      case REOPEN:
        recommendations.clearApprovals(rec.id());
        return move(rec, action.target(), actor, comment, p, now, null, null);
      default:
        return move(rec, action.target(), actor, comment, p, now, null, reason);
    }
  }

  private TransitionResult approve(
      StoredRecommendation rec,
      Actor actor,
      @Nullable String comment,
      Provenance p,
      Instant now,
      @Nullable FeedbackReason reason) {
    if (rec.requestedBy().equals(actor.name())) {
      throw new TransitionRefused(
          TransitionRefused.Reason.SELF_APPROVAL,
          actor.name() + " requested this change and cannot approve it (two-person rule)");
    }
    guard(rec, "approve");
    List<String> approvers = recommendations.approvers(rec.id());
    if (approvers.contains(actor.name())) {
      throw new TransitionRefused(
          TransitionRefused.Reason.DUPLICATE_APPROVAL, actor.name() + " already approved this");
    }
    int needed = "high".equals(rec.risk()) ? 2 : 1;
    if (approvers.size() + 1 < needed) {
      if (!recommendations.touch(rec.id(), rec.version(), now)) {
        throw stale(rec, rec.version());
      }
      recommendations.addApproval(rec.id(), actor.name(), now);
      recommendations.addEvent(rec.id(), rec.state(), rec.state(), actor.name(), now, comment);
      audit.append(
          entry(
              actor,
              "approval",
              rec,
              rec.state(),
              rec.state(),
              p,
              "approval " + (approvers.size() + 1) + " of " + needed + reason(comment)));
      StoredRecommendation after = reload(rec.id());
      return new TransitionResult(
          after, recommendations.approvers(rec.id()), needed - approvers.size() - 1);
    }
    TransitionResult r =
        move(rec, RecommendationState.APPROVED, actor, comment, p, now, null, reason);
    recommendations.addApproval(rec.id(), actor.name(), now);
    return new TransitionResult(r.recommendation(), recommendations.approvers(rec.id()), 0);
  }

  private TransitionResult apply(
      StoredRecommendation rec, Actor actor, @Nullable String comment, Provenance p, Instant now) {
    guard(rec, "apply");
    String patch = patchOf(rec);
    TransitionResult applying =
        move(rec, RecommendationState.APPLYING, actor, comment, p, now, patch, null);
    return move(
        applying.recommendation(),
        RecommendationState.APPLIED,
        actor,
        "patch recorded for export; not sent to the vendor (live apply arrives with the connectors)",
        p,
        now,
        null,
        null);
  }

  private TransitionResult move(
      StoredRecommendation rec,
      RecommendationState to,
      Actor actor,
      @Nullable String comment,
      Provenance p,
      Instant now,
      @Nullable String appliedPatch,
      @Nullable FeedbackReason reason) {
    if (!recommendations.moveState(rec.id(), rec.state(), rec.version(), to, now, appliedPatch)) {
      throw stale(rec, rec.version());
    }
    recommendations.addEvent(rec.id(), rec.state(), to, actor.name(), now, comment, reason);
    String rationale =
        reason == null
            ? comment
            : "[" + reason.wire() + "]" + (comment == null ? "" : " " + comment);
    audit.append(entry(actor, "transition", rec, rec.state(), to, p, rationale));
    if (reason != null
        && (to == RecommendationState.APPROVED || to == RecommendationState.REJECTED)) {
      reRank(rec, reason);
    }
    return new TransitionResult(reload(rec.id()), recommendations.approvers(rec.id()), 0);
  }

  /**
   * After a decision (final approval or rejection) on {@code decided}, in the same transaction:
   * refits the tenant's feedback model (which now counts this decision) and stores the new
   * adjustment of every open (proposed, deferred) recommendation of the same tenant, type and
   * target pattern, so lists rank them by it at once. Reads one index range ({@code
   * recommendations_open_pattern}) and updates those rows by primary key; other patterns of the
   * type (whose type rate moved too) keep their adjustment until a decision on their pattern.
   * Returns how many rows were re-ranked.
   */
  int reRank(StoredRecommendation decided, FeedbackReason reason) {
    if (reason.acceptance() == 0 && reason.rejection() == 0) {
      return 0; // already_handled counts for nothing: no rate moves
    }
    String pattern = FeedbackModel.pattern(decided.targetKind(), decided.targetName());
    List<RecommendationRepository.OpenRow> open =
        recommendations.openOfPattern(decided.tenantId(), decided.type(), pattern);
    if (open.isEmpty()) {
      return 0;
    }
    FeedbackModel model = FeedbackModel.fit(recommendations.feedback(decided.tenantId()));
    List<FeedbackModel.Adjustment> adjustments = new ArrayList<>(open.size());
    for (RecommendationRepository.OpenRow r : open) {
      adjustments.add(model.adjust(r.type(), r.targetKind(), r.targetName(), r.confidence()));
    }
    return recommendations.updateRanking(open, adjustments);
  }

  private void guard(StoredRecommendation rec, String verb) {
    Optional<Ref> hit =
        new ProtectedTargets(tenants.guardrails(rec.tenantId())).firstProtected(rec.bodyJson());
    if (hit.isPresent()) {
      Ref r = hit.get();
      throw new TransitionRefused(
          TransitionRefused.Reason.GUARDRAIL,
          "cannot "
              + verb
              + ": the change touches the protected "
              + r.kind()
              + " "
              + r.id()
              + (r.name() == null ? "" : " (" + r.name() + ")"));
    }
  }

  private StoredRecommendation reload(long id) {
    return recommendations.find(id).orElseThrow(() -> new IllegalStateException("vanished " + id));
  }

  private TransitionRefused stale(StoredRecommendation rec, int expected) {
    StoredRecommendation now = recommendations.find(rec.id()).orElse(rec);
    return new TransitionRefused(
        TransitionRefused.Reason.STALE_VERSION,
        "recommendation "
            + rec.id()
            + " is at version "
            + now.version()
            + " ("
            + now.state().wire()
            + "), not "
            + expected
            + ": someone changed it first; reload and decide again");
  }

  /** The patch to record: the recommendation's own patch object, or its suggested change. */
  static String patchOf(StoredRecommendation rec) {
    JsonNode root = JSON.readTree(rec.bodyJson());
    JsonNode patch = root.get("patch");
    var out = JSON.createObjectNode();
    out.put("recommendation", rec.key());
    out.put("type", rec.type());
    out.put("platform", rec.platform());
    out.put("suggestedChange", root.path("suggestedChange").asString());
    if (patch != null) {
      out.set("patch", patch);
    }
    return JSON.writeValueAsString(out);
  }

  private Provenance provenance(StoredRecommendation rec) {
    AnalysisRun run =
        snapshots
            .findRun(rec.runId())
            .orElseThrow(() -> new IllegalStateException("no run " + rec.runId()));
    StoredSnapshot snap =
        snapshots
            .find(run.snapshotId())
            .orElseThrow(() -> new IllegalStateException("no snapshot " + run.snapshotId()));
    return new Provenance(snap.checksum(), run.engineVersion(), run.modelVersion());
  }

  private static String reason(@Nullable String comment) {
    return comment == null || comment.isBlank() ? "" : ": " + comment;
  }

  private static AuditEntry entry(
      Actor actor,
      String action,
      StoredRecommendation rec,
      RecommendationState from,
      RecommendationState to,
      Provenance p,
      @Nullable String rationale) {
    return new AuditEntry(
        actor.name(),
        action,
        "recommendation",
        Long.toString(rec.id()),
        from.wire(),
        to.wire(),
        p.checksum(),
        p.engineVersion(),
        p.modelVersion(),
        rationale);
  }

  private record Provenance(String checksum, String engineVersion, String modelVersion) {}
}
