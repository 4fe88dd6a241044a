package dev.least.policy;

import static java.util.Objects.requireNonNull;

import dev.least.model.ClientAppType;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.TriState;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What is known about one sign-in, resolved against the directory: who (with transitive groups and
 * role template ids), what app, from where, on what device, at what risk, and whether MFA was
 * satisfied. Built from a logged {@link dev.least.model.SignInEvent} for replay, or by hand for a
 * what-if question. Unknown attributes are null / {@link TriState#UNKNOWN}, so evaluators can
 * report "not evaluable" instead of guessing.
 *
 * @param groupIds every group the account is in, nested groups resolved
 * @param roleTemplateIds Entra role template ids the account holds (Okta: empty)
 * @param platform device platform in lower case: windows, macos, ios, android, linux, windowsphone,
 *     chromeos, or null when unknown
 * @param mfaSatisfied whether an MFA claim was present or MFA was performed in this sign-in
 */
public record SignInFacts(
    String accountId,
    PrincipalKind principalKind,
    boolean guest,
    Set<String> groupIds,
    Set<String> roleTemplateIds,
    @Nullable String appId,
    ClientAppType clientApp,
    @Nullable String platform,
    @Nullable String ip,
    @Nullable String country,
    RiskLevel signInRisk,
    RiskLevel userRisk,
    TriState deviceCompliant,
    TriState deviceManaged,
    TriState mfaSatisfied,
    boolean interactive,
    long epochMillis) {
  public SignInFacts {
    requireNonNull(accountId, "accountId");
    requireNonNull(principalKind, "principalKind");
    requireNonNull(clientApp, "clientApp");
    requireNonNull(signInRisk, "signInRisk");
    requireNonNull(userRisk, "userRisk");
    requireNonNull(deviceCompliant, "deviceCompliant");
    requireNonNull(deviceManaged, "deviceManaged");
    requireNonNull(mfaSatisfied, "mfaSatisfied");
    groupIds = Set.copyOf(groupIds);
    roleTemplateIds = Set.copyOf(roleTemplateIds);
  }
}
