package dev.least.replay;

import static java.util.Objects.requireNonNull;

import dev.least.model.LoggedPolicyResult;
import dev.least.model.PolicyResult;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import dev.least.policy.Evaluation;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.SignInEvaluator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays logged sign-ins through an evaluator and scores it against what the vendor logged, in the
 * shape of Caffeine's simulator: events in, {@link #record} each, {@link #stats} out. Works for any
 * {@link SignInEvaluator} (Entra or Okta). Not thread-safe; one replay per thread.
 */
public final class Replay {
  private static final int SAMPLES = 5;

  private final SignInEvaluator evaluator;
  private final SignInFactsResolver resolver;
  private final int topN;

  private long events;
  private long scored;
  private long withoutResults;
  private long notInDirectory;
  private long comparisons;
  private long agreements;
  private long notEvaluable;
  private long loggedUnknown;
  private long policyNotEvaluated;
  private final Map<String, long[]> perPolicy = new LinkedHashMap<>();
  private final Map<PolicyResult, Map<PolicyResult, long[]>> confusion =
      new EnumMap<>(PolicyResult.class);
  private final Map<String, DisagreementAcc> disagreements = new HashMap<>();

  public Replay(SignInEvaluator evaluator, SignInFactsResolver resolver, int topN) {
    this.evaluator = requireNonNull(evaluator, "evaluator");
    this.resolver = requireNonNull(resolver, "resolver");
    if (topN < 0) {
      throw new IllegalArgumentException("topN must be >= 0 but was " + topN);
    }
    this.topN = topN;
  }

  /** Replays a whole log. */
  public static ReplayStats run(
      SignInEvaluator evaluator, SignInFactsResolver resolver, SignInLog log, int topN) {
    Replay r = new Replay(evaluator, resolver, topN);
    for (int i = 0; i < log.size(); i++) {
      r.record(log.get(i));
    }
    return r.stats();
  }

  /** Replays events from any source. */
  public static ReplayStats run(
      SignInEvaluator evaluator,
      SignInFactsResolver resolver,
      Iterable<SignInEvent> events,
      int topN) {
    Replay r = new Replay(evaluator, resolver, topN);
    for (SignInEvent e : events) {
      r.record(e);
    }
    return r.stats();
  }

  /** Scores one sign-in. Events without logged per-policy results are counted, not evaluated. */
  public void record(SignInEvent event) {
    events++;
    if (event.policyResults().isEmpty()) {
      withoutResults++;
      return;
    }
    scored++;
    if (!resolver.knows(event)) {
      notInDirectory++;
    }
    Evaluation ev = evaluator.evaluate(resolver.resolve(event));
    Map<String, PolicyOutcome> ours = new HashMap<>();
    for (PolicyOutcome o : ev.outcomes()) {
      ours.put(key(o.policyId(), o.ruleId()), o);
    }
    for (LoggedPolicyResult logged : event.policyResults()) {
      comparisons++;
      long[] pp = perPolicy.computeIfAbsent(logged.policyId(), k -> new long[4]);
      pp[0]++;
      PolicyOutcome exact = ours.get(key(logged.policyId(), logged.ruleId()));
      PolicyOutcome o = exact != null ? exact : ours.get(key(logged.policyId(), null));
      if (o == null) {
        policyNotEvaluated++;
        continue;
      }
      if (logged.result() == PolicyResult.UNKNOWN) {
        loggedUnknown++;
        continue;
      }
      confusion.computeIfAbsent(logged.result(), k -> new EnumMap<>(PolicyResult.class))
          .computeIfAbsent(o.result(), k -> new long[1])[0]++;
      if (o.result() == PolicyResult.UNKNOWN) {
        notEvaluable++;
        pp[2]++;
      } else if (o.result() == logged.result()) {
        agreements++;
        pp[1]++;
      } else {
        pp[3]++;
        String reason = o.reasons().isEmpty() ? "" : o.reasons().get(0);
        String k =
            logged.policyId()
                + '\u0000'
                + logged.result()
                + '\u0000'
                + o.result()
                + '\u0000'
                + reason;
        DisagreementAcc acc =
            disagreements.computeIfAbsent(
                k,
                x -> new DisagreementAcc(logged.policyId(), logged.result(), o.result(), reason));
        acc.count++;
        if (acc.samples.size() < SAMPLES) {
          acc.samples.add(event.eventId());
        }
      }
    }
  }

  private static String key(String policyId, @org.jspecify.annotations.Nullable String ruleId) {
    return ruleId == null ? policyId : policyId + '\u0000' + ruleId;
  }

  public ReplayStats stats() {
    List<ReplayStats.PolicyAgreement> pp = new ArrayList<>();
    perPolicy.forEach(
        (id, c) -> pp.add(new ReplayStats.PolicyAgreement(id, c[0], c[1], c[2], c[3])));
    List<ReplayStats.ConfusionCell> cells = new ArrayList<>();
    confusion.forEach(
        (logged, row) ->
            row.forEach((ours, n) -> cells.add(new ReplayStats.ConfusionCell(logged, ours, n[0]))));
    List<ReplayStats.Disagreement> top =
        disagreements.values().stream()
            .sorted(
                Comparator.comparingLong((DisagreementAcc a) -> -a.count)
                    .thenComparing(a -> a.policyId))
            .limit(topN)
            .map(
                a ->
                    new ReplayStats.Disagreement(
                        a.policyId, a.logged, a.ours, a.reason, a.count, a.samples))
            .toList();
    return new ReplayStats(
        events,
        scored,
        withoutResults,
        notInDirectory,
        comparisons,
        agreements,
        notEvaluable,
        loggedUnknown,
        policyNotEvaluated,
        pp,
        cells,
        top);
  }

  private static final class DisagreementAcc {
    final String policyId;
    final PolicyResult logged;
    final PolicyResult ours;
    final String reason;
    long count;
    final List<String> samples = new ArrayList<>();

    DisagreementAcc(String policyId, PolicyResult logged, PolicyResult ours, String reason) {
      this.policyId = policyId;
      this.logged = logged;
      this.ours = ours;
      this.reason = reason;
    }
  }
}
