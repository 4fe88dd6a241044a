package dev.least.analysis;

import dev.least.model.Account;
import dev.least.model.Group;
import dev.least.model.Source;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Mode;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import dev.least.roles.Entitlement;
import dev.least.roles.ExactRoleMiner;
import dev.least.roles.MinedRole;
import dev.least.roles.NearDuplicates;
import dev.least.roles.RoleSet;
import dev.least.roles.TenantMatrix;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code role_candidate}: per platform, the exact minimal role set of the user × entitlement matrix
 * ({@link TenantMatrix}, mined by {@link ExactRoleMiner}); every mined role with at least {@code
 * roleMinUsers} (default 3) users and {@code roleMinEntitlements} (default 2) entitlements is
 * proposed. Guardrail-protected users and groups are left out of the matrix. Because the cover is
 * exact, assigning the role to its cohort grants nobody new access; when an existing group's direct
 * members are within Jaccard {@link NearDuplicates#CONSOLIDATE} of the cohort, the evidence names
 * it and lists who would gain (group members outside the cohort) and who would lose (cohort members
 * outside the group) if the role were assigned to that group. Confidence 0.8 for mandatory roles
 * (in every optimal cover the miner can build), 0.6 otherwise; risk low (no access changes); always
 * advisory.
 */
public final class RoleCandidateAnalyzer implements Analyzer {
  @Override
  public RecommendationType type() {
    return RecommendationType.ROLE_CANDIDATE;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    boolean any =
        !in.snapshot().memberships().isEmpty()
            || !in.snapshot().appAssignments().isEmpty()
            || !in.snapshot().roleAssignments().isEmpty();
    return any
        ? Optional.empty()
        : Optional.of("no group memberships, app assignments or role assignments in the snapshot");
  }

  @Override
  public List<Recommendation> analyze(AnalysisInput in) {
    int minUsers = in.threshold("roleMinUsers", 3);
    int minEntitlements = in.threshold("roleMinEntitlements", 2);
    List<Recommendation> out = new ArrayList<>();
    Map<String, Set<String>> members = GroupMembers.directUsers(in.snapshot());
    for (Source platform : List.of(Source.ENTRA, Source.OKTA)) {
      TenantMatrix tm =
          TenantMatrix.of(
              in.snapshot(),
              in.directory(),
              platform,
              a -> !in.guardrails().protects(a),
              g -> !in.guardrails().protects(g));
      if (tm.matrix().assignmentCount() == 0) {
        continue;
      }
      RoleSet roles = new ExactRoleMiner().mine(tm.matrix());
      for (MinedRole r : roles.roles()) {
        if (r.userCount() >= minUsers && r.entitlementCount() >= minEntitlements) {
          out.add(recommend(in, tm, roles, r, members));
        }
      }
    }
    return out;
  }

  private Recommendation recommend(
      AnalysisInput in,
      TenantMatrix tm,
      RoleSet all,
      MinedRole role,
      Map<String, Set<String>> members) {
    String tenant = in.snapshot().manifest().tenant();
    List<Account> cohort = pick(tm.users(), role.users());
    List<Entitlement> bundle = pick(tm.entitlements(), role.entitlements());
    String name = roleName(cohort, bundle);
    Ref target = new Ref("tenant", tenant, tenant);
    List<Ref> subjects =
        cohort.stream().map(a -> new Ref("user", a.id().value(), a.login())).toList();
    long cells = role.area();
    long total = tm.matrix().assignmentCount();
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        new Evidence(
            "entitlements",
            "entitlements bundled in the role",
            JsonValue.of(bundle.stream().map(Entitlement::key).toList()),
            List.of(),
            null,
            null));
    evidence.add(Evidence.count("users in the cohort", cohort.size()));
    evidence.add(Evidence.count("assignments covered", cells));
    evidence.add(Evidence.count("assignments on the platform", total));
    evidence.add(Evidence.count("roles in the minimal cover", all.size()));
    evidence.add(Evidence.count("users who would gain access", 0));
    evidence.add(Evidence.count("users who would lose access", 0));
    String closest = closestGroup(in, tm, cohort, members, evidence);
    String pct = String.format(Locale.ROOT, "%.1f", 100.0 * cells / total);
    String rationale =
        cohort.size()
            + " users ("
            + sample(cohort.stream().map(Account::login).toList())
            + ") each hold all "
            + bundle.size()
            + " entitlements: "
            + sample(bundle.stream().map(Entitlement::describe).toList())
            + ". The role covers "
            + cells
            + " of the "
            + total
            + " user-entitlement assignments on "
            + tm.platform().folder()
            + " ("
            + pct
            + "%), and is one of "
            + all.size()
            + " roles that together reproduce every assignment exactly"
            + (all.provenOptimal() ? " (proven minimal)" : "")
            + ". Assigning it to these users grants nobody new access and removes none."
            + closest;
    return new Recommendation(
        Recommendation.stableId(type(), tm.platform().folder(), target, subjects),
        type(),
        tm.platform().folder(),
        target,
        subjects,
        "Create role '"
            + name
            + "' bundling "
            + bundle.size()
            + " entitlements for "
            + cohort.size()
            + " users",
        null,
        role.origin() == MinedRole.Origin.MANDATORY ? 0.8 : 0.6,
        Risk.LOW,
        Map.of(
            "usersAffected", (double) cohort.size(),
            "entitlementsBundled", (double) bundle.size(),
            "assignmentsCovered", (double) cells),
        rationale,
        evidence,
        Mode.ADVISORY);
  }

  /** The existing group whose direct members are closest to the cohort, if within threshold. */
  private static String closestGroup(
      AnalysisInput in,
      TenantMatrix tm,
      List<Account> cohort,
      Map<String, Set<String>> members,
      List<Evidence> evidence) {
    Set<String> ids = new HashSet<>();
    cohort.forEach(a -> ids.add(a.id().value()));
    Group best = null;
    double bestJ = 0;
    for (Group g : in.snapshot().groups()) {
      if (g.source() != tm.platform() || in.guardrails().protects(g)) {
        continue;
      }
      Set<String> m = members.getOrDefault(g.id().value(), Set.of());
      double j = jaccard(ids, m);
      if (j > bestJ
          || (j == bestJ && best != null && g.id().value().compareTo(best.id().value()) < 0)) {
        bestJ = j;
        best = g;
      }
    }
    if (best == null || bestJ < NearDuplicates.CONSOLIDATE) {
      return "";
    }
    Set<String> m = members.getOrDefault(best.id().value(), Set.of());
    List<String> gain = m.stream().filter(x -> !ids.contains(x)).sorted().toList();
    List<String> lose = ids.stream().filter(x -> !m.contains(x)).sorted().toList();
    evidence.add(
        Evidence.fact("closest existing group", best.id().value() + " (" + best.name() + ")"));
    evidence.add(
        new Evidence(
            "ratio",
            "Jaccard similarity of cohort and group members",
            new JsonValue.Num(bestJ),
            List.of(),
            null,
            null));
    evidence.add(
        new Evidence(
            "users",
            "would gain the bundle if the role were assigned to the group",
            JsonValue.of(gain),
            List.of(),
            null,
            null));
    evidence.add(
        new Evidence(
            "users",
            "would need a direct assignment if the role were assigned to the group",
            JsonValue.of(lose),
            List.of(),
            null,
            null));
    return String.format(
        Locale.ROOT,
        " Group '%s' has nearly the same members (Jaccard %.2f): assigning the role to it would give"
            + " %d more users the bundle and leave %d cohort members to assign directly.",
        best.name(),
        bestJ,
        gain.size(),
        lose.size());
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    long common = 0;
    for (String x : small) {
      if (large.contains(x)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }

  /**
   * A readable name: the department (and job title) most of the cohort shares (at least 80%), else
   * the bundle's first entitlement name with the count of the others.
   */
  static String roleName(List<Account> cohort, List<Entitlement> bundle) {
    String dept = majority(cohort, Account::department);
    String title = majority(cohort, Account::jobTitle);
    if (dept != null) {
      return title == null ? dept : dept + " / " + title;
    }
    if (title != null) {
      return title;
    }
    return bundle.get(0).name() + (bundle.size() > 1 ? " +" + (bundle.size() - 1) : "");
  }

  private static @org.jspecify.annotations.Nullable String majority(
      List<Account> cohort, Function<Account, @org.jspecify.annotations.Nullable String> attr) {
    Map<String, Integer> counts = new HashMap<>();
    for (Account a : cohort) {
      String v = attr.apply(a);
      if (v != null && !v.isBlank()) {
        counts.merge(v, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue() * 5 >= cohort.size() * 4)
        .map(Map.Entry::getKey)
        .sorted()
        .findFirst()
        .orElse(null);
  }

  private static <T> List<T> pick(List<T> items, BitSet which) {
    List<T> out = new ArrayList<>();
    for (int i = which.nextSetBit(0); i >= 0; i = which.nextSetBit(i + 1)) {
      out.add(items.get(i));
    }
    return out;
  }

  private static String sample(List<String> items) {
    int shown = Math.min(5, items.size());
    String head = String.join(", ", items.subList(0, shown));
    return items.size() > shown ? head + " and " + (items.size() - shown) + " more" : head;
  }
}
