package dev.least.policy.entra;

import static java.util.Objects.requireNonNull;

import dev.least.model.PolicyResult;
import dev.least.policy.EvaluationProblem;
import java.util.List;

/**
 * One policy's evaluation for one sign-in, condition by condition: the tracer's unit, as Entra's
 * What If shows it.
 */
public record PolicyTrace(
    String policyId,
    String displayName,
    PolicyState state,
    List<ConditionVerdict> conditions,
    Verdict applicability,
    ControlState grant,
    PolicyResult result,
    List<String> requiredControls,
    List<EvaluationProblem> problems) {
  public PolicyTrace {
    requireNonNull(policyId, "policyId");
    requireNonNull(displayName, "displayName");
    requireNonNull(state, "state");
    requireNonNull(applicability, "applicability");
    requireNonNull(grant, "grant");
    requireNonNull(result, "result");
    conditions = List.copyOf(conditions);
    requiredControls = List.copyOf(requiredControls);
    problems = List.copyOf(problems);
  }

  /** Whether the users and target-resource assignments both hold (what the status counts). */
  public Verdict userAndAppMatch() {
    Verdict v = Verdict.MATCH;
    for (ConditionVerdict c : conditions) {
      if (c.condition() == Condition.USERS || c.condition() == Condition.APPLICATIONS) {
        v = v.and(c.verdict());
      }
    }
    return v;
  }
}
