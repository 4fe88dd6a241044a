package dev.least.analysis;

import dev.least.model.NamedLocation;
import dev.least.model.PolicyId;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import dev.least.model.Source;
import dev.least.policy.Evaluation;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.IpAddress;
import dev.least.policy.entra.IpRange;
import dev.least.policy.entra.PolicyState;
import dev.least.policy.okta.OktaSignOnEvaluator;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Recommendation;
import dev.least.replay.SignInFactsResolver;
import dev.least.replay.Simulation;
import dev.least.replay.SimulationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Fills a proposal's {@code impact} by running its change through the what-if {@link Simulation}
 * over every sign-in of its platform in the snapshot, exactly as {@code least simulate --change}
 * does, and adds the simulation as evidence (sample event ids of changed sign-ins). Impact keys
 * (docs/analysis.md): {@code signInsReplayed}, {@code signInsAffected}, {@code usersAffected},
 * {@code appsAffected}, {@code signInsNewlyBlocked}, {@code signInsNewlyRequiringMfa}, {@code
 * signInsNewlyRequiringCompliantDevice}, {@code signInsRelieved}, {@code signInsNewlyNotEvaluable};
 * structural figures the analyzer set (e.g. {@code policiesRemoved}) are kept.
 *
 * <p>One pass over the log for all proposals. A sign-in goes through the full baseline and
 * candidate evaluation only when the change can alter its result: for Entra when a touched policy
 * (before or after, evaluated as if enabled) applies to it, or its address or country falls in an
 * added location; for Okta when a touched policy decided it under the current policies, or it falls
 * in an added zone. Every other sign-in evaluates identically under both sets (Conditional Access
 * combines applying policies independently; an Okta change that keeps every rule's conditions only
 * alters sign-ins its policy decided), so the counts equal a full replay.
 */
public final class SimulatedImpact {
  private SimulatedImpact() {}

  /** The final recommendations, in the proposals' order. */
  public static List<Recommendation> apply(AnalysisInput in, List<Proposal> proposals) {
    if (proposals.isEmpty()) {
      return List.of();
    }
    SignInLog log = in.snapshot().signIns();
    SignInFactsResolver resolver = new SignInFactsResolver(in.directory());
    List<Slot> slots = new ArrayList<>();
    SignInEvaluator entraNow = null;
    OktaSignOnEvaluator oktaNow = null;
    boolean oktaBaselineNeeded = false;
    for (Proposal p : proposals) {
      if (p.change() instanceof WhatIfChange.Entra e) {
        if (entraNow == null) {
          entraNow =
              new ConditionalAccessEvaluator(
                  in.snapshot().conditionalAccessPolicies(), in.snapshot().locations());
        }
        slots.add(entra(in, p, e, entraNow, resolver));
      } else if (p.change() instanceof WhatIfChange.Okta o) {
        if (oktaNow == null) {
          oktaNow = OktaSignOnEvaluator.of(in.snapshot());
        }
        oktaBaselineNeeded |= !o.replacedPolicies().isEmpty();
        slots.add(okta(in, p, o, oktaNow, resolver));
      }
    }
    long[] from = new long[Source.values().length];
    long[] to = new long[Source.values().length];
    long[] replayed = new long[Source.values().length];
    java.util.Arrays.fill(from, Long.MAX_VALUE);
    java.util.Arrays.fill(to, Long.MIN_VALUE);
    for (int i = 0; i < log.size(); i++) {
      Source src = log.source(i);
      if (src != Source.ENTRA && src != Source.OKTA) {
        continue;
      }
      int s = src.ordinal();
      replayed[s]++;
      from[s] = Math.min(from[s], log.epochMillis(i));
      to[s] = Math.max(to[s], log.epochMillis(i));
      SignInEvent event = null;
      SignInFacts facts = null;
      Evaluation oktaBaseline = null;
      for (Slot slot : slots) {
        if (slot.platform != src) {
          continue;
        }
        if (event == null) {
          event = log.get(i);
          facts = resolver.resolve(event);
          if (src == Source.OKTA && oktaBaselineNeeded && oktaNow != null) {
            oktaBaseline = oktaNow.evaluate(facts);
          }
        }
        if (slot.relevant.test(facts, oktaBaseline)) {
          slot.simulation.record(event);
        }
      }
    }
    List<Recommendation> out = new ArrayList<>();
    for (Slot slot : slots) {
      int s = slot.platform.ordinal();
      out.add(
          fill(
              slot.proposal.recommendation(),
              slot.simulation.report(),
              replayed[s],
              replayed[s] == 0 ? null : Instant.ofEpochMilli(from[s]),
              replayed[s] == 0 ? null : Instant.ofEpochMilli(to[s])));
    }
    return out;
  }

  /** The recommendation with the simulated figures in {@code impact} and the run as evidence. */
  static Recommendation fill(
      Recommendation r,
      SimulationReport report,
      long replayed,
      @org.jspecify.annotations.Nullable Instant from,
      @org.jspecify.annotations.Nullable Instant to) {
    Map<String, Double> impact = new HashMap<>(r.impact());
    impact.put("signInsReplayed", (double) replayed);
    impact.put("signInsAffected", (double) report.changed());
    impact.put("usersAffected", (double) report.topUsers().size());
    impact.put("appsAffected", (double) report.topApps().size());
    for (Simulation.Change c : Simulation.Change.values()) {
      impact.put(key(c), (double) report.count(c));
    }
    List<String> samples = new ArrayList<>();
    for (Simulation.Change c : Simulation.Change.values()) {
      for (String id : report.samples().getOrDefault(c, List.of())) {
        if (samples.size() < Evidence.MAX_SAMPLES && !samples.contains(id)) {
          samples.add(id);
        }
      }
    }
    List<Evidence> evidence = new ArrayList<>(r.evidence());
    evidence.add(
        new Evidence(
            "simulation",
            "sign-ins whose result changes when the change is replayed over the log (what-if)",
            new JsonValue.Num(report.changed()),
            samples,
            from,
            to));
    return r.withImpact(impact, evidence);
  }

  /** The impact key of one kind of change, e.g. {@code signInsNewlyBlocked}. */
  public static String key(Simulation.Change c) {
    StringBuilder b = new StringBuilder("signIns");
    for (String part : c.name().toLowerCase(Locale.ROOT).split("_")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }

  private static final class Slot {
    final Proposal proposal;
    final Source platform;
    final Simulation simulation;
    final BiPredicate<SignInFacts, Evaluation> relevant;

    Slot(
        Proposal proposal,
        Source platform,
        Simulation simulation,
        BiPredicate<SignInFacts, Evaluation> relevant) {
      this.proposal = proposal;
      this.platform = platform;
      this.simulation = simulation;
      this.relevant = relevant;
    }
  }

  private static Slot entra(
      AnalysisInput in,
      Proposal p,
      WhatIfChange.Entra change,
      SignInEvaluator baseline,
      SignInFactsResolver resolver) {
    List<ConditionalAccessPolicy> now = in.snapshot().conditionalAccessPolicies();
    List<NamedLocation> locations = new ArrayList<>(in.snapshot().locations());
    locations.addAll(change.addedLocations());
    SignInEvaluator candidate = new ConditionalAccessEvaluator(change.applyTo(now), locations);
    Set<PolicyId> touched = change.touched();
    List<ConditionalAccessPolicy> before = new ArrayList<>();
    for (ConditionalAccessPolicy c : now) {
      if (touched.contains(c.id())) {
        before.add(c.withState(PolicyState.ENABLED));
      }
    }
    List<ConditionalAccessPolicy> after = new ArrayList<>();
    for (ConditionalAccessPolicy c : change.newBodies()) {
      after.add(c.withState(PolicyState.ENABLED));
    }
    SignInEvaluator touchedBefore =
        before.isEmpty() ? null : new ConditionalAccessEvaluator(before, in.snapshot().locations());
    SignInEvaluator touchedAfter =
        after.isEmpty() ? null : new ConditionalAccessEvaluator(after, locations);
    AddedLocations added = new AddedLocations(change.addedLocations());
    return new Slot(
        p,
        Source.ENTRA,
        new Simulation(baseline, candidate, resolver, Integer.MAX_VALUE),
        (facts, unused) ->
            added.contains(facts)
                || (touchedBefore != null && applies(touchedBefore.evaluate(facts)))
                || (touchedAfter != null && applies(touchedAfter.evaluate(facts))));
  }

  private static Slot okta(
      AnalysisInput in,
      Proposal p,
      WhatIfChange.Okta change,
      OktaSignOnEvaluator baseline,
      SignInFactsResolver resolver) {
    List<NamedLocation> locations = new ArrayList<>(in.snapshot().locations());
    locations.addAll(change.addedLocations());
    OktaSignOnEvaluator candidate =
        OktaSignOnEvaluator.of(
            change.applyTo(in.snapshot().oktaPolicies()),
            in.snapshot().apps(),
            locations,
            in.snapshot().groups());
    Set<String> touched = change.touched();
    AddedLocations added = new AddedLocations(change.addedLocations());
    return new Slot(
        p,
        Source.OKTA,
        new Simulation(baseline, candidate, resolver, Integer.MAX_VALUE),
        (facts, now) -> added.contains(facts) || (now != null && decidedBy(now, touched)));
  }

  /** Whether a policy evaluated as enabled applies (or may apply: not evaluable). */
  private static boolean applies(Evaluation e) {
    for (PolicyOutcome o : e.outcomes()) {
      switch (o.result()) {
        case NOT_APPLIED, NOT_ENABLED, REPORT_ONLY_NOT_APPLIED -> {}
        default -> {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean decidedBy(Evaluation e, Set<String> policies) {
    for (PolicyOutcome o : e.outcomes()) {
      if (policies.contains(o.policyId())) {
        return true;
      }
    }
    return false;
  }

  /** Addresses and countries of locations a change adds. */
  private static final class AddedLocations {
    private final List<IpRange> ranges = new ArrayList<>();
    private final List<String> countries = new ArrayList<>();

    AddedLocations(List<NamedLocation> locations) {
      for (NamedLocation l : locations) {
        for (String r : l.ranges()) {
          Optional<IpRange> range = IpRange.parse(r);
          if (range.isEmpty()) {
            throw new IllegalArgumentException(
                "added location " + l.name() + ": range '" + r + "' is not a CIDR");
          }
          ranges.add(range.get());
        }
        countries.addAll(l.countries());
      }
    }

    boolean contains(SignInFacts facts) {
      String code = dev.least.source.CountryCodes.code(facts.country());
      if (code != null && countries.contains(code)) {
        return true;
      }
      if (ranges.isEmpty() || facts.ip() == null) {
        return false;
      }
      Optional<IpAddress> ip = IpAddress.parse(facts.ip());
      if (ip.isEmpty()) {
        return false;
      }
      for (IpRange r : ranges) {
        if (r.contains(ip.get())) {
          return true;
        }
      }
      return false;
    }
  }
}
