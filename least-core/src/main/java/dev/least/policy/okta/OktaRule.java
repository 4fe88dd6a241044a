package dev.least.policy.okta;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One rule of an Okta policy. Conditions absent in the body are empty lists / {@code ANYWHERE}.
 *
 * @param networkConnection ANYWHERE, ZONE, ON_NETWORK or OFF_NETWORK
 * @param riskLevel {@code conditions.riskScore.level} (ANY, LOW, MEDIUM, HIGH) when set
 * @param platforms {@code conditions.platform.include[].os.type} values (e.g. IOS, ANDROID, OSX,
 *     WINDOWS, OTHER)
 * @param deviceRegistered {@code conditions.device.registered}, when set
 * @param deviceManaged {@code conditions.device.managed}, when set
 * @param action ALLOW or DENY ({@code actions.signon.access} / {@code actions.appSignOn.access})
 * @param factorLifetimeMinutes OKTA_SIGN_ON {@code requireFactor} lifetime; null when not set
 * @param verificationMethodType ACCESS_POLICY {@code verificationMethod.type} (ASSURANCE, …)
 * @param factorMode ACCESS_POLICY {@code verificationMethod.factorMode} (1FA, 2FA)
 * @param reauthenticateIn ACCESS_POLICY {@code verificationMethod.reauthenticateIn} (ISO-8601)
 * @param detail the further conditions and actions ({@link OktaRuleDetail#NONE} when none)
 */
public record OktaRule(
    String id,
    String name,
    String status,
    int priority,
    boolean system,
    List<String> usersInclude,
    List<String> usersExclude,
    List<String> groupsInclude,
    List<String> groupsExclude,
    String networkConnection,
    List<String> zonesInclude,
    List<String> zonesExclude,
    @Nullable String riskLevel,
    List<String> platforms,
    @Nullable Boolean deviceRegistered,
    @Nullable Boolean deviceManaged,
    String action,
    boolean requireFactor,
    @Nullable String factorPromptMode,
    @Nullable Integer factorLifetimeMinutes,
    @Nullable String verificationMethodType,
    @Nullable String factorMode,
    @Nullable String reauthenticateIn,
    String rawJson,
    OktaRuleDetail detail) {
  public OktaRule {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(status, "status");
    requireNonNull(networkConnection, "networkConnection");
    requireNonNull(action, "action");
    requireNonNull(rawJson, "rawJson");
    requireNonNull(detail, "detail");
    usersInclude = List.copyOf(usersInclude);
    usersExclude = List.copyOf(usersExclude);
    groupsInclude = List.copyOf(groupsInclude);
    groupsExclude = List.copyOf(groupsExclude);
    zonesInclude = List.copyOf(zonesInclude);
    zonesExclude = List.copyOf(zonesExclude);
    platforms = List.copyOf(platforms);
  }

  /** A rule without further conditions or actions ({@link OktaRuleDetail#NONE}). */
  public OktaRule(
      String id,
      String name,
      String status,
      int priority,
      boolean system,
      List<String> usersInclude,
      List<String> usersExclude,
      List<String> groupsInclude,
      List<String> groupsExclude,
      String networkConnection,
      List<String> zonesInclude,
      List<String> zonesExclude,
      @Nullable String riskLevel,
      List<String> platforms,
      @Nullable Boolean deviceRegistered,
      @Nullable Boolean deviceManaged,
      String action,
      boolean requireFactor,
      @Nullable String factorPromptMode,
      @Nullable Integer factorLifetimeMinutes,
      @Nullable String verificationMethodType,
      @Nullable String factorMode,
      @Nullable String reauthenticateIn,
      String rawJson) {
    this(
        id,
        name,
        status,
        priority,
        system,
        usersInclude,
        usersExclude,
        groupsInclude,
        groupsExclude,
        networkConnection,
        zonesInclude,
        zonesExclude,
        riskLevel,
        platforms,
        deviceRegistered,
        deviceManaged,
        action,
        requireFactor,
        factorPromptMode,
        factorLifetimeMinutes,
        verificationMethodType,
        factorMode,
        reauthenticateIn,
        rawJson,
        OktaRuleDetail.NONE);
  }

  /** This rule with another status ({@code ACTIVE} or {@code INACTIVE}). */
  public OktaRule withStatus(String newStatus) {
    return new OktaRule(
        id,
        name,
        newStatus,
        priority,
        system,
        usersInclude,
        usersExclude,
        groupsInclude,
        groupsExclude,
        networkConnection,
        zonesInclude,
        zonesExclude,
        riskLevel,
        platforms,
        deviceRegistered,
        deviceManaged,
        action,
        requireFactor,
        factorPromptMode,
        factorLifetimeMinutes,
        verificationMethodType,
        factorMode,
        reauthenticateIn,
        rawJson,
        detail);
  }

  /**
   * Whether the rule has no condition at all (no people, network, risk, platform, device, user type
   * or expression condition), so it matches every request that reaches it.
   */
  public boolean matchesEverything() {
    boolean anywhere =
        networkConnection.isEmpty() || "ANYWHERE".equalsIgnoreCase(networkConnection);
    return usersInclude.isEmpty()
        && usersExclude.isEmpty()
        && groupsInclude.isEmpty()
        && groupsExclude.isEmpty()
        && anywhere
        && zonesInclude.isEmpty()
        && zonesExclude.isEmpty()
        && (riskLevel == null || "ANY".equalsIgnoreCase(riskLevel))
        && platforms.isEmpty()
        && deviceRegistered == null
        && deviceManaged == null
        && (detail.authType() == null || "ANY".equalsIgnoreCase(detail.authType()))
        && detail.riskBehaviors().isEmpty()
        && detail.platformInclude().isEmpty()
        && detail.platformExclude().isEmpty()
        && detail.deviceAssuranceInclude().isEmpty()
        && detail.userTypesInclude().isEmpty()
        && detail.userTypesExclude().isEmpty()
        && detail.elCondition() == null;
  }

  public boolean active() {
    return "ACTIVE".equals(status);
  }
}
