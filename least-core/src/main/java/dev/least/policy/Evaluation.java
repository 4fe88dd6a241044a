package dev.least.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The result of evaluating a policy set for one sign-in: the decision, every policy's outcome (in
 * the log's vocabulary, so that replay can compare), and the problems met on the way.
 */
public record Evaluation(
    Decision decision, List<PolicyOutcome> outcomes, List<EvaluationProblem> problems) {
  public Evaluation {
    requireNonNull(decision, "decision");
    outcomes = List.copyOf(outcomes);
    problems = List.copyOf(problems);
  }
}
