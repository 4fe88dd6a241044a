package dev.least.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code least.yaml}: guardrails (never recommend changes touching these), the separation-of-duties
 * rule library, and analyzer thresholds. Absent file = {@link #defaults()}.
 */
public record TenantSettings(Guardrails guardrails, List<SodRule> sod, Thresholds thresholds) {
  public TenantSettings {
    requireNonNull(guardrails, "guardrails");
    requireNonNull(thresholds, "thresholds");
    sod = List.copyOf(sod);
  }

  public static TenantSettings defaults() {
    return new TenantSettings(
        new Guardrails(List.of(), List.of(), List.of()), List.of(), new Thresholds(Map.of()));
  }

  /** Ids or names (UPN/login for users) that must never be the target or subject of a change. */
  public record Guardrails(
      List<String> protectedUsers, List<String> protectedGroups, List<String> protectedPolicies) {
    public Guardrails {
      protectedUsers = List.copyOf(protectedUsers);
      protectedGroups = List.copyOf(protectedGroups);
      protectedPolicies = List.copyOf(protectedPolicies);
    }
  }

  /** One toxic combination: holding any of {@code left} and any of {@code right}. */
  public record SodRule(String id, String name, SodSide left, SodSide right) {
    public SodRule {
      requireNonNull(id, "id");
      requireNonNull(name, "name");
      requireNonNull(left, "left");
      requireNonNull(right, "right");
    }
  }

  /** Entitlements on one side of a rule, by group/app/role name or id. */
  public record SodSide(List<String> groups, List<String> apps, List<String> roles) {
    public SodSide {
      groups = List.copyOf(groups);
      apps = List.copyOf(apps);
      roles = List.copyOf(roles);
    }
  }

  /**
   * Analyzer thresholds by name ({@code staleDays}, {@code unusedAccessDays}, {@code
   * retireMinAgeDays}, {@code travelMaxKmh}, …). Each analyzer documents its own names and
   * defaults; docs/analyzer-thresholds.md lists them all.
   */
  public record Thresholds(Map<String, Double> values) {
    /** The names the contract documents, with their defaults. */
    public static final Map<String, Double> CONTRACT_DEFAULTS =
        Map.of("staleDays", 90.0, "unusedAccessDays", 90.0, "retireMinAgeDays", 30.0);

    public Thresholds {
      values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public double get(String name, double defaultValue) {
      return values.getOrDefault(name, defaultValue);
    }

    public int getInt(String name, int defaultValue) {
      Double v = values.get(name);
      return v == null ? defaultValue : (int) Math.round(v);
    }

    public Set<String> names() {
      return values.keySet();
    }
  }
}
