package dev.least.connector.generate;

import dev.least.model.NamedLocation;
import dev.least.policy.entra.ConditionalAccessPolicy;
import java.time.Instant;
import tools.jackson.core.JsonGenerator;

/** Graph bodies of Conditional Access policies and named locations, written from the model. */
final class EntraJson {
  private EntraJson() {}

  /** The policy with {@code rawJson} set to its Graph body. */
  static ConditionalAccessPolicy withRaw(ConditionalAccessPolicy p) {
    String raw = WireJson.compact(g -> policy(g, p));
    return new ConditionalAccessPolicy(
        p.id(),
        p.displayName(),
        p.state(),
        p.created(),
        p.modified(),
        p.users(),
        p.applications(),
        p.clientAppTypes(),
        p.platforms(),
        p.locations(),
        p.signInRiskLevels(),
        p.userRiskLevels(),
        p.deviceFilter(),
        p.grantControls(),
        p.sessionControls(),
        p.unknownValues(),
        raw);
  }

  static String time(Instant t) {
    return t.toString();
  }

  static void policy(JsonGenerator g, ConditionalAccessPolicy p) {
    g.writeStartObject();
    g.writeStringProperty("id", p.id().value());
    g.writeStringProperty("templateId", null);
    g.writeStringProperty("displayName", p.displayName());
    g.writeStringProperty("createdDateTime", p.created() == null ? null : time(p.created()));
    g.writeStringProperty("modifiedDateTime", p.modified() == null ? null : time(p.modified()));
    g.writeStringProperty("state", p.state().wire());
    g.writeName("conditions");
    g.writeStartObject();
    WireJson.strings(g, "userRiskLevels", p.userRiskLevels());
    WireJson.strings(g, "signInRiskLevels", p.signInRiskLevels());
    WireJson.strings(g, "clientAppTypes", p.clientAppTypes());
    g.writeNullProperty("platforms");
    if (p.locations().includeLocations().isEmpty() && p.locations().excludeLocations().isEmpty()) {
      g.writeNullProperty("locations");
    } else {
      g.writeName("locations");
      g.writeStartObject();
      WireJson.strings(g, "includeLocations", p.locations().includeLocations());
      WireJson.strings(g, "excludeLocations", p.locations().excludeLocations());
      g.writeEndObject();
    }
    g.writeNullProperty("devices");
    g.writeName("applications");
    g.writeStartObject();
    WireJson.strings(g, "includeApplications", p.applications().includeApplications());
    WireJson.strings(g, "excludeApplications", p.applications().excludeApplications());
    WireJson.strings(g, "includeUserActions", p.applications().includeUserActions());
    WireJson.strings(
        g,
        "includeAuthenticationContextClassReferences",
        p.applications().includeAuthenticationContextClassReferences());
    g.writeEndObject();
    ConditionalAccessPolicy.Users u = p.users();
    g.writeName("users");
    g.writeStartObject();
    WireJson.strings(g, "includeUsers", u.includeUsers());
    WireJson.strings(g, "excludeUsers", u.excludeUsers());
    WireJson.strings(g, "includeGroups", u.includeGroups());
    WireJson.strings(g, "excludeGroups", u.excludeGroups());
    WireJson.strings(g, "includeRoles", u.includeRoles());
    WireJson.strings(g, "excludeRoles", u.excludeRoles());
    g.writeNullProperty("includeGuestsOrExternalUsers");
    g.writeNullProperty("excludeGuestsOrExternalUsers");
    g.writeEndObject();
    g.writeEndObject();
    ConditionalAccessPolicy.GrantControls gc = p.grantControls();
    if (gc == null) {
      g.writeNullProperty("grantControls");
    } else {
      g.writeName("grantControls");
      g.writeStartObject();
      g.writeStringProperty("operator", gc.operator());
      WireJson.strings(g, "builtInControls", gc.builtInControls());
      WireJson.strings(g, "customAuthenticationFactors", gc.customAuthenticationFactors());
      WireJson.strings(g, "termsOfUse", gc.termsOfUse());
      g.writeNullProperty("authenticationStrength");
      g.writeEndObject();
    }
    ConditionalAccessPolicy.SessionControls sc = p.sessionControls();
    if (sc == null || sc.signInFrequencyValue() == null) {
      g.writeNullProperty("sessionControls");
    } else {
      g.writeName("sessionControls");
      g.writeStartObject();
      g.writeNullProperty("applicationEnforcedRestrictions");
      g.writeNullProperty("cloudAppSecurity");
      g.writeNullProperty("persistentBrowser");
      g.writeName("signInFrequency");
      g.writeStartObject();
      g.writeNumberProperty("value", sc.signInFrequencyValue());
      g.writeStringProperty("type", sc.signInFrequencyType());
      g.writeStringProperty("authenticationType", "primaryAndSecondaryAuthentication");
      g.writeStringProperty("frequencyInterval", "timeBased");
      g.writeBooleanProperty("isEnabled", true);
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  static void namedLocation(JsonGenerator g, NamedLocation l, Instant created) {
    g.writeStartObject();
    switch (l.kind()) {
      case COUNTRY -> {
        g.writeStringProperty("@odata.type", "#microsoft.graph.countryNamedLocation");
        g.writeStringProperty("id", l.id().value());
        g.writeStringProperty("displayName", l.name());
        g.writeStringProperty("createdDateTime", time(created));
        g.writeStringProperty("modifiedDateTime", time(created));
        WireJson.strings(g, "countriesAndRegions", l.countries());
        g.writeBooleanProperty("includeUnknownCountriesAndRegions", l.includeUnknownCountries());
        g.writeStringProperty("countryLookupMethod", "clientIpAddress");
      }
      default -> {
        g.writeStringProperty("@odata.type", "#microsoft.graph.ipNamedLocation");
        g.writeStringProperty("id", l.id().value());
        g.writeStringProperty("displayName", l.name());
        g.writeStringProperty("createdDateTime", time(created));
        g.writeStringProperty("modifiedDateTime", time(created));
        g.writeBooleanProperty("isTrusted", l.trusted());
        g.writeName("ipRanges");
        g.writeStartArray();
        for (String r : l.ranges()) {
          g.writeStartObject();
          g.writeStringProperty("@odata.type", "#microsoft.graph.iPv4CidrRange");
          g.writeStringProperty("cidrAddress", r);
          g.writeEndObject();
        }
        g.writeEndArray();
      }
    }
    g.writeEndObject();
  }
}
