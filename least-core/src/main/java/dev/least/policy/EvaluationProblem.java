package dev.least.policy;

import static java.util.Objects.requireNonNull;

/** Why one policy could not be evaluated exactly for one sign-in. Returned as data, not thrown. */
public record EvaluationProblem(ProblemCode code, String policyId, String detail) {
  public EvaluationProblem {
    requireNonNull(code, "code");
    requireNonNull(policyId, "policyId");
    requireNonNull(detail, "detail");
  }
}
