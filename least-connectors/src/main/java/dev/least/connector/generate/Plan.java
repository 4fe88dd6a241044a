package dev.least.connector.generate;

import static java.util.Objects.requireNonNull;

import dev.least.model.NamedLocation;
import dev.least.model.RoleAssignment;
import dev.least.model.RoleDefinition;
import dev.least.model.Source;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.okta.OktaPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole generated tenant before any byte is written: the organisation, its directory and policies
 * on each platform, the planted scenarios and decoys, and the tenant settings.
 *
 * @param firstDay first UTC epoch day of the log window
 * @param lastDay last UTC epoch day of the log window (the day before capture)
 */
record Plan(
    GeneratorOptions options,
    Instant capturedAt,
    long firstDay,
    long lastDay,
    List<PlannedUser> users,
    List<PlannedGroup> groups,
    List<PlannedApp> apps,
    List<RoleDefinition> roleDefinitions,
    List<RoleAssignment> roleAssignments,
    List<NamedLocation> locations,
    List<ConditionalAccessPolicy> caPolicies,
    List<OktaPolicy> oktaPolicies,
    List<Truth.Scenario> scenarios,
    List<Truth.Decoy> decoys,
    Settings settings) {
  Plan {
    requireNonNull(options, "options");
    requireNonNull(capturedAt, "capturedAt");
    requireNonNull(settings, "settings");
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    apps = List.copyOf(apps);
    roleDefinitions = List.copyOf(roleDefinitions);
    roleAssignments = List.copyOf(roleAssignments);
    locations = List.copyOf(locations);
    caPolicies = List.copyOf(caPolicies);
    oktaPolicies = List.copyOf(oktaPolicies);
    scenarios = List.copyOf(scenarios);
    decoys = List.copyOf(decoys);
  }

  /**
   * {@code least.yaml}: guardrails and the separation-of-duties library.
   *
   * @param sod one rule: id, name, left group names, right group names
   */
  record Settings(
      List<String> protectedUsers,
      List<String> protectedGroups,
      List<String> protectedPolicies,
      List<SodRule> sod) {
    Settings {
      protectedUsers = List.copyOf(protectedUsers);
      protectedGroups = List.copyOf(protectedGroups);
      protectedPolicies = List.copyOf(protectedPolicies);
      sod = List.copyOf(sod);
    }
  }

  /** One separation-of-duties rule by group names. */
  record SodRule(String id, String name, List<String> left, List<String> right) {
    SodRule {
      requireNonNull(id, "id");
      requireNonNull(name, "name");
      left = List.copyOf(left);
      right = List.copyOf(right);
    }
  }

  List<PlannedGroup> groups(Source platform) {
    List<PlannedGroup> out = new ArrayList<>();
    for (PlannedGroup g : groups) {
      if (g.platform() == platform) {
        out.add(g);
      }
    }
    return out;
  }

  List<PlannedApp> apps(Source platform) {
    List<PlannedApp> out = new ArrayList<>();
    for (PlannedApp a : apps) {
      if (a.platform() == platform) {
        out.add(a);
      }
    }
    return out;
  }

  PlannedGroup group(Source platform, String name) {
    for (PlannedGroup g : groups) {
      if (g.platform() == platform && g.name().equals(name)) {
        return g;
      }
    }
    throw new IllegalArgumentException("No " + platform + " group named '" + name + "'");
  }

  PlannedApp app(Source platform, String name) {
    for (PlannedApp a : apps) {
      if (a.platform() == platform && a.name().equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("No " + platform + " app named '" + name + "'");
  }
}
