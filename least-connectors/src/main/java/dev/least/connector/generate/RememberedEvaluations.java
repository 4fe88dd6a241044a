package dev.least.connector.generate;

import static java.util.Objects.requireNonNull;

import dev.least.model.ClientAppType;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.TriState;
import dev.least.policy.Evaluation;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import java.util.HashMap;
import java.util.Map;
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
  /** The facts without the time (and the account id of an account no policy names). */
  private record Situation(
      String accountId,
      PrincipalKind principalKind,
      boolean guest,
      Set<String> groupIds,
      Set<String> roleTemplateIds,
      @Nullable String appId,
      ClientAppType clientApp,
      @Nullable String platform,
      @Nullable String ip,
      @Nullable String country,
      RiskLevel signInRisk,
      RiskLevel userRisk,
      TriState deviceCompliant,
      TriState deviceManaged,
      TriState mfaSatisfied,
      boolean interactive,
      @Nullable String deviceId,
      @Nullable String deviceTrustType,
      @Nullable String operatingSystem,
      Set<String> audiences,
      @Nullable String userAction,
      Set<String> authContexts) {}

  private final SignInEvaluator engine;
  private final Set<String> namedAccounts;
  private final int capacity;
  private final Map<Situation, Evaluation> seen = new HashMap<>();
  private final Map<Evaluation, Evaluation> distinct = new HashMap<>();
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

  @Override
  public Evaluation evaluate(SignInFacts f) {
    Situation s =
        new Situation(
            namedAccounts.contains(f.accountId()) ? f.accountId() : "",
            f.principalKind(),
            f.guest(),
            f.groupIds(),
            f.roleTemplateIds(),
            f.appId(),
            f.clientApp(),
            f.platform(),
            f.ip(),
            f.country(),
            f.signInRisk(),
            f.userRisk(),
            f.deviceCompliant(),
            f.deviceManaged(),
            f.mfaSatisfied(),
            f.interactive(),
            f.deviceId(),
            f.deviceTrustType(),
            f.operatingSystem(),
            f.audiences(),
            f.userAction(),
            f.authContexts());
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
    e = distinct.computeIfAbsent(fresh, k -> fresh);
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
