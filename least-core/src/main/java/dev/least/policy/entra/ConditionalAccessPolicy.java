package dev.least.policy.entra;

import static java.util.Objects.requireNonNull;

import dev.least.model.PolicyId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Graph {@code conditionalAccessPolicy}, parsed. Lists hold the Graph values as given (object ids
 * and keywords such as {@code All}, {@code None}, {@code AllTrusted}, {@code Office365});
 * evaluation interprets them. {@code rawJson} is the body as read, for round trips and patches.
 *
 * @param unknownValues enum values this version of Least does not know, as {@code field=value}
 */
public record ConditionalAccessPolicy(
    PolicyId id,
    String displayName,
    PolicyState state,
    @Nullable Instant created,
    @Nullable Instant modified,
    Users users,
    Applications applications,
    List<String> clientAppTypes,
    Platforms platforms,
    Locations locations,
    List<String> signInRiskLevels,
    List<String> userRiskLevels,
    @Nullable DeviceFilter deviceFilter,
    @Nullable GrantControls grantControls,
    @Nullable SessionControls sessionControls,
    List<String> unknownValues,
    String rawJson) {
  public ConditionalAccessPolicy {
    requireNonNull(id, "id");
    requireNonNull(displayName, "displayName");
    requireNonNull(state, "state");
    requireNonNull(users, "users");
    requireNonNull(applications, "applications");
    requireNonNull(platforms, "platforms");
    requireNonNull(locations, "locations");
    requireNonNull(rawJson, "rawJson");
    clientAppTypes = List.copyOf(clientAppTypes);
    signInRiskLevels = List.copyOf(signInRiskLevels);
    userRiskLevels = List.copyOf(userRiskLevels);
    unknownValues = List.copyOf(unknownValues);
  }

  /** This policy under another id (e.g. to evaluate two versions side by side). */
  public ConditionalAccessPolicy withId(PolicyId newId) {
    return new ConditionalAccessPolicy(
        newId,
        displayName,
        state,
        created,
        modified,
        users,
        applications,
        clientAppTypes,
        platforms,
        locations,
        signInRiskLevels,
        userRiskLevels,
        deviceFilter,
        grantControls,
        sessionControls,
        unknownValues,
        rawJson);
  }

  /** This policy in another state; {@code rawJson} stays the body as read. */
  public ConditionalAccessPolicy withState(PolicyState newState) {
    return new ConditionalAccessPolicy(
        id,
        displayName,
        newState,
        created,
        modified,
        users,
        applications,
        clientAppTypes,
        platforms,
        locations,
        signInRiskLevels,
        userRiskLevels,
        deviceFilter,
        grantControls,
        sessionControls,
        unknownValues,
        rawJson);
  }

  /** This policy with other user conditions; {@code rawJson} stays the body as read. */
  public ConditionalAccessPolicy withUsers(Users newUsers) {
    return new ConditionalAccessPolicy(
        id,
        displayName,
        state,
        created,
        modified,
        newUsers,
        applications,
        clientAppTypes,
        platforms,
        locations,
        signInRiskLevels,
        userRiskLevels,
        deviceFilter,
        grantControls,
        sessionControls,
        unknownValues,
        rawJson);
  }

  /** This policy with other session controls; {@code rawJson} stays the body as read. */
  public ConditionalAccessPolicy withSessionControls(@Nullable SessionControls newControls) {
    return new ConditionalAccessPolicy(
        id,
        displayName,
        state,
        created,
        modified,
        users,
        applications,
        clientAppTypes,
        platforms,
        locations,
        signInRiskLevels,
        userRiskLevels,
        deviceFilter,
        grantControls,
        newControls,
        unknownValues,
        rawJson);
  }

  /**
   * A new policy as a recommendation proposes it: the given users, apps, client app types and
   * locations, granting with {@code controls} (operator OR), nothing else configured.
   */
  public static ConditionalAccessPolicy proposed(
      PolicyId id,
      String displayName,
      PolicyState state,
      Users users,
      List<String> includeApplications,
      List<String> clientAppTypes,
      Locations locations,
      List<String> controls) {
    return new ConditionalAccessPolicy(
        id,
        displayName,
        state,
        null,
        null,
        users,
        new Applications(includeApplications, List.of(), List.of(), List.of()),
        clientAppTypes,
        new Platforms(List.of(), List.of()),
        locations,
        List.of(),
        List.of(),
        null,
        new GrantControls("OR", controls, List.of(), List.of(), null, null),
        null,
        List.of(),
        "{}");
  }

  /** {@code conditions.users}. Guest/external conditions are kept as their Graph flag strings. */
  public record Users(
      List<String> includeUsers,
      List<String> excludeUsers,
      List<String> includeGroups,
      List<String> excludeGroups,
      List<String> includeRoles,
      List<String> excludeRoles,
      @Nullable String includeGuestsOrExternalUserTypes,
      @Nullable String excludeGuestsOrExternalUserTypes) {
    public Users {
      includeUsers = List.copyOf(includeUsers);
      excludeUsers = List.copyOf(excludeUsers);
      includeGroups = List.copyOf(includeGroups);
      excludeGroups = List.copyOf(excludeGroups);
      includeRoles = List.copyOf(includeRoles);
      excludeRoles = List.copyOf(excludeRoles);
    }
  }

  /** {@code conditions.applications}. */
  public record Applications(
      List<String> includeApplications,
      List<String> excludeApplications,
      List<String> includeUserActions,
      List<String> includeAuthenticationContextClassReferences) {
    public Applications {
      includeApplications = List.copyOf(includeApplications);
      excludeApplications = List.copyOf(excludeApplications);
      includeUserActions = List.copyOf(includeUserActions);
      includeAuthenticationContextClassReferences =
          List.copyOf(includeAuthenticationContextClassReferences);
    }
  }

  /** {@code conditions.platforms}; both empty when the condition is not configured. */
  public record Platforms(List<String> includePlatforms, List<String> excludePlatforms) {
    public Platforms {
      includePlatforms = List.copyOf(includePlatforms);
      excludePlatforms = List.copyOf(excludePlatforms);
    }
  }

  /** {@code conditions.locations}; both empty when the condition is not configured. */
  public record Locations(List<String> includeLocations, List<String> excludeLocations) {
    public Locations {
      includeLocations = List.copyOf(includeLocations);
      excludeLocations = List.copyOf(excludeLocations);
    }
  }

  /** {@code conditions.devices.deviceFilter}: mode include/exclude and the rule text. */
  public record DeviceFilter(String mode, String rule) {
    public DeviceFilter {
      requireNonNull(mode, "mode");
      requireNonNull(rule, "rule");
    }
  }

  /**
   * {@code grantControls}. {@code operator} is AND or OR; {@code authenticationStrengthId} is set
   * when the policy requires an authentication strength.
   */
  public record GrantControls(
      String operator,
      List<String> builtInControls,
      List<String> customAuthenticationFactors,
      List<String> termsOfUse,
      @Nullable String authenticationStrengthId,
      @Nullable String authenticationStrengthName) {
    public GrantControls {
      requireNonNull(operator, "operator");
      builtInControls = List.copyOf(builtInControls);
      customAuthenticationFactors = List.copyOf(customAuthenticationFactors);
      termsOfUse = List.copyOf(termsOfUse);
    }
  }

  /**
   * {@code sessionControls}: sign-in frequency ({@code value} + {@code type} hours/days, or {@code
   * everyTime}) and persistent browser mode (always/never), when enabled.
   */
  public record SessionControls(
      @Nullable Integer signInFrequencyValue,
      @Nullable String signInFrequencyType,
      @Nullable String signInFrequencyInterval,
      @Nullable String persistentBrowserMode,
      boolean applicationEnforcedRestrictions,
      boolean cloudAppSecurity) {}
}
