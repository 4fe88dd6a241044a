package dev.least.analysis;

import dev.least.model.Account;
import dev.least.model.App;
import dev.least.model.AppAssignment;
import dev.least.model.Group;
import dev.least.model.RoleDefinition;
import dev.least.model.TenantSettings.SodRule;
import dev.least.model.TenantSettings.SodSide;
import dev.least.recommend.Evidence;
import dev.least.recommend.Mode;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sod_conflict}: an account holds both sides of a rule in the {@code least.yaml} SoD
 * library. Holding means: a group (directly or nested), an app (assigned directly or through a
 * group) or a directory role (directly or through a group), matched by id or name
 * case-insensitively. Confidence 0.95 (the fact is certain; whether it is a real conflict is the
 * rule author's call); risk medium (removing either side changes someone's job). No patch: which
 * side to remove is a business decision.
 */
public final class SodConflictAnalyzer implements Analyzer {
  @Override
  public RecommendationType type() {
    return RecommendationType.SOD_CONFLICT;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    return in.settings().sod().isEmpty()
        ? Optional.of("no sod rules in least.yaml")
        : Optional.empty();
  }

  @Override
  public List<Recommendation> analyze(AnalysisInput in) {
    Map<String, Group> groups = new HashMap<>();
    in.snapshot().groups().forEach(g -> groups.put(g.id().value(), g));
    Map<String, App> apps = new HashMap<>();
    in.snapshot().apps().forEach(a -> apps.put(a.id().value(), a));
    Map<String, RoleDefinition> roles = new HashMap<>();
    in.snapshot()
        .roles()
        .forEach(
            r -> {
              roles.put(r.id().value(), r);
              if (r.templateId() != null) {
                roles.put(r.templateId(), r);
              }
            });
    Map<String, Set<String>> appsOfPrincipal = new HashMap<>();
    for (AppAssignment a : in.snapshot().appAssignments()) {
      appsOfPrincipal
          .computeIfAbsent(a.principal().id(), k -> new HashSet<>())
          .add(a.app().value());
    }
    List<Recommendation> out = new ArrayList<>();
    for (Account acct : in.snapshot().accounts()) {
      if (in.guardrails().protects(acct) || !acct.status().canSignIn()) {
        continue;
      }
      String id = acct.id().value();
      Set<String> myGroups = in.directory().groupsOf(id);
      Set<String> myApps = new HashSet<>(appsOfPrincipal.getOrDefault(id, Set.of()));
      myGroups.forEach(g -> myApps.addAll(appsOfPrincipal.getOrDefault(g, Set.of())));
      Set<String> myRoles = in.directory().rolesOf(id);
      for (SodRule rule : in.settings().sod()) {
        List<Ref> left = held(rule.left(), myGroups, myApps, myRoles, groups, apps, roles);
        List<Ref> right = held(rule.right(), myGroups, myApps, myRoles, groups, apps, roles);
        if (left.isEmpty() || right.isEmpty()) {
          continue;
        }
        List<Ref> subjects = new ArrayList<>(left);
        subjects.addAll(right);
        Ref target = AccountPatches.ref(acct);
        String platform = AccountPatches.platform(acct);
        out.add(
            new Recommendation(
                Recommendation.stableId(type(), platform, target, subjects),
                type(),
                platform,
                target,
                subjects,
                "Resolve "
                    + rule.id()
                    + " ("
                    + rule.name()
                    + ") for "
                    + acct.login()
                    + ": remove one side or record an approved exception",
                null,
                0.95,
                Risk.MEDIUM,
                Map.of("usersAffected", 1.0),
                acct.login() + " holds " + names(left) + " and " + names(right),
                List.of(
                    Evidence.fact("rule", rule.id() + ": " + rule.name()),
                    Evidence.fact("left side held", names(left)),
                    Evidence.fact("right side held", names(right))),
                Mode.ADVISORY));
      }
    }
    return out;
  }

  private static List<Ref> held(
      SodSide side,
      Set<String> myGroups,
      Set<String> myApps,
      Set<String> myRoles,
      Map<String, Group> groups,
      Map<String, App> apps,
      Map<String, RoleDefinition> roles) {
    Set<Ref> out = new LinkedHashSet<>();
    Set<String> wantGroups = lower(side.groups());
    for (String g : sorted(myGroups)) {
      Group grp = groups.get(g);
      if (wantGroups.contains(g.toLowerCase(Locale.ROOT))
          || (grp != null && wantGroups.contains(grp.name().toLowerCase(Locale.ROOT)))) {
        out.add(new Ref("group", g, grp == null ? null : grp.name()));
      }
    }
    Set<String> wantApps = lower(side.apps());
    for (String a : sorted(myApps)) {
      App app = apps.get(a);
      if (wantApps.contains(a.toLowerCase(Locale.ROOT))
          || (app != null
              && (wantApps.contains(app.name().toLowerCase(Locale.ROOT))
                  || (app.clientId() != null
                      && wantApps.contains(app.clientId().toLowerCase(Locale.ROOT)))))) {
        out.add(new Ref("app", a, app == null ? null : app.name()));
      }
    }
    Set<String> wantRoles = lower(side.roles());
    for (String r : sorted(myRoles)) {
      RoleDefinition def = roles.get(r);
      if (wantRoles.contains(r.toLowerCase(Locale.ROOT))
          || (def != null && wantRoles.contains(def.name().toLowerCase(Locale.ROOT)))) {
        out.add(new Ref("role", r, def == null ? null : def.name()));
      }
    }
    return List.copyOf(out);
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }

  private static Set<String> lower(List<String> values) {
    Set<String> s = new HashSet<>();
    values.forEach(v -> s.add(v.toLowerCase(Locale.ROOT)));
    return s;
  }

  private static String names(List<Ref> refs) {
    return String.join(", ", refs.stream().map(r -> r.name() == null ? r.id() : r.name()).toList());
  }
}
