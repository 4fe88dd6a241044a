package dev.least.analysis;

import dev.least.recommend.Recommendation;
import java.util.List;

/**
 * An analyzer whose recommendations change policies or locations: it proposes, and the impact of
 * each proposal comes from replaying its change over the snapshot's sign-ins ({@link
 * SimulatedImpact}), never from the analyzer's own counts. {@link Analysis} simulates the proposals
 * of every such analyzer in one pass over the log.
 */
public interface PolicyChangeAnalyzer extends Analyzer {
  /** The recommendations with their changes; impact holds only structural figures. */
  List<Proposal> propose(AnalysisInput in);

  @Override
  default List<Recommendation> analyze(AnalysisInput in) {
    return SimulatedImpact.apply(in, propose(in));
  }
}
