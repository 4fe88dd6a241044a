package dev.least.policy.okta;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** How one rule fared for one request, in evaluation order. */
public record RuleTrace(
    String ruleId,
    String name,
    int priority,
    boolean system,
    Status status,
    List<ConditionCheck> checks) {
  /** What happened to the rule. */
  public enum Status {
    /** All conditions met: this rule's actions apply. */
    MATCHED,
    /** At least one condition not met. */
    NOT_MATCHED,
    /** No condition failed, but at least one could not be decided: the walk stops here. */
    UNDECIDED,
    /** Skipped: the rule is INACTIVE. */
    INACTIVE
  }

  public RuleTrace {
    requireNonNull(ruleId, "ruleId");
    requireNonNull(name, "name");
    requireNonNull(status, "status");
    checks = List.copyOf(checks);
  }
}
