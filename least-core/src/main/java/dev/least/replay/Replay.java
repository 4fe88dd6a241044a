package dev.least.replay;

import static java.util.Objects.requireNonNull;

import dev.least.model.LoggedPolicyResult;
import dev.least.model.PolicyResult;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import dev.least.policy.CodedEvaluation;
import dev.least.policy.CodedSignInEvaluator;
import dev.least.policy.Evaluation;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Replays logged sign-ins through an evaluator and scores it against what the vendor logged, in the
 * shape of Caffeine's simulator: events in, {@link #record} each, {@link #stats} out. Works for any
 * {@link SignInEvaluator} (Entra or Okta). An evaluator that offers an int-coded result vector
 * ({@link CodedSignInEvaluator}, the Entra one) is replayed without building a {@link
 * PolicyOutcome} per policy and sign-in, and a whole {@link SignInLog} in parallel chunks, each
 * distinct sign-in situation of the log evaluated once per chunk (see {@link SituationMemo}); the
 * figures are the same either way. Not thread-safe; one replay per thread.
 */
public final class Replay {
  private static final int SAMPLES = 5;
  private static final int LOGGED_SET_CACHE = 4096;
  // situations a replay holds before it adds their events to the figures and starts over
  private static final int SITUATION_LIMIT = 1 << 16;
  private static final PolicyResult[] RESULTS = PolicyResult.values();

  private final SignInEvaluator evaluator;
  private final @Nullable CodedEvaluation coded;
  private final Map<String, Integer> codedIndex = new HashMap<>();
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
  private final long[][] confusion = new long[RESULTS.length][RESULTS.length];
  private final Map<String, DisagreementAcc> disagreements = new HashMap<>();
  // the coded path's disagreements by (policy index, logged result, our code), first seen first
  private final Map<Long, DisagreementAcc> codedDisagreements = new LinkedHashMap<>();
  private final Map<List<LoggedPolicyResult>, LoggedSet> loggedSets = new IdentityHashMap<>();
  private final SituationTable<Tally> situations = new SituationTable<>();
  private long situationEvents;
  private long situationsEvaluated;

  public Replay(SignInEvaluator evaluator, SignInFactsResolver resolver, int topN) {
    this.evaluator = requireNonNull(evaluator, "evaluator");
    this.resolver = requireNonNull(resolver, "resolver");
    if (topN < 0) {
      throw new IllegalArgumentException("topN must be >= 0 but was " + topN);
    }
    this.topN = topN;
    if (evaluator instanceof CodedSignInEvaluator c) {
      CodedEvaluation cv = c.newCodedEvaluation();
      for (int i = 0; i < cv.size(); i++) {
        // as when matching records by id: a duplicated id resolves to its last policy
        codedIndex.put(cv.policyId(i), i);
      }
      this.coded = cv;
    } else {
      this.coded = null;
    }
  }

  /** Replays a whole log, in parallel chunks when the evaluator is coded. */
  public static ReplayStats run(
      SignInEvaluator evaluator, SignInFactsResolver resolver, SignInLog log, int topN) {
    return run(evaluator, resolver, log, i -> true, topN, LogChunks.defaultThreads());
  }

  /**
   * Replays the events of a log that {@code select} accepts (by index), on up to {@code threads}
   * threads over contiguous chunks when the evaluator is coded (else on the calling thread). The
   * result equals a sequential replay in log order: chunks are merged in order.
   */
  public static ReplayStats run(
      SignInEvaluator evaluator,
      SignInFactsResolver resolver,
      SignInLog log,
      IntPredicate select,
      int topN,
      int threads) {
    return run(evaluator, resolver, log, select, topN, threads, SituationMemo.enabled());
  }

  /**
   * As {@link #run(SignInEvaluator, SignInFactsResolver, SignInLog, IntPredicate, int, int)}, with
   * the situation memo on or off (the figures are the same either way; {@code memo} counts what it
   * did). The memo applies to a coded evaluator that does not read the sign-in time: each distinct
   * situation of the log (every column the {@link SignInFactsResolver} reads, as interned codes,
   * with the logged result list) is resolved, evaluated and compared once per thread, and its
   * bookkeeping is applied to each repetition.
   */
  public static ReplayStats run(
      SignInEvaluator evaluator,
      SignInFactsResolver resolver,
      SignInLog log,
      IntPredicate select,
      int topN,
      int threads,
      SituationMemo memo) {
    requireNonNull(memo, "memo");
    int n = evaluator instanceof CodedSignInEvaluator ? threads : 1;
    boolean memoize =
        memo.isEnabled() && evaluator instanceof CodedSignInEvaluator c && !c.readsSignInTime();
    List<Replay> parts =
        LogChunks.run(
            log.size(),
            n,
            () -> new Replay(evaluator, resolver, topN),
            (r, i) -> {
              if (select.test(i)) {
                if (memoize) {
                  r.record(log, i);
                } else {
                  r.record(log.get(i));
                }
              }
            });
    Replay first = parts.get(0);
    for (Replay p : parts) {
      memo.count(p.situationEvents, p.situationsEvaluated);
    }
    for (int k = 1; k < parts.size(); k++) {
      first.merge(parts.get(k));
    }
    return first.stats();
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
    SignInFacts facts = resolver.resolve(event);
    CodedEvaluation cv = coded;
    if (cv != null) {
      cv.evaluate(facts);
      recordCoded(event, cv);
    } else {
      recordOutcomes(event, evaluator.evaluate(facts));
    }
  }

  private void recordOutcomes(SignInEvent event, Evaluation ev) {
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
      confusion[logged.result().ordinal()][o.result().ordinal()]++;
      if (o.result() == PolicyResult.UNKNOWN) {
        notEvaluable++;
        pp[2]++;
      } else if (o.result() == logged.result()) {
        agreements++;
        pp[1]++;
      } else {
        pp[3]++;
        String reason = reasonOf(o);
        DisagreementAcc acc =
            disagreements.computeIfAbsent(
                disagreementKey(logged.policyId(), logged.result(), o.result(), reason),
                x -> new DisagreementAcc(logged.policyId(), logged.result(), o.result(), reason));
        acc.add(event.eventId());
      }
    }
  }

  /** The same bookkeeping as {@link #recordOutcomes}, on codes; records only for disagreements. */
  private void recordCoded(SignInEvent event, CodedEvaluation cv) {
    LoggedSet set = loggedSet(event.policyResults());
    PolicyResult[] logged = set.logged;
    comparisons += logged.length;
    for (int k = 0; k < logged.length; k++) {
      long[] pp = set.counters[k];
      pp[0]++;
      int j = set.ours[k];
      if (j < 0) {
        policyNotEvaluated++;
        continue;
      }
      PolicyResult l = logged[k];
      if (l == PolicyResult.UNKNOWN) {
        loggedUnknown++;
        continue;
      }
      PolicyResult o = cv.result(j);
      confusion[l.ordinal()][o.ordinal()]++;
      if (o == PolicyResult.UNKNOWN) {
        notEvaluable++;
        pp[2]++;
      } else if (o == l) {
        agreements++;
        pp[1]++;
      } else {
        pp[3]++;
        int code = cv.code(j);
        long key = ((long) j * RESULTS.length + l.ordinal()) * cv.codeCount() + code;
        DisagreementAcc acc = codedDisagreements.get(key);
        if (acc == null) {
          acc = new DisagreementAcc(set.policyIds[k], l, o, reasonOf(cv.outcome(j)));
          codedDisagreements.put(key, acc);
        }
        acc.add(event.eventId());
      }
    }
  }

  /**
   * Scores the event at {@code i} of a log by its situation: the interned codes of every column the
   * resolver reads (all but the time, which the coded evaluator does not read) and of the logged
   * result list. The first event of a situation is resolved, evaluated and compared as {@link
   * #record(SignInEvent)} would; later ones only count, and are added to the figures (and sampled
   * for disagreements, in log order) exactly as if each had been compared.
   */
  private void record(SignInLog log, int i) {
    situationEvents++;
    long a = SituationTable.keyA(log, i);
    long b = SituationTable.keyB(log, i);
    long c = SituationTable.keyC(log, i);
    long d = SituationTable.keyD(log, i);
    long e = log.resultSetCode(i);
    Tally t = situations.get(a, b, c, d, e);
    if (t == null) {
      if (situations.size() >= SITUATION_LIMIT) {
        flushTallies();
        situations.clear();
      }
      t = newTally(log.get(i));
      situations.put(a, b, c, d, e, t);
    }
    t.pending++;
    if (t.sampling) {
      t.sample(log.eventId(i));
    }
  }

  private Tally newTally(SignInEvent event) {
    situationsEvaluated++;
    if (event.policyResults().isEmpty()) {
      return new Tally(null, false, new byte[0], new byte[0], new DisagreementAcc[0]);
    }
    CodedEvaluation cv = requireNonNull(coded, "coded");
    boolean known = resolver.knows(event);
    cv.evaluate(resolver.resolve(event));
    LoggedSet set = loggedSet(event.policyResults());
    PolicyResult[] logged = set.logged;
    byte[] kinds = new byte[logged.length];
    byte[] ours = new byte[logged.length];
    List<DisagreementAcc> accs = new ArrayList<>();
    for (int k = 0; k < logged.length; k++) {
      int j = set.ours[k];
      if (j < 0) {
        kinds[k] = NOT_EVALUATED;
        continue;
      }
      PolicyResult l = logged[k];
      if (l == PolicyResult.UNKNOWN) {
        kinds[k] = LOGGED_UNKNOWN;
        continue;
      }
      PolicyResult o = cv.result(j);
      ours[k] = (byte) o.ordinal();
      if (o == PolicyResult.UNKNOWN) {
        kinds[k] = NOT_EVALUABLE;
      } else if (o == l) {
        kinds[k] = AGREE;
      } else {
        kinds[k] = DISAGREE;
        int code = cv.code(j);
        long key = ((long) j * RESULTS.length + l.ordinal()) * cv.codeCount() + code;
        DisagreementAcc acc = codedDisagreements.get(key);
        if (acc == null) {
          acc = new DisagreementAcc(set.policyIds[k], l, o, reasonOf(cv.outcome(j)));
          codedDisagreements.put(key, acc);
        }
        accs.add(acc);
      }
    }
    return new Tally(set, known, kinds, ours, accs.toArray(new DisagreementAcc[0]));
  }

  private void flushTallies() {
    situations.forEach(Tally::flush);
  }

  private static final byte NOT_EVALUATED = 0;
  private static final byte LOGGED_UNKNOWN = 1;
  private static final byte NOT_EVALUABLE = 2;
  private static final byte AGREE = 3;
  private static final byte DISAGREE = 4;

  /**
   * One situation of a log (see {@link #record(SignInLog, int)}): what comparing its evaluation
   * with its logged results adds to the figures, worked out once, and how many events of it are not
   * yet added.
   */
  private final class Tally {
    final @Nullable LoggedSet set; // null: no logged results
    final boolean known;
    final byte[] kinds; // per logged entry: NOT_EVALUATED … DISAGREE
    final byte[] ours; // per logged entry: our result's ordinal
    final DisagreementAcc[] accs; // one per DISAGREE entry, in entry order
    long pending;
    boolean sampling;

    Tally(
        @Nullable LoggedSet set, boolean known, byte[] kinds, byte[] ours, DisagreementAcc[] accs) {
      this.set = set;
      this.known = known;
      this.kinds = kinds;
      this.ours = ours;
      this.accs = accs;
      this.sampling = accs.length > 0;
    }

    /** Adds a disagreeing event's id to the samples that still take one (per entry, in order). */
    void sample(String eventId) {
      boolean open = false;
      for (DisagreementAcc acc : accs) {
        if (acc.samples.size() < SAMPLES) {
          acc.samples.add(eventId);
          open |= acc.samples.size() < SAMPLES;
        }
      }
      sampling = open;
    }

    /** Adds the pending events to the figures, as {@link #recordCoded} would have one by one. */
    void flush() {
      long n = pending;
      if (n == 0) {
        return;
      }
      pending = 0;
      events += n;
      LoggedSet s = set;
      if (s == null) {
        withoutResults += n;
        return;
      }
      scored += n;
      if (!known) {
        notInDirectory += n;
      }
      comparisons += n * kinds.length;
      int m = 0;
      for (int k = 0; k < kinds.length; k++) {
        long[] pp = s.counters[k];
        pp[0] += n;
        int l = s.logged[k].ordinal();
        switch (kinds[k]) {
          case NOT_EVALUATED -> policyNotEvaluated += n;
          case LOGGED_UNKNOWN -> loggedUnknown += n;
          case NOT_EVALUABLE -> {
            confusion[l][ours[k]] += n;
            notEvaluable += n;
            pp[2] += n;
          }
          case AGREE -> {
            confusion[l][ours[k]] += n;
            agreements += n;
            pp[1] += n;
          }
          default -> {
            confusion[l][ours[k]] += n;
            pp[3] += n;
            accs[m++].count += n;
          }
        }
      }
    }
  }

  /** A logged result list resolved once: our policy index and the counters of each entry. */
  private LoggedSet loggedSet(List<LoggedPolicyResult> results) {
    LoggedSet set = loggedSets.get(results);
    if (set == null) {
      set = new LoggedSet(results);
      if (loggedSets.size() >= LOGGED_SET_CACHE) {
        loggedSets.clear();
      }
      loggedSets.put(results, set);
    }
    return set;
  }

  private final class LoggedSet {
    final String[] policyIds;
    final PolicyResult[] logged;
    final int[] ours;
    final long[][] counters;

    LoggedSet(List<LoggedPolicyResult> results) {
      int n = results.size();
      policyIds = new String[n];
      logged = new PolicyResult[n];
      ours = new int[n];
      counters = new long[n][];
      for (int k = 0; k < n; k++) {
        LoggedPolicyResult r = results.get(k);
        policyIds[k] = r.policyId();
        logged[k] = r.result();
        ours[k] = codedIndex.getOrDefault(r.policyId(), -1);
        counters[k] = perPolicy.computeIfAbsent(r.policyId(), x -> new long[4]);
      }
    }
  }

  private static String reasonOf(PolicyOutcome o) {
    return o.reasons().isEmpty() ? "" : o.reasons().get(0);
  }

  private static String disagreementKey(
      String policyId, PolicyResult logged, PolicyResult ours, String reason) {
    return policyId + '\u0000' + logged + '\u0000' + ours + '\u0000' + reason;
  }

  private static String key(String policyId, @Nullable String ruleId) {
    return ruleId == null ? policyId : policyId + '\u0000' + ruleId;
  }

  /** Adds a replay of the events that followed this one's (same evaluator and resolver). */
  private void merge(Replay next) {
    flushTallies();
    next.flushTallies();
    events += next.events;
    scored += next.scored;
    withoutResults += next.withoutResults;
    notInDirectory += next.notInDirectory;
    comparisons += next.comparisons;
    agreements += next.agreements;
    notEvaluable += next.notEvaluable;
    loggedUnknown += next.loggedUnknown;
    policyNotEvaluated += next.policyNotEvaluated;
    next.perPolicy.forEach(
        (id, c) -> {
          long[] mine = perPolicy.computeIfAbsent(id, k -> new long[4]);
          for (int i = 0; i < mine.length; i++) {
            mine[i] += c[i];
          }
        });
    for (int a = 0; a < confusion.length; a++) {
      for (int b = 0; b < confusion[a].length; b++) {
        confusion[a][b] += next.confusion[a][b];
      }
    }
    mergeDisagreements(disagreements, next.disagreements);
    mergeDisagreements(codedDisagreements, next.codedDisagreements);
  }

  private static <K> void mergeDisagreements(
      Map<K, DisagreementAcc> into, Map<K, DisagreementAcc> later) {
    later.forEach(
        (k, acc) -> {
          DisagreementAcc mine = into.get(k);
          if (mine == null) {
            into.put(k, acc);
          } else {
            mine.count += acc.count;
            for (String id : acc.samples) {
              if (mine.samples.size() < SAMPLES) {
                mine.samples.add(id);
              }
            }
          }
        });
  }

  public ReplayStats stats() {
    flushTallies();
    List<ReplayStats.PolicyAgreement> pp = new ArrayList<>();
    perPolicy.forEach(
        (id, c) -> pp.add(new ReplayStats.PolicyAgreement(id, c[0], c[1], c[2], c[3])));
    List<ReplayStats.ConfusionCell> cells = new ArrayList<>();
    for (PolicyResult logged : RESULTS) {
      for (PolicyResult ours : RESULTS) {
        long n = confusion[logged.ordinal()][ours.ordinal()];
        if (n > 0) {
          cells.add(new ReplayStats.ConfusionCell(logged, ours, n));
        }
      }
    }
    // the coded path's accumulators go into the string-keyed map in the order they were first
    // met, as the record path would have put them, so that ties rank the same way
    Map<String, DisagreementAcc> all = disagreements;
    if (!codedDisagreements.isEmpty()) {
      all = new HashMap<>();
      for (DisagreementAcc a : codedDisagreements.values()) {
        all.put(disagreementKey(a.policyId, a.logged, a.ours, a.reason), a);
      }
    }
    List<ReplayStats.Disagreement> top =
        all.values().stream()
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

    void add(String eventId) {
      count++;
      if (samples.size() < SAMPLES) {
        samples.add(eventId);
      }
    }
  }
}
