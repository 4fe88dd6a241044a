package dev.least.model;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A group. Entra: {@code groupTypes} contains {@code DynamicMembership} for dynamic groups, rule in
 * {@code membershipRule}. Okta: groups are static; group rules ({@code groups/rules.json}) make
 * them rule-fed, and the rule expression is kept in {@code membershipRule}.
 */
public record Group(
    GroupId id,
    Source source,
    String name,
    GroupKind kind,
    @Nullable String membershipRule,
    boolean securityEnabled) {
  public Group {
    requireNonNull(id, "id");
    requireNonNull(source, "source");
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
  }
}
