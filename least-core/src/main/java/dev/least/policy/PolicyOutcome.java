package dev.least.policy;

import static java.util.Objects.requireNonNull;

import dev.least.model.PolicyResult;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One policy's result for one sign-in, in the vendor log's vocabulary, with the evidence.
 *
 * @param ruleId the matched rule (Okta); null for Entra
 * @param requiredControls controls the policy demands of this sign-in (e.g. {@code mfa}, {@code
 *     compliantDevice}, {@code block}); empty when the policy does not apply
 * @param reasons why it applied or not, e.g. {@code users: excluded by group 1234}
 */
public record PolicyOutcome(
    String policyId,
    @Nullable String ruleId,
    PolicyResult result,
    List<String> requiredControls,
    List<String> reasons) {
  public PolicyOutcome {
    requireNonNull(policyId, "policyId");
    requireNonNull(result, "result");
    requiredControls = List.copyOf(requiredControls);
    reasons = List.copyOf(reasons);
  }
}
