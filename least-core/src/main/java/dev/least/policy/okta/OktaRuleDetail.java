package dev.least.policy.okta;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Conditions and actions of an Okta rule beyond the core set carried by {@link OktaRule} itself.
 * Every field's "absent" value means "no such condition" ({@link #NONE}).
 *
 * @param authType {@code conditions.authContext.authType} (ANY, RADIUS, LDAP_INTERFACE); null =
 *     absent
 * @param riskBehaviors {@code conditions.risk.behaviors}; empty = any
 * @param platformInclude {@code conditions.platform.include}; when empty, {@link
 *     OktaRule#platforms()} (OS types) is used instead
 * @param platformExclude {@code conditions.platform.exclude}
 * @param deviceAssuranceInclude {@code conditions.device.assurance.include}
 * @param userTypesInclude {@code conditions.userType.include}
 * @param userTypesExclude {@code conditions.userType.exclude}
 * @param elCondition {@code conditions.elCondition.condition}
 * @param primaryFactor OKTA_SIGN_ON {@code actions.signon.primaryFactor} (PASSWORD_IDP,
 *     PASSWORD_IDP_ANY_FACTOR)
 * @param rememberDeviceByDefault OKTA_SIGN_ON {@code actions.signon.rememberDeviceByDefault}
 * @param constraints ACCESS_POLICY {@code verificationMethod.constraints}
 */
public record OktaRuleDetail(
    @Nullable String authType,
    List<String> riskBehaviors,
    List<PlatformSpec> platformInclude,
    List<PlatformSpec> platformExclude,
    List<String> deviceAssuranceInclude,
    List<String> userTypesInclude,
    List<String> userTypesExclude,
    @Nullable String elCondition,
    @Nullable String primaryFactor,
    boolean rememberDeviceByDefault,
    List<AssuranceConstraint> constraints) {
  /** No condition or action beyond those of {@link OktaRule}. */
  public static final OktaRuleDetail NONE =
      new OktaRuleDetail(
          null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, false,
          List.of());

  public OktaRuleDetail {
    riskBehaviors = List.copyOf(riskBehaviors);
    platformInclude = List.copyOf(platformInclude);
    platformExclude = List.copyOf(platformExclude);
    deviceAssuranceInclude = List.copyOf(deviceAssuranceInclude);
    userTypesInclude = List.copyOf(userTypesInclude);
    userTypesExclude = List.copyOf(userTypesExclude);
    constraints = List.copyOf(constraints);
  }
}
