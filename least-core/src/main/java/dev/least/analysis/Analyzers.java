package dev.least.analysis;

import dev.least.recommend.RecommendationType;
import java.util.List;
import java.util.Locale;

/** The explicit analyzer registry: no classpath scanning, unknown names fail loudly. */
public final class Analyzers {
  private Analyzers() {}

  /** Every analyzer shipped, in a fixed order. */
  public static List<Analyzer> defaults() {
    return List.of(
        new LegacyAuthAnalyzer(),
        new RestrictLocationAnalyzer(),
        new TrustedLocationAnalyzer(),
        new RetirePolicyAnalyzer(),
        new MfaCoverageGapAnalyzer(),
        new ConsolidatePoliciesAnalyzer(),
        new RelaxMfaFrequencyAnalyzer(),
        new PolicyExclusionAnalyzer(),
        new StaleAccountAnalyzer(),
        new OrphanAccountAnalyzer(),
        new DynamicGroupRuleAnalyzer(),
        new IdenticalGroupsAnalyzer(),
        new RoleCandidateAnalyzer(),
        new SodConflictAnalyzer(),
        new MfaFatigueAnalyzer(),
        new ImpossibleTravelAnalyzer(),
        new UnusedAccessAnalyzer());
  }

  /** The analyzer for a contract type name such as {@code disable_stale_account}. */
  public static Analyzer byName(String name) {
    for (Analyzer a : defaults()) {
      if (a.type().wire().equals(name.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "Unknown analyzer '"
            + name
            + "'; known: "
            + defaults().stream().map(a -> a.type().wire()).toList());
  }

  /** Contract types with no analyzer yet (reported as skipped, never silently absent). */
  public static List<RecommendationType> notYetImplemented() {
    List<RecommendationType> have = defaults().stream().map(Analyzer::type).toList();
    return java.util.Arrays.stream(RecommendationType.values())
        .filter(t -> !have.contains(t))
        .toList();
  }
}
