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
 * @param latitude where the sign-in came from, in degrees (Entra {@code
 *     location.geoCoordinates.latitude}, Okta {@code client.geographicalContext.geolocation.lat});
 *     NaN when the log does not say
 * @param longitude as {@code latitude}; NaN exactly when {@code latitude} is
 * @param deviceId Entra {@code deviceDetail.deviceId} / Okta {@code device.id}; "" when the log
 *     shows the device as not registered (Entra writes an empty id), null when it does not say
 * @param deviceTrustType Entra {@code deviceDetail.trustType} as logged ({@code Azure AD joined},
 *     {@code Hybrid Azure AD joined}, {@code Azure AD registered}, or the Microsoft Entra names);
 *     null when absent or empty (Okta logs have none)
 * @param resourceId Entra {@code resourceId}: the app the token is for (may differ from {@code
 *     appId}, the client); null for Okta
 * @param resourceName Entra {@code resourceDisplayName}
 * @param conditionalAccessStatus Entra's sign-in-level Conditional Access result
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
    List<LoggedPolicyResult> policyResults,
    double latitude,
    double longitude,
    @Nullable String deviceId,
    @Nullable String deviceTrustType,
    @Nullable String resourceId,
    @Nullable String resourceName,
    ConditionalAccessStatus conditionalAccessStatus) {
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
    requireNonNull(conditionalAccessStatus, "conditionalAccessStatus");
    policyResults = List.copyOf(policyResults);
    if (Double.isNaN(latitude) != Double.isNaN(longitude)) {
      throw new IllegalArgumentException(
          "Expected latitude and longitude both present or both absent but was "
              + latitude
              + ", "
              + longitude);
    }
    if (!validLatitude(latitude) && !Double.isNaN(latitude)) {
      throw new IllegalArgumentException("Expected latitude in [-90, 90] but was " + latitude);
    }
    if (!validLongitude(longitude) && !Double.isNaN(longitude)) {
      throw new IllegalArgumentException("Expected longitude in [-180, 180] but was " + longitude);
    }
  }

  /**
   * The shape before coordinates, device identity, resource and Conditional Access status were
   * kept: those are absent.
   */
  public SignInEvent(
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
    this(
        eventId,
        source,
        epochMillis,
        principalKind,
        accountId,
        login,
        appId,
        appName,
        ip,
        country,
        city,
        clientApp,
        clientAppRaw,
        interactive,
        devicePlatform,
        deviceManaged,
        deviceCompliant,
        outcome,
        errorCode,
        mfaRequired,
        mfaPerformed,
        mfaMethod,
        riskLevel,
        policyResults,
        Double.NaN,
        Double.NaN,
        null,
        null,
        null,
        null,
        ConditionalAccessStatus.NOT_LOGGED);
  }

  /** Whether a latitude in degrees is on the globe ([-90, 90]); false for NaN. */
  public static boolean validLatitude(double latitude) {
    return latitude >= -90 && latitude <= 90;
  }

  /** Whether a longitude in degrees is on the globe ([-180, 180]); false for NaN. */
  public static boolean validLongitude(double longitude) {
    return longitude >= -180 && longitude <= 180;
  }

  /** Whether the log gave the sign-in's coordinates. */
  public boolean hasCoordinates() {
    return !Double.isNaN(latitude);
  }

  public Instant time() {
    return Instant.ofEpochMilli(epochMillis);
  }
}
