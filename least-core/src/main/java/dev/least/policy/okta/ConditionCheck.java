package dev.least.policy.okta;

import static java.util.Objects.requireNonNull;

/**
 * One rule condition tested against a request, e.g. "network: NO_MATCH, IP 10.0.0.1 is in excluded
 * zone Office".
 *
 * @param condition the condition's JSON path inside the rule's conditions object (people, network,
 *     riskScore, …)
 */
public record ConditionCheck(String condition, Match match, String detail) {
  public ConditionCheck {
    requireNonNull(condition, "condition");
    requireNonNull(match, "match");
    requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return condition + ": " + match + " (" + detail + ")";
  }
}
