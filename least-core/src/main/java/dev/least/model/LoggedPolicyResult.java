package dev.least.model;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A policy the log says was evaluated for a sign-in, and its result.
 *
 * @param ruleId the matched Okta rule, when known; always null for Entra
 */
public record LoggedPolicyResult(String policyId, @Nullable String ruleId, PolicyResult result) {
  public LoggedPolicyResult {
    requireNonNull(policyId, "policyId");
    requireNonNull(result, "result");
  }
}
