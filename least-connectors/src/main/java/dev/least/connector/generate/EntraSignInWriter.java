package dev.least.connector.generate;

import dev.least.model.PolicyResult;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.entra.ConditionalAccessPolicy;
import java.io.Closeable;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Streams {@code entra/auditLogs/signIns.jsonl}: one Graph beta {@code signIn} object per line,
 * with {@code appliedConditionalAccessPolicies[]} taken from the engine's outcomes.
 */
final class EntraSignInWriter implements Closeable {
  private static final SerializableString ID = new SerializedString("id");
  private static final SerializableString CREATED = new SerializedString("createdDateTime");
  private static final SerializableString UDN = new SerializedString("userDisplayName");
  private static final SerializableString UPN = new SerializedString("userPrincipalName");
  private static final SerializableString UID = new SerializedString("userId");
  private static final SerializableString APP_ID = new SerializedString("appId");
  private static final SerializableString APP_NAME = new SerializedString("appDisplayName");
  private static final SerializableString IP = new SerializedString("ipAddress");
  private static final SerializableString CLIENT = new SerializedString("clientAppUsed");
  private static final SerializableString CORR = new SerializedString("correlationId");
  private static final SerializableString CA_STATUS =
      new SerializedString("conditionalAccessStatus");
  private static final SerializableString INTERACTIVE = new SerializedString("isInteractive");

  private final JsonGenerator g;
  private final OutputStream out;
  private final Clock clock = new Clock();
  private long values;
  private final EncoderThread<Object> encoder;
  private final Map<String, ConditionalAccessPolicy> policies = new HashMap<>();
  private final Map<String, List<String>> controls = new HashMap<>();
  private final Map<String, String[]> fragments = new HashMap<>();
  private final Map<String, String> locations = new HashMap<>();
  private final Map<String, String> devices = new HashMap<>();

  EntraSignInWriter(OutputStream out, List<ConditionalAccessPolicy> caPolicies) {
    this.out = out;
    this.g = WireJson.lines(out);
    this.encoder = new EncoderThread<>("least-generate-entra", this::encode);
    for (ConditionalAccessPolicy p : caPolicies) {
      policies.put(p.id().value(), p);
      controls.put(p.id().value(), logControls(p));
    }
  }

  private static List<String> logControls(ConditionalAccessPolicy p) {
    List<String> out = new java.util.ArrayList<>();
    if (p.grantControls() != null) {
      for (String c : p.grantControls().builtInControls()) {
        out.add(
            switch (c) {
              case "mfa" -> "Mfa";
              case "compliantDevice" -> "RequireCompliantDevice";
              case "domainJoinedDevice" -> "RequireDomainJoinedDevice";
              case "block" -> "Block";
              default -> c;
            });
      }
    }
    return List.copyOf(out);
  }

  /** Writes a raw, deliberately malformed line (for quarantine tests). */
  void bad(String line) {
    encoder.submit(line);
  }

  void write(EntraSignIn e) {
    encoder.submit(e);
  }

  private void encode(Object item) {
    if (item instanceof EntraSignIn e) {
      encodeEvent(e);
    } else {
      encodeBad((String) item);
    }
  }

  private void encodeBad(String line) {
    g.writeRaw(values == 0 ? line + "\n" : "\n" + line);
  }

  private void encodeEvent(EntraSignIn e) {
    values++;
    PlannedUser u = e.user();
    String time = clock.graph(e.epochMillis());
    g.writeStartObject();
    g.writeName(ID);
    g.writeString(e.id());
    g.writeName(CREATED);
    g.writeString(time);
    g.writeName(UDN);
    g.writeString(u.displayName());
    g.writeName(UPN);
    g.writeString(u.upn());
    g.writeName(UID);
    g.writeString(u.entraId());
    g.writeStringProperty("userType", u.kind() == UserKind.GUEST ? "guest" : "member");
    g.writeName(APP_ID);
    g.writeString(e.app().clientId());
    g.writeName(APP_NAME);
    g.writeString(e.app().name());
    g.writeName(IP);
    g.writeString(e.where().ip());
    g.writeName(CLIENT);
    g.writeString(e.clientAppUsed());
    g.writeName(CORR);
    g.writeString(e.correlationId());
    g.writeName(CA_STATUS);
    g.writeString(caStatus(e.outcomes()));
    g.writeName(INTERACTIVE);
    g.writeBoolean(e.interactive());
    WireJson.strings(
        g, "signInEventTypes", List.of(e.interactive() ? "interactiveUser" : "nonInteractiveUser"));
    g.writeStringProperty("riskDetail", "none");
    g.writeStringProperty("riskLevelAggregated", e.risk());
    g.writeStringProperty("riskLevelDuringSignIn", e.risk());
    g.writeStringProperty("riskState", e.risk().equals("none") ? "none" : "atRisk");
    WireJson.strings(g, "riskEventTypes_v2", e.riskEvents());
    g.writeStringProperty("resourceDisplayName", e.app().name());
    g.writeStringProperty("resourceId", e.app().clientId());
    g.writeName("status");
    g.writeStartObject();
    g.writeNumberProperty("errorCode", e.errorCode());
    g.writeStringProperty(
        "failureReason", e.failureReason() == null ? "Other." : e.failureReason());
    g.writeStringProperty("additionalDetails", e.additionalDetails());
    g.writeEndObject();
    g.writeName("deviceDetail");
    g.writeRawValue(device(e));
    g.writeName("location");
    g.writeRawValue(
        locations.computeIfAbsent(
            e.where().city(),
            c ->
                WireJson.compact(
                    gen -> {
                      gen.writeStartObject();
                      gen.writeStringProperty("city", e.where().city());
                      gen.writeStringProperty("state", e.where().state());
                      gen.writeStringProperty("countryOrRegion", e.where().country());
                      gen.writeName("geoCoordinates");
                      gen.writeStartObject();
                      gen.writeNullProperty("altitude");
                      gen.writeNumberProperty("latitude", e.where().lat());
                      gen.writeNumberProperty("longitude", e.where().lon());
                      gen.writeEndObject();
                      gen.writeEndObject();
                    })));
    boolean mfa =
        e.step() == EntraSignIn.Step.MFA_APPROVED
            || e.step() == EntraSignIn.Step.MFA_CLAIM
            || e.step() == EntraSignIn.Step.MFA_DENIED
            || e.step() == EntraSignIn.Step.MFA_TIMEOUT
            || e.step() == EntraSignIn.Step.MFA_REQUIRED;
    g.writeStringProperty(
        "authenticationRequirement",
        mfa ? "multiFactorAuthentication" : "singleFactorAuthentication");
    authenticationDetails(g, e, time);
    g.writeName("appliedConditionalAccessPolicies");
    StringBuilder applied = new StringBuilder(160 * e.outcomes().size() + 2).append('[');
    for (PolicyOutcome o : e.outcomes()) {
      if (applied.length() > 1) {
        applied.append(',');
      }
      applied.append(fragment(o));
    }
    g.writeRawValue(applied.append(']').toString());
    g.writeEndObject();
  }

  /** The constant JSON of one policy's entry with one result, built once. */
  private String device(EntraSignIn e) {
    PlannedUser u = e.user();
    String key =
        u.index()
            + "|"
            + e.operatingSystem()
            + "|"
            + e.browser()
            + "|"
            + e.compliant()
            + "|"
            + e.managed();
    if (devices.size() > 200_000) {
      devices.clear();
    }
    return devices.computeIfAbsent(
        key,
        k ->
            WireJson.compact(
                gen -> {
                  gen.writeStartObject();
                  gen.writeStringProperty(
                      "deviceId",
                      e.managed()
                          ? EntraDirectoryWriter.nameUuid(u.upn() + e.operatingSystem())
                          : "");
                  gen.writeStringProperty(
                      "displayName", e.managed() ? deviceName(u, e.operatingSystem()) : "");
                  gen.writeStringProperty("operatingSystem", e.operatingSystem());
                  gen.writeStringProperty("browser", e.browser());
                  gen.writeBooleanProperty("isCompliant", e.compliant());
                  gen.writeBooleanProperty("isManaged", e.managed());
                  gen.writeStringProperty("trustType", e.managed() ? "Azure AD joined" : "");
                  gen.writeEndObject();
                }));
  }

  private String fragment(PolicyOutcome o) {
    String[] byResult =
        fragments.computeIfAbsent(o.policyId(), k -> new String[PolicyResult.values().length]);
    String f = byResult[o.result().ordinal()];
    if (f == null) {
      ConditionalAccessPolicy p = policies.get(o.policyId());
      f =
          WireJson.compact(
              gen -> {
                gen.writeStartObject();
                gen.writeStringProperty("id", o.policyId());
                gen.writeStringProperty("displayName", p == null ? o.policyId() : p.displayName());
                WireJson.strings(
                    gen, "enforcedGrantControls", controls.getOrDefault(o.policyId(), List.of()));
                WireJson.strings(
                    gen,
                    "enforcedSessionControls",
                    p != null && p.sessionControls() != null
                        ? List.of("SignInFrequency")
                        : List.of());
                gen.writeStringProperty("result", o.result().wire());
                gen.writeEndObject();
              });
      byResult[o.result().ordinal()] = f;
    }
    return f;
  }

  private static String deviceName(PlannedUser u, String os) {
    String prefix = os.startsWith("Windows") ? "LT-" : os.equals("macOS") ? "MB-" : "PH-";
    return prefix
        + u.lastName().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]", "")
        + "-"
        + (u.index() % 1000);
  }

  private static String caStatus(List<PolicyOutcome> outcomes) {
    boolean applied = false;
    for (PolicyOutcome o : outcomes) {
      if (o.result() == PolicyResult.FAILURE) {
        return "failure";
      }
      if (o.result() == PolicyResult.SUCCESS) {
        applied = true;
      }
    }
    return applied ? "success" : "notApplied";
  }

  private void authenticationDetails(JsonGenerator g, EntraSignIn e, String time) {
    g.writeName("authenticationDetails");
    g.writeStartArray();
    EntraSignIn.Step s = e.step();
    if (s == EntraSignIn.Step.TOKEN || s == EntraSignIn.Step.MFA_CLAIM) {
      detail(
          g,
          time,
          "Previously satisfied",
          true,
          s == EntraSignIn.Step.MFA_CLAIM
              ? "MFA requirement satisfied by claim in the token"
              : "First factor requirement satisfied by claim in the token");
    } else {
      boolean pw = s != EntraSignIn.Step.PASSWORD_FAILED;
      detail(g, time, "Password", pw, pw ? "Correct password" : "Invalid username or password");
      switch (s) {
        case MFA_APPROVED ->
            detail(g, time, "Mobile app notification", true, "MFA successfully completed");
        case MFA_DENIED ->
            detail(
                g,
                time,
                "Mobile app notification",
                false,
                "MFA denied; user declined the authentication");
        case MFA_TIMEOUT ->
            detail(
                g,
                time,
                "Mobile app notification",
                false,
                "MFA denied; user did not respond to mobile app notification");
        case MFA_REQUIRED ->
            detail(g, time, "Mobile app notification", false, "Authentication in progress");
        default -> {}
      }
    }
    g.writeEndArray();
  }

  private static void detail(
      JsonGenerator g, String time, String method, boolean ok, String detail) {
    g.writeStartObject();
    g.writeStringProperty("authenticationStepDateTime", time);
    g.writeStringProperty("authenticationMethod", method);
    g.writeBooleanProperty("succeeded", ok);
    g.writeStringProperty("authenticationStepResultDetail", detail);
    g.writeEndObject();
  }

  @Override
  public void close() throws java.io.IOException {
    encoder.close();
    g.writeRaw("\n");
    g.close();
    out.close();
  }
}
