package dev.least.policy;

/**
 * A {@link SignInEvaluator} that can also evaluate into a reusable, int-coded result vector (see
 * {@link CodedEvaluation}); replay and simulation use it when an evaluator offers it. The outcomes
 * are in a fixed order, one per policy, the same for every sign-in.
 */
public interface CodedSignInEvaluator extends SignInEvaluator {
  /** A fresh result vector for one thread; it caches what repeats across sign-ins. */
  CodedEvaluation newCodedEvaluation();

  /**
   * Whether the result may depend on the sign-in's time ({@link SignInFacts#epochMillis()}). When
   * it may not, the result is a pure function of the other facts, and replay evaluates each
   * distinct combination of them once. The safe default is {@code true}.
   */
  default boolean readsSignInTime() {
    return true;
  }
}
