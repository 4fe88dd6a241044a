package dev.least.analysis;

import static java.util.Objects.requireNonNull;

import dev.least.model.NamedLocation;
import dev.least.model.PolicyId;
import dev.least.model.PolicyResult;
import dev.least.model.SignInLog;
import dev.least.model.Source;
import dev.least.policy.CodedEvaluation;
import dev.least.policy.CodedSignInEvaluator;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.IpAddress;
import dev.least.policy.entra.IpRange;
import dev.least.policy.entra.PolicyState;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaPolicyType;
import dev.least.policy.okta.OktaSignOnEvaluator;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Recommendation;
import dev.least.replay.SignInFactsResolver;
import dev.least.replay.Simulation;
import dev.least.replay.SimulationReport;
import dev.least.replay.SituationTable;
import dev.least.source.CountryCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
 * added location; for Okta when a touched policy decided it under the current policies (evaluated
 * only for members of the policy's groups or sign-ins to its apps), or it falls in an added zone.
 * Every other sign-in evaluates identically under both sets (Conditional Access combines applying
 * policies independently; an Okta change that keeps every rule's conditions only alters sign-ins
 * its policy decided), so the counts equal a full replay.
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
    // every Entra policy a change touches, before and after, as if enabled, under an id that
    // names its slot: one evaluation per sign-in tells which changes can alter it
    List<ConditionalAccessPolicy> probes = new ArrayList<>();
    List<NamedLocation> probeLocations = new ArrayList<>(in.snapshot().locations());
    List<NamedLocation> allLocations = new ArrayList<>(in.snapshot().locations());
    SignInEvaluator entraNow = null;
    OktaSignOnEvaluator oktaNow = null;
    // every policy set an engine here is built with, for the account classes
    List<ConditionalAccessPolicy> allEntra =
        new ArrayList<>(in.snapshot().conditionalAccessPolicies());
    List<OktaPolicy> allOkta = new ArrayList<>(in.snapshot().oktaPolicies());
    for (Proposal p : proposals) {
      int index = slots.size();
      if (p.change() instanceof WhatIfChange.Entra e) {
        if (entraNow == null) {
          entraNow =
              new ConditionalAccessEvaluator(
                  in.snapshot().conditionalAccessPolicies(), in.snapshot().locations());
        }
        List<ConditionalAccessPolicy> candidate =
            e.applyTo(in.snapshot().conditionalAccessPolicies());
        allEntra.addAll(candidate);
        slots.add(entra(in, p, e, candidate, entraNow, resolver));
        allLocations.addAll(e.addedLocations());
        Set<PolicyId> touched = e.touched();
        for (ConditionalAccessPolicy c : in.snapshot().conditionalAccessPolicies()) {
          if (touched.contains(c.id())) {
            probes.add(probe(c, index, probes.size()));
          }
        }
        for (ConditionalAccessPolicy c : e.newBodies()) {
          probes.add(probe(c, index, probes.size()));
        }
        // added locations join the probe untrusted: "AllTrusted" then means what it means today
        // for every probe, and sign-ins inside a location a change adds are its own anyway
        for (NamedLocation l : e.addedLocations()) {
          probeLocations.add(
              new NamedLocation(
                  l.id(),
                  l.source(),
                  l.name(),
                  l.kind(),
                  false,
                  l.ranges(),
                  l.countries(),
                  l.includeUnknownCountries(),
                  l.blocklist(),
                  l.active()));
        }
      } else if (p.change() instanceof WhatIfChange.Okta o) {
        allLocations.addAll(o.addedLocations());
        if (oktaNow == null) {
          oktaNow = OktaSignOnEvaluator.of(in.snapshot());
        }
        List<OktaPolicy> candidate = o.applyTo(in.snapshot().oktaPolicies());
        allOkta.addAll(candidate);
        slots.add(okta(in, p, o, candidate, oktaNow, resolver));
      }
    }
    ConditionalAccessEvaluator probe =
        probes.isEmpty() ? null : new ConditionalAccessEvaluator(probes, probeLocations);
    boolean oktaBaselineNeeded = false;
    for (Slot slot : slots) {
      oktaBaselineNeeded |= slot.audience.any();
    }
    Marker marker = new Marker(slots, probe, oktaNow, oktaBaselineNeeded);
    // Each distinct sign-in situation (the columns the resolver reads: all but the time, with the
    // address as its class among the locations of every engine here) is resolved, marked and
    // simulated once, and its result recorded for every sign-in in it, on a platform whose engines
    // here do not read the time (Conditional Access never does; Okta's reads it only against a
    // session's factors, and a sign-in from the log has no known session).
    SituationKeys keys = new SituationKeys(in.directory(), allEntra, allOkta, allLocations);
    boolean[] memo = new boolean[Source.values().length];
    memo[Source.ENTRA.ordinal()] = probe == null || !probe.readsSignInTime();
    memo[Source.OKTA.ordinal()] = oktaNow == null || !oktaNow.readsSignInTime();
    for (Slot slot : slots) {
      memo[slot.platform.ordinal()] &= !slot.readsSignInTime;
    }
    long[] from = new long[Source.values().length];
    long[] to = new long[Source.values().length];
    long[] replayed = new long[Source.values().length];
    Arrays.fill(from, Long.MAX_VALUE);
    Arrays.fill(to, Long.MIN_VALUE);
    SituationTable<Situation> situations = new SituationTable<>();
    for (int i = 0; i < log.size(); i++) {
      Source src = log.source(i);
      if (src != Source.ENTRA && src != Source.OKTA) {
        continue;
      }
      int s = src.ordinal();
      replayed[s]++;
      long time = log.epochMillis(i);
      from[s] = Math.min(from[s], time);
      to[s] = Math.max(to[s], time);
      Situation sit;
      if (memo[s]) {
        long a = keys.a(log, i);
        long b = keys.b(log, i);
        long c = keys.c(log, i);
        long d = keys.d(log, i);
        sit = situations.get(a, b, c, d, s);
        if (sit == null) {
          if (situations.size() >= SITUATION_LIMIT) {
            situations.clear();
          }
          sit = marker.situation(src, resolver.resolve(log, i));
          situations.put(a, b, c, d, s, sit);
        }
      } else {
        sit = marker.situation(src, resolver.resolve(log, i));
      }
      if (sit.slots.length == 0) {
        continue;
      }
      String account = requireNonNull(log.accountId(i));
      String app = log.appId(i);
      for (int j = 0; j < sit.slots.length; j++) {
        Simulation sim = slots.get(sit.slots[j]).simulation;
        Set<Simulation.Change> diff = sit.changes.get(j);
        String id = !diff.isEmpty() && sim.wantsSample(diff) ? log.eventId(i) : null;
        sim.record(diff, id, account, app);
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

  /** Entra situations kept at once before the table starts over (bounds its memory). */
  private static final int SITUATION_LIMIT = 1 << 20;

  /** What the change slots make of one Entra sign-in situation: the slots it reaches, and how. */
  private record Situation(int[] slots, List<Set<Simulation.Change>> changes) {}

  /**
   * Which slots' changes can alter a sign-in, and how: the probe (every touched Entra policy as if
   * enabled) and the Okta baseline tell which slots a sign-in reaches, and each reached slot's
   * simulation says what its change does to it.
   */
  private static final class Marker {
    private static final Situation NONE = new Situation(new int[0], List.of());
    private final List<Slot> slots;
    private final @Nullable CodedEvaluation probe;
    private final int[] probeSlot; // probe policy index -> slot
    private final @Nullable OktaSignOnEvaluator oktaNow;
    private final boolean oktaBaselineNeeded;
    private final boolean[] marked;

    Marker(
        List<Slot> slots,
        @Nullable ConditionalAccessEvaluator probe,
        @Nullable OktaSignOnEvaluator oktaNow,
        boolean oktaBaselineNeeded) {
      this.slots = slots;
      this.probe = probe == null ? null : probe.newCodedEvaluation();
      this.probeSlot = new int[this.probe == null ? 0 : this.probe.size()];
      for (int k = 0; k < probeSlot.length; k++) {
        probeSlot[k] = slotOf(requireNonNull(this.probe).policyId(k));
      }
      this.oktaNow = oktaNow;
      this.oktaBaselineNeeded = oktaBaselineNeeded;
      this.marked = new boolean[slots.size()];
    }

    /** The slots a sign-in with these facts from {@code src} reaches, with their differences. */
    Situation situation(Source src, SignInFacts facts) {
      mark(src, facts);
      int n = 0;
      for (boolean m : marked) {
        n += m ? 1 : 0;
      }
      if (n == 0) {
        return NONE;
      }
      int[] hit = new int[n];
      List<Set<Simulation.Change>> changes = new ArrayList<>(n);
      for (int k = 0, j = 0; k < slots.size(); k++) {
        if (marked[k]) {
          hit[j++] = k;
          changes.add(slots.get(k).simulation.changes(facts));
        }
      }
      return new Situation(hit, changes);
    }

    /** Marks the slots whose change can alter a sign-in with these facts from {@code src}. */
    private void mark(Source src, SignInFacts facts) {
      Arrays.fill(marked, false);
      CodedEvaluation p = probe;
      if (src == Source.ENTRA && p != null) {
        p.evaluate(facts);
        for (int k = 0; k < probeSlot.length; k++) {
          if (applies(p.result(k))) {
            marked[probeSlot[k]] = true;
          }
        }
      }
      OktaSignOnEvaluator okta = oktaNow;
      if (src == Source.OKTA && oktaBaselineNeeded && okta != null && reaches(slots, facts)) {
        for (PolicyOutcome o : okta.evaluate(facts).outcomes()) {
          for (int k = 0; k < slots.size(); k++) {
            if (slots.get(k).touchedOkta.contains(o.policyId())) {
              marked[k] = true;
            }
          }
        }
      }
      String country = null;
      IpAddress ip = null;
      boolean placed = false;
      for (int k = 0; k < slots.size(); k++) {
        Slot slot = slots.get(k);
        if (slot.platform != src) {
          marked[k] = false;
          continue;
        }
        if (!marked[k] && !slot.added.isEmpty()) {
          if (!placed) {
            country = CountryCodes.code(facts.country());
            ip = facts.ip() == null ? null : IpAddress.parse(facts.ip()).orElse(null);
            placed = true;
          }
          marked[k] = slot.added.contains(country, ip);
        }
      }
    }
  }

  private static ConditionalAccessPolicy probe(ConditionalAccessPolicy c, int slot, int n) {
    return c.withState(PolicyState.ENABLED).withId(new PolicyId(slot + "#" + n));
  }

  private static int slotOf(String probeId) {
    return Integer.parseInt(probeId.substring(0, probeId.indexOf('#')));
  }

  /** The recommendation with the simulated figures in {@code impact} and the run as evidence. */
  static Recommendation fill(
      Recommendation r,
      SimulationReport report,
      long replayed,
      @Nullable Instant from,
      @Nullable Instant to) {
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
    final AddedLocations added;
    final Set<String> touchedOkta;
    final Audience audience;
    final boolean readsSignInTime; // either engine may read the sign-in's time

    Slot(
        Proposal proposal,
        Source platform,
        SignInEvaluator baseline,
        SignInEvaluator candidate,
        SignInFactsResolver resolver,
        AddedLocations added,
        Set<String> touchedOkta,
        Audience audience) {
      this.proposal = proposal;
      this.platform = platform;
      this.simulation = new Simulation(baseline, candidate, resolver, Integer.MAX_VALUE);
      this.added = added;
      this.touchedOkta = touchedOkta;
      this.audience = audience;
      this.readsSignInTime = readsSignInTime(baseline) || readsSignInTime(candidate);
    }
  }

  /** Whether an engine's result may depend on the sign-in's time (true unless it says not). */
  private static boolean readsSignInTime(SignInEvaluator e) {
    if (e instanceof CodedSignInEvaluator c) {
      return c.readsSignInTime();
    }
    if (e instanceof OktaSignOnEvaluator o) {
      return o.readsSignInTime();
    }
    return true;
  }

  private static Slot entra(
      AnalysisInput in,
      Proposal p,
      WhatIfChange.Entra change,
      List<ConditionalAccessPolicy> policies,
      SignInEvaluator baseline,
      SignInFactsResolver resolver) {
    List<NamedLocation> locations = new ArrayList<>(in.snapshot().locations());
    locations.addAll(change.addedLocations());
    SignInEvaluator candidate = new ConditionalAccessEvaluator(policies, locations);
    return new Slot(
        p,
        Source.ENTRA,
        baseline,
        candidate,
        resolver,
        new AddedLocations(change.addedLocations()),
        Set.of(),
        Audience.NONE);
  }

  private static Slot okta(
      AnalysisInput in,
      Proposal p,
      WhatIfChange.Okta change,
      List<OktaPolicy> policies,
      OktaSignOnEvaluator baseline,
      SignInFactsResolver resolver) {
    List<NamedLocation> locations = new ArrayList<>(in.snapshot().locations());
    locations.addAll(change.addedLocations());
    OktaSignOnEvaluator candidate =
        OktaSignOnEvaluator.of(policies, in.snapshot().apps(), locations, in.snapshot().groups());
    return new Slot(
        p,
        Source.OKTA,
        baseline,
        candidate,
        resolver,
        new AddedLocations(change.addedLocations()),
        change.touched(),
        Audience.of(in, change.touched()));
  }

  /** Whether some Okta change's touched policies can decide this sign-in today. */
  private static boolean reaches(List<Slot> slots, SignInFacts facts) {
    for (Slot slot : slots) {
      if (slot.audience.reaches(facts)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Who Okta policies can decide today: a global session policy the members of its groups (all
   * users when it names Everyone), an authentication policy the sign-ins to the apps linked to it;
   * an inactive policy nobody. A cheap test before the full evaluation that tells which policy
   * decided a sign-in.
   */
  private record Audience(boolean everyone, Set<String> groups, Set<String> apps) {
    static final Audience NONE = new Audience(false, Set.of(), Set.of());

    static Audience of(AnalysisInput in, Set<String> policyIds) {
      Set<String> everyoneIds = new HashSet<>();
      in.snapshot()
          .groups()
          .forEach(
              g -> {
                if (g.source() == Source.OKTA && "Everyone".equals(g.name())) {
                  everyoneIds.add(g.id().value());
                }
              });
      boolean everyone = false;
      Set<String> groups = new HashSet<>();
      Set<String> apps = new HashSet<>();
      for (OktaPolicy p : in.snapshot().oktaPolicies()) {
        if (!policyIds.contains(p.id().value()) || !p.active()) {
          continue;
        }
        if (p.type() == OktaPolicyType.ACCESS_POLICY) {
          in.snapshot()
              .apps()
              .forEach(
                  a -> {
                    PolicyId linked = a.accessPolicyId();
                    if (linked != null && linked.equals(p.id())) {
                      apps.add(a.id().value());
                    }
                  });
        } else {
          for (String g : p.groupsInclude()) {
            everyone |= everyoneIds.contains(g);
            groups.add(g);
          }
        }
      }
      return new Audience(everyone, Set.copyOf(groups), Set.copyOf(apps));
    }

    boolean any() {
      return everyone || !groups.isEmpty() || !apps.isEmpty();
    }

    boolean reaches(SignInFacts facts) {
      if (everyone || (facts.appId() != null && apps.contains(facts.appId()))) {
        return true;
      }
      for (String g : groups) {
        if (facts.groupIds().contains(g)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Whether a policy evaluated as enabled applies (or may apply: not evaluable). */
  private static boolean applies(PolicyResult r) {
    return switch (r) {
      case NOT_APPLIED, NOT_ENABLED, REPORT_ONLY_NOT_APPLIED -> false;
      default -> true;
    };
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

    boolean isEmpty() {
      return ranges.isEmpty() && countries.isEmpty();
    }

    /** Whether a sign-in from this country (ISO code) or address falls in an added location. */
    boolean contains(@Nullable String country, @Nullable IpAddress ip) {
      if (country != null && countries.contains(country)) {
        return true;
      }
      if (ip != null) {
        for (IpRange r : ranges) {
          if (r.contains(ip)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
