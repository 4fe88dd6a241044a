package dev.least.replay;

import static java.util.Objects.requireNonNull;

import dev.least.model.PolicyResult;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import dev.least.policy.Decision;
import dev.least.policy.Evaluation;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What-if: every sign-in of a window evaluated under the current policy set (baseline) and under a
 * changed one (candidate), and the differences per event: newly blocked, newly requiring MFA or a
 * compliant device, relieved, or no longer evaluable; who and which apps are affected. The two
 * evaluators are any {@link SignInEvaluator}s, so an Entra policy change ({@code
 * dev.least.policy.entra.PolicyChange}) and an Okta one go through the same code. Not thread-safe.
 */
public final class Simulation {
  private static final int SAMPLES = 10;

  /** The kinds of difference a change can make to one sign-in. */
  public enum Change {
    NEWLY_BLOCKED,
    NEWLY_REQUIRING_MFA,
    NEWLY_REQUIRING_COMPLIANT_DEVICE,
    RELIEVED,
    NEWLY_NOT_EVALUABLE
  }

  private final SignInEvaluator baseline;
  private final SignInEvaluator candidate;
  private final SignInFactsResolver resolver;
  private final int topN;
  private long events;
  private long changed;
  private final Map<Change, long[]> counts = new EnumMap<>(Change.class);
  private final Map<Change, List<String>> samples = new EnumMap<>(Change.class);
  private final Map<String, long[]> users = new HashMap<>();
  private final Map<String, long[]> apps = new HashMap<>();

  public Simulation(
      SignInEvaluator baseline, SignInEvaluator candidate, SignInFactsResolver resolver, int topN) {
    this.baseline = requireNonNull(baseline, "baseline");
    this.candidate = requireNonNull(candidate, "candidate");
    this.resolver = requireNonNull(resolver, "resolver");
    if (topN < 0) {
      throw new IllegalArgumentException("topN must be >= 0 but was " + topN);
    }
    this.topN = topN;
    for (Change c : Change.values()) {
      counts.put(c, new long[1]);
      samples.put(c, new ArrayList<>());
    }
  }

  public static SimulationReport run(
      SignInEvaluator baseline,
      SignInEvaluator candidate,
      SignInFactsResolver resolver,
      SignInLog log,
      int topN) {
    Simulation s = new Simulation(baseline, candidate, resolver, topN);
    for (int i = 0; i < log.size(); i++) {
      s.record(log.get(i));
    }
    return s.report();
  }

  public static SimulationReport run(
      SignInEvaluator baseline,
      SignInEvaluator candidate,
      SignInFactsResolver resolver,
      Iterable<SignInEvent> events,
      int topN) {
    Simulation s = new Simulation(baseline, candidate, resolver, topN);
    for (SignInEvent e : events) {
      s.record(e);
    }
    return s.report();
  }

  /** Evaluates one sign-in under both policy sets and records the differences. */
  public void record(SignInEvent event) {
    events++;
    SignInFacts facts = resolver.resolve(event);
    Set<Change> diff = diff(baseline.evaluate(facts), candidate.evaluate(facts));
    if (diff.isEmpty()) {
      return;
    }
    changed++;
    for (Change c : diff) {
      counts.get(c)[0]++;
      List<String> s = samples.get(c);
      if (s.size() < SAMPLES) {
        s.add(event.eventId());
      }
    }
    users.computeIfAbsent(event.accountId(), k -> new long[1])[0]++;
    String app = event.appId() != null ? event.appId() : "(no app)";
    apps.computeIfAbsent(app, k -> new long[1])[0]++;
  }

  /** The differences between two evaluations of the same sign-in. */
  public static Set<Change> diff(Evaluation before, Evaluation after) {
    Set<Change> out = new HashSet<>();
    Decision b = before.decision();
    Decision a = after.decision();
    if (a == Decision.BLOCK && b != Decision.BLOCK) {
      out.add(Change.NEWLY_BLOCKED);
    }
    if (a == Decision.NOT_EVALUABLE && b != Decision.NOT_EVALUABLE) {
      out.add(Change.NEWLY_NOT_EVALUABLE);
    }
    if (b != Decision.NOT_EVALUABLE && a != Decision.NOT_EVALUABLE && severity(a) < severity(b)) {
      out.add(Change.RELIEVED);
    }
    Set<String> rb = enforcedRequirements(before);
    Set<String> ra = enforcedRequirements(after);
    if (ra.contains("mfa") && !rb.contains("mfa")) {
      out.add(Change.NEWLY_REQUIRING_MFA);
    }
    if (ra.contains("compliantDevice") && !rb.contains("compliantDevice")) {
      out.add(Change.NEWLY_REQUIRING_COMPLIANT_DEVICE);
    }
    return out;
  }

  private static int severity(Decision d) {
    return switch (d) {
      case ALLOW -> 0;
      case REQUIRE_CONTROLS -> 1;
      case BLOCK -> 2;
      case NOT_EVALUABLE -> -1;
    };
  }

  /** Controls demanded by enforced (not report-only, not disabled), applying policies. */
  static Set<String> enforcedRequirements(Evaluation e) {
    Set<String> out = new HashSet<>();
    for (PolicyOutcome o : e.outcomes()) {
      PolicyResult r = o.result();
      boolean enforced =
          r == PolicyResult.SUCCESS
              || r == PolicyResult.FAILURE
              || r == PolicyResult.ALLOW
              || r == PolicyResult.DENY
              || r == PolicyResult.CHALLENGE;
      if (enforced) {
        out.addAll(o.requiredControls());
      }
    }
    return out;
  }

  public SimulationReport report() {
    Map<Change, Long> c = new EnumMap<>(Change.class);
    counts.forEach((k, v) -> c.put(k, v[0]));
    Map<Change, List<String>> s = new EnumMap<>(Change.class);
    samples.forEach((k, v) -> s.put(k, List.copyOf(v)));
    return new SimulationReport(events, changed, c, s, top(users), top(apps));
  }

  private List<SimulationReport.Count> top(Map<String, long[]> m) {
    return m.entrySet().stream()
        .map(e -> new SimulationReport.Count(e.getKey(), e.getValue()[0]))
        .sorted(
            Comparator.comparingLong((SimulationReport.Count x) -> -x.count())
                .thenComparing(SimulationReport.Count::id))
        .limit(topN)
        .toList();
  }
}
