package dev.least.analysis;

import static java.util.Objects.requireNonNull;

import dev.least.model.DenseKeys;
import dev.least.model.Group;
import dev.least.model.LoggedPolicyResult;
import dev.least.model.PolicyResult;
import dev.least.model.RiskLevel;
import dev.least.model.SignInLog;
import dev.least.model.Source;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.PolicyChange;
import dev.least.policy.entra.PolicyState;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Mode;
import dev.least.recommend.Patch;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code policy_exclusion} (Entra): a group whose members fail an enabled policy far more than
 * everyone else and at no elevated risk — from the logged per-policy results. A group qualifies
 * with at least {@code exclusionMinMembers} (default 5) members who hit the policy, at least {@code
 * exclusionMinSignIns} (default 20) of their sign-ins under it, a failure rate of at least {@code
 * exclusionMinFailureRate} (default 0.5) against at most 0.1 for everyone else, and no medium or
 * high sign-in risk on the failing sign-ins. Only the most specific such group per policy is named
 * (the smallest). Suggests excluding it or giving it an alternative control. Confidence 0.85; risk
 * medium (the cohort loses a control). Impact: the policy replayed with the group excluded.
 */
public final class PolicyExclusionAnalyzer implements PolicyChangeAnalyzer {
  @Override
  public RecommendationType type() {
    return RecommendationType.POLICY_EXCLUSION;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    return in.snapshot().conditionalAccessPolicies().isEmpty()
        ? Optional.of("no Entra CA policies")
        : Optional.empty();
  }

  @Override
  public List<Proposal> propose(AnalysisInput in) {
    int minMembers = in.threshold("exclusionMinMembers", 5);
    int minSignIns = in.threshold("exclusionMinSignIns", 20);
    double minRate = in.settings().thresholds().get("exclusionMinFailureRate", 0.5);
    SignInLog log = in.snapshot().signIns();
    Map<String, ConditionalAccessPolicy> enabled = new HashMap<>();
    for (ConditionalAccessPolicy p : in.snapshot().conditionalAccessPolicies()) {
      if (p.state() == PolicyState.ENABLED
          && !in.guardrails().protectsPolicy(p.id().value(), p.displayName())
          && p.grantControls() != null
          && !p.grantControls().builtInControls().contains("block")) {
        enabled.put(p.id().value(), p);
      }
    }
    // policy -> account -> {applied, failed, risky failures}
    Map<String, Map<String, long[]>> stats = new HashMap<>();
    Map<String, List<String>> samples = new HashMap<>();
    // per logged result list (the log interns them): its results for the policies looked at
    DenseKeys resultSets = new DenseKeys();
    List<List<LoggedPolicyResult>> relevantOf = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      if (log.source(i) != Source.ENTRA) {
        continue;
      }
      int set = resultSets.id(log.resultSetCode(i));
      if (set == relevantOf.size()) {
        List<LoggedPolicyResult> relevant = new ArrayList<>();
        for (LoggedPolicyResult r : log.resultSet(log.resultSetCode(i))) {
          if (enabled.containsKey(r.policyId())
              && (r.result() == PolicyResult.SUCCESS || r.result() == PolicyResult.FAILURE)) {
            relevant.add(r);
          }
        }
        relevantOf.add(relevant);
      }
      List<LoggedPolicyResult> relevant = relevantOf.get(set);
      if (relevant.isEmpty()) {
        continue;
      }
      String account = requireNonNull(log.accountId(i));
      for (LoggedPolicyResult r : relevant) {
        long[] s =
            stats
                .computeIfAbsent(r.policyId(), k -> new HashMap<>())
                .computeIfAbsent(account, k -> new long[3]);
        s[0]++;
        if (r.result() == PolicyResult.FAILURE) {
          s[1]++;
          RiskLevel risk = log.riskLevel(i);
          if (risk == RiskLevel.MEDIUM || risk == RiskLevel.HIGH) {
            s[2]++;
          }
          List<String> smp = samples.computeIfAbsent(r.policyId(), k -> new ArrayList<>());
          if (smp.size() < 10) {
            smp.add(log.eventId(i));
          }
        }
      }
    }
    Map<String, Group> groups = new HashMap<>();
    in.snapshot().groups().forEach(g -> groups.put(g.id().value(), g));
    List<Proposal> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, long[]>> pe : stats.entrySet()) {
      ConditionalAccessPolicy p = enabled.get(pe.getKey());
      Map<String, long[]> byAccount = pe.getValue();
      long allApplied = 0;
      long allFailed = 0;
      for (long[] s : byAccount.values()) {
        allApplied += s[0];
        allFailed += s[1];
      }
      // group -> {members hitting, applied, failed, risky}
      Map<String, long[]> byGroup = new HashMap<>();
      for (Map.Entry<String, long[]> ae : byAccount.entrySet()) {
        for (String g : in.directory().groupsOf(ae.getKey())) {
          long[] t = byGroup.computeIfAbsent(g, k -> new long[4]);
          t[0]++;
          t[1] += ae.getValue()[0];
          t[2] += ae.getValue()[1];
          t[3] += ae.getValue()[2];
        }
      }
      String best = null;
      long[] bestT = null;
      for (Map.Entry<String, long[]> ge : byGroup.entrySet()) {
        long[] t = ge.getValue();
        Group g = groups.get(ge.getKey());
        if (g == null || in.guardrails().protects(g) || t[0] < minMembers || t[1] < minSignIns) {
          continue;
        }
        double rate = (double) t[2] / t[1];
        long restApplied = allApplied - t[1];
        double restRate = restApplied == 0 ? 0 : (double) (allFailed - t[2]) / restApplied;
        // a cohort stands out only against others under the same policy
        if (restApplied < minSignIns || rate < minRate || restRate > 0.1 || t[3] > 0) {
          continue;
        }
        if (best == null
            || t[0] < bestT[0]
            || (t[0] == bestT[0] && ge.getKey().compareTo(best) < 0)) {
          best = ge.getKey();
          bestT = t;
        }
      }
      if (best == null) {
        continue;
      }
      Group g = groups.get(best);
      Set<String> exclude = new LinkedHashSet<>(p.users().excludeGroups());
      exclude.add(best);
      Ref target = new Ref("policy", p.id().value(), p.displayName());
      List<Ref> subjects = List.of(new Ref("group", best, g.name()));
      double rate = (double) bestT[2] / bestT[1];
      ConditionalAccessPolicy.Users u = p.users();
      WhatIfChange change =
          WhatIfChange.Entra.of(
              new PolicyChange.Replaced(
                  p.withUsers(
                      new ConditionalAccessPolicy.Users(
                          u.includeUsers(),
                          u.excludeUsers(),
                          u.includeGroups(),
                          List.copyOf(exclude),
                          u.includeRoles(),
                          u.excludeRoles(),
                          u.includeGuestsOrExternalUserTypes(),
                          u.excludeGuestsOrExternalUserTypes()))));
      out.add(
          new Proposal(
              new Recommendation(
                  Recommendation.stableId(type(), "entra", target, subjects),
                  type(),
                  "entra",
                  target,
                  subjects,
                  "Exclude '"
                      + g.name()
                      + "' from '"
                      + p.displayName()
                      + "', or give it an alternative control (e.g. MFA or app protection instead)",
                  new Patch(
                      "PATCH",
                      "/identity/conditionalAccess/policies/" + p.id().value(),
                      JsonValue.obj(
                          "conditions",
                          JsonValue.obj(
                              "users", JsonValue.obj("excludeGroups", List.copyOf(exclude))))),
                  0.85,
                  Risk.MEDIUM,
                  Map.of("failuresLogged", (double) bestT[2]),
                  String.format(
                      java.util.Locale.ROOT,
                      "%d members of %s failed %s on %.0f%% of %d sign-ins (everyone else: %.0f%%),"
                          + " none at medium or high sign-in risk",
                      bestT[0],
                      g.name(),
                      p.displayName(),
                      rate * 100,
                      bestT[1],
                      allApplied == bestT[1]
                          ? 0.0
                          : 100.0 * (allFailed - bestT[2]) / (allApplied - bestT[1])),
                  List.of(
                      new Evidence(
                          "count",
                          "failed sign-ins under the policy",
                          new JsonValue.Num(bestT[2]),
                          samples.getOrDefault(p.id().value(), List.of()),
                          null,
                          null),
                      Evidence.count("sign-ins under the policy", bestT[1]),
                      Evidence.count("members affected", bestT[0])),
                  Mode.ADVISORY),
              change));
    }
    out.sort(Comparator.comparing(x -> x.recommendation().id()));
    return out;
  }
}
