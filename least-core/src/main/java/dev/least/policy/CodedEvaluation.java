package dev.least.policy;

import dev.least.model.PolicyResult;

/**
 * One sign-in's evaluation held as one int code per policy in buffers that are reused from one
 * sign-in to the next, for replay and simulation over millions of sign-ins: evaluating builds no
 * {@link PolicyOutcome} record, and the record of a policy is looked up only when asked for (a
 * disagreement to explain, a sample to show). After {@link #evaluate}, every accessor answers
 * exactly what {@link SignInEvaluator#evaluate} would have: {@code outcome(i)} equals {@code
 * evaluate(facts).outcomes().get(i)} and {@link #decision()} its decision (problems are not kept).
 *
 * <p>Not thread-safe: one per thread, from {@link CodedSignInEvaluator#newCodedEvaluation()}.
 */
public interface CodedEvaluation {
  /** Evaluates one sign-in, replacing what the buffers held. */
  void evaluate(SignInFacts facts);

  /** The decision of the last evaluated sign-in. */
  Decision decision();

  /** Number of policies, the same for every sign-in. */
  int size();

  /** Policy {@code i}'s id (its outcomes carry no rule id). */
  String policyId(int i);

  /**
   * Policy {@code i}'s result as a code in {@code [0, codeCount())}: for one policy, equal codes
   * mean equal outcomes.
   */
  int code(int i);

  /** Upper bound (exclusive) of the codes. */
  int codeCount();

  /** Policy {@code i}'s result. */
  PolicyResult result(int i);

  /** Policy {@code i}'s outcome record (shared, immutable; no allocation). */
  PolicyOutcome outcome(int i);
}
