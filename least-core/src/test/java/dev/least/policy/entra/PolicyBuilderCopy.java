package dev.least.policy.entra;

import java.util.List;

/** Copies of a policy with one part changed (records have no withers in Java 17). */
final class PolicyBuilderCopy {
  private PolicyBuilderCopy() {}

  static ConditionalAccessPolicy withUsers(
      ConditionalAccessPolicy p, ConditionalAccessPolicy.Users u) {
    return new ConditionalAccessPolicy(
        p.id(),
        p.displayName(),
        p.state(),
        p.created(),
        p.modified(),
        u,
        p.applications(),
        p.clientAppTypes(),
        p.platforms(),
        p.locations(),
        p.signInRiskLevels(),
        p.userRiskLevels(),
        p.deviceFilter(),
        p.grantControls(),
        p.sessionControls(),
        p.unknownValues(),
        p.rawJson());
  }

  static ConditionalAccessPolicy withState(ConditionalAccessPolicy p, PolicyState s) {
    return new ConditionalAccessPolicy(
        p.id(),
        p.displayName(),
        s,
        p.created(),
        p.modified(),
        p.users(),
        p.applications(),
        p.clientAppTypes(),
        p.platforms(),
        p.locations(),
        p.signInRiskLevels(),
        p.userRiskLevels(),
        p.deviceFilter(),
        p.grantControls(),
        p.sessionControls(),
        p.unknownValues(),
        p.rawJson());
  }

  /** The same policy granting only {@code control} (AND), with no grant-side unknown values. */
  static ConditionalAccessPolicy withGrant(ConditionalAccessPolicy p, String control) {
    return new ConditionalAccessPolicy(
        p.id(),
        p.displayName(),
        p.state(),
        p.created(),
        p.modified(),
        p.users(),
        p.applications(),
        p.clientAppTypes(),
        p.platforms(),
        p.locations(),
        p.signInRiskLevels(),
        p.userRiskLevels(),
        p.deviceFilter(),
        new ConditionalAccessPolicy.GrantControls(
            "AND", List.of(control), List.of(), List.of(), null, null),
        p.sessionControls(),
        p.unknownValues().stream().filter(v -> !PolicyValidator.isGrantValue(v)).toList(),
        p.rawJson());
  }
}
