package dev.least.analysis;

import dev.least.model.Group;
import dev.least.model.GroupKind;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Mode;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code merge_groups}: static groups on one platform with exactly the same direct user members (at
 * least {@code mergeGroupsMinMembers}, default 2). The group kept is the one with the most app
 * assignments, then the lowest id. Confidence 0.9 with 3 or more members, else 0.75; risk medium
 * (policies and assignments naming the merged group must move to the kept one, so no patch is
 * proposed).
 */
public final class IdenticalGroupsAnalyzer implements Analyzer {
  @Override
  public RecommendationType type() {
    return RecommendationType.MERGE_GROUPS;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    return in.snapshot().memberships().isEmpty()
        ? Optional.of("no group memberships in the snapshot")
        : Optional.empty();
  }

  @Override
  public List<Recommendation> analyze(AnalysisInput in) {
    int min = in.threshold("mergeGroupsMinMembers", 2);
    Map<String, Set<String>> members = GroupMembers.directUsers(in.snapshot());
    Map<String, Long> assignments = new LinkedHashMap<>();
    in.snapshot()
        .appAssignments()
        .forEach(a -> assignments.merge(a.principal().id(), 1L, Long::sum));
    Map<String, List<Group>> bySet = new LinkedHashMap<>();
    in.snapshot().groups().stream()
        .filter(g -> g.kind() == GroupKind.STATIC && !in.guardrails().protects(g))
        .sorted(Comparator.comparing(g -> g.id().value()))
        .forEach(
            g -> {
              Set<String> m = members.getOrDefault(g.id().value(), Set.of());
              if (m.size() >= min) {
                bySet.computeIfAbsent(g.source() + "|" + m, k -> new ArrayList<>()).add(g);
              }
            });
    List<Recommendation> out = new ArrayList<>();
    for (List<Group> same : bySet.values()) {
      if (same.size() < 2) {
        continue;
      }
      List<Group> ordered = new ArrayList<>(same);
      ordered.sort(
          Comparator.comparing((Group g) -> -assignments.getOrDefault(g.id().value(), 0L))
              .thenComparing(g -> g.id().value()));
      Group keep = ordered.get(0);
      List<Group> merged = ordered.subList(1, ordered.size());
      int size = members.get(keep.id().value()).size();
      String platform = keep.source().folder();
      Ref target = new Ref("group", keep.id().value(), keep.name());
      List<Ref> subjects =
          merged.stream().map(g -> new Ref("group", g.id().value(), g.name())).toList();
      List<String> names = merged.stream().map(Group::name).toList();
      out.add(
          new Recommendation(
              Recommendation.stableId(type(), platform, target, subjects),
              type(),
              platform,
              target,
              subjects,
              "Merge " + String.join(", ", names) + " into " + keep.name() + " (same members)",
              null,
              size >= 3 ? 0.9 : 0.75,
              Risk.MEDIUM,
              Map.of("groupsRemoved", (double) merged.size(), "usersAffected", 0.0),
              "The groups have exactly the same "
                  + size
                  + " direct members; "
                  + keep.name()
                  + " is kept because it carries the most app assignments",
              List.of(
                  new Evidence(
                      "members",
                      "identical direct members",
                      JsonValue.of(List.copyOf(members.get(keep.id().value()))),
                      List.of(),
                      null,
                      null),
                  Evidence.count("member count", size)),
              Mode.ADVISORY));
    }
    return out;
  }
}
