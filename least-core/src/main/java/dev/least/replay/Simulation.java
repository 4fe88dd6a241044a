package dev.least.replay;

import static java.util.Objects.requireNonNull;

import dev.least.model.PolicyResult;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import dev.least.policy.CodedEvaluation;
import dev.least.policy.CodedSignInEvaluator;
import dev.least.policy.Decision;
import dev.least.policy.Evaluation;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * What-if: every sign-in of a window evaluated under the current policy set (baseline) and under a
 * changed one (candidate), and the differences per event: newly blocked, newly requiring MFA or a
 * compliant device, relieved, or no longer evaluable; who and which apps are affected. The two
 * evaluators are any {@link SignInEvaluator}s, so an Entra policy change ({@code
 * dev.least.policy.entra.PolicyChange}) and an Okta one go through the same code. When both are
 * {@link CodedSignInEvaluator}s the sign-ins are compared on result codes, without building a
 * {@link PolicyOutcome} per policy and sign-in, and a whole {@link SignInLog} is simulated in
 * parallel chunks; the report is the same either way. Not thread-safe.
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
  private @Nullable Coded coded;

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
    if (baseline instanceof CodedSignInEvaluator b && candidate instanceof CodedSignInEvaluator a) {
      this.coded = new Coded(b.newCodedEvaluation(), a.newCodedEvaluation());
    }
  }

  public static SimulationReport run(
      SignInEvaluator baseline,
      SignInEvaluator candidate,
      SignInFactsResolver resolver,
      SignInLog log,
      int topN) {
    return run(baseline, candidate, resolver, log, i -> true, topN, LogChunks.defaultThreads());
  }

  /**
   * Simulates the events of a log that {@code select} accepts (by index), on up to {@code threads}
   * threads over contiguous chunks when both evaluators are coded (else on the calling thread). The
   * report equals a sequential pass in log order.
   */
  public static SimulationReport run(
      SignInEvaluator baseline,
      SignInEvaluator candidate,
      SignInFactsResolver resolver,
      SignInLog log,
      IntPredicate select,
      int topN,
      int threads) {
    boolean coded =
        baseline instanceof CodedSignInEvaluator && candidate instanceof CodedSignInEvaluator;
    List<Simulation> parts =
        LogChunks.run(
            log.size(),
            coded ? threads : 1,
            () -> new Simulation(baseline, candidate, resolver, topN),
            (s, i) -> {
              if (select.test(i)) {
                s.record(log.get(i));
              }
            });
    Simulation first = parts.get(0);
    for (int k = 1; k < parts.size(); k++) {
      first.merge(parts.get(k));
    }
    return first.report();
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
    Set<Change> diff = changes(resolver.resolve(event));
    record(diff, event.eventId(), event.accountId(), event.appId());
  }

  /**
   * The differences the change makes to a sign-in with these facts, without recording anything: for
   * a caller that evaluates each distinct sign-in situation once and records its events with {@link
   * #record(Set, String, String, String)} (valid when neither evaluator reads the sign-in's time).
   */
  public Set<Change> changes(SignInFacts facts) {
    Coded c = coded;
    Set<Change> diff = null;
    if (c != null) {
      diff = c.diff(facts);
      if (diff == null) {
        coded = null; // more distinct control names than the bit sets hold: records from now on
      }
    }
    if (diff == null) {
      diff = diff(baseline.evaluate(facts), candidate.evaluate(facts));
    }
    return diff;
  }

  /**
   * Records one sign-in whose differences are known ({@link #changes}); {@code eventId} is kept as
   * a sample while fewer than ten of a kind are.
   */
  public void record(
      Set<Change> diff, @Nullable String eventId, String accountId, @Nullable String appId) {
    events++;
    if (diff.isEmpty()) {
      return;
    }
    changed++;
    for (Change ch : diff) {
      counts.get(ch)[0]++;
      List<String> s = samples.get(ch);
      if (s.size() < SAMPLES && eventId != null) {
        s.add(eventId);
      }
    }
    users.computeIfAbsent(accountId, k -> new long[1])[0]++;
    String app = appId != null ? appId : "(no app)";
    apps.computeIfAbsent(app, k -> new long[1])[0]++;
  }

  /**
   * Whether a sample of {@code diff}'s kinds would still be kept (so an event id is worth making).
   */
  public boolean wantsSample(Set<Change> diff) {
    for (Change ch : diff) {
      if (samples.get(ch).size() < SAMPLES) {
        return true;
      }
    }
    return false;
  }

  /** Adds a simulation of the events that followed this one's. */
  private void merge(Simulation next) {
    events += next.events;
    changed += next.changed;
    next.counts.forEach((k, v) -> counts.get(k)[0] += v[0]);
    next.samples.forEach(
        (k, v) -> {
          List<String> mine = samples.get(k);
          for (String id : v) {
            if (mine.size() < SAMPLES) {
              mine.add(id);
            }
          }
        });
    next.users.forEach((k, v) -> users.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
    next.apps.forEach((k, v) -> apps.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
  }

  /** The differences between two evaluations of the same sign-in. */
  public static Set<Change> diff(Evaluation before, Evaluation after) {
    Set<String> rb = enforcedRequirements(before);
    Set<String> ra = enforcedRequirements(after);
    return changes(
        before.decision(),
        after.decision(),
        ra.contains("mfa") && !rb.contains("mfa"),
        ra.contains("compliantDevice") && !rb.contains("compliantDevice"),
        !ra.containsAll(rb));
  }

  private static Set<Change> changes(
      Decision b,
      Decision a,
      boolean newlyMfa,
      boolean newlyCompliantDevice,
      boolean requirementDropped) {
    Set<Change> out = EnumSet.noneOf(Change.class);
    if (a == Decision.BLOCK && b != Decision.BLOCK) {
      out.add(Change.NEWLY_BLOCKED);
    }
    if (a == Decision.NOT_EVALUABLE && b != Decision.NOT_EVALUABLE) {
      out.add(Change.NEWLY_NOT_EVALUABLE);
    }
    if (b != Decision.NOT_EVALUABLE && a != Decision.NOT_EVALUABLE && severity(a) < severity(b)) {
      out.add(Change.RELIEVED);
    }
    if (newlyMfa) {
      out.add(Change.NEWLY_REQUIRING_MFA);
    }
    if (newlyCompliantDevice) {
      out.add(Change.NEWLY_REQUIRING_COMPLIANT_DEVICE);
    }
    // a requirement dropped (e.g. MFA no longer asked) relieves the user even when the decision
    // stays ALLOW because the logged sign-in had satisfied it
    if (a != Decision.NOT_EVALUABLE && requirementDropped) {
      out.add(Change.RELIEVED);
    }
    return out;
  }

  /**
   * Both sides as result codes; the controls enforced policies demand are bit sets over the control
   * names met so far, memoized per policy and code.
   */
  private static final class Coded {
    private static final long KNOWN = 1L << 63;
    private final CodedEvaluation before;
    private final CodedEvaluation after;
    private final long[] beforeMasks;
    private final long[] afterMasks;
    private final Map<String, Integer> names = new HashMap<>();

    Coded(CodedEvaluation before, CodedEvaluation after) {
      this.before = before;
      this.after = after;
      this.beforeMasks = new long[before.size() * before.codeCount()];
      this.afterMasks = new long[after.size() * after.codeCount()];
    }

    /** The differences, or null when the control names no longer fit in the bit sets. */
    @Nullable Set<Change> diff(SignInFacts facts) {
      before.evaluate(facts);
      after.evaluate(facts);
      long rb = requirements(before, beforeMasks);
      long ra = requirements(after, afterMasks);
      if (rb == -1 || ra == -1) {
        return null;
      }
      long mfa = bit("mfa");
      long compliant = bit("compliantDevice");
      return changes(
          before.decision(),
          after.decision(),
          (ra & mfa) != 0 && (rb & mfa) == 0,
          (ra & compliant) != 0 && (rb & compliant) == 0,
          (rb & ~ra) != 0);
    }

    private long bit(String name) {
      Integer b = names.get(name);
      return b == null ? 0 : 1L << b;
    }

    /** The enforced requirements as bits, or -1 when a 64th control name turns up. */
    private long requirements(CodedEvaluation cv, long[] masks) {
      long m = 0;
      int codes = cv.codeCount();
      for (int i = 0, n = cv.size(); i < n; i++) {
        int slot = i * codes + cv.code(i);
        long v = masks[slot];
        if (v == 0) {
          PolicyOutcome o = cv.outcome(i);
          v = KNOWN;
          if (enforced(o.result())) {
            for (String c : o.requiredControls()) {
              Integer b = names.get(c);
              if (b == null) {
                if (names.size() == 63) {
                  return -1;
                }
                b = names.size();
                names.put(c, b);
              }
              v |= 1L << b;
            }
          }
          masks[slot] = v;
        }
        m |= v;
      }
      return m & ~KNOWN;
    }
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
      if (enforced(o.result())) {
        out.addAll(o.requiredControls());
      }
    }
    return out;
  }

  private static boolean enforced(PolicyResult r) {
    return r == PolicyResult.SUCCESS
        || r == PolicyResult.FAILURE
        || r == PolicyResult.ALLOW
        || r == PolicyResult.DENY
        || r == PolicyResult.CHALLENGE;
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
