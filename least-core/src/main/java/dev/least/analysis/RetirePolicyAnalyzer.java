package dev.least.analysis;

import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import dev.least.model.Source;
import dev.least.policy.Evaluation;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.PolicyChange;
import dev.least.policy.entra.PolicyState;
import dev.least.recommend.Evidence;
import dev.least.recommend.Mode;
import dev.least.recommend.Patch;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import dev.least.replay.SignInFactsResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * enforces nothing today). Okta: not yet.
 */
public final class RetirePolicyAnalyzer implements PolicyChangeAnalyzer {
  public static final int DEFAULT_MIN_AGE_DAYS = 30;

  @Override
  public RecommendationType type() {
    return RecommendationType.RETIRE_POLICY;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
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
    int minAge = in.threshold("retireMinAgeDays", DEFAULT_MIN_AGE_DAYS);
    int minSignIns = in.threshold("retireMinSignIns", 1000);
    long cutoff = in.nowMillis() - Duration.ofDays(minAge).toMillis();
    SignInLog log = in.snapshot().signIns();
    SignInFactsResolver resolver = new SignInFactsResolver(in.directory());
    List<Proposal> out = new ArrayList<>();
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
      ConditionalAccessEvaluator asEnabled =
          new ConditionalAccessEvaluator(
              List.of(p.withState(PolicyState.ENABLED)), in.snapshot().locations());
      long evaluated = 0;
      long hits = 0;
      long notEvaluable = 0;
      long from = Long.MAX_VALUE;
      long to = Long.MIN_VALUE;
      for (int i = 0; i < log.size(); i++) {
        if (log.source(i) != Source.ENTRA) {
          continue;
        }
        SignInEvent e = log.get(i);
        if (!resolver.knows(e)) {
          continue;
        }
        Evaluation ev = asEnabled.evaluate(resolver.resolve(e));
        evaluated++;
        from = Math.min(from, e.epochMillis());
        to = Math.max(to, e.epochMillis());
        for (PolicyOutcome o : ev.outcomes()) {
          switch (o.result()) {
            case SUCCESS, FAILURE -> hits++;
            case UNKNOWN -> notEvaluable++;
            default -> {}
          }
        }
      }
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
}
