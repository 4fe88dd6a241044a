package dev.least.sod;

import dev.least.model.Account;
import dev.least.model.App;
import dev.least.model.AppAssignment;
import dev.least.model.Group;
import dev.least.model.GroupKind;
import dev.least.model.GroupMembership;
import dev.least.model.RoleAssignment;
import dev.least.model.RoleDefinition;
import dev.least.model.TenantSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who holds what, and through which path: groups (direct and nested), apps (assigned to the user or
 * to any group the user is in) and directory roles (assigned to the user or a group). Also what a
 * new grant would bring with it (a group's parent groups and their apps and roles), and the dynamic
 * groups whose rule matches a user's attributes.
 */
public final class EntitlementIndex {
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<String, App> apps = new HashMap<>();
  private final Map<String, RoleDefinition> roles = new HashMap<>();
  private final Map<String, Account> accounts = new HashMap<>();
  private final Map<String, List<String>> parents = new HashMap<>();
  private final Map<String, List<String>> appsOf = new HashMap<>();
  private final Map<String, List<String>> rolesOf = new HashMap<>();

  /** Dynamic groups with a membership rule, with the rule read once. */
  private final List<Map.Entry<Group, DynamicRule>> dynamicGroups = new ArrayList<>();

  private EntitlementIndex() {}

  public static EntitlementIndex of(TenantSnapshot s) {
    EntitlementIndex x = new EntitlementIndex();
    s.groups().forEach(g -> x.groups.put(g.id().value(), g));
    for (Group g : x.groups.values()) {
      if (g.kind() == GroupKind.DYNAMIC && g.membershipRule() != null) {
        x.dynamicGroups.add(Map.entry(g, DynamicRule.of(g.membershipRule())));
      }
    }
    s.apps().forEach(a -> x.apps.put(a.id().value(), a));
    for (RoleDefinition r : s.roles()) {
      x.roles.put(r.id().value(), r);
    }
    s.accounts().forEach(a -> x.accounts.put(a.id().value(), a));
    for (GroupMembership m : s.memberships()) {
      x.parents.computeIfAbsent(m.member().id(), k -> new ArrayList<>()).add(m.group().value());
    }
    for (AppAssignment a : s.appAssignments()) {
      x.appsOf.computeIfAbsent(a.principal().id(), k -> new ArrayList<>()).add(a.app().value());
    }
    for (RoleAssignment r : s.roleAssignments()) {
      x.rolesOf.computeIfAbsent(r.principalId(), k -> new ArrayList<>()).add(r.role().value());
    }
    return x;
  }

  public Optional<Account> account(String idOrLogin) {
    Account a = accounts.get(idOrLogin);
    if (a != null) {
      return Optional.of(a);
    }
    return accounts.values().stream()
        .filter(
            x ->
                x.login().equalsIgnoreCase(idOrLogin)
                    || (x.email() != null && x.email().equalsIgnoreCase(idOrLogin)))
        .sorted(java.util.Comparator.comparing((Account x) -> x.id().value()))
        .findFirst();
  }

  /** Resolves {@code group:NAME-OR-ID}, {@code app:…}, {@code role:…} to an entitlement. */
  public Optional<Entitlement> resolve(Entitlement.Kind kind, String idOrName) {
    switch (kind) {
      case GROUP -> {
        for (Group g : groups.values()) {
          if (g.id().value().equals(idOrName) || g.name().equalsIgnoreCase(idOrName)) {
            return Optional.of(group(g.id().value()));
          }
        }
      }
      case APP -> {
        for (App a : apps.values()) {
          if (a.id().value().equals(idOrName)
              || a.name().equalsIgnoreCase(idOrName)
              || idOrName.equals(a.clientId())) {
            return Optional.of(app(a.id().value()));
          }
        }
      }
      case ROLE -> {
        for (RoleDefinition r : roles.values()) {
          if (r.id().value().equals(idOrName)
              || r.name().equalsIgnoreCase(idOrName)
              || idOrName.equals(r.templateId())) {
            return Optional.of(role(r.id().value()));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Everything the principal holds now, each with the path that grants it. */
  public List<Holding> holdings(String principalId) {
    return expand(principalId, List.of());
  }

  /** Apps a group grants: assigned to it or to any group it is nested in. */
  public List<String> appsGrantedBy(String groupId) {
    List<String> out = new ArrayList<>();
    for (Holding h : expand(groupId, List.of())) {
      if (h.entitlement().kind() == Entitlement.Kind.APP && !out.contains(h.entitlement().id())) {
        out.add(h.entitlement().id());
      }
    }
    for (String app : appsOf.getOrDefault(groupId, List.of())) {
      if (!out.contains(app)) {
        out.add(app);
      }
    }
    return out;
  }

  /**
   * What granting {@code e} to a user would add: the entitlement itself and, for a group, its
   * parent groups and the apps and roles assigned to any of them.
   */
  public List<Holding> wouldGrant(Entitlement e) {
    List<Holding> out = new ArrayList<>();
    out.add(new Holding(e, List.of("requested")));
    if (e.kind() == Entitlement.Kind.GROUP) {
      out.addAll(expand(e.id(), List.of("requested " + describe(e))));
    }
    return out;
  }

  /**
   * Dynamic groups whose rule matches the account's attributes although it is not a member
   * (membership not yet processed, or a snapshot taken mid-change), with the rule as the path.
   */
  public List<Holding> viaDynamicRules(Account a) {
    List<Holding> out = new ArrayList<>();
    List<String> current = parents.getOrDefault(a.id().value(), List.of());
    for (Map.Entry<Group, DynamicRule> dyn : dynamicGroups) {
      Group g = dyn.getKey();
      if (g.source() != a.source() || current.contains(g.id().value())) {
        continue;
      }
      if (dyn.getValue().matches(a).orElse(false)) {
        String via = "dynamic rule of " + g.name() + ": " + g.membershipRule();
        out.add(new Holding(group(g.id().value()), List.of(via)));
        out.addAll(expand(g.id().value(), List.of(via)));
      }
    }
    return out;
  }

  private List<Holding> expand(String principalId, List<String> prefix) {
    List<Holding> out = new ArrayList<>();
    for (String app : appsOf.getOrDefault(principalId, List.of())) {
      out.add(new Holding(app(app), prefix));
    }
    for (String r : rolesOf.getOrDefault(principalId, List.of())) {
      out.add(new Holding(role(r), prefix));
    }
    Deque<Map.Entry<String, List<String>>> todo = new ArrayDeque<>();
    Map<String, Boolean> seen = new HashMap<>();
    for (String g : parents.getOrDefault(principalId, List.of())) {
      todo.add(Map.entry(g, prefix));
    }
    while (!todo.isEmpty()) {
      Map.Entry<String, List<String>> e = todo.poll();
      String g = e.getKey();
      if (seen.put(g, Boolean.TRUE) != null) {
        continue;
      }
      Entitlement ge = group(g);
      out.add(new Holding(ge, e.getValue()));
      List<String> via = new ArrayList<>(e.getValue());
      via.add("group " + ge.name());
      for (String app : appsOf.getOrDefault(g, List.of())) {
        out.add(new Holding(app(app), via));
      }
      for (String r : rolesOf.getOrDefault(g, List.of())) {
        out.add(new Holding(role(r), via));
      }
      for (String p : parents.getOrDefault(g, List.of())) {
        todo.add(Map.entry(p, via));
      }
    }
    return out;
  }

  private Entitlement group(String id) {
    Group g = groups.get(id);
    return new Entitlement(Entitlement.Kind.GROUP, id, g == null ? id : g.name());
  }

  private Entitlement app(String id) {
    App a = apps.get(id);
    return new Entitlement(Entitlement.Kind.APP, id, a == null ? id : a.name());
  }

  private Entitlement role(String id) {
    RoleDefinition r = roles.get(id);
    return new Entitlement(Entitlement.Kind.ROLE, id, r == null ? id : r.name());
  }

  /** Extra names an entitlement answers to (app client id, role template id). */
  List<String> aliases(Entitlement e) {
    List<String> out = new ArrayList<>(List.of(e.id(), e.name()));
    if (e.kind() == Entitlement.Kind.APP) {
      @Nullable App a = apps.get(e.id());
      if (a != null && a.clientId() != null) {
        out.add(a.clientId());
      }
    }
    if (e.kind() == Entitlement.Kind.ROLE) {
      @Nullable RoleDefinition r = roles.get(e.id());
      if (r != null && r.templateId() != null) {
        out.add(r.templateId());
      }
    }
    return out;
  }

  private static String describe(Entitlement e) {
    return e.kind().wire() + " " + e.name();
  }
}
