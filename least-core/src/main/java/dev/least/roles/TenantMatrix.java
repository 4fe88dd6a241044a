package dev.least.roles;

import static java.util.Objects.requireNonNull;

import dev.least.model.Account;
import dev.least.model.AccountKind;
import dev.least.model.App;
import dev.least.model.AppAssignment;
import dev.least.model.Group;
import dev.least.model.PrincipalKind;
import dev.least.model.RoleDefinition;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.replay.DirectoryIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The user × entitlement matrix of one platform of a snapshot. Rows: accounts that can sign in and
 * are not service accounts (disabled accounts must not shape roles), sorted by id. Columns, sorted
 * by key: every group the account is in (nested groups resolved), every app assigned to it or to
 * one of those groups, every directory role it holds (by template id). Rows and columns are in
 * matching order with {@link AssignmentMatrix#users()} / {@link AssignmentMatrix#entitlements()}.
 */
public record TenantMatrix(
    Source platform, AssignmentMatrix matrix, List<Account> users, List<Entitlement> entitlements) {
  public TenantMatrix {
    requireNonNull(platform, "platform");
    requireNonNull(matrix, "matrix");
    users = List.copyOf(users);
    entitlements = List.copyOf(entitlements);
    if (users.size() != matrix.userCount() || entitlements.size() != matrix.entitlementCount()) {
      throw new IllegalArgumentException("labels do not match the matrix");
    }
  }

  /**
   * @param includeUser accounts to keep (e.g. not guardrail-protected)
   * @param includeGroup groups to keep as columns (e.g. not guardrail-protected)
   */
  public static TenantMatrix of(
      TenantSnapshot snapshot,
      DirectoryIndex directory,
      Source platform,
      Predicate<Account> includeUser,
      Predicate<Group> includeGroup) {
    Map<String, Group> groups = new HashMap<>();
    for (Group g : snapshot.groups()) {
      if (g.source() == platform && includeGroup.test(g)) {
        groups.put(g.id().value(), g);
      }
    }
    Map<String, App> apps = new HashMap<>();
    snapshot.apps().forEach(a -> apps.put(a.id().value(), a));
    Map<String, Set<String>> appsOfPrincipal = new HashMap<>();
    for (AppAssignment a : snapshot.appAssignments()) {
      if (a.principal().kind() == PrincipalKind.USER
          || a.principal().kind() == PrincipalKind.GROUP) {
        appsOfPrincipal
            .computeIfAbsent(a.principal().id(), k -> new HashSet<>())
            .add(a.app().value());
      }
    }
    Map<String, String> roleNames = new HashMap<>();
    for (RoleDefinition r : snapshot.roles()) {
      roleNames.put(r.templateId() == null ? r.id().value() : r.templateId(), r.name());
      roleNames.putIfAbsent(r.id().value(), r.name());
    }
    List<Account> accounts =
        snapshot.accounts().stream()
            .filter(a -> a.source() == platform)
            .filter(a -> a.status().canSignIn() && a.kind() != AccountKind.SERVICE)
            .filter(includeUser)
            .sorted(java.util.Comparator.comparing(a -> a.id().value()))
            .toList();
    Map<String, Entitlement> columns = new HashMap<>(); // by key; sorted by key once at the end
    List<List<String>> rows = new ArrayList<>();
    for (Account a : accounts) {
      String id = a.id().value();
      List<String> row = new ArrayList<>();
      Set<String> appIds = new HashSet<>(appsOfPrincipal.getOrDefault(id, Set.of()));
      for (String gid : directory.groupsOf(id)) {
        Group g = groups.get(gid);
        if (g != null) {
          row.add(put(columns, new Entitlement(Entitlement.Kind.GROUP, gid, g.name())));
        }
        appIds.addAll(appsOfPrincipal.getOrDefault(gid, Set.of()));
      }
      for (String appId : appIds) {
        App app = apps.get(appId);
        row.add(
            put(
                columns,
                new Entitlement(Entitlement.Kind.APP, appId, app == null ? appId : app.name())));
      }
      for (String role : directory.rolesOf(id)) {
        row.add(
            put(
                columns,
                new Entitlement(Entitlement.Kind.ROLE, role, roleNames.getOrDefault(role, role))));
      }
      rows.add(row);
    }
    // build with columns in sorted key order so the matrix does not depend on hash order
    AssignmentMatrix.Builder b = AssignmentMatrix.builder();
    List<String> keys = new ArrayList<>(columns.keySet());
    keys.sort(null);
    List<Entitlement> cols = new ArrayList<>(keys.size());
    for (String k : keys) {
      cols.add(columns.get(k));
    }
    Map<String, Integer> colIndex = new HashMap<>();
    for (Entitlement e : cols) {
      colIndex.put(e.key(), colIndex.size());
    }
    b.declareEntitlements(cols.stream().map(Entitlement::key).toList());
    for (int i = 0; i < accounts.size(); i++) {
      String uid = accounts.get(i).id().value();
      b.addUser(uid);
      for (String key : rows.get(i)) {
        b.add(uid, key);
      }
    }
    return new TenantMatrix(platform, b.build(), accounts, cols);
  }

  private static String put(Map<String, Entitlement> columns, Entitlement e) {
    String key = e.key();
    columns.putIfAbsent(key, e);
    return key;
  }
}
