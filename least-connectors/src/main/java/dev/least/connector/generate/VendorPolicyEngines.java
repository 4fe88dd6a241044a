package dev.least.connector.generate;

import dev.least.model.NamedLocation;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.policy.Evaluation;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaRule;
import dev.least.policy.okta.OktaSignOnEvaluator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The real policy engines: Entra's {@link ConditionalAccessEvaluator} and Okta's {@link
 * OktaSignOnEvaluator} (told the session's factors). Every per-policy result the generator logs is
 * theirs. The Okta engine's evaluation is remembered per sign-in situation ({@link
 * RememberedEvaluations}), so alike sign-ins ask it once; the Conditional Access engine is asked
 * for every sign-in, as it answers about as fast as the memory would (at 20,000 users only a
 * quarter of its sign-ins repeated a situation, and looking one up cost about what evaluating did).
 */
public final class VendorPolicyEngines implements PolicyEngines {
  /** Situations remembered per engine (a few hundred bytes each). */
  private static final int REMEMBERED = 100_000;

  @Override
  public SignInEvaluator entra(TenantSnapshot directory) {
    List<NamedLocation> locations = new ArrayList<>();
    for (NamedLocation l : directory.locations()) {
      if (l.source() == Source.ENTRA) {
        locations.add(l);
      }
    }
    return new AskedEveryTime(
        new ConditionalAccessEvaluator(directory.conditionalAccessPolicies(), locations));
  }

  /** An engine asked for every sign-in, counting how often (for the progress lines). */
  private static final class AskedEveryTime implements SignInEvaluator {
    private final SignInEvaluator engine;
    private long asked;

    AskedEveryTime(SignInEvaluator engine) {
      this.engine = engine;
    }

    @Override
    public Evaluation evaluate(SignInFacts facts) {
      asked++;
      return engine.evaluate(facts);
    }

    @Override
    public String toString() {
      return "engine asked " + asked + " times (every sign-in)";
    }
  }

  @Override
  public SignInEvaluator okta(TenantSnapshot directory) {
    Set<String> named = new HashSet<>();
    for (OktaPolicy p : directory.oktaPolicies()) {
      for (OktaRule r : p.rules()) {
        named.addAll(r.usersInclude());
        named.addAll(r.usersExclude());
      }
    }
    return new RememberedEvaluations(
        new OktaSessionEvaluator(OktaSignOnEvaluator.of(directory)), named, REMEMBERED);
  }
}
