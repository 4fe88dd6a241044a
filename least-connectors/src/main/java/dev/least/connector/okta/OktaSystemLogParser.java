package dev.least.connector.okta;

import dev.least.connector.json.BadRecordException;
import dev.least.connector.json.JsonCursor;
import dev.least.model.ClientAppType;
import dev.least.model.ConditionalAccessStatus;
import dev.least.model.LoggedPolicyResult;
import dev.least.model.PolicyId;
import dev.least.model.PolicyResult;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import dev.least.model.SignInOutcome;
import dev.least.model.Source;
import dev.least.model.TriState;
import dev.least.source.CountryCodes;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Maps one Okta System Log {@code LogEvent} to a {@link SignInEvent} by walking the parser's
 * tokens: no tree is built, unknown subtrees are skipped with {@code skipChildren()} (so their
 * strings are never decoded), and the timestamp is parsed by hand. One instance is reused for every
 * event of a file (its scratch fields are reset per event); not thread-safe.
 *
 * <p><b>Which events are sign-ins.</b> The events a SIEM treats as authentication (the Splunk Okta
 * add-on maps exactly these to the CIM Authentication model) and that Okta documents as user
 * authentication: {@link #SIGN_IN_EVENT_TYPES}. One user sign-in usually logs several of them (a
 * {@code user.session.start}, a {@code policy.evaluate_sign_on}, an {@code
 * user.authentication.auth_via_mfa}, then a {@code user.authentication.sso} per app); each is kept,
 * with its own event type's outcome. Every other event (admin changes, lifecycle, rate limits,
 * {@code security.threat.detected}, token refreshes) is not a sign-in: the reader counts it as
 * skipped, it is not quarantined.
 *
 * <p><b>Interactive</b> means user-driven: a sign-in event whose actor is a {@code User}. A client
 * app acting for itself ({@code PublicClientApp} …) is a workload sign-in, not interactive.
 *
 * <p><b>MFA performed</b> is TRUE when the event proves a second factor: a successful {@code
 * user.authentication.auth_via_mfa} / {@code user.authentication.verify}, {@code
 * authenticationContext.authenticationStep > 0}, or a {@code debugData.authMethodSecondType}
 * (Identity Engine app-policy evaluations). It is FALSE when the event names the first method and
 * no second one ({@code authMethodFirstType} without {@code authMethodSecondType}), or the factor
 * event failed; otherwise UNKNOWN (step 0 of {@code user.session.start} does not say whether a
 * factor follows). <b>MFA required</b> is TRUE for a {@code CHALLENGE} outcome or a rule factor
 * mode {@code 2FA}, FALSE for {@code 1FA}, else UNKNOWN.
 *
 * <p><b>Country</b> is the ISO 3166-1 alpha-2 code of {@code client.geographicalContext.country}
 * (Okta writes the English name) so that it compares with zone and Entra countries; see {@link
 * OktaCountries}.
 *
 * <p><b>Coordinates</b> are {@code client.geographicalContext.geolocation.lat/lon}, numbers in
 * degrees, both or neither: one alone, a non-number or a value off the globe makes the event bad.
 * <b>Device id</b> is the Identity Engine {@code device.id}; Okta logs no trust type ({@code
 * client.device} is a form factor such as {@code Computer}, not kept), nor a resource or a
 * Conditional Access status.
 *
 * <p><b>Risk</b> comes from {@code securityContext.risk.level} when present, else from the
 * Java-toString string {@code debugContext.debugData.risk} ({@code {level=LOW, reasons=…}}), else
 * from {@code debugData.logOnlySecurityData}; none is {@link RiskLevel#NONE}.
 *
 * <p><b>Policy results</b> ({@code policy.evaluate_sign_on} only): the Classic / global-session
 * shape names the policy in a {@code PolicyEntity} target and the rule in a {@code PolicyRule}
 * target (whose {@code alternateId} is the policy id again); the Identity Engine app-policy shape
 * has only an {@code AppInstance} and a {@code Rule} target, so the policy is the app's access
 * policy from {@code apps.json}. Without a policy id no result is recorded.
 *
 * <p>Top-level keys are matched case-insensitively (a data lake stores {@code eventtype}, {@code
 * authenticationcontext} …); nested keys are matched as Okta spells them.
 */
final class OktaSystemLogParser {
  /** Event types read as sign-ins; see the class comment. */
  static final Set<String> SIGN_IN_EVENT_TYPES =
      Set.of(
          "user.session.start",
          "user.authentication.sso",
          "user.authentication.verify",
          "user.authentication.auth_via_mfa",
          "user.authentication.auth_via_IDP",
          "user.authentication.auth_via_social",
          "user.authentication.auth_via_radius",
          "user.authentication.auth_via_AD_agent",
          "user.authentication.auth_via_LDAP_agent",
          "user.authentication.auth_via_richclient",
          "user.authentication.auth_via_inbound_SAML",
          "user.mfa.okta_verify.deny_push",
          "policy.evaluate_sign_on",
          "app.generic.unauth_app_access_attempt",
          "application.policy.sign_on.deny_access",
          "app.oauth2.authorize",
          "app.oauth2.authorize.code",
          "app.oauth2.authorize.implicit.id_token",
          "app.oauth2.authorize.implicit.access_token",
          "app.oauth2.as.authorize",
          "app.oauth2.as.authorize.code",
          "app.oauth2.as.authorize.implicit.id_token",
          "app.oauth2.as.authorize.implicit.access_token");

  private static final String EVALUATE_SIGN_ON = "policy.evaluate_sign_on";

  /** Lower-cased top-level key → Okta's spelling, for the case-insensitive fallback. */
  private static final Map<String, String> CANONICAL = new HashMap<>();

  static {
    for (String k :
        List.of(
            "uuid",
            "published",
            "eventType",
            "actor",
            "client",
            "device",
            "authenticationContext",
            "outcome",
            "debugContext",
            "securityContext",
            "target",
            "displayMessage",
            "legacyEventType",
            "severity",
            "version",
            "request",
            "transaction")) {
      CANONICAL.put(k.toLowerCase(Locale.ROOT), k);
    }
  }

  private final Map<String, PolicyId> appPolicies;

  /**
   * Field name as met → Okta's spelling, or "" when there is none. Jackson canonicalizes field
   * names, so a file has few distinct ones and this makes the case-insensitive fallback one lookup.
   */
  private final Map<String, String> fallback = new HashMap<>();

  // scratch, reset per event
  private @Nullable String error;
  private @Nullable String uuid;
  private @Nullable String published;
  private long publishedMillis;
  private @Nullable String eventType;
  private boolean otherType;
  private boolean actorSeen;
  private @Nullable String actorId;
  private @Nullable String actorType;
  private @Nullable String actorLogin;
  private @Nullable String ip;
  private @Nullable String country;
  private @Nullable String city;
  private @Nullable String os;
  private @Nullable String browser;
  private @Nullable String devicePlatform;
  private @Nullable Boolean deviceManaged;
  private @Nullable Boolean deviceCompliant;
  private @Nullable String deviceId;
  private double latitude;
  private double longitude;
  private int authStep;
  private @Nullable String result;
  private @Nullable String factor;
  private @Nullable String firstMethod;
  private @Nullable String secondMethod;
  private @Nullable String debugRisk;
  private @Nullable String logOnlySecurity;
  private @Nullable String contextRisk;
  private @Nullable String appId;
  private @Nullable String appName;
  private @Nullable String policyEntityId;
  private @Nullable String ruleId;
  private @Nullable String ruleAlternateId;
  private @Nullable String ruleFactorMode;
  // per target entry
  private @Nullable String tType;
  private @Nullable String tId;
  private @Nullable String tAlt;
  private @Nullable String tName;
  private @Nullable String tFactorMode;

  /**
   * @param appPolicies app instance id → its access policy (from {@code apps.json}), to name the
   *     policy of Identity Engine {@code policy.evaluate_sign_on} events
   */
  OktaSystemLogParser(Map<String, PolicyId> appPolicies) {
    this.appPolicies = Map.copyOf(appPolicies);
  }

  /**
   * Reads one event; the parser is on its {@code START_OBJECT}. A sign-in (or a bad event) is read
   * to the matching {@code END_OBJECT}; an event of another type is read only up to its {@code
   * eventType} unless {@code consume} asks for the parser to be left on the object's end (events
   * inside an array). Events of other types are not checked further: they are skipped, never
   * quarantined.
   *
   * @return true when the event was a sign-in and was added to {@code out}; false when it is not a
   *     sign-in
   * @throws BadRecordException when a sign-in (or an event without a type) violates the LogEvent
   *     shape; the message names the field
   */
  boolean parse(JsonCursor p, SignInLog.Builder out, boolean consume) {
    SignInEvent event = read(p, consume);
    if (event == null) {
      return false;
    }
    out.add(event);
    return true;
  }

  /**
   * As {@link #parse(JsonParser, SignInLog.Builder, boolean)}, returning the sign-in instead of
   * adding it: null when the event is not a sign-in.
   */
  @Nullable SignInEvent read(JsonCursor p, boolean consume) {
    reset();
    walkEvent(p, consume);
    if (otherType) {
      return null;
    }
    String type = eventType;
    if (error != null) {
      throw new BadRecordException(error);
    }
    if (type == null) {
      throw new BadRecordException(
          actorSeen || uuid != null || published != null
              ? "eventType: missing"
              : "eventType: missing; not a System Log LogEvent");
    }
    String id = uuid;
    if (id == null || id.isBlank()) {
      throw new BadRecordException("uuid: missing");
    }
    String time = published;
    if (time == null) {
      throw new BadRecordException("published: missing");
    }
    long millis = publishedMillis;
    if (millis == OktaTimestamps.INVALID) {
      throw new BadRecordException("published: unparsable time '" + time + "'");
    }
    String account = actorId;
    if (account == null || account.isBlank()) {
      throw new BadRecordException("actor.id: missing");
    }
    if (Double.isNaN(latitude) != Double.isNaN(longitude)) {
      throw new BadRecordException(
          Double.isNaN(latitude)
              ? "client.geographicalContext.geolocation.lat: missing while lon is given"
              : "client.geographicalContext.geolocation.lon: missing while lat is given");
    }
    return toEvent(type, id, millis, account);
  }

  private SignInEvent toEvent(String type, String id, long millis, String account) {
    PrincipalKind kind = principalKind(actorType);
    SignInOutcome outcome = outcome(result);
    List<LoggedPolicyResult> policies = List.of();
    if (type.equals(EVALUATE_SIGN_ON)) {
      String policy = policyEntityId;
      if (policy == null && ruleAlternateId != null && !"unknown".equals(ruleAlternateId)) {
        policy = ruleAlternateId;
      }
      if (policy == null && appId != null) {
        PolicyId mapped = appPolicies.get(appId);
        policy = mapped == null ? null : mapped.value();
      }
      if (policy != null) {
        policies = List.of(new LoggedPolicyResult(policy, ruleId, PolicyResult.parse(result)));
      }
    }
    boolean factorEvent =
        type.equals("user.authentication.auth_via_mfa")
            || type.equals("user.authentication.verify");
    TriState mfaPerformed;
    if (authStep > 0 || secondMethod != null || (factorEvent && outcome == SignInOutcome.SUCCESS)) {
      mfaPerformed = TriState.TRUE;
    } else if (firstMethod != null || (factorEvent && outcome == SignInOutcome.FAILURE)) {
      mfaPerformed = TriState.FALSE;
    } else {
      mfaPerformed = TriState.UNKNOWN;
    }
    TriState mfaRequired;
    if ("2FA".equals(ruleFactorMode)
        || (type.equals(EVALUATE_SIGN_ON) && "CHALLENGE".equals(result))) {
      mfaRequired = TriState.TRUE;
    } else if ("1FA".equals(ruleFactorMode)) {
      mfaRequired = TriState.FALSE;
    } else {
      mfaRequired = TriState.UNKNOWN;
    }
    String method = factor != null ? factor : secondMethod;
    String platform = os != null ? os : devicePlatform;
    boolean knownBrowser = browser != null && !browser.isEmpty() && !"UNKNOWN".equals(browser);
    return new SignInEvent(
        id,
        Source.OKTA,
        millis,
        kind,
        account,
        actorLogin == null || "unknown".equals(actorLogin) ? null : actorLogin,
        appId,
        appName,
        ip,
        CountryCodes.codeOrSame(country),
        city,
        knownBrowser ? ClientAppType.BROWSER : ClientAppType.UNKNOWN,
        browser,
        kind == PrincipalKind.USER,
        platform,
        TriState.of(deviceManaged),
        TriState.of(deviceCompliant),
        outcome,
        0,
        mfaRequired,
        mfaPerformed,
        method,
        risk(),
        policies,
        latitude,
        longitude,
        deviceId,
        null,
        null,
        null,
        ConditionalAccessStatus.NOT_LOGGED);
  }

  private RiskLevel risk() {
    if (contextRisk != null) {
      return RiskLevel.parse(contextRisk);
    }
    String text = debugRisk != null ? debugRisk : logOnlySecurity;
    return text == null ? RiskLevel.NONE : RiskLevel.parse(levelIn(text));
  }

  /**
   * The level in a Java-toString map ({@code {level=LOW, reasons=…}}) or a JSON text ({@code
   * {"risk":{"level":"LOW"}}}); null when it names none.
   */
  static @Nullable String levelIn(String text) {
    int at = text.indexOf("level");
    if (at < 0) {
      return null;
    }
    int i = at + 5;
    int n = text.length();
    while (i < n
        && (text.charAt(i) == '"'
            || text.charAt(i) == '='
            || text.charAt(i) == ':'
            || text.charAt(i) == ' ')) {
      i++;
    }
    int start = i;
    while (i < n && Character.isLetter(text.charAt(i))) {
      i++;
    }
    return i > start ? text.substring(start, i) : null;
  }

  private static PrincipalKind principalKind(@Nullable String actorType) {
    if (actorType == null) {
      return PrincipalKind.OTHER;
    }
    if (actorType.equalsIgnoreCase("User")) {
      return PrincipalKind.USER;
    }
    if (actorType.endsWith("ClientApp") || actorType.equals("AppInstance")) {
      return PrincipalKind.SERVICE_PRINCIPAL;
    }
    return PrincipalKind.OTHER;
  }

  /** SUCCESS/ALLOW → SUCCESS, FAILURE/DENY → FAILURE, CHALLENGE → INTERRUPTED, else UNKNOWN. */
  static SignInOutcome outcome(@Nullable String result) {
    if (result == null) {
      return SignInOutcome.UNKNOWN;
    }
    return switch (result) {
      case "SUCCESS", "ALLOW" -> SignInOutcome.SUCCESS;
      case "FAILURE", "DENY" -> SignInOutcome.FAILURE;
      case "CHALLENGE" -> SignInOutcome.INTERRUPTED;
      default -> SignInOutcome.UNKNOWN;
    };
  }

  private void reset() {
    error = null;
    uuid = null;
    published = null;
    publishedMillis = OktaTimestamps.INVALID;
    eventType = null;
    otherType = false;
    actorSeen = false;
    actorId = null;
    actorType = null;
    actorLogin = null;
    ip = null;
    country = null;
    city = null;
    os = null;
    browser = null;
    devicePlatform = null;
    deviceManaged = null;
    deviceCompliant = null;
    deviceId = null;
    latitude = Double.NaN;
    longitude = Double.NaN;
    authStep = 0;
    result = null;
    factor = null;
    firstMethod = null;
    secondMethod = null;
    debugRisk = null;
    logOnlySecurity = null;
    contextRisk = null;
    appId = null;
    appName = null;
    policyEntityId = null;
    ruleId = null;
    ruleAlternateId = null;
    ruleFactorMode = null;
  }

  /** The objects whose fields this parser reads. */
  private enum Obj {
    ACTOR,
    CLIENT,
    GEO,
    GEOLOCATION,
    USER_AGENT,
    DEVICE,
    AUTH_CONTEXT,
    OUTCOME,
    DEBUG_CONTEXT,
    DEBUG_DATA,
    SECURITY_CONTEXT,
    RISK,
    TARGET,
    DETAIL_ENTRY
  }

  /** Walks the object the parser is on ({@code START_OBJECT}) up to its {@code END_OBJECT}. */
  private void walkObject(JsonCursor p, Obj obj) {
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (!field(p, obj, name)) {
        p.skipChildren();
      }
    }
    if (t != JsonToken.END_OBJECT) {
      fail("expected the end of an object but found " + t);
    }
  }

  /**
   * Walks the event object. Top-level keys also match case-insensitively (through {@link
   * #fallback}). Once the event type is known not to be a sign-in the rest is not read: with {@code
   * consume} the parser is moved to the object's end without looking at values, otherwise the walk
   * stops where it is (the caller discards the parser).
   *
   * @return false when the walk stopped early
   */
  private boolean walkEvent(JsonCursor p, boolean consume) {
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (!topField(p, name)) {
        String canonical = fallback.computeIfAbsent(name, OktaSystemLogParser::canonical);
        if (canonical.isEmpty() || !topField(p, canonical)) {
          p.skipChildren();
        }
      }
      if (otherType) {
        if (!consume) {
          return false;
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          p.nextToken();
          p.skipChildren();
        }
        return true;
      }
    }
    if (t != JsonToken.END_OBJECT) {
      fail("expected the end of an object but found " + t);
    }
    return true;
  }

  /** Okta's spelling of a field name met in another case, or "" when there is none. */
  private static String canonical(String name) {
    String c = CANONICAL.get(name.toLowerCase(Locale.ROOT));
    return c == null || c.equals(name) ? "" : c;
  }

  /** Handles one field; false when this object does not read it. */
  private boolean field(JsonCursor p, Obj obj, String name) {
    switch (obj) {
      case ACTOR:
        switch (name) {
          case "id" -> actorId = text(p, "actor.id");
          case "type" -> actorType = text(p, "actor.type");
          case "alternateId" -> actorLogin = text(p, "actor.alternateId");
          default -> {
            return false;
          }
        }
        return true;
      case CLIENT:
        switch (name) {
          case "ipAddress" -> ip = lenient(p);
          case "geographicalContext" -> child(p, Obj.GEO);
          case "userAgent" -> child(p, Obj.USER_AGENT);
          default -> {
            return false;
          }
        }
        return true;
      case GEO:
        switch (name) {
          case "country" -> country = lenient(p);
          case "city" -> city = lenient(p);
          case "geolocation" -> child(p, Obj.GEOLOCATION);
          default -> {
            return false;
          }
        }
        return true;
      case GEOLOCATION:
        switch (name) {
          case "lat" -> latitude = degrees(p, "client.geographicalContext.geolocation.lat", 90);
          case "lon" -> longitude = degrees(p, "client.geographicalContext.geolocation.lon", 180);
          default -> {
            return false;
          }
        }
        return true;
      case USER_AGENT:
        switch (name) {
          case "os" -> os = lenient(p);
          case "browser" -> browser = lenient(p);
          default -> {
            return false;
          }
        }
        return true;
      case DEVICE:
        switch (name) {
          case "managed" -> deviceManaged = bool(p);
          case "compliant" -> deviceCompliant = bool(p);
          case "id" -> deviceId = lenient(p);
          case "os_platform" -> devicePlatform = os == null ? lenient(p) : skip(p);
          default -> {
            return false;
          }
        }
        return true;
      case AUTH_CONTEXT:
        if (name.equals("authenticationStep")) {
          authStep = p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 0;
          p.skipChildren();
          return true;
        }
        return false;
      case OUTCOME:
        if (name.equals("result")) {
          result = lenient(p);
          return true;
        }
        return false;
      case DEBUG_CONTEXT:
        if (name.equals("debugData")) {
          child(p, Obj.DEBUG_DATA);
          return true;
        }
        return false;
      case DEBUG_DATA:
        switch (name) {
          case "risk" -> debugRisk = lenient(p);
          case "logOnlySecurityData" -> logOnlySecurity = lenient(p);
          case "factor" -> factor = lenient(p);
          case "authMethodFirstType" -> firstMethod = lenient(p);
          case "authMethodSecondType" -> secondMethod = lenient(p);
          default -> {
            return false;
          }
        }
        return true;
      case SECURITY_CONTEXT:
        if (name.equals("risk")) {
          child(p, Obj.RISK);
          return true;
        }
        return false;
      case RISK:
        if (name.equals("level")) {
          contextRisk = lenient(p);
          return true;
        }
        return false;
      case TARGET:
        switch (name) {
          case "type" -> tType = lenient(p);
          case "id" -> tId = lenient(p);
          case "alternateId" -> tAlt = wantedTarget() ? lenient(p) : skip(p);
          case "displayName" -> tName = wantedTarget() ? lenient(p) : skip(p);
          case "detailEntry" -> child(p, Obj.DETAIL_ENTRY);
          default -> {
            return false;
          }
        }
        return true;
      case DETAIL_ENTRY:
        if (name.equals("policyRuleFactorMode")) {
          tFactorMode = lenient(p);
          return true;
        }
        return false;
    }
    return false;
  }

  private boolean topField(JsonCursor p, String name) {
    switch (name) {
      case "uuid" -> uuid = text(p, "uuid");
      case "published" -> published(p);
      case "eventType" -> {
        String type = text(p, "eventType");
        eventType = type;
        otherType = type != null && !SIGN_IN_EVENT_TYPES.contains(type);
      }
      case "actor" -> {
        actorSeen = true;
        required(p, Obj.ACTOR, "actor");
      }
      case "client" -> child(p, Obj.CLIENT);
      case "device" -> child(p, Obj.DEVICE);
      case "authenticationContext" -> child(p, Obj.AUTH_CONTEXT);
      case "outcome" -> child(p, Obj.OUTCOME);
      case "debugContext" -> child(p, Obj.DEBUG_CONTEXT);
      case "securityContext" -> child(p, Obj.SECURITY_CONTEXT);
      case "target" -> targets(p);
      case "displayMessage", "legacyEventType", "severity", "version", "request", "transaction" ->
          p.skipChildren();
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code published}: parsed from the parser's character buffer, so a good time makes no String;
   * {@link #published} holds the text only to name it in a message (or "" once parsed).
   */
  private void published(JsonCursor p) {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      publishedMillis =
          OktaTimestamps.parseMillis(
              p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
      published = publishedMillis == OktaTimestamps.INVALID ? p.getString() : "";
    } else {
      published = text(p, "published");
    }
  }

  /** An optional nested object: null or a wrong type is ignored (skipped). */
  private void child(JsonCursor p, Obj obj) {
    if (p.currentToken() == JsonToken.START_OBJECT) {
      walkObject(p, obj);
    } else {
      p.skipChildren();
    }
  }

  /** A nested object the record needs: a wrong type makes the record bad. */
  private void required(JsonCursor p, Obj obj, String path) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      walkObject(p, obj);
    } else if (t != JsonToken.VALUE_NULL) {
      fail(path + ": expected an object but found " + describe(t));
      p.skipChildren();
    }
  }

  private void targets(JsonCursor p) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      tType = null;
      tId = null;
      tAlt = null;
      tName = null;
      tFactorMode = null;
      walkObject(p, Obj.TARGET);
      String type = tType;
      if (type == null) {
        continue;
      }
      switch (type) {
        case "AppInstance" -> {
          if (appId == null) {
            appId = tId;
            appName = tName;
          }
        }
        case "PolicyEntity" -> policyEntityId = tId;
        case "PolicyRule", "Rule" -> {
          ruleId = tId;
          ruleAlternateId = tAlt;
          ruleFactorMode = tFactorMode;
        }
        default -> {
          // users, authenticators, tokens: not needed
        }
      }
    }
  }

  /**
   * Whether the target being read may be one this parser keeps: its type is one of those, or not
   * read yet (Okta writes {@code type} before {@code alternateId} and {@code displayName}).
   */
  private boolean wantedTarget() {
    String type = tType;
    return type == null
        || type.equals("AppInstance")
        || type.equals("PolicyRule")
        || type.equals("Rule")
        || type.equals("PolicyEntity");
  }

  private static @Nullable String skip(JsonCursor p) {
    p.skipChildren();
    return null;
  }

  /**
   * A coordinate in degrees within ±{@code limit}; NaN for null. Anything else (a string, a value
   * off the globe) makes the record bad.
   */
  private double degrees(JsonCursor p, String path, double limit) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
      double d = p.getDoubleValue();
      if (d >= -limit && d <= limit) {
        return d;
      }
      fail(path + ": " + d + " is outside [-" + (int) limit + ", " + (int) limit + "]");
    } else if (t != JsonToken.VALUE_NULL) {
      fail(path + ": expected a number but found " + describe(t));
      p.skipChildren();
    }
    return Double.NaN;
  }

  /** A string field that must be a string (or null); anything else makes the record bad. */
  private @Nullable String text(JsonCursor p, String path) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getString();
    }
    if (t != JsonToken.VALUE_NULL) {
      fail(path + ": expected a string but found " + describe(t));
      p.skipChildren();
    }
    return null;
  }

  /** A string field read leniently: numbers and booleans as their text, objects skipped. */
  private static @Nullable String lenient(JsonCursor p) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getString();
      return s.isEmpty() || s.equals("null") ? null : s;
    }
    if (t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
      return p.getString();
    }
    p.skipChildren();
    return null;
  }

  private static @Nullable Boolean bool(JsonCursor p) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getString();
      if (s.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (s.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
    }
    p.skipChildren();
    return null;
  }

  private void fail(String reason) {
    if (error == null) {
      error = reason;
    }
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_STRING -> "a string";
      default -> t.name();
    };
  }
}
