package dev.least.app.workflow;

import static java.util.Objects.requireNonNull;

import dev.least.app.store.StoredRecommendation;
import java.util.List;

/**
 * The recommendation after a transition, with its approvers; {@code approvalsNeeded} is how many
 * more distinct approvals it waits for (0 unless a high-risk item has one of its two).
 */
public record TransitionResult(
    StoredRecommendation recommendation, List<String> approvers, int approvalsNeeded) {
  public TransitionResult {
    requireNonNull(recommendation, "recommendation");
    approvers = List.copyOf(approvers);
  }
}
