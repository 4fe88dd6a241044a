package dev.least.connector.generate;

import static java.util.Objects.requireNonNull;

import dev.least.model.TriState;
import dev.least.policy.Evaluation;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import dev.least.policy.okta.FactorMethod;
import dev.least.policy.okta.OktaSignOnEvaluator;
import dev.least.policy.okta.SessionState;
import dev.least.policy.okta.VerifiedFactor;

/**
 * The Okta engine, told what the generator knows and a replayed log does not: the session's
 * factors. The password is verified in every sign-in; an Okta Verify push too once the session has
 * done MFA ({@link SignInFacts#mfaSatisfied()}).
 */
public final class OktaSessionEvaluator implements SignInEvaluator {
  private final OktaSignOnEvaluator engine;

  public OktaSessionEvaluator(OktaSignOnEvaluator engine) {
    this.engine = requireNonNull(engine, "engine");
  }

  @Override
  public Evaluation evaluate(SignInFacts facts) {
    long t = facts.epochMillis();
    SessionState session =
        facts.mfaSatisfied() == TriState.TRUE
            ? SessionState.of(
                VerifiedFactor.of(FactorMethod.PASSWORD, t - 60_000),
                VerifiedFactor.of(FactorMethod.PUSH, t - 50_000))
            : SessionState.of(VerifiedFactor.of(FactorMethod.PASSWORD, t - 1_000));
    return engine
        .evaluate(OktaSignOnEvaluator.requestOf(facts).toBuilder().session(session).build())
        .evaluation();
  }
}
