package dev.least.analysis;

import dev.least.model.Account;
import dev.least.model.TenantSettings.SodRule;
import dev.least.recommend.Evidence;
import dev.least.recommend.Mode;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import dev.least.sod.AccessCheck;
import dev.least.sod.Entitlement;
import dev.least.sod.EntitlementIndex;
import dev.least.sod.SodRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sod_conflict}: an account holds both sides of a rule in the SoD library ({@code
 * least.yaml} rules plus the shipped starter library, see {@link SodRules}). Holding means a group
 * (direct or nested, or through a dynamic rule matching the account's attributes), an app (assigned
 * directly or through a group) or a directory role. One recommendation per account and rule;
 * subjects are the entitlements on both sides; the evidence says how each is held. Confidence 0.95
 * (the fact is certain; whether it is a real conflict is the rule author's call); risk medium
 * (removing either side changes someone's job). No patch: which side to remove is a business
 * decision.
 */
public final class SodConflictAnalyzer implements Analyzer {
  @Override
  public RecommendationType type() {
    return RecommendationType.SOD_CONFLICT;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    if (SodRules.inForce(in.settings()).isEmpty()) {
      return Optional.of("no sod rules in least.yaml and the starter library is switched off");
    }
    return in.snapshot().accounts().isEmpty()
        ? Optional.of("no accounts in the snapshot")
        : Optional.empty();
  }

  @Override
  public List<Recommendation> analyze(AnalysisInput in) {
    AccessCheck check =
        new AccessCheck(EntitlementIndex.of(in.snapshot()), SodRules.inForce(in.settings()));
    List<Recommendation> out = new ArrayList<>();
    for (Account acct : in.snapshot().accounts()) {
      if (in.guardrails().protects(acct) || !acct.status().canSignIn()) {
        continue;
      }
      Map<String, List<AccessCheck.Conflict>> byRule = new LinkedHashMap<>();
      for (AccessCheck.Conflict c : check.existing(acct)) {
        byRule.computeIfAbsent(c.rule().id(), k -> new ArrayList<>()).add(c);
      }
      for (List<AccessCheck.Conflict> cs : byRule.values()) {
        out.add(recommend(acct, cs));
      }
    }
    return out;
  }

  private Recommendation recommend(Account acct, List<AccessCheck.Conflict> cs) {
    SodRule rule = cs.get(0).rule();
    Set<Entitlement> left = new LinkedHashSet<>();
    Set<Entitlement> right = new LinkedHashSet<>();
    List<Evidence> ev = new ArrayList<>();
    ev.add(Evidence.fact("rule", rule.id() + ": " + rule.name()));
    Set<String> described = new LinkedHashSet<>();
    for (AccessCheck.Conflict c : cs) {
      left.add(c.left().entitlement());
      right.add(c.right().entitlement());
      described.add(describe(c.left()));
      described.add(describe(c.right()));
    }
    described.forEach(d -> ev.add(Evidence.fact("held", d)));
    List<Ref> subjects = new ArrayList<>();
    left.forEach(e -> subjects.add(ref(e)));
    right.forEach(e -> subjects.add(ref(e)));
    Ref target = AccountPatches.ref(acct);
    String platform = AccountPatches.platform(acct);
    return new Recommendation(
        Recommendation.stableId(type(), platform, target, subjects),
        type(),
        platform,
        target,
        subjects,
        "Resolve "
            + rule.id()
            + " ("
            + rule.name()
            + ") for "
            + acct.login()
            + ": remove one side or record an approved exception",
        null,
        0.95,
        Risk.MEDIUM,
        Map.of("usersAffected", 1.0),
        acct.login() + " holds " + names(left) + " and " + names(right),
        ev,
        Mode.ADVISORY);
  }

  private static String describe(dev.least.sod.Holding h) {
    return h.entitlement().kind().wire() + " " + h.entitlement().name() + " (" + h.describe() + ")";
  }

  private static Ref ref(Entitlement e) {
    return new Ref(e.kind().wire(), e.id(), e.name());
  }

  private static String names(Set<Entitlement> es) {
    return String.join(", ", es.stream().map(Entitlement::name).toList());
  }
}
