package dev.least.model;

import static java.util.Objects.requireNonNull;

import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.okta.OktaPolicy;
import java.util.List;

/** One tenant at one moment, normalized: what every analysis reads. */
public record TenantSnapshot(
    Manifest manifest,
    List<HrWorker> workers,
    List<Account> accounts,
    List<Person> people,
    List<Group> groups,
    List<GroupMembership> memberships,
    List<App> apps,
    List<AppAssignment> appAssignments,
    List<RoleDefinition> roles,
    List<RoleAssignment> roleAssignments,
    List<NamedLocation> locations,
    List<ConditionalAccessPolicy> conditionalAccessPolicies,
    List<OktaPolicy> oktaPolicies,
    SignInLog signIns) {
  public TenantSnapshot {
    requireNonNull(manifest, "manifest");
    requireNonNull(signIns, "signIns");
    workers = List.copyOf(workers);
    accounts = List.copyOf(accounts);
    people = List.copyOf(people);
    groups = List.copyOf(groups);
    memberships = List.copyOf(memberships);
    apps = List.copyOf(apps);
    appAssignments = List.copyOf(appAssignments);
    roles = List.copyOf(roles);
    roleAssignments = List.copyOf(roleAssignments);
    locations = List.copyOf(locations);
    conditionalAccessPolicies = List.copyOf(conditionalAccessPolicies);
    oktaPolicies = List.copyOf(oktaPolicies);
  }
}
