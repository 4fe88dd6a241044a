package dev.least.replay;

import dev.least.model.Account;
import dev.least.model.AccountKind;
import dev.least.model.GroupMembership;
import dev.least.model.PrincipalKind;
import dev.least.model.RoleAssignment;
import dev.least.model.RoleDefinition;
import dev.least.model.TenantSnapshot;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is what in a snapshot's directory, resolved once for evaluation: each account's transitive
 * groups (nested groups followed, cycles tolerated), the role template ids it holds (directly or
 * through a role-assignable group), and whether it is a guest.
 */
public final class DirectoryIndex {
  private final Map<String, Account> accounts = new HashMap<>();
  private final Map<String, Set<String>> groupsOfAccount = new HashMap<>();
  private final Map<String, Set<String>> rolesOfAccount = new HashMap<>();
  private final Map<String, Set<String>> conditionalAccessRolesOfAccount = new HashMap<>();

  private DirectoryIndex() {}

  public static DirectoryIndex of(TenantSnapshot snapshot) {
    DirectoryIndex idx = new DirectoryIndex();
    for (Account a : snapshot.accounts()) {
      idx.accounts.put(a.id().value(), a);
    }
    // direct parents of each member id (user or group)
    Map<String, Set<String>> parents = new HashMap<>();
    for (GroupMembership m : snapshot.memberships()) {
      parents.computeIfAbsent(m.member().id(), k -> new HashSet<>()).add(m.group().value());
    }
    Map<String, Set<String>> transitive = new HashMap<>();
    for (GroupMembership m : snapshot.memberships()) {
      if (m.member().kind() == PrincipalKind.USER || m.member().kind() == PrincipalKind.OTHER) {
        idx.groupsOfAccount.computeIfAbsent(
            m.member().id(), id -> Set.copyOf(closure(id, parents, transitive)));
      }
    }
    Map<String, String> templateOf = new HashMap<>();
    for (RoleDefinition r : snapshot.roles()) {
      templateOf.put(r.id().value(), r.templateId() == null ? r.id().value() : r.templateId());
    }
    Map<String, Boolean> builtIn = new HashMap<>();
    for (RoleDefinition r : snapshot.roles()) {
      builtIn.put(r.id().value(), r.builtIn());
    }
    Map<String, Set<String>> rolesOfPrincipal = new HashMap<>();
    Map<String, Set<String>> caRolesOfPrincipal = new HashMap<>();
    for (RoleAssignment ra : snapshot.roleAssignments()) {
      String template = templateOf.getOrDefault(ra.role().value(), ra.role().value());
      rolesOfPrincipal.computeIfAbsent(ra.principalId(), k -> new HashSet<>()).add(template);
      // CA counts built-in roles assigned tenant-wide only; custom roles and roles scoped to an
      // administrative unit are not supported (concept-conditional-access-users-groups).
      // A role without a definition in the snapshot is taken as built-in.
      boolean tenantWide = ra.scope().equals("/") || ra.scope().isEmpty();
      if (tenantWide && builtIn.getOrDefault(ra.role().value(), true)) {
        caRolesOfPrincipal.computeIfAbsent(ra.principalId(), k -> new HashSet<>()).add(template);
      }
    }
    for (Account a : snapshot.accounts()) {
      String id = a.id().value();
      Set<String> roles = new HashSet<>(rolesOfPrincipal.getOrDefault(id, Set.of()));
      for (String g : idx.groupsOf(id)) {
        roles.addAll(rolesOfPrincipal.getOrDefault(g, Set.of()));
      }
      if (!roles.isEmpty()) {
        idx.rolesOfAccount.put(id, Set.copyOf(roles));
      }
      Set<String> caRoles = new HashSet<>(caRolesOfPrincipal.getOrDefault(id, Set.of()));
      for (String g : idx.groupsOf(id)) {
        caRoles.addAll(caRolesOfPrincipal.getOrDefault(g, Set.of()));
      }
      if (!caRoles.isEmpty()) {
        idx.conditionalAccessRolesOfAccount.put(id, Set.copyOf(caRoles));
      }
    }
    return idx;
  }

  private static Set<String> closure(
      String member, Map<String, Set<String>> parents, Map<String, Set<String>> memo) {
    Set<String> cached = memo.get(member);
    if (cached != null) {
      return cached;
    }
    Set<String> out = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(parents.getOrDefault(member, Set.of()));
    while (!todo.isEmpty()) {
      String g = todo.pop();
      if (out.add(g)) {
        todo.addAll(parents.getOrDefault(g, Set.of()));
      }
    }
    memo.put(member, out);
    return out;
  }

  /** The account, when the directory has it. */
  public @Nullable Account account(String accountId) {
    return accounts.get(accountId);
  }

  /** Every group the account is in, nested groups resolved; empty when none or unknown. */
  public Set<String> groupsOf(String accountId) {
    return groupsOfAccount.getOrDefault(accountId, Set.of());
  }

  /** Role template ids the account holds, directly or through a group. */
  public Set<String> rolesOf(String accountId) {
    return rolesOfAccount.getOrDefault(accountId, Set.of());
  }

  /**
   * Role template ids that Conditional Access counts for the account: built-in roles assigned at
   * tenant scope, directly or through a group.
   */
  public Set<String> conditionalAccessRolesOf(String accountId) {
    return conditionalAccessRolesOfAccount.getOrDefault(accountId, Set.of());
  }

  public boolean isGuest(String accountId) {
    Account a = accounts.get(accountId);
    return a != null && a.kind() == AccountKind.GUEST;
  }

  /** All account ids known to the directory. */
  public List<String> accountIds() {
    return List.copyOf(accounts.keySet());
  }
}
