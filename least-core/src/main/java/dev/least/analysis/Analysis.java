package dev.least.analysis;

import static java.util.Objects.requireNonNull;

import dev.least.model.Account;
import dev.least.model.Group;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

  public Analysis(List<Analyzer> analyzers) {
    this.analyzers = List.copyOf(analyzers);
  }

  public Report run(AnalysisInput in) {
    return run(in, (analyzer, nanos) -> {});
  }

  /** As {@link #run(AnalysisInput)}, telling {@code timing} how long each analyzer took. */
  public Report run(AnalysisInput in, java.util.function.ObjLongConsumer<String> timing) {
    List<Recommendation> recs = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Proposal> proposals = new ArrayList<>();
    for (Analyzer a : analyzers) {
      Optional<String> why = a.skipReason(in);
      if (why.isPresent()) {
        skipped.add(new Skipped(a.type().wire(), why.get()));
        continue;
      }
      long t0 = System.nanoTime();
      if (a instanceof PolicyChangeAnalyzer p) {
        proposals.addAll(p.propose(in));
      } else {
        for (Recommendation r : a.analyze(in)) {
          if (seen.add(r.id())) {
            recs.add(r);
          }
        }
      }
      timing.accept(a.type().wire(), System.nanoTime() - t0);
    }
    long t0 = System.nanoTime();
    for (Recommendation r : SimulatedImpact.apply(in, proposals)) {
      if (seen.add(r.id())) {
        recs.add(r);
      }
    }
    if (!proposals.isEmpty()) {
      timing.accept("(impact simulation)", System.nanoTime() - t0);
    }
    for (RecommendationType t : Analyzers.notYetImplemented()) {
      skipped.add(new Skipped(t.wire(), "not implemented in this version of Least"));
    }
    recs.sort(ORDER);
    return new Report(recs, skipped, protectedItems(in));
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
