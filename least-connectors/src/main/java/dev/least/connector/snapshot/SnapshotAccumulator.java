package dev.least.connector.snapshot;

import dev.least.model.Account;
import dev.least.model.App;
import dev.least.model.AppAssignment;
import dev.least.model.Group;
import dev.least.model.GroupMembership;
import dev.least.model.HrWorker;
import dev.least.model.Manifest;
import dev.least.model.NamedLocation;
import dev.least.model.RoleAssignment;
import dev.least.model.RoleDefinition;
import dev.least.model.SignInLog;
import dev.least.model.TenantSnapshot;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.okta.OktaPolicy;
import dev.least.source.IdentityJoin;
import java.util.ArrayList;
import java.util.List;

/** Mutable collections the vendor readers fill; {@link #build} makes the immutable snapshot. */
public final class SnapshotAccumulator {
  private final List<HrWorker> workers = new ArrayList<>();
  private final List<Account> accounts = new ArrayList<>();
  private final List<Group> groups = new ArrayList<>();
  private final List<GroupMembership> memberships = new ArrayList<>();
  private final List<App> apps = new ArrayList<>();
  private final List<AppAssignment> appAssignments = new ArrayList<>();
  private final List<RoleDefinition> roles = new ArrayList<>();
  private final List<RoleAssignment> roleAssignments = new ArrayList<>();
  private final List<NamedLocation> locations = new ArrayList<>();
  private final List<ConditionalAccessPolicy> conditionalAccessPolicies = new ArrayList<>();
  private final List<OktaPolicy> oktaPolicies = new ArrayList<>();
  private final SignInLog.Builder signIns = SignInLog.builder();

  /** Mutable: readers add to it. */
  public List<HrWorker> workers() {
    return workers;
  }

  /** Mutable: readers add to it. */
  public List<Account> accounts() {
    return accounts;
  }

  /** Mutable: readers add to it. */
  public List<Group> groups() {
    return groups;
  }

  /** Mutable: readers add to it. */
  public List<GroupMembership> memberships() {
    return memberships;
  }

  /** Mutable: readers add to it. */
  public List<App> apps() {
    return apps;
  }

  /** Mutable: readers add to it. */
  public List<AppAssignment> appAssignments() {
    return appAssignments;
  }

  /** Mutable: readers add to it. */
  public List<RoleDefinition> roles() {
    return roles;
  }

  /** Mutable: readers add to it. */
  public List<RoleAssignment> roleAssignments() {
    return roleAssignments;
  }

  /** Mutable: readers add to it. */
  public List<NamedLocation> locations() {
    return locations;
  }

  /** Mutable: readers add to it. */
  public List<ConditionalAccessPolicy> conditionalAccessPolicies() {
    return conditionalAccessPolicies;
  }

  /** Mutable: readers add to it. */
  public List<OktaPolicy> oktaPolicies() {
    return oktaPolicies;
  }

  /** Mutable: readers add to it. */
  public SignInLog.Builder signIns() {
    return signIns;
  }

  /** Joins people and freezes everything. */
  public Built build(Manifest manifest) {
    IdentityJoin.Result join = IdentityJoin.join(workers, accounts);
    TenantSnapshot snapshot =
        new TenantSnapshot(
            manifest,
            workers,
            accounts,
            join.people(),
            groups,
            memberships,
            apps,
            appAssignments,
            roles,
            roleAssignments,
            locations,
            conditionalAccessPolicies,
            oktaPolicies,
            signIns.build());
    return new Built(snapshot, join);
  }

  /** The snapshot and the identity join that produced its people. */
  public record Built(TenantSnapshot snapshot, IdentityJoin.Result join) {}
}
