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
 *     chromeos; {@code unknown} when the vendor itself could not detect one (matches only a
 *     policy's {@code all}); null when the log does not say
 * @param mfaSatisfied whether an MFA claim was present or MFA was performed in this sign-in
 * @param deviceId the registered device id; "" for a device the log shows as unregistered, null
 *     when the log does not say
 * @param deviceTrustType Entra device trust type as the device filter spells it ({@code AzureAD},
 *     {@code ServerAD}, {@code Workplace}), or null when unknown or unregistered
 * @param operatingSystem the device's operating system name as the device object gives it (e.g.
 *     {@code Windows}, {@code iOS}), or null when unknown
 * @param audiences further resource app ids the request is evaluated against (Entra {@code
 *     conditionalAccessAudiences}); empty when only {@code appId} is targeted
 * @param userAction an Entra user action the request is for ({@code urn:user:registersecurityinfo},
 *     {@code urn:user:registerdevice}); null for a resource request
 * @param authContexts authentication context class references the request carries ({@code c1}…)
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
    long epochMillis,
    @Nullable String deviceId,
    @Nullable String deviceTrustType,
    @Nullable String operatingSystem,
    Set<String> audiences,
    @Nullable String userAction,
    Set<String> authContexts) {
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
    audiences = Set.copyOf(audiences);
    authContexts = Set.copyOf(authContexts);
  }

  /**
   * The original shape, kept so existing callers compile: no device identity, no extra audiences,
   * no user action, no authentication context.
   */
  public SignInFacts(
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
    this(
        accountId,
        principalKind,
        guest,
        groupIds,
        roleTemplateIds,
        appId,
        clientApp,
        platform,
        ip,
        country,
        signInRisk,
        userRisk,
        deviceCompliant,
        deviceManaged,
        mfaSatisfied,
        interactive,
        epochMillis,
        null,
        null,
        null,
        Set.of(),
        null,
        Set.of());
  }
}
