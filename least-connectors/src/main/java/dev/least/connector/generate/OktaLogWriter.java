package dev.least.connector.generate;

import java.io.Closeable;
import java.io.OutputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/** Streams {@code okta/logs.jsonl}: one System Log {@code LogEvent} per line. */
final class OktaLogWriter implements Closeable {
  private static final SerializableString UUID = new SerializedString("uuid");
  private static final SerializableString PUBLISHED = new SerializedString("published");
  private static final SerializableString EVENT_TYPE = new SerializedString("eventType");

  /** An Okta target: app instance, policy rule or policy. */
  record Target(
      String id,
      String type,
      String alternateId,
      String displayName,
      @Nullable String policyType,
      @Nullable String factorMode) {}

  private final JsonGenerator g;
  private final OutputStream out;
  private final Clock clock = new Clock();
  private long values;
  private final EncoderThread<Object> encoder;
  private final java.util.Map<String, String> agents = new java.util.HashMap<>();
  private final java.util.Map<String, String> places = new java.util.HashMap<>();

  OktaLogWriter(OutputStream out) {
    this.out = out;
    this.g = WireJson.lines(out);
    this.encoder = new EncoderThread<>("least-generate-okta", this::encode);
  }

  void bad(String line) {
    encoder.submit(line);
  }

  /** One LogEvent waiting to be encoded. */
  private record Pending(
      String uuid,
      long millis,
      String eventType,
      String displayMessage,
      PlannedUser u,
      Where where,
      String os,
      String browser,
      String result,
      @Nullable String reason,
      List<Target> targets,
      String sessionId,
      int authStep,
      @Nullable String factor,
      String risk) {}

  void write(
      String uuid,
      long millis,
      String eventType,
      String displayMessage,
      PlannedUser u,
      Where where,
      String os,
      String browser,
      String result,
      @Nullable String reason,
      List<Target> targets,
      String sessionId,
      int authStep,
      @Nullable String factor,
      String risk) {
    encoder.submit(
        new Pending(
            uuid,
            millis,
            eventType,
            displayMessage,
            u,
            where,
            os,
            browser,
            result,
            reason,
            targets,
            sessionId,
            authStep,
            factor,
            risk));
  }

  private void encode(Object item) {
    if (item instanceof Pending p) {
      encodeEvent(
          p.uuid(),
          p.millis(),
          p.eventType(),
          p.displayMessage(),
          p.u(),
          p.where(),
          p.os(),
          p.browser(),
          p.result(),
          p.reason(),
          p.targets(),
          p.sessionId(),
          p.authStep(),
          p.factor(),
          p.risk());
    } else {
      encodeBad((String) item);
    }
  }

  private void encodeBad(String line) {
    g.writeRaw(values == 0 ? line + "\n" : "\n" + line);
  }

  /**
   * Writes one event.
   *
   * @param result SUCCESS, FAILURE, ALLOW, DENY, CHALLENGE
   * @param factor e.g. {@code OKTA_VERIFY_PUSH} for factor events
   */
  private void encodeEvent(
      String uuid,
      long millis,
      String eventType,
      String displayMessage,
      PlannedUser u,
      Where where,
      String os,
      String browser,
      String result,
      @Nullable String reason,
      List<Target> targets,
      String sessionId,
      int authStep,
      @Nullable String factor,
      String risk) {
    values++;
    g.writeStartObject();
    g.writeName("actor");
    g.writeStartObject();
    g.writeStringProperty("id", u.oktaId());
    g.writeStringProperty("type", "User");
    g.writeStringProperty("alternateId", u.upn());
    g.writeStringProperty("displayName", u.displayName());
    g.writeNullProperty("detailEntry");
    g.writeEndObject();
    g.writeName("client");
    g.writeStartObject();
    g.writeName("userAgent");
    g.writeRawValue(
        agents.computeIfAbsent(
            os + "|" + browser,
            k ->
                WireJson.compact(
                    gen -> {
                      gen.writeStartObject();
                      gen.writeStringProperty("rawUserAgent", userAgent(os));
                      gen.writeStringProperty("os", os);
                      gen.writeStringProperty("browser", browser);
                      gen.writeEndObject();
                    })));
    g.writeStringProperty("zone", "null");
    g.writeStringProperty(
        "device", os.equals("iOS") || os.equals("Android") ? "Mobile" : "Computer");
    g.writeNullProperty("id");
    g.writeStringProperty("ipAddress", where.ip());
    g.writeName("geographicalContext");
    g.writeRawValue(
        places.computeIfAbsent(
            where.city(),
            k ->
                WireJson.compact(
                    gen -> {
                      gen.writeStartObject();
                      gen.writeStringProperty("city", where.city());
                      gen.writeStringProperty("state", where.state());
                      gen.writeStringProperty("country", where.countryName());
                      gen.writeNullProperty("postalCode");
                      gen.writeName("geolocation");
                      gen.writeStartObject();
                      gen.writeNumberProperty("lat", where.lat());
                      gen.writeNumberProperty("lon", where.lon());
                      gen.writeEndObject();
                      gen.writeEndObject();
                    })));
    g.writeEndObject();
    g.writeNullProperty("device");
    g.writeName("authenticationContext");
    g.writeStartObject();
    g.writeNullProperty("authenticationProvider");
    g.writeStringProperty("credentialProvider", factor == null ? null : "OKTA_CREDENTIAL_PROVIDER");
    g.writeStringProperty("credentialType", factor == null ? null : factor);
    g.writeNullProperty("issuer");
    g.writeNullProperty("interface");
    g.writeNumberProperty("authenticationStep", authStep);
    g.writeStringProperty("rootSessionId", sessionId);
    g.writeStringProperty("externalSessionId", sessionId);
    g.writeEndObject();
    g.writeStringProperty(
        "severity", result.equals("FAILURE") || result.equals("DENY") ? "WARN" : "INFO");
    g.writeNullProperty("legacyEventType");
    g.writeStringProperty("version", "0");
    g.writeName("securityContext");
    g.writeStartObject();
    g.writeNullProperty("asNumber");
    g.writeNullProperty("asOrg");
    g.writeNullProperty("isp");
    g.writeNullProperty("domain");
    g.writeBooleanProperty("isProxy", false);
    g.writeEndObject();
    g.writeName("debugContext");
    g.writeStartObject();
    g.writeName("debugData");
    g.writeStartObject();
    g.writeStringProperty("requestId", sessionId + "-" + (millis % 100_000));
    g.writeStringProperty("risk", "{level=" + risk + "}");
    if (factor != null) {
      g.writeStringProperty("factor", factor);
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeName("transaction");
    g.writeStartObject();
    g.writeStringProperty("type", "WEB");
    g.writeStringProperty("id", sessionId);
    g.writeName("detail");
    g.writeStartObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeName("request");
    g.writeStartObject();
    g.writeName("ipChain");
    g.writeStartArray();
    g.writeStartObject();
    g.writeStringProperty("ip", where.ip());
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeName(UUID);
    g.writeString(uuid);
    g.writeName(PUBLISHED);
    g.writeString(clock.okta(millis));
    g.writeName(EVENT_TYPE);
    g.writeString(eventType);
    g.writeStringProperty("displayMessage", displayMessage);
    g.writeName("outcome");
    g.writeStartObject();
    g.writeStringProperty("result", result);
    g.writeStringProperty("reason", reason);
    g.writeEndObject();
    if (targets.isEmpty()) {
      g.writeNullProperty("target");
    } else {
      g.writeName("target");
      g.writeStartArray();
      for (Target t : targets) {
        g.writeStartObject();
        g.writeStringProperty("id", t.id());
        g.writeStringProperty("type", t.type());
        g.writeStringProperty("alternateId", t.alternateId());
        g.writeStringProperty("displayName", t.displayName());
        if (t.policyType() == null) {
          g.writeNullProperty("detailEntry");
        } else {
          g.writeName("detailEntry");
          g.writeStartObject();
          if (t.factorMode() != null) {
            g.writeStringProperty("policyRuleFactorMode", t.factorMode());
          }
          g.writeStringProperty("policyType", t.policyType());
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static String userAgent(String os) {
    return switch (os) {
      case "macOS" -> "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15";
      case "iOS" -> "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15";
      case "Android" -> "Mozilla/5.0 (Linux; Android 14; SM-T636B) AppleWebKit/537.36";
      default -> "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0";
    };
  }

  @Override
  public void close() throws java.io.IOException {
    encoder.close();
    g.writeRaw("\n");
    g.close();
    out.close();
  }
}
