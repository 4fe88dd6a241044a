package dev.least.policy;

/**
 * Evaluates one vendor's compiled policy set for one sign-in. Implementations are immutable and
 * thread-safe; problems are returned in the {@link Evaluation}, never thrown.
 */
@FunctionalInterface
public interface SignInEvaluator {
  Evaluation evaluate(SignInFacts facts);
}
