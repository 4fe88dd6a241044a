package dev.least.analysis;

import static java.util.Objects.requireNonNull;

import dev.least.model.Account;
import dev.least.model.Group;
import dev.least.parallel.Tasks;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ObjLongConsumer;

/**
 * Runs analyzers over one input and orders the result: by risk (low first), then simulated impact
 * (sign-ins affected, descending), then id — so the same snapshot always gives the same document.
 * The proposals of every {@link PolicyChangeAnalyzer} are simulated together, in one pass over the
 * log ({@link SimulatedImpact}).
 */
public final class Analysis {
  /** An analyzer that did not run, and why. */
  public record Skipped(String analyzer, String reason) {
    public Skipped {
      requireNonNull(analyzer, "analyzer");
      requireNonNull(reason, "reason");
    }
  }

  /** Recommendations, skipped analyzers and the guardrail-protected objects found. */
  public record Report(
      List<Recommendation> recommendations, List<Skipped> skipped, List<Ref> protectedItems) {
    public Report {
      recommendations = List.copyOf(recommendations);
      skipped = List.copyOf(skipped);
      protectedItems = List.copyOf(protectedItems);
    }
  }

  private static final Comparator<Recommendation> ORDER =
      Comparator.comparing(Recommendation::risk)
          .thenComparing(r -> -r.impact().getOrDefault("signInsAffected", 0.0))
          .thenComparing(Recommendation::id);

  private final List<Analyzer> analyzers;
  private final int threads;

  /** Runs {@code analyzers} on one thread per available processor. */
  public Analysis(List<Analyzer> analyzers) {
    this(analyzers, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Runs {@code analyzers} on {@code threads} threads (1: on the calling thread only). The report
   * is the same for any number of threads: analyzers only read the input, and their results are put
   * together in registration order.
   */
  public Analysis(List<Analyzer> analyzers, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.analyzers = List.copyOf(analyzers);
    this.threads = threads;
  }

  public Report run(AnalysisInput in) {
    return run(in, (analyzer, nanos) -> {});
  }

  /**
   * As {@link #run(AnalysisInput)}, telling {@code timing} how long each analyzer took (in
   * registration order, once all have run; with several threads the times overlap).
   *
   * <p>With more than one thread the policy-level analyzers are started first, so that the impact
   * simulation of their proposals (on the calling thread) overlaps the other analyzers.
   */
  public Report run(AnalysisInput in, ObjLongConsumer<String> timing) {
    List<Skipped> skipped = new ArrayList<>();
    List<Analyzer> running = new ArrayList<>();
    for (Analyzer a : analyzers) {
      Optional<String> why = a.skipReason(in);
      if (why.isPresent()) {
        skipped.add(new Skipped(a.type().wire(), why.get()));
      } else {
        running.add(a);
      }
    }
    Map<Analyzer, Outcome> outcomes = new IdentityHashMap<>();
    List<Proposal> proposals = new ArrayList<>();
    List<Recommendation> simulated;
    long simulationNanos;
    ExecutorService pool =
        threads > 1
            ? Executors.newFixedThreadPool(threads, Tasks.daemonThreads("least-analyze"))
            : null;
    try {
      Map<Analyzer, Future<Outcome>> futures = new IdentityHashMap<>();
      if (pool != null) {
        for (Analyzer a : running) { // policy-level analyzers first: the simulation waits on them
          if (a instanceof PolicyChangeAnalyzer) {
            futures.put(a, pool.submit(() -> outcome(a, in)));
          }
        }
        for (Analyzer a : running) {
          if (!(a instanceof PolicyChangeAnalyzer)) {
            futures.put(a, pool.submit(() -> outcome(a, in)));
          }
        }
      }
      for (Analyzer a : running) {
        if (a instanceof PolicyChangeAnalyzer) {
          Outcome o = pool == null ? outcome(a, in) : Tasks.result(futures.get(a), "analyzing");
          outcomes.put(a, o);
          proposals.addAll(o.proposals());
        }
      }
      long t0 = System.nanoTime();
      simulated = SimulatedImpact.apply(in, proposals);
      simulationNanos = System.nanoTime() - t0;
      for (Analyzer a : running) {
        if (!(a instanceof PolicyChangeAnalyzer)) {
          outcomes.put(
              a, pool == null ? outcome(a, in) : Tasks.result(futures.get(a), "analyzing"));
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    List<Recommendation> recs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Analyzer a : running) {
      Outcome o = outcomes.get(a);
      for (Recommendation r : o.recommendations()) {
        if (seen.add(r.id())) {
          recs.add(r);
        }
      }
      timing.accept(a.type().wire(), o.nanos());
    }
    for (Recommendation r : simulated) {
      if (seen.add(r.id())) {
        recs.add(r);
      }
    }
    if (!proposals.isEmpty()) {
      timing.accept("(impact simulation)", simulationNanos);
    }
    for (RecommendationType t : Analyzers.notYetImplemented()) {
      skipped.add(new Skipped(t.wire(), "not implemented in this version of Least"));
    }
    recs.sort(ORDER);
    return new Report(recs, skipped, protectedItems(in));
  }

  /** What one analyzer produced: proposals (policy-level) or recommendations, and its time. */
  private record Outcome(
      List<Proposal> proposals, List<Recommendation> recommendations, long nanos) {}

  private static Outcome outcome(Analyzer a, AnalysisInput in) {
    long t0 = System.nanoTime();
    if (a instanceof PolicyChangeAnalyzer p) {
      List<Proposal> proposals = p.propose(in);
      return new Outcome(proposals, List.of(), System.nanoTime() - t0);
    }
    List<Recommendation> recs = a.analyze(in);
    return new Outcome(List.of(), recs, System.nanoTime() - t0);
  }

  private static List<Ref> protectedItems(AnalysisInput in) {
    List<Ref> out = new ArrayList<>();
    for (Account a : in.snapshot().accounts()) {
      if (in.guardrails().protects(a)) {
        out.add(new Ref("user", a.id().value(), a.login()));
      }
    }
    for (Group g : in.snapshot().groups()) {
      if (in.guardrails().protects(g)) {
        out.add(new Ref("group", g.id().value(), g.name()));
      }
    }
    in.snapshot()
        .conditionalAccessPolicies()
        .forEach(
            p -> {
              if (in.guardrails().protectsPolicy(p.id().value(), p.displayName())) {
                out.add(new Ref("policy", p.id().value(), p.displayName()));
              }
            });
    in.snapshot()
        .oktaPolicies()
        .forEach(
            p -> {
              if (in.guardrails().protectsPolicy(p.id().value(), p.name())) {
                out.add(new Ref("policy", p.id().value(), p.name()));
              }
            });
    return out;
  }
}
