package dev.least.analysis;

import dev.least.model.SignInLog;
import dev.least.model.Source;
import dev.least.policy.CodedEvaluation;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.PolicyChange;
import dev.least.policy.entra.PolicyState;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaPolicyType;
import dev.least.policy.okta.OktaRule;
import dev.least.recommend.Evidence;
import dev.least.recommend.Mode;
import dev.least.recommend.Patch;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import dev.least.replay.SignInFactsResolver;
import dev.least.replay.SituationTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code retire_policy} (Entra): a report-only or disabled CA policy that, evaluated by the policy
 * engine <em>as if enabled</em> over every Entra sign-in in the window, would have applied to none,
 * and was created or last modified at least {@code retireMinAgeDays} (default 30) before capture.
 * Fresh experiments and guardrail-protected policies are left alone. Confidence 0.95 when the
 * window holds at least {@code retireMinSignIns} (default 1,000) evaluated sign-ins and spans at
 * least 14 days, else 0.8; a policy whose conditions were not evaluable for some sign-in is not
 * recommended. Risk low; a zero-hit report-only policy with high confidence is auto_eligible (it
 * enforces nothing today). Okta: see {@link #okta}.
 */
public final class RetirePolicyAnalyzer implements PolicyChangeAnalyzer {
  public static final int DEFAULT_MIN_AGE_DAYS = 30;

  @Override
  public RecommendationType type() {
    return RecommendationType.RETIRE_POLICY;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    if (entraSkipReason(in).isPresent() && in.snapshot().oktaPolicies().isEmpty()) {
      return entraSkipReason(in);
    }
    return Optional.empty();
  }

  private static Optional<String> entraSkipReason(AnalysisInput in) {
    if (in.snapshot().conditionalAccessPolicies().isEmpty()) {
      return Optional.of("no Entra CA policies (entra/identity/conditionalAccess/policies.json)");
    }
    SignInLog log = in.snapshot().signIns();
    for (int i = 0; i < log.size(); i++) {
      if (log.source(i) == Source.ENTRA) {
        return Optional.empty();
      }
    }
    return Optional.of("no Entra sign-ins: a policy's hits cannot be counted");
  }

  @Override
  public List<Proposal> propose(AnalysisInput in) {
    List<Proposal> out = new ArrayList<>();
    if (entraSkipReason(in).isEmpty()) {
      out.addAll(entra(in));
    }
    out.addAll(okta(in));
    return out;
  }

  private List<Proposal> entra(AnalysisInput in) {
    int minAge = in.threshold("retireMinAgeDays", DEFAULT_MIN_AGE_DAYS);
    int minSignIns = in.threshold("retireMinSignIns", 1000);
    long cutoff = in.nowMillis() - Duration.ofDays(minAge).toMillis();
    SignInLog log = in.snapshot().signIns();
    SignInFactsResolver resolver = new SignInFactsResolver(in.directory());
    List<Proposal> out = new ArrayList<>();
    List<ConditionalAccessPolicy> candidates = new ArrayList<>();
    for (ConditionalAccessPolicy p : in.snapshot().conditionalAccessPolicies()) {
      if (p.state() != PolicyState.REPORT_ONLY && p.state() != PolicyState.DISABLED) {
        continue;
      }
      if (in.guardrails().protectsPolicy(p.id().value(), p.displayName())) {
        continue;
      }
      Instant changed = p.modified() != null ? p.modified() : p.created();
      if (changed == null || changed.toEpochMilli() > cutoff) {
        continue;
      }
      candidates.add(p);
    }
    if (candidates.isEmpty()) {
      return out;
    }
    // One pass for all candidates: each policy's result is decided by that policy alone (its
    // conditions and grant controls against the sign-in), so evaluating them side by side gives
    // each the result it would get on its own.
    Map<String, Integer> slot = new HashMap<>();
    List<ConditionalAccessPolicy> asEnabledPolicies = new ArrayList<>();
    for (ConditionalAccessPolicy p : candidates) {
      slot.put(p.id().value(), slot.size());
      asEnabledPolicies.add(p.withState(PolicyState.ENABLED));
    }
    ConditionalAccessEvaluator asEnabled =
        new ConditionalAccessEvaluator(asEnabledPolicies, in.snapshot().locations());
    long evaluated = 0;
    long[] hitsOf = new long[candidates.size()];
    long[] notEvaluableOf = new long[candidates.size()];
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    CodedEvaluation cv = asEnabled.newCodedEvaluation();
    int[] slotOf = new int[cv.size()]; // evaluated policy index -> candidate slot
    for (int k = 0; k < slotOf.length; k++) {
      slotOf[k] = slot.get(cv.policyId(k));
    }
    // The evaluation reads nothing of a sign-in but its situation (the columns the resolver reads,
    // not the time; account, address, device and MFA method only as far as the policies can tell
    // them apart: SituationKeys), so each distinct situation is evaluated once and counted for
    // each sign-in.
    SituationKeys keys =
        new SituationKeys(in.directory(), asEnabledPolicies, List.of(), in.snapshot().locations());
    boolean memo = !asEnabled.readsSignInTime();
    SituationTable<int[]> situations = new SituationTable<>();
    for (int i = 0; i < log.size(); i++) {
      if (log.source(i) != Source.ENTRA) {
        continue;
      }
      int[] counts; // null: an account the directory does not know; else slot * 2 (+1 unknown)
      if (memo) {
        long a = keys.a(log, i);
        long b = keys.b(log, i);
        long c = keys.c(log, i);
        long d = keys.d(log, i);
        counts = situations.get(a, b, c, d, 0);
        if (counts == null) {
          if (situations.size() >= SITUATION_LIMIT) {
            situations.clear();
          }
          counts = evaluate(log, i, resolver, cv, slotOf);
          situations.put(a, b, c, d, 0, counts);
        }
      } else {
        counts = evaluate(log, i, resolver, cv, slotOf);
      }
      if (counts == UNKNOWN_ACCOUNT) {
        continue;
      }
      evaluated++;
      long time = log.epochMillis(i);
      from = Math.min(from, time);
      to = Math.max(to, time);
      for (int x : counts) {
        if ((x & 1) == 0) {
          hitsOf[x >>> 1]++;
        } else {
          notEvaluableOf[x >>> 1]++;
        }
      }
    }
    for (ConditionalAccessPolicy p : candidates) {
      Instant changed = p.modified() != null ? p.modified() : p.created();
      long hits = hitsOf[slot.get(p.id().value())];
      long notEvaluable = notEvaluableOf[slot.get(p.id().value())];
      if (evaluated == 0 || hits > 0 || notEvaluable > 0) {
        continue;
      }
      boolean strong = evaluated >= minSignIns && to - from >= Duration.ofDays(14).toMillis();
      double confidence = strong ? 0.95 : 0.8;
      boolean reportOnly = p.state() == PolicyState.REPORT_ONLY;
      Ref target = new Ref("policy", p.id().value(), p.displayName());
      out.add(
          new Proposal(
              new Recommendation(
                  Recommendation.stableId(type(), "entra", target, List.of()),
                  type(),
                  "entra",
                  target,
                  List.of(),
                  "Retire '"
                      + p.displayName()
                      + "': as if enabled it would have applied to no sign-in",
                  new Patch(
                      "DELETE", "/identity/conditionalAccess/policies/" + p.id().value(), null),
                  confidence,
                  Risk.LOW,
                  Map.of("signInsEvaluatedAsEnabled", (double) evaluated),
                  (reportOnly ? "Report-only" : "Disabled")
                      + " since at least "
                      + changed
                      + "; evaluated as enabled over "
                      + evaluated
                      + " Entra sign-ins it applies to none",
                  List.of(
                      new Evidence(
                          "count",
                          "sign-ins the policy would apply to if enabled",
                          new dev.least.recommend.JsonValue.Num(0),
                          List.of(),
                          Instant.ofEpochMilli(from),
                          Instant.ofEpochMilli(to)),
                      Evidence.count("sign-ins evaluated", evaluated),
                      Evidence.fact("state", p.state().wire()),
                      Evidence.fact("last modified", changed.toString())),
                  reportOnly && strong ? Mode.AUTO_ELIGIBLE : Mode.ADVISORY),
              WhatIfChange.Entra.of(new PolicyChange.Deleted(p.id()))));
    }
    return out;
  }

  /** Entra situations kept at once before the table starts over (bounds its memory). */
  private static final int SITUATION_LIMIT = 1 << 20;

  /** What {@link #evaluate} answers for a sign-in whose account the directory does not know. */
  private static final int[] UNKNOWN_ACCOUNT = new int[0];

  /**
   * Evaluates sign-in {@code i} with every candidate as if enabled: per candidate that applies
   * ({@code SUCCESS}/{@code FAILURE}) {@code slot * 2}, per candidate not evaluable ({@code
   * UNKNOWN}) {@code slot * 2 + 1}; {@link #UNKNOWN_ACCOUNT} when the directory does not know the
   * account.
   */
  private static int[] evaluate(
      SignInLog log, int i, SignInFactsResolver resolver, CodedEvaluation cv, int[] slotOf) {
    String account = log.accountId(i);
    if (account == null || !resolver.knows(account)) {
      return UNKNOWN_ACCOUNT;
    }
    cv.evaluate(resolver.resolve(log, i));
    int[] out = new int[slotOf.length];
    int n = 0;
    for (int k = 0; k < slotOf.length; k++) {
      switch (cv.result(k)) {
        case SUCCESS, FAILURE -> out[n++] = slotOf[k] * 2;
        case UNKNOWN -> out[n++] = slotOf[k] * 2 + 1;
        default -> {}
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Okta: an INACTIVE policy (not the default), and an active rule that can never match because a
   * higher-priority active rule of the same active policy has no condition at all (a catch-all) —
   * Okta walks rules in priority order and stops at the first match. The default (system) rule is
   * never proposed. An inactive policy may be kept as a standby (protect it in {@code least.yaml}),
   * so its confidence is 0.8 and it stays advisory; a shadowed rule is certain (0.95) and
   * deactivating it changes nothing, so it is auto_eligible.
   */
  private List<Proposal> okta(AnalysisInput in) {
    List<Proposal> out = new ArrayList<>();
    for (OktaPolicy p : in.snapshot().oktaPolicies()) {
      if (p.system()
          || in.guardrails().protectsPolicy(p.id().value(), p.name())
          || (p.type() != OktaPolicyType.OKTA_SIGN_ON
              && p.type() != OktaPolicyType.ACCESS_POLICY)) {
        continue;
      }
      Ref target = new Ref("policy", p.id().value(), p.name());
      if (!p.active()) {
        out.add(
            new Proposal(
                new Recommendation(
                    Recommendation.stableId(type(), "okta", target, List.of()),
                    type(),
                    "okta",
                    target,
                    List.of(),
                    "Delete the inactive Okta policy '" + p.name() + "'",
                    new Patch("DELETE", "/api/v1/policies/" + p.id().value(), null),
                    0.8,
                    Risk.LOW,
                    Map.of("rulesRemoved", (double) p.rules().size()),
                    "'"
                        + p.name()
                        + "' is INACTIVE: Okta evaluates no sign-in against it; unless it is kept"
                        + " as a standby, it only adds to what reviewers must read",
                    List.of(
                        Evidence.fact("status", p.status()),
                        Evidence.fact("type", p.typeRaw()),
                        Evidence.count("rules", p.rules().size())),
                    Mode.ADVISORY),
                new WhatIfChange.Okta(List.of(p), List.of())));
        continue;
      }
      List<OktaRule> ordered = new ArrayList<>(p.rules());
      ordered.sort(Comparator.comparing(OktaRule::system).thenComparingInt(OktaRule::priority));
      OktaRule catchAll = null;
      for (OktaRule r : ordered) {
        if (!r.active()) {
          continue;
        }
        if (catchAll != null && !r.system()) {
          out.add(shadowed(p, r, catchAll, ordered));
        } else if (catchAll == null && r.matchesEverything()) {
          catchAll = r;
        }
      }
    }
    return out;
  }

  private Proposal shadowed(OktaPolicy p, OktaRule rule, OktaRule catchAll, List<OktaRule> rules) {
    Ref target = new Ref("policy", p.id().value(), p.name());
    // one recommendation per rule: the rule is part of the id's key, the target is its policy
    Ref key = new Ref("policy", p.id().value() + "/rules/" + rule.id(), p.name());
    List<OktaRule> after = new ArrayList<>();
    for (OktaRule r : rules) {
      after.add(r.id().equals(rule.id()) ? r.withStatus("INACTIVE") : r);
    }
    return new Proposal(
        new Recommendation(
            Recommendation.stableId(type(), "okta", key, List.of()),
            type(),
            "okta",
            target,
            List.of(),
            "Deactivate rule '"
                + rule.name()
                + "' of '"
                + p.name()
                + "': the catch-all rule '"
                + catchAll.name()
                + "' above it matches every sign-in first",
            new Patch(
                "POST",
                "/api/v1/policies/"
                    + p.id().value()
                    + "/rules/"
                    + rule.id()
                    + "/lifecycle/deactivate",
                null),
            0.95,
            Risk.LOW,
            Map.of("rulesRemoved", 1.0),
            "Rule '"
                + rule.name()
                + "' (priority "
                + rule.priority()
                + ") can never match: '"
                + catchAll.name()
                + "' (priority "
                + catchAll.priority()
                + ") has no condition, and Okta stops at the first matching rule",
            List.of(
                Evidence.fact("rule", rule.name() + " (" + rule.id() + ")"),
                Evidence.fact(
                    "shadowed by",
                    catchAll.name()
                        + " ("
                        + catchAll.id()
                        + ", priority "
                        + catchAll.priority()
                        + ")")),
            Mode.AUTO_ELIGIBLE),
        new WhatIfChange.Okta(List.of(p.withRules(after)), List.of()));
  }
}
