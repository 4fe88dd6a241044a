package dev.least.connector.generate;

import static java.util.Objects.requireNonNull;

import dev.least.policy.PolicyOutcome;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One Entra sign-in to write, as decided by the simulation and the policy engine.
 *
 * @param clientAppUsed the log's spelling, e.g. {@code Browser}, {@code IMAP4}
 * @param step what the authentication details show
 * @param outcomes the engine's per-policy results for this sign-in; empty when primary
 *     authentication failed and Conditional Access was not evaluated
 */
record EntraSignIn(
    UUID id,
    UUID correlationId,
    long epochMillis,
    PlannedUser user,
    PlannedApp app,
    boolean interactive,
    String clientAppUsed,
    String operatingSystem,
    String browser,
    boolean compliant,
    boolean managed,
    Where where,
    int errorCode,
    @Nullable String failureReason,
    @Nullable String additionalDetails,
    Step step,
    String risk,
    List<String> riskEvents,
    List<PolicyOutcome> outcomes) {
  EntraSignIn {
    requireNonNull(id, "id");
    requireNonNull(correlationId, "correlationId");
    requireNonNull(user, "user");
    requireNonNull(app, "app");
    requireNonNull(where, "where");
    requireNonNull(step, "step");
    riskEvents = List.copyOf(riskEvents);
    outcomes = List.copyOf(outcomes);
  }

  /** The authentication steps the record shows. */
  enum Step {
    /** Wrong password (spray). */
    PASSWORD_FAILED,
    /** Password only (single factor). */
    PASSWORD,
    /** Password accepted, MFA required and not yet done (interrupt). */
    MFA_REQUIRED,
    /** Password and a push approved. */
    MFA_APPROVED,
    /** Password and a push denied by the user. */
    MFA_DENIED,
    /** Password and a push that timed out. */
    MFA_TIMEOUT,
    /** Token refresh: the session's earlier MFA claim satisfied the requirement. */
    MFA_CLAIM,
    /** Token refresh without MFA. */
    TOKEN
  }
}
