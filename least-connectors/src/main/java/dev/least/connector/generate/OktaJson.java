package dev.least.connector.generate;

import dev.least.model.NamedLocation;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaPolicyType;
import dev.least.policy.okta.OktaRule;
import java.time.Instant;
import tools.jackson.core.JsonGenerator;

/** Okta Management API bodies of policies, rules and network zones, written from the model. */
final class OktaJson {
  static final String CREATED = "2024-03-01T10:00:00.000Z";

  private OktaJson() {}

  static String time(Instant t) {
    String s = t.toString();
    // Okta always gives milliseconds
    return s.length() == 20 ? s.substring(0, 19) + ".000Z" : s;
  }

  static OktaPolicy withRaw(OktaPolicy p) {
    String raw = WireJson.compact(g -> policy(g, p));
    return new OktaPolicy(
        p.id(),
        p.name(),
        p.type(),
        p.typeRaw(),
        p.status(),
        p.priority(),
        p.system(),
        p.groupsInclude(),
        p.rules(),
        raw);
  }

  static OktaRule withRaw(OktaRule r, OktaPolicyType type) {
    String raw = WireJson.compact(g -> rule(g, r, type));
    return new OktaRule(
        r.id(),
        r.name(),
        r.status(),
        r.priority(),
        r.system(),
        r.usersInclude(),
        r.usersExclude(),
        r.groupsInclude(),
        r.groupsExclude(),
        r.networkConnection(),
        r.zonesInclude(),
        r.zonesExclude(),
        r.riskLevel(),
        r.platforms(),
        r.deviceRegistered(),
        r.deviceManaged(),
        r.action(),
        r.requireFactor(),
        r.factorPromptMode(),
        r.factorLifetimeMinutes(),
        r.verificationMethodType(),
        r.factorMode(),
        r.reauthenticateIn(),
        raw);
  }

  static void policy(JsonGenerator g, OktaPolicy p) {
    g.writeStartObject();
    g.writeStringProperty("id", p.id().value());
    g.writeStringProperty("status", p.status());
    g.writeStringProperty("name", p.name());
    g.writeStringProperty("description", p.name());
    g.writeNumberProperty("priority", p.priority());
    g.writeBooleanProperty("system", p.system());
    if (p.groupsInclude().isEmpty()) {
      g.writeNullProperty("conditions");
    } else {
      g.writeName("conditions");
      g.writeStartObject();
      g.writeName("people");
      g.writeStartObject();
      g.writeName("groups");
      g.writeStartObject();
      WireJson.strings(g, "include", p.groupsInclude());
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeStringProperty("created", CREATED);
    g.writeStringProperty("lastUpdated", CREATED);
    g.writeStringProperty("type", p.typeRaw());
    g.writeEndObject();
  }

  static void rule(JsonGenerator g, OktaRule r, OktaPolicyType type) {
    g.writeStartObject();
    g.writeStringProperty("id", r.id());
    g.writeStringProperty("status", r.status());
    g.writeStringProperty("name", r.name());
    g.writeNumberProperty("priority", r.priority());
    g.writeBooleanProperty("system", r.system());
    g.writeStringProperty("type", type == OktaPolicyType.OKTA_SIGN_ON ? "SIGN_ON" : type.name());
    g.writeStringProperty("created", CREATED);
    g.writeStringProperty("lastUpdated", CREATED);
    g.writeName("conditions");
    g.writeStartObject();
    g.writeName("people");
    g.writeStartObject();
    g.writeName("users");
    g.writeStartObject();
    WireJson.strings(g, "include", r.usersInclude());
    WireJson.strings(g, "exclude", r.usersExclude());
    g.writeEndObject();
    g.writeName("groups");
    g.writeStartObject();
    WireJson.strings(g, "include", r.groupsInclude());
    WireJson.strings(g, "exclude", r.groupsExclude());
    g.writeEndObject();
    g.writeEndObject();
    g.writeName("network");
    g.writeStartObject();
    g.writeStringProperty("connection", r.networkConnection());
    if (!r.zonesInclude().isEmpty()) {
      WireJson.strings(g, "include", r.zonesInclude());
    }
    if (!r.zonesExclude().isEmpty()) {
      WireJson.strings(g, "exclude", r.zonesExclude());
    }
    g.writeEndObject();
    if (type == OktaPolicyType.OKTA_SIGN_ON) {
      g.writeName("authContext");
      g.writeStartObject();
      g.writeStringProperty("authType", "ANY");
      g.writeEndObject();
    } else {
      g.writeName("riskScore");
      g.writeStartObject();
      g.writeStringProperty("level", r.riskLevel() == null ? "ANY" : r.riskLevel());
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeName("actions");
    g.writeStartObject();
    if (type == OktaPolicyType.OKTA_SIGN_ON) {
      g.writeName("signon");
      g.writeStartObject();
      g.writeStringProperty("access", r.action());
      g.writeBooleanProperty("requireFactor", r.requireFactor());
      if (r.requireFactor()) {
        g.writeStringProperty("factorPromptMode", r.factorPromptMode());
        g.writeBooleanProperty("rememberDeviceByDefault", false);
        if (r.factorLifetimeMinutes() != null) {
          g.writeNumberProperty("factorLifetime", r.factorLifetimeMinutes());
        }
      }
      g.writeStringProperty("primaryFactor", "PASSWORD_IDP_ANY_FACTOR");
      g.writeName("session");
      g.writeStartObject();
      g.writeBooleanProperty("usePersistentCookie", false);
      g.writeNumberProperty("maxSessionIdleMinutes", 120);
      g.writeNumberProperty("maxSessionLifetimeMinutes", 0);
      g.writeEndObject();
      g.writeEndObject();
    } else {
      g.writeName("appSignOn");
      g.writeStartObject();
      g.writeStringProperty("access", r.action());
      g.writeName("verificationMethod");
      g.writeStartObject();
      g.writeStringProperty("factorMode", r.factorMode());
      g.writeStringProperty("type", r.verificationMethodType());
      g.writeStringProperty("reauthenticateIn", r.reauthenticateIn());
      g.writeName("constraints");
      g.writeStartArray();
      g.writeStartObject();
      g.writeName("knowledge");
      g.writeStartObject();
      WireJson.strings(g, "types", java.util.List.of("password"));
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  static void zone(JsonGenerator g, NamedLocation z) {
    g.writeStartObject();
    g.writeStringProperty("type", "IP");
    g.writeStringProperty("id", z.id().value());
    g.writeStringProperty("name", z.name());
    g.writeStringProperty("status", z.active() ? "ACTIVE" : "INACTIVE");
    g.writeStringProperty("usage", z.blocklist() ? "BLOCKLIST" : "POLICY");
    g.writeStringProperty("created", CREATED);
    g.writeStringProperty("lastUpdated", CREATED);
    g.writeBooleanProperty("system", z.blocklist());
    g.writeName("gateways");
    g.writeStartArray();
    for (String r : z.ranges()) {
      g.writeStartObject();
      g.writeStringProperty("type", r.contains("-") ? "RANGE" : "CIDR");
      g.writeStringProperty("value", r);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNullProperty("proxies");
    g.writeEndObject();
  }
}
