package dev.least.policy.entra;

import dev.least.model.PolicyId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link ConditionalAccessPolicy} values for tests; defaults: enabled, All users, All apps.
 */
public final class PolicyBuilder {
  private final String id;
  private String name;
  private PolicyState state = PolicyState.ENABLED;
  private List<String> includeUsers = List.of("All");
  private List<String> excludeUsers = List.of();
  private List<String> includeGroups = List.of();
  private List<String> excludeGroups = List.of();
  private List<String> includeRoles = List.of();
  private List<String> excludeRoles = List.of();
  private @Nullable String includeGuestTypes;
  private @Nullable String excludeGuestTypes;
  private List<String> includeApps = List.of("All");
  private List<String> excludeApps = List.of();
  private List<String> userActions = List.of();
  private List<String> acrs = List.of();
  private List<String> clientAppTypes = List.of();
  private List<String> includePlatforms = List.of();
  private List<String> excludePlatforms = List.of();
  private List<String> includeLocations = List.of();
  private List<String> excludeLocations = List.of();
  private List<String> signInRisk = List.of();
  private List<String> userRisk = List.of();
  private ConditionalAccessPolicy.@Nullable DeviceFilter deviceFilter;
  private ConditionalAccessPolicy.@Nullable GrantControls grant;
  private ConditionalAccessPolicy.@Nullable SessionControls session;
  private List<String> unknownValues = List.of();

  private PolicyBuilder(String id) {
    this.id = id;
    this.name = id;
  }

  public static PolicyBuilder policy(String id) {
    return new PolicyBuilder(id);
  }

  public PolicyBuilder name(String v) {
    name = v;
    return this;
  }

  public PolicyBuilder state(PolicyState v) {
    state = v;
    return this;
  }

  public PolicyBuilder includeUsers(String... v) {
    includeUsers = List.of(v);
    return this;
  }

  public PolicyBuilder excludeUsers(String... v) {
    excludeUsers = List.of(v);
    return this;
  }

  public PolicyBuilder includeGroups(String... v) {
    includeGroups = List.of(v);
    return this;
  }

  public PolicyBuilder excludeGroups(String... v) {
    excludeGroups = List.of(v);
    return this;
  }

  public PolicyBuilder includeRoles(String... v) {
    includeRoles = List.of(v);
    return this;
  }

  public PolicyBuilder excludeRoles(String... v) {
    excludeRoles = List.of(v);
    return this;
  }

  public PolicyBuilder includeGuestTypes(@Nullable String v) {
    includeGuestTypes = v;
    return this;
  }

  public PolicyBuilder excludeGuestTypes(@Nullable String v) {
    excludeGuestTypes = v;
    return this;
  }

  public PolicyBuilder includeApps(String... v) {
    includeApps = List.of(v);
    return this;
  }

  public PolicyBuilder excludeApps(String... v) {
    excludeApps = List.of(v);
    return this;
  }

  public PolicyBuilder userActions(String... v) {
    userActions = List.of(v);
    includeApps = List.of();
    return this;
  }

  public PolicyBuilder authContexts(String... v) {
    acrs = List.of(v);
    includeApps = List.of();
    return this;
  }

  public PolicyBuilder clientAppTypes(String... v) {
    clientAppTypes = List.of(v);
    return this;
  }

  public PolicyBuilder includePlatforms(String... v) {
    includePlatforms = List.of(v);
    return this;
  }

  public PolicyBuilder excludePlatforms(String... v) {
    excludePlatforms = List.of(v);
    return this;
  }

  public PolicyBuilder includeLocations(String... v) {
    includeLocations = List.of(v);
    return this;
  }

  public PolicyBuilder excludeLocations(String... v) {
    excludeLocations = List.of(v);
    return this;
  }

  public PolicyBuilder signInRisk(String... v) {
    signInRisk = List.of(v);
    return this;
  }

  public PolicyBuilder userRisk(String... v) {
    userRisk = List.of(v);
    return this;
  }

  public PolicyBuilder deviceFilter(String mode, String rule) {
    deviceFilter = new ConditionalAccessPolicy.DeviceFilter(mode, rule);
    return this;
  }

  /** {@code grant("AND", "mfa", "compliantDevice")}. */
  public PolicyBuilder grant(String operator, String... controls) {
    grant =
        new ConditionalAccessPolicy.GrantControls(
            operator, List.of(controls), List.of(), List.of(), null, null);
    return this;
  }

  public PolicyBuilder grantFull(
      String operator,
      List<String> controls,
      List<String> termsOfUse,
      @Nullable String strengthId) {
    grant =
        new ConditionalAccessPolicy.GrantControls(
            operator, controls, List.of(), termsOfUse, strengthId, null);
    return this;
  }

  public PolicyBuilder signInFrequencyHours(int hours) {
    session =
        new ConditionalAccessPolicy.SessionControls(
            hours, "hours", "timeBased", null, false, false);
    return this;
  }

  public PolicyBuilder unknownValues(String... v) {
    unknownValues = List.of(v);
    return this;
  }

  public ConditionalAccessPolicy build() {
    return new ConditionalAccessPolicy(
        new PolicyId(id),
        name,
        state,
        null,
        null,
        new ConditionalAccessPolicy.Users(
            includeUsers,
            excludeUsers,
            includeGroups,
            excludeGroups,
            includeRoles,
            excludeRoles,
            includeGuestTypes,
            excludeGuestTypes),
        new ConditionalAccessPolicy.Applications(
            new ArrayList<>(includeApps), excludeApps, userActions, acrs),
        clientAppTypes,
        new ConditionalAccessPolicy.Platforms(includePlatforms, excludePlatforms),
        new ConditionalAccessPolicy.Locations(includeLocations, excludeLocations),
        signInRisk,
        userRisk,
        deviceFilter,
        grant,
        session,
        unknownValues,
        "{}");
  }
}
