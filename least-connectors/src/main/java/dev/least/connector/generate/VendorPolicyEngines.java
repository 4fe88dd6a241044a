package dev.least.connector.generate;

import dev.least.model.NamedLocation;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.policy.CodedEvaluation;
import dev.least.policy.CodedSignInEvaluator;
import dev.least.policy.Evaluation;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaRule;
import dev.least.policy.okta.OktaSignOnEvaluator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The real policy engines: Entra's {@link ConditionalAccessEvaluator} and Okta's {@link
 * OktaSignOnEvaluator} (told the session's factors). Every per-policy result the generator logs is
 * theirs. The Okta engine's evaluation is remembered per sign-in situation ({@link
 * RememberedEvaluations}), so alike sign-ins ask it once; the Conditional Access engine is asked
 * for every sign-in, as it answers about as fast as the memory would (at 20,000 users only a
 * quarter of its sign-ins repeated a situation, and looking one up cost about what evaluating did);
 * it is asked through its int-coded result vector, and sign-ins with equal results share one
 * evaluation.
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
    return new SharedByResults(
        new ConditionalAccessEvaluator(directory.conditionalAccessPolicies(), locations));
  }

  /**
   * An engine asked for every sign-in through its int-coded result vector ({@link
   * CodedEvaluation}), which builds no records: the {@link Evaluation} is then shared by every
   * sign-in with the same decision and per-policy result codes (a policy's outcome record is a
   * function of its code), built by the engine for the first of them. Its problems are those of
   * that first sign-in; the generator reads only the decision and the per-policy outcomes.
   */
  private static final class SharedByResults implements SignInEvaluator {
    /** Distinct result vectors held at most (a few hundred occur). */
    private static final int LIMIT = 1 << 14;

    private final CodedSignInEvaluator engine;
    private final CodedEvaluation coded;
    private final Map<ResultCodes, Evaluation> byCodes = new HashMap<>();
    private final ResultCodes probe;
    private long asked;

    SharedByResults(CodedSignInEvaluator engine) {
      this.engine = engine;
      this.coded = engine.newCodedEvaluation();
      this.probe = new ResultCodes(new int[0]);
    }

    @Override
    public Evaluation evaluate(SignInFacts facts) {
      asked++;
      coded.evaluate(facts);
      int n = coded.size();
      int[] codes = probe.codes.length == n + 1 ? probe.codes : new int[n + 1];
      codes[0] = coded.decision().ordinal();
      for (int i = 0; i < n; i++) {
        codes[i + 1] = coded.code(i);
      }
      probe.set(codes);
      Evaluation e = byCodes.get(probe);
      if (e == null) {
        e = engine.evaluate(facts);
        if (byCodes.size() >= LIMIT) {
          byCodes.clear();
        }
        byCodes.put(new ResultCodes(codes.clone()), e);
      }
      return e;
    }

    @Override
    public String toString() {
      return "engine asked " + asked + " times (every sign-in)";
    }
  }

  /** A decision and per-policy result codes, as a map key (the probe's array is reused). */
  private static final class ResultCodes {
    private int[] codes;
    private int hash;

    ResultCodes(int[] codes) {
      set(codes);
    }

    void set(int[] values) {
      this.codes = values;
      this.hash = Arrays.hashCode(values);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof ResultCodes r && hash == r.hash && Arrays.equals(codes, r.codes);
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
