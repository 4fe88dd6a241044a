package dev.least.bench;

import static java.util.Objects.requireNonNull;

import dev.least.bench.SyntheticTenant.Agent;
import dev.least.bench.SyntheticTenant.App;
import dev.least.bench.SyntheticTenant.Place;
import dev.least.bench.SyntheticTenant.User;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * Writes Okta System Log {@code LogEvent}s as {@code GET /api/v1/logs} returns them, in the shape
 * of the OpenAPI examples and Panther samples in {@code shared/datasets/okta-system-log}: the four
 * sign-in event types ({@code user.session.start}, {@code user.authentication.sso}, {@code
 * policy.evaluate_sign_on}, {@code user.authentication.auth_via_mfa}) with actor, client, device,
 * authenticationContext, outcome, securityContext, debugContext, transaction, request and target. A
 * line is 2–3 KB, as real ones are.
 */
final class OktaLogEventWriter {
  private static final String[] BEHAVIORS = {
    "New Geo-Location", "New Device", "New IP", "New State", "New Country", "Velocity", "New City"
  };

  private final SyntheticTenant tenant;

  OktaLogEventWriter(SyntheticTenant tenant) {
    this.tenant = requireNonNull(tenant, "tenant");
  }

  /** Writes one event at {@code epochMillis}; draws every choice from {@code r}. */
  void write(JsonGenerator g, SplittableRandom r, long epochMillis) {
    User user = tenant.users().get(EntraSignInWriter.skewed(r, tenant.users().size()));
    App app = tenant.apps().get(EntraSignInWriter.skewed(r, tenant.apps().size()));
    boolean travelling = r.nextInt(100) < 12;
    Place place = travelling ? SyntheticTenant.place(r) : user.home();
    Agent agent = r.nextInt(100) < 85 ? user.agent() : SyntheticTenant.agent(r);
    String ip = travelling ? SyntheticTenant.ip(r) : user.homeIp();
    int kind = r.nextInt(100);
    String eventType;
    @Nullable String legacy;
    String message;
    String result;
    @Nullable String reason;
    if (kind < 25) {
      eventType = "user.session.start";
      boolean fail = r.nextInt(100) < 6;
      legacy = fail ? "core.user_auth.login_failed" : "core.user_auth.login_success";
      message = "User login to Okta";
      result = fail ? "FAILURE" : "SUCCESS";
      reason = fail ? "INVALID_CREDENTIALS" : null;
    } else if (kind < 65) {
      eventType = "user.authentication.sso";
      legacy = "app.auth.sso";
      message = "User single sign on to app";
      result = "SUCCESS";
      reason = null;
    } else if (kind < 90) {
      eventType = "policy.evaluate_sign_on";
      legacy = null;
      message = "Evaluation of sign-on policy";
      int p = r.nextInt(100);
      result = p < 70 ? "ALLOW" : p < 97 ? "CHALLENGE" : "DENY";
      reason = "Sign-on policy evaluation resulted in " + result;
    } else {
      eventType = "user.authentication.auth_via_mfa";
      boolean fail = r.nextInt(100) < 5;
      legacy = fail ? "core.user.factor.attempt_fail" : "core.user.factor.attempt_success";
      message = "Authentication of user via MFA";
      result = fail ? "FAILURE" : "SUCCESS";
      reason = fail ? "INVALID_CREDENTIALS" : null;
    }
    String requestId = SyntheticTenant.hexString(r, 16);
    String sessionId = "idx" + SyntheticTenant.oktaId(r, "Bag").substring(3) + "gRton";

    g.writeStartObject();
    g.writeObjectPropertyStart("actor");
    g.writeStringProperty("id", user.oktaId());
    g.writeStringProperty("type", "User");
    g.writeStringProperty("alternateId", user.upn());
    g.writeStringProperty("displayName", user.displayName());
    g.writeNullProperty("detailEntry");
    g.writeEndObject();

    g.writeObjectPropertyStart("client");
    g.writeObjectPropertyStart("userAgent");
    g.writeStringProperty("rawUserAgent", agent.raw());
    g.writeStringProperty("os", agent.os());
    g.writeStringProperty("browser", agent.oktaBrowser());
    g.writeEndObject();
    g.writeStringProperty("zone", travelling ? "null" : "Corporate");
    g.writeStringProperty(
        "device",
        agent.os().startsWith("Ios") || agent.os().startsWith("Android") ? "Mobile" : "Computer");
    g.writeNullProperty("id");
    g.writeStringProperty("ipAddress", ip);
    geo(g, place);
    g.writeEndObject();

    if (user.managedDevice() && !travelling) {
      g.writeObjectPropertyStart("device");
      g.writeStringProperty("id", "guo" + user.deviceId().substring(0, 17).replace("-", ""));
      g.writeStringProperty("name", "LT-" + user.deviceId().substring(0, 8));
      g.writeStringProperty("os_platform", agent.os().startsWith("Mac") ? "OSX" : "WINDOWS");
      g.writeStringProperty("os_version", "14.6.0");
      g.writeBooleanProperty("managed", true);
      g.writeBooleanProperty("registered", true);
      g.writeNullProperty("device_integrator");
      g.writeStringProperty("disk_encryption_type", "ALL_INTERNAL_VOLUMES");
      g.writeStringProperty("screen_lock_type", "BIOMETRIC");
      g.writeNullProperty("jailbreak");
      g.writeBooleanProperty("secure_hardware_present", true);
      g.writeEndObject();
    }

    g.writeObjectPropertyStart("authenticationContext");
    g.writeNullProperty("authenticationProvider");
    g.writeNullProperty("credentialProvider");
    if (eventType.equals("user.authentication.auth_via_mfa")) {
      g.writeStringProperty("credentialType", "OKTA_VERIFY_PUSH");
    } else {
      g.writeNullProperty("credentialType");
    }
    g.writeNullProperty("issuer");
    g.writeNullProperty("interface");
    g.writeNumberProperty("authenticationStep", 0);
    g.writeStringProperty("rootSessionId", sessionId);
    g.writeStringProperty("externalSessionId", sessionId);
    g.writeEndObject();

    g.writeStringProperty("displayMessage", message);
    g.writeStringProperty("eventType", eventType);
    g.writeObjectPropertyStart("outcome");
    g.writeStringProperty("result", result);
    g.writeStringProperty("reason", reason);
    g.writeEndObject();
    g.writeStringProperty("published", Timestamps.okta(epochMillis));

    int asn = 3000 + r.nextInt(60_000);
    g.writeObjectPropertyStart("securityContext");
    g.writeNumberProperty("asNumber", asn);
    g.writeStringProperty("asOrg", "ASN " + asn);
    g.writeStringProperty("isp", travelling ? "hotel wifi inc" : "comcast cable communications");
    g.writeStringProperty("domain", travelling ? "hotelwifi.example" : "comcast.net");
    g.writeBooleanProperty("isProxy", false);
    g.writeEndObject();
    g.writeStringProperty("severity", "INFO");

    g.writeObjectPropertyStart("debugContext");
    g.writeObjectPropertyStart("debugData");
    g.writeStringProperty("requestId", requestId);
    g.writeStringProperty("requestUri", "/idp/idx/authenticators/poll");
    g.writeStringProperty("url", "/idp/idx/authenticators/poll?");
    g.writeStringProperty("dtHash", SyntheticTenant.hexString(r, 32));
    g.writeStringProperty("threatSuspected", "false");
    if (eventType.equals("policy.evaluate_sign_on")) {
      StringBuilder behaviors = new StringBuilder("{");
      for (int i = 0; i < BEHAVIORS.length; i++) {
        boolean positive = travelling && i % 2 == 0;
        behaviors
            .append(i == 0 ? "" : ", ")
            .append(BEHAVIORS[i])
            .append('=')
            .append(positive ? "POSITIVE" : "NEGATIVE");
      }
      g.writeStringProperty("behaviors", behaviors.append('}').toString());
      g.writeStringProperty("risk", travelling ? "{level=MEDIUM}" : "{level=LOW}");
    }
    if (eventType.equals("user.authentication.auth_via_mfa")) {
      g.writeStringProperty("factor", "OKTA_VERIFY_PUSH");
      g.writeStringProperty("factorIntent", "AUTHENTICATION");
    }
    g.writeEndObject();
    g.writeEndObject();

    if (legacy == null) {
      g.writeNullProperty("legacyEventType");
    } else {
      g.writeStringProperty("legacyEventType", legacy);
    }
    g.writeObjectPropertyStart("transaction");
    g.writeStringProperty("type", "WEB");
    g.writeStringProperty("id", requestId);
    g.writeObjectPropertyStart("detail");
    g.writeEndObject();
    g.writeEndObject();
    g.writeStringProperty("uuid", SyntheticTenant.guid(r));
    g.writeStringProperty("version", "0");

    g.writeObjectPropertyStart("request");
    g.writeArrayPropertyStart("ipChain");
    g.writeStartObject();
    g.writeStringProperty("ip", ip);
    geo(g, place);
    g.writeStringProperty("version", "V4");
    g.writeNullProperty("source");
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();

    g.writeArrayPropertyStart("target");
    if (eventType.equals("policy.evaluate_sign_on")) {
      target(
          g,
          "rul" + app.oktaAppId().substring(3),
          "Rule",
          "unknown",
          "Catch-all Rule",
          "policyType",
          "OktaSignOn");
      target(
          g,
          "rst" + app.oktaAppId().substring(3),
          "PolicyEntity",
          "unknown",
          "Default Policy",
          null,
          null);
    }
    if (eventType.equals("user.session.start")
        || eventType.equals("user.authentication.auth_via_mfa")) {
      target(
          g,
          "lae" + user.oktaId().substring(3),
          "AuthenticatorEnrollment",
          "unknown",
          "Okta Verify",
          null,
          null);
    }
    if (!eventType.equals("user.authentication.auth_via_mfa")) {
      target(
          g, app.oktaAppId(), "AppInstance", app.name(), app.name(), "signOnModeType", "SAML_2_0");
    }
    if (eventType.equals("user.authentication.sso")) {
      target(
          g,
          "0ua" + user.oktaId().substring(3),
          "AppUser",
          user.upn(),
          user.displayName(),
          null,
          null);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void geo(JsonGenerator g, Place place) {
    g.writeObjectPropertyStart("geographicalContext");
    g.writeStringProperty("city", place.city());
    g.writeStringProperty("state", place.state());
    g.writeStringProperty("country", place.country());
    g.writeStringProperty("postalCode", place.postalCode());
    g.writeObjectPropertyStart("geolocation");
    g.writeNumberProperty("lat", place.lat());
    g.writeNumberProperty("lon", place.lon());
    g.writeEndObject();
    g.writeEndObject();
  }

  /** A target; {@code detailEntry} is null or a one-field object. */
  private static void target(
      JsonGenerator g,
      String id,
      String type,
      String alternateId,
      String display,
      @Nullable String detailKey,
      @Nullable String detailValue) {
    g.writeStartObject();
    g.writeStringProperty("id", id);
    g.writeStringProperty("type", type);
    g.writeStringProperty("alternateId", alternateId);
    g.writeStringProperty("displayName", display);
    if (detailKey == null) {
      g.writeNullProperty("detailEntry");
    } else {
      g.writeObjectPropertyStart("detailEntry");
      g.writeStringProperty(detailKey, detailValue);
      g.writeEndObject();
    }
    g.writeEndObject();
  }
}
