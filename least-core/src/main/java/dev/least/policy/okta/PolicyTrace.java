package dev.least.policy.okta;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one policy fared for one request: whether it was considered and which of its rules were
 * walked. Rules after the matched (or undecided) one are not listed.
 *
 * @param matchedRuleId the matched rule, or the undecided rule when {@link #status()} is UNDECIDED
 */
public record PolicyTrace(
    String policyId,
    String name,
    OktaPolicyType type,
    int priority,
    Status status,
    String detail,
    List<RuleTrace> rules,
    @Nullable String matchedRuleId) {
  /** What happened to the policy. */
  public enum Status {
    /** A rule matched: its actions apply. */
    APPLIED,
    /** The user is in none of the policy's groups (global session policies only). */
    NOT_ASSIGNED,
    /** Skipped: the policy is INACTIVE. */
    INACTIVE,
    /** The policy has no rules and is never applied. */
    NO_RULES,
    /** No active rule matched: the next policy is considered. */
    NO_RULE_MATCHED,
    /** A rule could not be decided from what is known. */
    UNDECIDED
  }

  public PolicyTrace {
    requireNonNull(policyId, "policyId");
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(status, "status");
    requireNonNull(detail, "detail");
    rules = List.copyOf(rules);
  }
}
