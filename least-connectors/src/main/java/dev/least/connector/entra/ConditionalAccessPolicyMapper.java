package dev.least.connector.entra;

import dev.least.connector.json.BadRecordException;
import dev.least.connector.json.JsonRecords;
import dev.least.model.PolicyId;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.ConditionalAccessPolicy.Applications;
import dev.least.policy.entra.ConditionalAccessPolicy.DeviceFilter;
import dev.least.policy.entra.ConditionalAccessPolicy.GrantControls;
import dev.least.policy.entra.ConditionalAccessPolicy.Locations;
import dev.least.policy.entra.ConditionalAccessPolicy.Platforms;
import dev.least.policy.entra.ConditionalAccessPolicy.SessionControls;
import dev.least.policy.entra.ConditionalAccessPolicy.Users;
import dev.least.policy.entra.PolicyState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a Graph {@code conditionalAccessPolicy} (v1.0 or beta, with or without OData annotations) to
 * {@link ConditionalAccessPolicy}. Lists keep the Graph values as given. Values outside the
 * documented enums, and configured conditions or session controls the model has no field for (e.g.
 * {@code authenticationFlows}, {@code insiderRiskLevels}, {@code clientApplications}, {@code
 * continuousAccessEvaluation}), are listed in {@code unknownValues} as {@code field=value} so an
 * evaluator can refuse to guess; they never fail the record. A policy without {@code id}, {@code
 * displayName} or {@code state}, or with a field of the wrong JSON type, is bad.
 */
final class ConditionalAccessPolicyMapper {
  private static final Set<String> CLIENT_APP_TYPES =
      lower(
          "all",
          "browser",
          "mobileAppsAndDesktopClients",
          "exchangeActiveSync",
          "easSupported",
          "easUnsupported",
          "other",
          "modern");
  private static final Set<String> PLATFORMS =
      lower("android", "iOS", "windows", "windowsPhone", "macOS", "linux", "all");
  private static final Set<String> RISK_LEVELS = lower("low", "medium", "high", "hidden", "none");
  private static final Set<String> GRANT_CONTROLS =
      lower(
          "block",
          "mfa",
          "compliantDevice",
          "domainJoinedDevice",
          "approvedApplication",
          "compliantApplication",
          "passwordChange",
          "riskRemediation");

  /** Condition keys the model represents; any other configured one goes to unknownValues. */
  private static final Set<String> MODELLED_CONDITIONS =
      Set.of(
          "users",
          "applications",
          "clientAppTypes",
          "platforms",
          "locations",
          "signInRiskLevels",
          "userRiskLevels",
          "devices");

  private ConditionalAccessPolicyMapper() {}

  /** Maps a policy read from a tenant; {@code id} is required. */
  static ConditionalAccessPolicy map(JsonNode node) {
    return map(node, null);
  }

  /**
   * Maps a policy; {@code fallbackId} names policies without {@code id}, as templates for import
   * (e.g. AlexFilipin's repository) are.
   */
  static ConditionalAccessPolicy map(JsonNode node, @Nullable String fallbackId) {
    GraphObject o = GraphObject.root(node);
    String id = o.text("id");
    if (id == null) {
      if (fallbackId == null) {
        throw new BadRecordException("id: missing");
      }
      id = fallbackId;
    }
    List<String> unknown = new ArrayList<>();
    String stateText = o.requiredText("state");
    PolicyState state = PolicyState.parse(stateText);
    if (state == PolicyState.UNKNOWN) {
      unknown.add("state=" + stateText);
    }
    GraphObject conditions = o.object("conditions");
    if (conditions == null) {
      conditions = new GraphObject(JsonRecords.MAPPER.createObjectNode(), "conditions");
    }
    Users users = users(conditions.object("users"));
    Applications apps = applications(conditions.object("applications"), unknown);
    List<String> clientAppTypes = checked(conditions, "clientAppTypes", CLIENT_APP_TYPES, unknown);
    GraphObject platformsNode = conditions.object("platforms");
    Platforms platforms =
        platformsNode == null
            ? new Platforms(List.of(), List.of())
            : new Platforms(
                checked(platformsNode, "includePlatforms", PLATFORMS, unknown),
                checked(platformsNode, "excludePlatforms", PLATFORMS, unknown));
    GraphObject locationsNode = conditions.object("locations");
    Locations locations =
        locationsNode == null
            ? new Locations(List.of(), List.of())
            : new Locations(
                locationsNode.strings("includeLocations"),
                locationsNode.strings("excludeLocations"));
    List<String> signInRisk = checked(conditions, "signInRiskLevels", RISK_LEVELS, unknown);
    List<String> userRisk = checked(conditions, "userRiskLevels", RISK_LEVELS, unknown);
    DeviceFilter deviceFilter = devices(conditions.object("devices"), unknown);
    for (String key : conditions.setFieldNames()) {
      if (!MODELLED_CONDITIONS.contains(key)) {
        unmodelled(conditions, key, unknown);
      }
    }
    return new ConditionalAccessPolicy(
        new PolicyId(id),
        o.requiredText("displayName"),
        state,
        o.time("createdDateTime"),
        o.time("modifiedDateTime"),
        users,
        apps,
        clientAppTypes,
        platforms,
        locations,
        signInRisk,
        userRisk,
        deviceFilter,
        grantControls(o.object("grantControls"), unknown),
        sessionControls(o.object("sessionControls"), unknown),
        unknown,
        node.toString());
  }

  private static Users users(@Nullable GraphObject u) {
    if (u == null) {
      return new Users(
          List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }
    return new Users(
        u.strings("includeUsers"),
        u.strings("excludeUsers"),
        u.strings("includeGroups"),
        u.strings("excludeGroups"),
        u.strings("includeRoles"),
        u.strings("excludeRoles"),
        guestTypes(u, "includeGuestsOrExternalUsers"),
        guestTypes(u, "excludeGuestsOrExternalUsers"));
  }

  /** {@code guestOrExternalUserTypes} of the guests object (a flags string), or null. */
  private static @Nullable String guestTypes(GraphObject u, String name) {
    JsonNode v = u.get(name);
    if (v == null) {
      return null;
    }
    if (v.isString()) {
      return v.stringValue();
    }
    GraphObject g = u.object(name);
    return g == null ? null : g.text("guestOrExternalUserTypes");
  }

  private static Applications applications(@Nullable GraphObject a, List<String> unknown) {
    if (a == null) {
      return new Applications(List.of(), List.of(), List.of(), List.of());
    }
    for (String key : a.setFieldNames()) {
      switch (key) {
        case "includeApplications":
        case "excludeApplications":
        case "includeUserActions":
        case "includeAuthenticationContextClassReferences":
          break;
        default:
          unmodelled(a, key, unknown);
      }
    }
    return new Applications(
        a.strings("includeApplications"),
        a.strings("excludeApplications"),
        a.strings("includeUserActions"),
        a.strings("includeAuthenticationContextClassReferences"));
  }

  private static @Nullable DeviceFilter devices(@Nullable GraphObject d, List<String> unknown) {
    if (d == null) {
      return null;
    }
    DeviceFilter filter = null;
    for (String key : d.setFieldNames()) {
      if (key.equals("deviceFilter")) {
        GraphObject f = d.object(key);
        if (f != null) {
          String mode = f.requiredText("mode");
          if (!mode.equalsIgnoreCase("include") && !mode.equalsIgnoreCase("exclude")) {
            unknown.add(f.field("mode") + "=" + mode);
          }
          filter = new DeviceFilter(mode, f.requiredText("rule"));
        }
      } else {
        unmodelled(d, key, unknown);
      }
    }
    return filter;
  }

  private static @Nullable GrantControls grantControls(
      @Nullable GraphObject g, List<String> unknown) {
    if (g == null) {
      return null;
    }
    String operator = g.text("operator");
    if (operator == null) {
      operator = "OR";
    } else if (!operator.equalsIgnoreCase("AND") && !operator.equalsIgnoreCase("OR")) {
      unknown.add(g.field("operator") + "=" + operator);
    }
    List<String> builtIn = checked(g, "builtInControls", GRANT_CONTROLS, unknown);
    String strengthId = null;
    String strengthName = null;
    GraphObject strength = g.object("authenticationStrength");
    if (strength != null) {
      strengthId = strength.text("id");
      strengthName = strength.text("displayName");
    }
    return new GrantControls(
        operator.toUpperCase(Locale.ROOT),
        builtIn,
        g.strings("customAuthenticationFactors"),
        g.strings("termsOfUse"),
        strengthId,
        strengthName);
  }

  private static @Nullable SessionControls sessionControls(
      @Nullable GraphObject s, List<String> unknown) {
    if (s == null) {
      return null;
    }
    Integer frequencyValue = null;
    String frequencyType = null;
    String frequencyInterval = null;
    String browserMode = null;
    boolean appEnforced = false;
    boolean cloudAppSecurity = false;
    for (String key : s.setFieldNames()) {
      GraphObject c;
      switch (key) {
        case "signInFrequency":
          c = s.object(key);
          if (c != null && c.bool("isEnabled", false)) {
            frequencyValue = c.integer("value");
            frequencyType = c.text("type");
            frequencyInterval = c.text("frequencyInterval");
          }
          break;
        case "persistentBrowser":
          c = s.object(key);
          if (c != null && c.bool("isEnabled", false)) {
            browserMode = c.text("mode");
          }
          break;
        case "applicationEnforcedRestrictions":
          c = s.object(key);
          appEnforced = c != null && c.bool("isEnabled", false);
          break;
        case "cloudAppSecurity":
          c = s.object(key);
          cloudAppSecurity = c != null && c.bool("isEnabled", false);
          if (cloudAppSecurity) {
            unmodelled(s, key, unknown); // the type (monitorOnly, blockDownloads …) has no field
          }
          break;
        default:
          unmodelled(s, key, unknown);
      }
    }
    return new SessionControls(
        frequencyValue,
        frequencyType,
        frequencyInterval,
        browserMode,
        appEnforced,
        cloudAppSecurity);
  }

  /** The string list {@code name}; values outside {@code known} are listed in unknownValues. */
  private static List<String> checked(
      GraphObject o, String name, Set<String> known, List<String> unknown) {
    List<String> values = o.strings(name);
    for (String v : values) {
      if (!known.contains(v.toLowerCase(Locale.ROOT))) {
        unknown.add(o.field(name) + "=" + v);
      }
    }
    return values;
  }

  /**
   * Records a configured field the model cannot hold: {@code field=<compact JSON>}. Null, false,
   * empty arrays and objects whose fields are all unset count as not configured.
   */
  private static void unmodelled(GraphObject o, String key, List<String> unknown) {
    JsonNode v = o.get(key);
    if (v == null || !configured(v)) {
      return;
    }
    unknown.add(
        o.field(key) + "=" + (v.isString() ? v.stringValue() : withoutAnnotations(v).toString()));
  }

  /** A copy of {@code v} without OData annotations ({@code x@odata.type}) and actions. */
  private static JsonNode withoutAnnotations(JsonNode v) {
    if (v.isObject()) {
      ObjectNode out = JsonRecords.MAPPER.createObjectNode();
      for (var e : v.properties()) {
        String k = e.getKey();
        if (!k.contains("@") && !k.startsWith("#")) {
          out.set(k, withoutAnnotations(e.getValue()));
        }
      }
      return out;
    }
    return v;
  }

  private static boolean configured(JsonNode v) {
    if (v.isNull() || (v.isBoolean() && !v.booleanValue())) {
      return false;
    }
    if (v.isArray()) {
      return !v.isEmpty();
    }
    if (v.isObject()) {
      if (v.has("isEnabled")) {
        return v.get("isEnabled").asBoolean(false);
      }
      for (var e : v.properties()) {
        if (!e.getKey().contains("@") && configured(e.getValue())) {
          return true;
        }
      }
      return false;
    }
    return !(v.isString() && v.stringValue().isEmpty());
  }

  private static Set<String> lower(String... values) {
    Set<String> out = new java.util.HashSet<>();
    for (String v : values) {
      out.add(v.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }
}
