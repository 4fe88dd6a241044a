package dev.least.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One normalized sign-in. Parsers build these; {@link SignInLog} stores them column-wise and hands
 * out fresh views.
 *
 * @param eventId the source event id (Entra {@code id}, Okta {@code uuid})
 * @param accountId the signing-in user's id, or the service principal's for workload sign-ins
 * @param appId Entra {@code appId} / Okta target app instance id
 * @param clientAppRaw the log's own client string (Entra {@code clientAppUsed}, Okta {@code
 *     client.userAgent.rawUserAgent} is not kept)
 * @param errorCode Entra {@code status.errorCode}; 0 for success and for Okta events
 * @param mfaMethod the method that satisfied MFA, when the log says
 */
public record SignInEvent(
    String eventId,
    Source source,
    long epochMillis,
    PrincipalKind principalKind,
    String accountId,
    @Nullable String login,
    @Nullable String appId,
    @Nullable String appName,
    @Nullable String ip,
    @Nullable String country,
    @Nullable String city,
    ClientAppType clientApp,
    @Nullable String clientAppRaw,
    boolean interactive,
    @Nullable String devicePlatform,
    TriState deviceManaged,
    TriState deviceCompliant,
    SignInOutcome outcome,
    int errorCode,
    TriState mfaRequired,
    TriState mfaPerformed,
    @Nullable String mfaMethod,
    RiskLevel riskLevel,
    List<LoggedPolicyResult> policyResults) {
  public SignInEvent {
    requireNonNull(eventId, "eventId");
    requireNonNull(source, "source");
    requireNonNull(principalKind, "principalKind");
    requireNonNull(accountId, "accountId");
    requireNonNull(clientApp, "clientApp");
    requireNonNull(deviceManaged, "deviceManaged");
    requireNonNull(deviceCompliant, "deviceCompliant");
    requireNonNull(outcome, "outcome");
    requireNonNull(mfaRequired, "mfaRequired");
    requireNonNull(mfaPerformed, "mfaPerformed");
    requireNonNull(riskLevel, "riskLevel");
    policyResults = List.copyOf(policyResults);
  }

  public Instant time() {
    return Instant.ofEpochMilli(epochMillis);
  }
}
