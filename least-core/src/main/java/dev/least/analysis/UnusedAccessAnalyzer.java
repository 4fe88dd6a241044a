package dev.least.analysis;

import dev.least.model.Account;
import dev.least.model.Source;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Mode;
import dev.least.recommend.Patch;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import dev.least.review.AccessReview;
import dev.least.review.ReviewItem;
import dev.least.review.Suggestion;
import dev.least.sod.Entitlement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code remove_unused_access}: a directly granted group membership or app assignment unused for
 * {@code unusedAccessDays} (default 90, bounded by the log window) while at least half the
 * colleagues holding it (same department, else manager) used it — the access review's "revoke"
 * outcome for a live worker (leavers go to {@code deprovision_orphan}). Nested grants are left to
 * the review, since removing them would remove other access. Confidence from the review (0.8); risk
 * low (the user can request it again).
 */
public final class UnusedAccessAnalyzer implements Analyzer {
  public static final int DEFAULT_UNUSED_DAYS = 90;

  @Override
  public RecommendationType type() {
    return RecommendationType.REMOVE_UNUSED_ACCESS;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    if (in.snapshot().signIns().size() == 0) {
      return Optional.of("no sign-in logs: use cannot be measured");
    }
    if (in.snapshot().appAssignments().isEmpty()) {
      return Optional.of("no app assignments in the snapshot");
    }
    return Optional.empty();
  }

  @Override
  public List<Recommendation> analyze(AnalysisInput in) {
    int days = in.threshold("unusedAccessDays", DEFAULT_UNUSED_DAYS);
    List<Recommendation> out = new ArrayList<>();
    for (ReviewItem item : new AccessReview(in.snapshot(), days).items(Suggestion.REVOKE)) {
      if (item.suggestion() != Suggestion.REVOKE
          || "terminated".equals(item.hrStatus())
          || !"direct".equals(item.grantedVia())
          || item.access().kind() == Entitlement.Kind.ROLE) {
        continue;
      }
      Account a = in.directory().account(item.accountId());
      if (a == null || in.guardrails().protects(a)) {
        continue;
      }
      if (item.access().kind() == Entitlement.Kind.GROUP
          && in.snapshot().groups().stream()
              .anyMatch(
                  g -> g.id().value().equals(item.access().id()) && in.guardrails().protects(g))) {
        continue;
      }
      Ref target = new Ref(item.access().kind().wire(), item.access().id(), item.access().name());
      Ref user = AccountPatches.ref(a);
      String platform = AccountPatches.platform(a);
      out.add(
          new Recommendation(
              Recommendation.stableId(type(), platform, target, List.of(user)),
              type(),
              platform,
              target,
              List.of(user),
              "Remove "
                  + a.login()
                  + " from "
                  + item.access().kind().wire()
                  + " "
                  + item.access().name(),
              patch(a, item.access()),
              item.confidence(),
              Risk.LOW,
              Map.of("usersAffected", 1.0, "signInsAffected", 0.0),
              item.justification(),
              List.of(
                  Evidence.count("uses in the window", item.uses()),
                  Evidence.count("colleagues holding it", item.peersHolding()),
                  Evidence.count("colleagues holding it who used it", item.peersUsing()),
                  Evidence.fact("peer group", String.valueOf(item.peerGroup()))),
              Mode.ADVISORY));
    }
    return out;
  }

  private static Patch patch(Account a, Entitlement e) {
    String user = a.id().value();
    if (a.source() == Source.OKTA) {
      return e.kind() == Entitlement.Kind.GROUP
          ? new Patch("DELETE", "/api/v1/groups/" + e.id() + "/users/" + user, null)
          : new Patch("DELETE", "/api/v1/apps/" + e.id() + "/users/" + user, null);
    }
    if (e.kind() == Entitlement.Kind.GROUP) {
      return new Patch("DELETE", "/groups/" + e.id() + "/members/" + user + "/$ref", null);
    }
    // Entra app role assignments are removed by assignment id, which the snapshot does not keep
    // per user; the patch names the service principal and the user.
    return new Patch(
        "DELETE",
        "/servicePrincipals/" + e.id() + "/appRoleAssignedTo",
        JsonValue.obj("principalId", user));
  }
}
