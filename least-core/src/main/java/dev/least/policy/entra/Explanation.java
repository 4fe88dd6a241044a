package dev.least.policy.entra;

import static java.util.Objects.requireNonNull;

import dev.least.model.PolicyResult;
import dev.least.policy.Decision;
import dev.least.policy.EvaluationProblem;
import java.util.List;

/**
 * Why a sign-in got its decision, like Entra's What If: every policy with each condition's verdict
 * and evidence, the grant state, and the derived {@code conditionalAccessStatus}.
 */
public record Explanation(
    Decision decision,
    ConditionalAccessStatus status,
    List<PolicyTrace> policies,
    List<EvaluationProblem> problems) {
  public Explanation {
    requireNonNull(decision, "decision");
    requireNonNull(status, "status");
    policies = List.copyOf(policies);
    problems = List.copyOf(problems);
  }

  /** The trace of one policy. */
  public PolicyTrace policy(String policyId) {
    for (PolicyTrace t : policies) {
      if (t.policyId().equals(policyId)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no policy '" + policyId + "' in this explanation");
  }

  /** Derives {@code conditionalAccessStatus} from enabled policies under the given rule. */
  static ConditionalAccessStatus status(
      List<PolicyTrace> traces, ConditionalAccessStatus.Rule rule) {
    boolean unknown = false;
    boolean success = false;
    for (PolicyTrace t : traces) {
      if (t.state() != PolicyState.ENABLED) {
        continue;
      }
      if (t.result() == PolicyResult.FAILURE) {
        return ConditionalAccessStatus.FAILURE;
      }
      Verdict counted =
          rule == ConditionalAccessStatus.Rule.USER_AND_APP_MATCH
              ? t.userAndAppMatch()
              : Verdict.of(t.result() == PolicyResult.SUCCESS);
      if (t.result() == PolicyResult.UNKNOWN && counted != Verdict.MATCH) {
        counted = Verdict.UNKNOWN;
      }
      success |= counted == Verdict.MATCH;
      unknown |= counted == Verdict.UNKNOWN;
    }
    if (unknown) {
      return ConditionalAccessStatus.UNKNOWN;
    }
    return success ? ConditionalAccessStatus.SUCCESS : ConditionalAccessStatus.NOT_APPLIED;
  }

  /** A plain-text rendering, one block per policy. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("decision ")
        .append(decision)
        .append(", conditionalAccessStatus ")
        .append(status.wire());
    sb.append('\n');
    for (PolicyTrace t : policies) {
      sb.append("- ")
          .append(t.displayName())
          .append(" [")
          .append(t.policyId())
          .append("] ")
          .append(t.state().wire())
          .append(" -> ")
          .append(t.result().wire());
      if (!t.requiredControls().isEmpty()) {
        sb.append(" requires ").append(String.join(", ", t.requiredControls()));
      }
      sb.append('\n');
      for (ConditionVerdict c : t.conditions()) {
        sb.append("    ").append(c).append('\n');
      }
      if (t.applicability() == Verdict.MATCH) {
        sb.append("    grant ").append(t.grant()).append('\n');
      }
      for (EvaluationProblem p : t.problems()) {
        sb.append("    problem ").append(p.code()).append(": ").append(p.detail()).append('\n');
      }
    }
    return sb.toString();
  }
}
