package dev.least.bench;

import static java.util.Objects.requireNonNull;

import dev.least.bench.SyntheticTenant.Agent;
import dev.least.bench.SyntheticTenant.App;
import dev.least.bench.SyntheticTenant.CaPolicy;
import dev.least.bench.SyntheticTenant.CaState;
import dev.least.bench.SyntheticTenant.Place;
import dev.least.bench.SyntheticTenant.User;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.core.JsonGenerator;

/**
 * Writes Microsoft Graph beta {@code signIn} objects as the API returns them (one per call), in the
 * shape of the Graph docs examples in {@code shared/datasets/entra-signins}: status, deviceDetail,
 * location, authenticationDetails with steps and 8–15 appliedConditionalAccessPolicies whose
 * results follow from which apps and users each policy targets. A line is 3–6 KB, as real ones are.
 */
final class EntraSignInWriter {
  private static final String[] CLIENT_APPS = {
    "Browser", "Mobile Apps and Desktop clients", "Exchange ActiveSync", "Other clients", "IMAP4"
  };
  private static final String[] RISK = {"none", "low", "medium", "high"};
  private static final String[] CA_CONDITIONS = {
    "application", "users", "devicePlatform", "location", "clientType", "signInRisk"
  };

  private final SyntheticTenant tenant;

  EntraSignInWriter(SyntheticTenant tenant) {
    this.tenant = requireNonNull(tenant, "tenant");
  }

  /** Writes one sign-in at {@code epochMillis}; draws every choice from {@code r}. */
  void write(JsonGenerator g, SplittableRandom r, long epochMillis) {
    List<User> users = tenant.users();
    User user = users.get(skewed(r, users.size()));
    int appIndex = skewed(r, tenant.apps().size());
    App app = tenant.apps().get(appIndex);
    boolean travelling = r.nextInt(100) < 12;
    Place place = travelling ? SyntheticTenant.place(r) : user.home();
    Agent agent = r.nextInt(100) < 85 ? user.agent() : SyntheticTenant.agent(r);
    String ip = travelling ? SyntheticTenant.ip(r) : user.homeIp();
    int clientPick = r.nextInt(100);
    String clientApp =
        CLIENT_APPS[clientPick < 62 ? 0 : clientPick < 97 ? 1 : clientPick < 98 ? 2 : 3];
    boolean interactive = r.nextInt(100) < 35;
    int riskPick = r.nextInt(1000);
    String risk = RISK[riskPick < 960 ? 0 : riskPick < 985 ? 1 : riskPick < 996 ? 2 : 3];
    boolean managed = user.managedDevice() && !travelling;
    boolean compliant = managed && r.nextInt(10) < 9;
    boolean mfaNeeded = interactive && (user.segment() == 1 || r.nextInt(100) < 40);
    boolean badPassword = interactive && r.nextInt(100) < 4;
    boolean mfaDone = mfaNeeded && !badPassword && r.nextInt(100) < 96;
    int errorCode =
        badPassword ? 50126 : mfaNeeded && !mfaDone ? 50074 : risk.equals("high") ? 53003 : 0;
    String failureReason =
        switch (errorCode) {
          case 0 -> "Other.";
          case 50126 -> "Error validating credentials due to invalid username or password.";
          case 50074 -> "Strong Authentication is required.";
          default -> "Access has been blocked by Conditional Access policies.";
        };
    String correlationId = SyntheticTenant.guid(r);
    String time = Timestamps.entra(epochMillis, r.nextInt(10_000));

    g.writeStartObject();
    g.writeStringProperty("id", SyntheticTenant.guid(r));
    g.writeStringProperty("createdDateTime", time);
    g.writeStringProperty("userDisplayName", user.displayName());
    g.writeStringProperty("userPrincipalName", user.upn());
    g.writeStringProperty("userId", user.entraId());
    g.writeStringProperty("appId", app.entraAppId());
    g.writeStringProperty("appDisplayName", app.name());
    g.writeStringProperty("ipAddress", ip);
    g.writeNullProperty("ipAddressFromResourceProvider");
    g.writeStringProperty("clientAppUsed", clientApp);
    g.writeStringProperty("userAgent", agent.raw());
    g.writeStringProperty("correlationId", correlationId);
    g.writeStringProperty(
        "conditionalAccessStatus",
        errorCode == 53003 ? "failure" : mfaNeeded ? "success" : "notApplied");
    g.writeStringProperty("originalRequestId", SyntheticTenant.guid(r));
    g.writeStringProperty("authenticationProtocol", interactive ? "none" : "oAuth2");
    g.writeStringProperty("incomingTokenType", interactive ? "none" : "primaryRefreshToken");
    g.writeBooleanProperty("isInteractive", interactive);
    g.writeStringProperty("tokenIssuerName", "");
    g.writeStringProperty("tokenIssuerType", "AzureAD");
    g.writeNumberProperty("processingTimeInMilliseconds", 40 + r.nextInt(900));
    g.writeStringProperty("riskDetail", "none");
    g.writeStringProperty("riskLevelAggregated", risk);
    g.writeStringProperty("riskLevelDuringSignIn", risk);
    g.writeStringProperty("riskState", risk.equals("none") ? "none" : "atRisk");
    g.writeArrayPropertyStart("riskEventTypes_v2");
    if (!risk.equals("none")) {
      g.writeString(travelling ? "unfamiliarFeatures" : "anonymizedIPAddress");
    }
    g.writeEndArray();
    g.writeStringProperty("resourceDisplayName", app.resourceName());
    g.writeStringProperty("resourceId", app.entraAppId());
    g.writeStringProperty("resourceTenantId", tenant.tenantId());
    g.writeStringProperty("homeTenantId", tenant.tenantId());
    g.writeStringProperty("homeTenantName", "");
    g.writeArrayPropertyStart("authenticationMethodsUsed");
    g.writeString("Password");
    if (mfaDone) {
      g.writeString("Microsoft Authenticator App");
    }
    g.writeEndArray();
    g.writeStringProperty(
        "authenticationRequirement",
        mfaNeeded ? "multiFactorAuthentication" : "singleFactorAuthentication");
    g.writeStringProperty("signInIdentifier", user.upn());
    g.writeStringProperty("signInIdentifierType", "userPrincipalName");
    g.writeStringProperty("servicePrincipalId", "");
    g.writeStringProperty("userType", user.segment() == 2 ? "guest" : "member");
    g.writeBooleanProperty("flaggedForReview", false);
    g.writeBooleanProperty("isTenantRestricted", false);
    g.writeNumberProperty("autonomousSystemNumber", 3000 + r.nextInt(60_000));
    g.writeStringProperty(
        "crossTenantAccessType", user.segment() == 2 ? "b2bCollaboration" : "none");
    g.writeStringProperty("uniqueTokenIdentifier", SyntheticTenant.hexString(r, 16));
    g.writeArrayPropertyStart("signInEventTypes");
    g.writeString(interactive ? "interactiveUser" : "nonInteractiveUser");
    g.writeEndArray();

    g.writeObjectPropertyStart("status");
    g.writeNumberProperty("errorCode", errorCode);
    g.writeStringProperty("failureReason", failureReason);
    if (errorCode != 0) {
      g.writeStringProperty(
          "additionalDetails",
          "The user didn't complete the sign-in. It's expected to see some number of these in"
              + " your logs.");
    }
    g.writeEndObject();

    g.writeObjectPropertyStart("deviceDetail");
    g.writeStringProperty("deviceId", managed ? user.deviceId() : "");
    g.writeStringProperty("displayName", managed ? "LT-" + user.deviceId().substring(0, 8) : "");
    g.writeStringProperty("operatingSystem", agent.os());
    g.writeStringProperty("browser", agent.entraBrowser());
    g.writeBooleanProperty("isCompliant", compliant);
    g.writeBooleanProperty("isManaged", managed);
    g.writeStringProperty("trustType", managed ? "Azure AD joined" : "");
    g.writeEndObject();

    g.writeObjectPropertyStart("location");
    g.writeStringProperty("city", place.city());
    g.writeStringProperty("state", place.state());
    g.writeStringProperty("countryOrRegion", place.countryCode());
    g.writeObjectPropertyStart("geoCoordinates");
    g.writeNullProperty("altitude");
    g.writeNumberProperty("latitude", place.lat());
    g.writeNumberProperty("longitude", place.lon());
    g.writeEndObject();
    g.writeEndObject();

    g.writeObjectPropertyStart("mfaDetail");
    if (mfaDone) {
      g.writeStringProperty("authMethod", "Mobile app notification");
      g.writeStringProperty("authDetail", null);
    }
    g.writeEndObject();

    writePolicies(g, r, user, appIndex, compliant, mfaDone, interactive);

    g.writeArrayPropertyStart("authenticationContextClassReferences");
    g.writeEndArray();
    g.writeArrayPropertyStart("authenticationProcessingDetails");
    keyValue(g, "Is CAE Token", interactive ? "False" : "True");
    g.writeEndArray();
    g.writeArrayPropertyStart("networkLocationDetails");
    if (!travelling) {
      g.writeStartObject();
      g.writeStringProperty("networkType", "namedNetwork");
      g.writeArrayPropertyStart("networkNames");
      g.writeString("Corporate " + place.city());
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();

    g.writeArrayPropertyStart("authenticationDetails");
    step(
        g,
        time,
        "Password",
        "Password in the cloud",
        !badPassword,
        badPassword ? "Invalid username or password." : "Correct password",
        "Primary authentication");
    if (mfaNeeded && !badPassword) {
      step(
          g,
          time,
          "Mobile app notification",
          "",
          mfaDone,
          mfaDone ? "MFA completed in Azure AD" : "MFA denied; user did not respond",
          "MFA");
    } else if (!interactive) {
      step(
          g,
          time,
          "Previously satisfied",
          "",
          true,
          "First factor requirement satisfied by claim in the token",
          "Primary authentication");
    }
    g.writeEndArray();
    g.writeArrayPropertyStart("authenticationRequirementPolicies");
    if (mfaNeeded) {
      g.writeStartObject();
      g.writeStringProperty("requirementProvider", "multiConditionalAccess");
      g.writeStringProperty("detail", "Conditional Access");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayPropertyStart("sessionLifetimePolicies");
    g.writeEndArray();
    g.writeEndObject();
  }

  private void writePolicies(
      JsonGenerator g,
      SplittableRandom r,
      User user,
      int appIndex,
      boolean compliant,
      boolean mfaDone,
      boolean interactive) {
    List<CaPolicy> all = tenant.policies();
    // 8–15 listed, most tenants nearer 8: the mean is about 9.7
    int count = Math.min(all.size(), 8 + Math.min(r.nextInt(8), r.nextInt(8)));
    g.writeArrayPropertyStart("appliedConditionalAccessPolicies");
    for (int i = 0; i < count; i++) {
      CaPolicy p = all.get(i);
      boolean applies = p.targets(appIndex, user.segment()) && interactive;
      boolean satisfied = satisfied(p, compliant, mfaDone);
      String result;
      if (p.state() == CaState.DISABLED) {
        result = "notEnabled";
      } else if (p.state() == CaState.REPORT_ONLY) {
        result =
            !applies
                ? "reportOnlyNotApplied"
                : satisfied
                    ? "reportOnlySuccess"
                    : mfaDone ? "reportOnlyFailure" : "reportOnlyInterrupted";
      } else {
        result = !applies ? "notApplied" : satisfied ? "success" : "failure";
      }
      boolean evaluated = p.state() != CaState.DISABLED;
      g.writeStartObject();
      g.writeStringProperty("id", p.id());
      g.writeStringProperty("displayName", p.displayName());
      g.writeArrayPropertyStart("enforcedGrantControls");
      for (String c : p.grantControls()) {
        g.writeString(c);
      }
      g.writeEndArray();
      g.writeArrayPropertyStart("enforcedSessionControls");
      for (String c : p.sessionControls()) {
        g.writeString(c);
      }
      g.writeEndArray();
      g.writeStringProperty("result", result);
      g.writeStringProperty(
          "conditionsSatisfied",
          !evaluated ? "none" : applies ? "application,users" : "application");
      g.writeStringProperty("conditionsNotSatisfied", !evaluated || applies ? "none" : "users");
      g.writeArrayPropertyStart("includeRulesSatisfied");
      if (applies) {
        rule(g, CA_CONDITIONS[0], "appId");
        rule(g, CA_CONDITIONS[1], user.segment() == 2 ? "guestOrExternalUser" : "allUsers");
      }
      g.writeEndArray();
      g.writeArrayPropertyStart("excludeRulesSatisfied");
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static boolean satisfied(CaPolicy p, boolean compliant, boolean mfaDone) {
    boolean ok = true;
    for (String c : p.grantControls()) {
      ok &=
          switch (c) {
            case "Block" -> false;
            case "Mfa" -> mfaDone;
            default -> compliant;
          };
    }
    return ok;
  }

  private static void rule(JsonGenerator g, String condition, String rule) {
    g.writeStartObject();
    g.writeStringProperty("conditionalAccessCondition", condition);
    g.writeStringProperty("ruleSatisfied", rule);
    g.writeEndObject();
  }

  private static void keyValue(JsonGenerator g, String key, String value) {
    g.writeStartObject();
    g.writeStringProperty("key", key);
    g.writeStringProperty("value", value);
    g.writeEndObject();
  }

  private static void step(
      JsonGenerator g,
      String time,
      String method,
      String detail,
      boolean succeeded,
      String result,
      String requirement) {
    g.writeStartObject();
    g.writeStringProperty("authenticationStepDateTime", time);
    g.writeStringProperty("authenticationMethod", method);
    g.writeStringProperty("authenticationMethodDetail", detail);
    g.writeBooleanProperty("succeeded", succeeded);
    g.writeStringProperty("authenticationStepResultDetail", result);
    g.writeStringProperty("authenticationStepRequirement", requirement);
    g.writeEndObject();
  }

  /** An index in {@code [0, n)} with a long tail: a few users and apps account for most events. */
  static int skewed(SplittableRandom r, int n) {
    double u = r.nextDouble();
    return Math.min(n - 1, (int) (n * u * u));
  }
}
