package dev.least.policy.okta;

import static java.util.Objects.requireNonNull;

import dev.least.model.PolicyId;
import java.util.List;

/**
 * An Okta policy with its rules (from {@code policies/{TYPE}.json} and {@code
 * policies/{id}/rules.json}).
 *
 * @param groupsInclude policy-level {@code conditions.people.groups.include} (sign-on policies are
 *     assigned to groups)
 * @param typeRaw the {@code type} string as given (kept when {@link #type()} is OTHER)
 */
public record OktaPolicy(
    PolicyId id,
    String name,
    OktaPolicyType type,
    String typeRaw,
    String status,
    int priority,
    boolean system,
    List<String> groupsInclude,
    List<OktaRule> rules,
    String rawJson) {
  public OktaPolicy {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(typeRaw, "typeRaw");
    requireNonNull(status, "status");
    requireNonNull(rawJson, "rawJson");
    groupsInclude = List.copyOf(groupsInclude);
    rules = List.copyOf(rules);
  }

  public boolean active() {
    return "ACTIVE".equals(status);
  }

  /** This policy with other rules (same id, name, status and priority). */
  public OktaPolicy withRules(List<OktaRule> newRules) {
    return new OktaPolicy(
        id, name, type, typeRaw, status, priority, system, groupsInclude, newRules, rawJson);
  }

  /** This policy with another status ({@code ACTIVE} or {@code INACTIVE}). */
  public OktaPolicy withStatus(String newStatus) {
    return new OktaPolicy(
        id, name, type, typeRaw, newStatus, priority, system, groupsInclude, rules, rawJson);
  }
}
