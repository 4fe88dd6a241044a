package dev.least.analysis;

import dev.least.model.Account;
import dev.least.model.Group;
import dev.least.model.GroupKind;
import dev.least.model.Source;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code dynamic_group_rule}: a static group whose direct members are <em>exactly</em> the accounts
 * of its platform with one attribute value (department or job title) — every holder of the value is
 * a member and every member holds it. A group that merely correlates with a department is not
 * flagged. At least {@code dynamicGroupMinMembers} (default 3) members. Confidence 0.9 with 5 or
 * more members, else 0.8; risk low (membership does not change today).
 */
public final class DynamicGroupRuleAnalyzer implements Analyzer {
  private record Attribute(String entraName, String oktaName, Function<Account, String> get) {}

  private static final List<Attribute> ATTRIBUTES =
      List.of(
          new Attribute("department", "department", Account::department),
          new Attribute("jobTitle", "title", Account::jobTitle));

  @Override
  public RecommendationType type() {
    return RecommendationType.DYNAMIC_GROUP_RULE;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    return in.snapshot().memberships().isEmpty()
        ? Optional.of("no group memberships in the snapshot")
        : Optional.empty();
  }

  @Override
  public List<Recommendation> analyze(AnalysisInput in) {
    int min = in.threshold("dynamicGroupMinMembers", 3);
    Map<String, Set<String>> members = GroupMembers.directUsers(in.snapshot());
    // holders: source|attribute|value -> account ids
    Map<String, Set<String>> holders = new HashMap<>();
    Map<String, Account> accounts = new HashMap<>();
    for (Account a : in.snapshot().accounts()) {
      accounts.put(a.id().value(), a);
      for (Attribute attr : ATTRIBUTES) {
        String v = attr.get().apply(a);
        if (v != null && !v.isBlank()) {
          holders
              .computeIfAbsent(a.source() + "|" + attr.entraName() + "|" + v, k -> new TreeSet<>())
              .add(a.id().value());
        }
      }
    }
    List<Recommendation> out = new ArrayList<>();
    List<Group> groups = new ArrayList<>(in.snapshot().groups());
    groups.sort(Comparator.comparing(g -> g.id().value()));
    for (Group g : groups) {
      if (g.kind() != GroupKind.STATIC || in.guardrails().protects(g)) {
        continue;
      }
      Set<String> m = members.getOrDefault(g.id().value(), Set.of());
      if (m.size() < min) {
        continue;
      }
      Account first = accounts.get(m.iterator().next());
      if (first == null) {
        continue;
      }
      for (Attribute attr : ATTRIBUTES) {
        String v = attr.get().apply(first);
        if (v == null || v.isBlank()) {
          continue;
        }
        Set<String> h =
            holders.getOrDefault(g.source() + "|" + attr.entraName() + "|" + v, Set.of());
        if (!h.equals(m)) {
          continue;
        }
        out.add(recommend(g, attr, v, m.size()));
        break;
      }
    }
    return out;
  }

  private Recommendation recommend(Group g, Attribute attr, String value, int size) {
    String platform = g.source().folder();
    String quoted = value.replace("\"", "\\\"");
    String rule;
    Patch patch;
    if (g.source() == Source.OKTA) {
      rule = "user." + attr.oktaName() + "==\"" + quoted + "\"";
      patch =
          new Patch(
              "POST",
              "/api/v1/groups/rules",
              JsonValue.obj(
                  "type",
                  "group_rule",
                  "name",
                  g.name() + " by " + attr.oktaName(),
                  "conditions",
                  JsonValue.obj(
                      "expression",
                      JsonValue.obj("type", "urn:okta:expression:1.0", "value", rule)),
                  "actions",
                  JsonValue.obj(
                      "assignUserToGroups", JsonValue.obj("groupIds", List.of(g.id().value())))));
    } else {
      rule = "(user." + attr.entraName() + " -eq \"" + quoted + "\")";
      patch =
          new Patch(
              "PATCH",
              "/groups/" + g.id().value(),
              JsonValue.obj(
                  "groupTypes",
                  List.of("DynamicMembership"),
                  "membershipRule",
                  rule,
                  "membershipRuleProcessingState",
                  "On"));
    }
    Ref target = new Ref("group", g.id().value(), g.name());
    return new Recommendation(
        Recommendation.stableId(type(), platform, target, List.of()),
        type(),
        platform,
        target,
        List.of(),
        "Make " + g.name() + " dynamic with the rule " + rule,
        patch,
        size >= 5 ? 0.9 : 0.8,
        Risk.LOW,
        Map.of("usersAffected", 0.0, "membersKept", (double) size),
        "All "
            + size
            + " members have "
            + attr.entraName()
            + " = '"
            + value
            + "' and every account with that value is a member",
        List.of(
            Evidence.count("members", size),
            Evidence.count("accounts with " + attr.entraName() + " = '" + value + "'", size),
            Evidence.fact("rule", rule)),
        Mode.ADVISORY);
  }
}
