package dev.least.replay;

import static java.util.Objects.requireNonNull;

import dev.least.model.PolicyResult;
import java.util.List;

/**
 * What a replay found: how often our per-policy results agree with the logged ones, overall and per
 * policy, a confusion table (logged vs ours), and the most frequent disagreements with sample event
 * ids. "Not evaluable from the record" (our result UNKNOWN) is counted apart from "wrong".
 *
 * @param events sign-ins read
 * @param scored sign-ins that carried per-policy results and were evaluated
 * @param withoutResults sign-ins with no logged per-policy results (CA not reached, or no rights)
 * @param accountsNotInDirectory scored sign-ins whose account the snapshot does not know
 * @param comparisons logged per-policy results compared
 * @param agreements comparisons where our result equals the logged one
 * @param notEvaluable comparisons where our result is UNKNOWN
 * @param loggedUnknown comparisons where the log itself says unknown / unknownFutureValue
 * @param policyNotEvaluated logged results for a policy our policy set does not hold
 */
public record ReplayStats(
    long events,
    long scored,
    long withoutResults,
    long accountsNotInDirectory,
    long comparisons,
    long agreements,
    long notEvaluable,
    long loggedUnknown,
    long policyNotEvaluated,
    List<PolicyAgreement> perPolicy,
    List<ConfusionCell> confusion,
    List<Disagreement> topDisagreements) {
  public ReplayStats {
    perPolicy = List.copyOf(perPolicy);
    confusion = List.copyOf(confusion);
    topDisagreements = List.copyOf(topDisagreements);
  }

  /** Comparisons that were wrong: neither agreeing, nor not evaluable, nor unknown in the log. */
  public long disagreements() {
    return comparisons - agreements - notEvaluable - loggedUnknown - policyNotEvaluated;
  }

  /** Agreement among the comparisons we could decide (0 when there were none). */
  public double agreementRate() {
    long decided = agreements + disagreements();
    return decided == 0 ? 0 : (double) agreements / decided;
  }

  /** One policy's figures. */
  public record PolicyAgreement(
      String policyId, long compared, long agreed, long notEvaluable, long disagreed) {
    public PolicyAgreement {
      requireNonNull(policyId, "policyId");
    }
  }

  /** How often the log said {@code logged} where we said {@code ours}. */
  public record ConfusionCell(PolicyResult logged, PolicyResult ours, long count) {
    public ConfusionCell {
      requireNonNull(logged, "logged");
      requireNonNull(ours, "ours");
    }
  }

  /** One kind of disagreement, its count and a few event ids to look at. */
  public record Disagreement(
      String policyId,
      PolicyResult logged,
      PolicyResult ours,
      String reason,
      long count,
      List<String> sampleEventIds) {
    public Disagreement {
      requireNonNull(policyId, "policyId");
      requireNonNull(logged, "logged");
      requireNonNull(ours, "ours");
      requireNonNull(reason, "reason");
      sampleEventIds = List.copyOf(sampleEventIds);
    }
  }
}
