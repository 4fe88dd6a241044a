package dev.least.analysis;

import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.PolicyChange;
import dev.least.policy.entra.PolicyState;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Mode;
import dev.least.recommend.Patch;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code consolidate_policies} (Entra): CA policies in the same state that are identical in
 * everything but whom they include — same apps, client app types, platforms, locations, risk
 * levels, device filter, exclusions, grant and session controls. They can become one policy
 * including every group, user and role of the set; the one kept is the first by name. Policies with
 * unknown conditions, and guardrail-protected ones, are left out. Confidence 0.9 (the merged policy
 * applies exactly where the set applied); risk low. Impact: the kept policy replayed with every
 * include of the set and the others deleted (none should change: that is the check).
 */
public final class ConsolidatePoliciesAnalyzer implements PolicyChangeAnalyzer {
  /** Everything but the policy's identity and its include lists. */
  private record Shape(
      PolicyState state,
      ConditionalAccessPolicy.Applications applications,
      List<String> clientAppTypes,
      ConditionalAccessPolicy.Platforms platforms,
      ConditionalAccessPolicy.Locations locations,
      List<String> signInRiskLevels,
      List<String> userRiskLevels,
      Object deviceFilter,
      Object grantControls,
      Object sessionControls,
      List<String> excludeUsers,
      List<String> excludeGroups,
      List<String> excludeRoles,
      Object excludeGuests) {}

  @Override
  public RecommendationType type() {
    return RecommendationType.CONSOLIDATE_POLICIES;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    return in.snapshot().conditionalAccessPolicies().size() < 2
        ? Optional.of("fewer than two Entra CA policies")
        : Optional.empty();
  }

  @Override
  public List<Proposal> propose(AnalysisInput in) {
    List<ConditionalAccessPolicy> policies =
        new ArrayList<>(in.snapshot().conditionalAccessPolicies());
    policies.sort(
        Comparator.comparing(ConditionalAccessPolicy::displayName)
            .thenComparing(p -> p.id().value()));
    Map<Shape, List<ConditionalAccessPolicy>> groups = new LinkedHashMap<>();
    for (ConditionalAccessPolicy p : policies) {
      if (p.state() == PolicyState.UNKNOWN
          || !p.unknownValues().isEmpty()
          || in.guardrails().protectsPolicy(p.id().value(), p.displayName())) {
        continue;
      }
      ConditionalAccessPolicy.Users u = p.users();
      Shape s =
          new Shape(
              p.state(),
              p.applications(),
              p.clientAppTypes(),
              p.platforms(),
              p.locations(),
              p.signInRiskLevels(),
              p.userRiskLevels(),
              p.deviceFilter() == null ? "none" : p.deviceFilter(),
              p.grantControls() == null ? "none" : p.grantControls(),
              p.sessionControls() == null ? "none" : p.sessionControls(),
              u.excludeUsers(),
              u.excludeGroups(),
              u.excludeRoles(),
              u.excludeGuestsOrExternalUserTypes() == null
                  ? "none"
                  : u.excludeGuestsOrExternalUserTypes());
      groups.computeIfAbsent(s, k -> new ArrayList<>()).add(p);
    }
    List<Proposal> out = new ArrayList<>();
    for (List<ConditionalAccessPolicy> same : groups.values()) {
      if (same.size() < 2) {
        continue;
      }
      ConditionalAccessPolicy keep = same.get(0);
      List<ConditionalAccessPolicy> merged = same.subList(1, same.size());
      Set<String> users = new LinkedHashSet<>();
      Set<String> groupIds = new LinkedHashSet<>();
      Set<String> roles = new LinkedHashSet<>();
      for (ConditionalAccessPolicy p : same) {
        users.addAll(p.users().includeUsers());
        groupIds.addAll(p.users().includeGroups());
        roles.addAll(p.users().includeRoles());
      }
      Ref target = new Ref("policy", keep.id().value(), keep.displayName());
      List<Ref> subjects =
          merged.stream().map(p -> new Ref("policy", p.id().value(), p.displayName())).toList();
      List<String> names = merged.stream().map(ConditionalAccessPolicy::displayName).toList();
      List<PolicyChange> changes = new ArrayList<>();
      ConditionalAccessPolicy.Users u = keep.users();
      changes.add(
          new PolicyChange.Replaced(
              keep.withUsers(
                  new ConditionalAccessPolicy.Users(
                      List.copyOf(users),
                      u.excludeUsers(),
                      List.copyOf(groupIds),
                      u.excludeGroups(),
                      List.copyOf(roles),
                      u.excludeRoles(),
                      u.includeGuestsOrExternalUserTypes(),
                      u.excludeGuestsOrExternalUserTypes()))));
      merged.forEach(m -> changes.add(new PolicyChange.Deleted(m.id())));
      out.add(
          new Proposal(
              new Recommendation(
                  Recommendation.stableId(type(), "entra", target, subjects),
                  type(),
                  "entra",
                  target,
                  subjects,
                  "Fold " + String.join(", ", names) + " into '" + keep.displayName() + "'",
                  new Patch(
                      "PATCH",
                      "/identity/conditionalAccess/policies/" + keep.id().value(),
                      JsonValue.obj(
                          "conditions",
                          JsonValue.obj(
                              "users",
                              JsonValue.obj(
                                  "includeUsers", List.copyOf(users),
                                  "includeGroups", List.copyOf(groupIds),
                                  "includeRoles", List.copyOf(roles))))),
                  0.9,
                  Risk.LOW,
                  Map.of("policiesRemoved", (double) merged.size()),
                  "The policies differ only in whom they include; one policy including all of them"
                      + " applies exactly where they applied",
                  List.of(
                      Evidence.count("policies with the same conditions and controls", same.size()),
                      Evidence.fact("kept", keep.displayName()),
                      Evidence.fact("merged", String.join(", ", names))),
                  Mode.ADVISORY),
              new WhatIfChange.Entra(changes, List.of())));
    }
    return out;
  }
}
