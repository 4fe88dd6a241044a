package dev.least.policy.okta;

import static java.util.Objects.requireNonNull;

import dev.least.model.RiskLevel;
import dev.least.model.TriState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything the Okta evaluator can condition on for one request. Unknown signals are null, empty
 * or {@link TriState#UNKNOWN}, so that the evaluator reports "not evaluable from the log" instead
 * of guessing (reference §4).
 *
 * @param groupIds every group the user is in (Okta groups are flat)
 * @param userTypeId the user's type id, null when unknown
 * @param appId the app being accessed; null for a sign-in to Okta itself (no authentication policy)
 * @param ipChain {@code request.ipChain} in log order, the client first and the hop that reached
 *     Okta last; empty when unknown
 * @param country ISO 3166-1 alpha-2 country of the client IP, null when unknown
 * @param risk Okta's risk level (LOW, MEDIUM, HIGH); any other value means unknown
 * @param behaviors behaviors detected (POSITIVE) on the request, null when unknown
 * @param platform device OS in lower case (windows, macos, ios, android, linux, chromeos), null
 *     when unknown
 * @param deviceAssurances device assurance policy ids the device satisfies, null when unknown
 */
public record OktaSignInRequest(
    String userId,
    Set<String> groupIds,
    @Nullable String userTypeId,
    @Nullable String appId,
    List<String> ipChain,
    @Nullable String country,
    RiskLevel risk,
    @Nullable Set<String> behaviors,
    @Nullable String platform,
    TriState deviceRegistered,
    TriState deviceManaged,
    @Nullable Set<String> deviceAssurances,
    OktaAuthType authType,
    SessionState session,
    long epochMillis) {
  public OktaSignInRequest {
    requireNonNull(userId, "userId");
    requireNonNull(risk, "risk");
    requireNonNull(deviceRegistered, "deviceRegistered");
    requireNonNull(deviceManaged, "deviceManaged");
    requireNonNull(authType, "authType");
    requireNonNull(session, "session");
    groupIds = Set.copyOf(groupIds);
    ipChain = List.copyOf(ipChain);
    behaviors = behaviors == null ? null : Set.copyOf(behaviors);
    deviceAssurances = deviceAssurances == null ? null : Set.copyOf(deviceAssurances);
  }

  public static Builder builder(String userId) {
    return new Builder(userId);
  }

  /** A copy to change one or two signals (what-if questions, tests). */
  public Builder toBuilder() {
    Builder b = new Builder(userId);
    b.groupIds = groupIds;
    b.userTypeId = userTypeId;
    b.appId = appId;
    b.ipChain = ipChain;
    b.country = country;
    b.risk = risk;
    b.behaviors = behaviors;
    b.platform = platform;
    b.deviceRegistered = deviceRegistered;
    b.deviceManaged = deviceManaged;
    b.deviceAssurances = deviceAssurances;
    b.authType = authType;
    b.session = session;
    b.epochMillis = epochMillis;
    return b;
  }

  /**
   * Builds a request; every signal starts unknown except the entry point (a normal web sign-in) and
   * the time (0).
   */
  public static final class Builder {
    private String userId;
    private Set<String> groupIds = Set.of();
    private @Nullable String userTypeId;
    private @Nullable String appId;
    private List<String> ipChain = List.of();
    private @Nullable String country;
    private RiskLevel risk = RiskLevel.UNKNOWN;
    private @Nullable Set<String> behaviors;
    private @Nullable String platform;
    private TriState deviceRegistered = TriState.UNKNOWN;
    private TriState deviceManaged = TriState.UNKNOWN;
    private @Nullable Set<String> deviceAssurances;
    private OktaAuthType authType = OktaAuthType.WEB;
    private SessionState session = SessionState.UNKNOWN;
    private long epochMillis;

    private Builder(String userId) {
      this.userId = requireNonNull(userId, "userId");
    }

    public Builder userId(String value) {
      this.userId = requireNonNull(value, "userId");
      return this;
    }

    public Builder groups(String... ids) {
      this.groupIds = Set.of(ids);
      return this;
    }

    public Builder groups(Set<String> ids) {
      this.groupIds = Set.copyOf(ids);
      return this;
    }

    public Builder userType(@Nullable String value) {
      this.userTypeId = value;
      return this;
    }

    public Builder app(@Nullable String value) {
      this.appId = value;
      return this;
    }

    /** The IP chain, client first. */
    public Builder ip(String... chain) {
      this.ipChain = new ArrayList<>(List.of(chain));
      return this;
    }

    public Builder country(@Nullable String value) {
      this.country = value;
      return this;
    }

    public Builder risk(RiskLevel value) {
      this.risk = requireNonNull(value, "risk");
      return this;
    }

    public Builder behaviors(@Nullable Set<String> value) {
      this.behaviors = value;
      return this;
    }

    public Builder platform(@Nullable String value) {
      this.platform = value;
      return this;
    }

    public Builder device(TriState registered, TriState managed) {
      this.deviceRegistered = requireNonNull(registered, "registered");
      this.deviceManaged = requireNonNull(managed, "managed");
      return this;
    }

    public Builder deviceAssurances(@Nullable Set<String> value) {
      this.deviceAssurances = value;
      return this;
    }

    public Builder authType(OktaAuthType value) {
      this.authType = requireNonNull(value, "authType");
      return this;
    }

    public Builder session(SessionState value) {
      this.session = requireNonNull(value, "session");
      return this;
    }

    public Builder at(long value) {
      this.epochMillis = value;
      return this;
    }

    public OktaSignInRequest build() {
      return new OktaSignInRequest(
          userId,
          groupIds,
          userTypeId,
          appId,
          ipChain,
          country,
          risk,
          behaviors,
          platform,
          deviceRegistered,
          deviceManaged,
          deviceAssurances,
          authType,
          session,
          epochMillis);
    }
  }
}
