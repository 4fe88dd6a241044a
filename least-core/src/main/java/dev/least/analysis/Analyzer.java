package dev.least.analysis;

import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import java.util.List;
import java.util.Optional;

/** Finds one type of recommendation. Implementations are stateless. */
public interface Analyzer {
  RecommendationType type();

  /** Why this analyzer cannot run on this input (missing files, no rules), or empty. */
  default Optional<String> skipReason(AnalysisInput in) {
    return Optional.empty();
  }

  /** The recommendations; must never touch a guardrail-protected object. */
  List<Recommendation> analyze(AnalysisInput in);
}
