package dev.least.policy.entra;

import dev.least.model.PolicyResult;
import dev.least.policy.Decision;

/**
 * How one policy's verdicts become its logged result, and how the enforced policies together decide
 * the sign-in. The table is learn.microsoft.com/entra/identity/conditional-access/
 * concept-conditional-access-report-only "Policy evaluation results"; block wins and every
 * applicable enabled policy must be satisfied (concept-conditional-access-policies).
 *
 * <p>Open question Q1 (what an enabled policy logs on the row where the user still has to act) is
 * settled as {@code failure}: the row records the requirement as not met, matching the documented
 * meaning of status {@code failure} ("grant controls are either not satisfied or set to block").
 */
final class Enforcement {
  private Enforcement() {}

  /** One policy's result in the log vocabulary. */
  static PolicyResult result(
      PolicyState state, Verdict applicability, ControlState grant, boolean invalid) {
    if (state == PolicyState.DISABLED) {
      return PolicyResult.NOT_ENABLED;
    }
    if (state == PolicyState.UNKNOWN || invalid) {
      return PolicyResult.UNKNOWN;
    }
    boolean reportOnly = state == PolicyState.REPORT_ONLY;
    return switch (applicability) {
      case NO_MATCH -> reportOnly ? PolicyResult.REPORT_ONLY_NOT_APPLIED : PolicyResult.NOT_APPLIED;
      case UNKNOWN -> PolicyResult.UNKNOWN;
      case MATCH ->
          switch (grant) {
            case SATISFIED -> reportOnly ? PolicyResult.REPORT_ONLY_SUCCESS : PolicyResult.SUCCESS;
            case UNSATISFIABLE ->
                reportOnly ? PolicyResult.REPORT_ONLY_FAILURE : PolicyResult.FAILURE;
            case NEEDS_USER_ACTION ->
                reportOnly ? PolicyResult.REPORT_ONLY_INTERRUPTED : PolicyResult.FAILURE;
            case UNKNOWN -> PolicyResult.UNKNOWN;
          };
    };
  }

  /**
   * What an enforced policy contributes to the decision: nothing (SATISFIED), a prompt, a block, or
   * uncertainty. Report-only and disabled policies contribute nothing.
   */
  static ControlState effect(
      PolicyState state, Verdict applicability, ControlState grant, boolean invalid) {
    if (state != PolicyState.ENABLED && state != PolicyState.UNKNOWN) {
      return ControlState.SATISFIED;
    }
    if (applicability == Verdict.NO_MATCH) {
      return ControlState.SATISFIED;
    }
    if (state == PolicyState.UNKNOWN || invalid) {
      return ControlState.UNKNOWN;
    }
    if (applicability == Verdict.UNKNOWN) {
      return grant == ControlState.SATISFIED ? ControlState.SATISFIED : ControlState.UNKNOWN;
    }
    return grant;
  }

  /** Folds the enforced effects: block wins, then uncertainty, then prompts. */
  static Decision decide(boolean anyUnsatisfiable, boolean anyUnknown, boolean anyNeedsAction) {
    if (anyUnsatisfiable) {
      return Decision.BLOCK;
    }
    if (anyUnknown) {
      return Decision.NOT_EVALUABLE;
    }
    if (anyNeedsAction) {
      return Decision.REQUIRE_CONTROLS;
    }
    return Decision.ALLOW;
  }
}
