package dev.least.policy.okta;

import static java.util.Objects.requireNonNull;

import dev.least.policy.Evaluation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Okta evaluator's full answer for one request: the neutral {@link Evaluation} plus the trace
 * that explains it.
 *
 * @param blockedBy blocklist zones that stopped the request before any policy (empty otherwise)
 * @param sessionPolicies global session policies in evaluation order, up to the applied one
 * @param appPolicy the app's authentication policy, null when no app policy was evaluated
 * @param appPolicyNote why no authentication policy was evaluated, or which one and how it was
 *     chosen
 */
public record OktaSignOnResult(
    Evaluation evaluation,
    List<String> blockedBy,
    List<PolicyTrace> sessionPolicies,
    @Nullable PolicyTrace appPolicy,
    String appPolicyNote) {
  public OktaSignOnResult {
    requireNonNull(evaluation, "evaluation");
    requireNonNull(appPolicyNote, "appPolicyNote");
    blockedBy = List.copyOf(blockedBy);
    sessionPolicies = List.copyOf(sessionPolicies);
  }
}
