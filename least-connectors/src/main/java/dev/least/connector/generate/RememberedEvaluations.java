package dev.least.connector.generate;

import static java.util.Objects.requireNonNull;

import dev.least.policy.Evaluation;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An engine's evaluations remembered per sign-in situation, so that the engine is asked once per
 * situation rather than once per sign-in. A situation is everything the engine is told except the
 * time, and except the account id of an account no policy names: such an account is judged by its
 * kind, groups and roles, so accounts alike share their verdicts.
 *
 * <p>Only for engines whose verdict depends on the time of the sign-in through nothing but ages
 * measured from it, and on the account id only through the policies' user lists: Conditional Access
 * does not look at the time, and the Okta engine as the generator drives it sees factors verified a
 * fixed while before the sign-in ({@link OktaSessionEvaluator}). The remembered evaluation's
 * reasons may name the account that was evaluated first; the generator reads only the decision and
 * the per-policy results. At most {@code capacity} situations are held; when full the memory starts
 * over, which changes how often the engine is asked, never a verdict.
 */
final class RememberedEvaluations implements SignInEvaluator {
  /**
   * The facts without the time (and the account id of an account no policy names), with each set
   * replaced by a number that stands for its contents ({@link #setId}), and the hash computed once.
   */
  private static final class Situation {
    private final String accountId;
    private final int groups;
    private final int roles;
    private final int audiences;
    private final int contexts;

    /** The enums' ordinals and the booleans, packed. */
    private final long flags;

    private final @Nullable String appId;
    private final @Nullable String platform;
    private final @Nullable String ip;
    private final @Nullable String country;
    private final @Nullable String deviceId;
    private final @Nullable String deviceTrustType;
    private final @Nullable String operatingSystem;
    private final @Nullable String userAction;
    private final int hash;

    Situation(String accountId, int groups, int roles, int audiences, int contexts, SignInFacts f) {
      this.accountId = accountId;
      this.groups = groups;
      this.roles = roles;
      this.audiences = audiences;
      this.contexts = contexts;
      this.flags =
          f.principalKind().ordinal()
              | (long) f.clientApp().ordinal() << 8
              | (long) f.signInRisk().ordinal() << 16
              | (long) f.userRisk().ordinal() << 24
              | (long) f.deviceCompliant().ordinal() << 32
              | (long) f.deviceManaged().ordinal() << 40
              | (long) f.mfaSatisfied().ordinal() << 48
              | (f.guest() ? 1L << 56 : 0L)
              | (f.interactive() ? 1L << 57 : 0L);
      this.appId = f.appId();
      this.platform = f.platform();
      this.ip = f.ip();
      this.country = f.country();
      this.deviceId = f.deviceId();
      this.deviceTrustType = f.deviceTrustType();
      this.operatingSystem = f.operatingSystem();
      this.userAction = f.userAction();
      int h = accountId.hashCode();
      h = 31 * h + groups;
      h = 31 * h + roles;
      h = 31 * h + audiences;
      h = 31 * h + contexts;
      h = 31 * h + Long.hashCode(flags);
      h = 31 * h + Objects.hashCode(appId);
      h = 31 * h + Objects.hashCode(platform);
      h = 31 * h + Objects.hashCode(ip);
      h = 31 * h + Objects.hashCode(country);
      h = 31 * h + Objects.hashCode(deviceId);
      h = 31 * h + Objects.hashCode(deviceTrustType);
      h = 31 * h + Objects.hashCode(operatingSystem);
      h = 31 * h + Objects.hashCode(userAction);
      this.hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Situation s
          && hash == s.hash
          && flags == s.flags
          && groups == s.groups
          && roles == s.roles
          && audiences == s.audiences
          && contexts == s.contexts
          && accountId.equals(s.accountId)
          && Objects.equals(appId, s.appId)
          && Objects.equals(platform, s.platform)
          && Objects.equals(ip, s.ip)
          && Objects.equals(country, s.country)
          && Objects.equals(deviceId, s.deviceId)
          && Objects.equals(deviceTrustType, s.deviceTrustType)
          && Objects.equals(operatingSystem, s.operatingSystem)
          && Objects.equals(userAction, s.userAction);
    }
  }

  /**
   * An evaluation as a key for sharing equal evaluations: equal as the evaluation is, with a hash
   * of the decision and the per-policy ids and results only (cheap; equal evaluations agree on it).
   */
  private static final class Distinct {
    private final Evaluation evaluation;
    private final int hash;

    Distinct(Evaluation evaluation) {
      this.evaluation = evaluation;
      int h = evaluation.decision().ordinal();
      for (PolicyOutcome o : evaluation.outcomes()) {
        h = 31 * h + o.policyId().hashCode();
        h = 31 * h + Objects.hashCode(o.ruleId());
        h = 31 * h + o.result().ordinal();
      }
      this.hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Distinct d && hash == d.hash && evaluation.equals(d.evaluation);
    }
  }

  private final SignInEvaluator engine;
  private final Set<String> namedAccounts;
  private final int capacity;
  private final Map<Situation, Evaluation> seen = new HashMap<>();
  private final Map<Distinct, Evaluation> distinct = new HashMap<>();

  /** Per set instance the facts carried: the number standing for its contents. */
  private final Map<Set<String>, Integer> setInstances = new IdentityHashMap<>();

  /** Per set contents: its number. */
  private final Map<Set<String>, Integer> setContents = new HashMap<>();

  private long asked;
  private long remembered;

  /**
   * @param namedAccounts the account ids the policies name (include or exclude)
   * @param capacity the most situations held at once
   */
  RememberedEvaluations(SignInEvaluator engine, Set<String> namedAccounts, int capacity) {
    this.engine = requireNonNull(engine, "engine");
    this.namedAccounts = Set.copyOf(namedAccounts);
    this.capacity = capacity;
  }

  /**
   * The number standing for the set's contents: equal sets get the same number. The facts of one
   * account carry the same set instances sign-in after sign-in, so the set is looked up by identity
   * first and hashed only the first time an instance is seen.
   */
  private int setId(Set<String> set) {
    Integer id = setInstances.get(set);
    if (id == null) {
      id = setContents.get(set);
      if (id == null) {
        id = setContents.size();
        setContents.put(set, id);
      }
      setInstances.put(set, id);
    }
    return id;
  }

  @Override
  public Evaluation evaluate(SignInFacts f) {
    if (setInstances.size() >= 4 * capacity) {
      // the set numbers start over, so the situations keyed by the old numbers go too; done before
      // numbering this sign-in's sets, so that all four are numbered alike
      setInstances.clear();
      setContents.clear();
      seen.clear();
    }
    int groups = setId(f.groupIds());
    int roles = setId(f.roleTemplateIds());
    int audiences = setId(f.audiences());
    int contexts = setId(f.authContexts());
    Situation s =
        new Situation(
            namedAccounts.contains(f.accountId()) ? f.accountId() : "",
            groups,
            roles,
            audiences,
            contexts,
            f);
    Evaluation e = seen.get(s);
    if (e != null) {
      remembered++;
      return e;
    }
    asked++;
    Evaluation fresh = engine.evaluate(f);
    if (distinct.size() >= capacity) {
      distinct.clear();
    }
    e = distinct.computeIfAbsent(new Distinct(fresh), k -> fresh);
    if (seen.size() >= capacity) {
      seen.clear();
    }
    seen.put(s, e);
    return e;
  }

  /** For progress lines: how often the engine was asked and how often a verdict was reused. */
  @Override
  public String toString() {
    return "engine asked " + asked + " times, verdict reused " + remembered + " times";
  }
}
