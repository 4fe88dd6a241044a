package dev.least.connector.entra;

import dev.least.connector.json.BadRecordException;
import dev.least.connector.json.JsonCursor;
import dev.least.model.ClientAppType;
import dev.least.model.ConditionalAccessStatus;
import dev.least.model.PolicyResult;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.SignInEvent;
import dev.least.model.SignInOutcome;
import dev.least.model.Source;
import dev.least.model.TriState;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Maps one Entra sign-in record to a {@link SignInEvent} by walking the parser's tokens: no tree is
 * built, fields Least does not use are skipped with {@code skipChildren()}. Accepts the Graph
 * {@code signIn} object (v1.0, beta and the 2018 beta shape) and the Azure Monitor diagnostic
 * record that wraps it ({@code {time, category, resultType, callerIpAddress, properties:
 * {signIn}}}, top level keys in any letter case).
 *
 * <p>Rules, where the sources differ or say nothing:
 *
 * <ul>
 *   <li>time: {@code createdDateTime}; in Azure Monitor records without it, the record's {@code
 *       time}.
 *   <li>event id: {@code id}. An Azure Monitor record without {@code properties.id} (SIEM test data
 *       trims it) gets a name-based UUID of correlation id, time, account, app, IP and error code,
 *       so re-reading gives the same id. A Graph record without {@code id} is bad.
 *   <li>account: {@code servicePrincipalId} for {@code ServicePrincipalSignInLogs}/{@code
 *       ManagedIdentitySignInLogs} records or {@code signInEventTypes} servicePrincipal /
 *       managedIdentity, else {@code userId}, else {@code servicePrincipalId}.
 *   <li>outcome: {@code status.errorCode} via {@link EntraErrorCodes}; without it the Azure Monitor
 *       {@code resultType} (a code, or {@code Success}/{@code Failure}); without either UNKNOWN
 *       with error code -1. {@code Failure} without a code is FAILURE with error code -1.
 *   <li>interactive: {@code isInteractive}; absent, false for non-interactive, service-principal
 *       and managed-identity categories or event types, else true (Graph's default list is the
 *       interactive one).
 *   <li>MFA performed: TRUE when {@code authenticationDetails} has a succeeded step whose method is
 *       not a first factor (Password) — a {@code Previously satisfied} step counts only when its
 *       result says MFA was satisfied — or when the legacy {@code mfaDetail.mfaAuthMethod} is set;
 *       FALSE when steps are listed but none is such; UNKNOWN otherwise.
 *   <li>policies: {@code appliedConditionalAccessPolicies[]}, or the 2018 {@code
 *       conditionalAccessPolicies[]} (same {@code id} and {@code result}; its {@code
 *       enforcedAccessControls} are not kept, as controls are not kept for the current shape
 *       either). An entry without {@code id} makes the record bad.
 *   <li>risk: {@code riskLevelDuringSignIn}, else the 2018 {@code riskLevel}.
 *   <li>coordinates: {@code location.geoCoordinates.latitude/longitude}, numbers in degrees; both
 *       or neither (one alone, a non-number or a value off the globe makes the record bad).
 *   <li>device: {@code deviceDetail.deviceId} is kept as logged, "" included (Entra's way of saying
 *       the device is not registered); {@code deviceDetail.trustType} as logged.
 *   <li>resource: {@code resourceId} / {@code resourceDisplayName} of the sign-in; the top-level
 *       {@code resourceId} of an Azure Monitor record is the tenant's ARM path, not the resource,
 *       and is ignored.
 *   <li>{@code conditionalAccessStatus}: Graph's values; an unknown string is {@code
 *       unknownFutureValue}, as for any Graph evolvable enum.
 *   <li>Empty strings are absent. A field of the wrong JSON type makes the record bad, with the
 *       field named in the reason.
 * </ul>
 *
 * Not thread-safe: one instance per reading thread (it reuses its scratch fields).
 */
public final class EntraSignInParser {
  private final Fields f = new Fields();

  /**
   * Reads one record from {@code p}, which must be positioned before the record's first token
   * (fresh parser) or on its {@code START_OBJECT}.
   *
   * @throws BadRecordException when the record violates the shape; the message names the field
   */
  public SignInEvent parse(JsonParser p) {
    return parse(JsonCursor.of(p));
  }

  /** As {@link #parse(JsonParser)} over any cursor. */
  public SignInEvent parse(JsonCursor p) {
    JsonToken t = p.currentToken();
    if (t == null) {
      t = p.nextToken();
    }
    if (t != JsonToken.START_OBJECT) {
      throw new BadRecordException("expected a JSON object but found " + describe(t));
    }
    f.reset();
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken v = p.nextToken();
      if (!signInField(p, name, v)) {
        envelopeField(p, name, v);
      }
    }
    return build();
  }

  // ---- the walk

  /** A field of the Graph signIn object; false when {@code name} is not one. */
  private boolean signInField(JsonCursor p, String name, JsonToken v) {
    switch (name) {
      case "id":
        f.id = string(p, v, name);
        return true;
      case "createdDateTime":
        f.created = string(p, v, name);
        f.createdInProperties = f.inProperties;
        return true;
      case "userId":
        f.userId = string(p, v, name);
        return true;
      case "servicePrincipalId":
        f.servicePrincipalId = string(p, v, name);
        return true;
      case "userPrincipalName":
        f.login = string(p, v, name);
        return true;
      case "appId":
        f.appId = string(p, v, name);
        return true;
      case "appDisplayName":
        f.appName = string(p, v, name);
        return true;
      case "ipAddress":
        f.ip = string(p, v, name);
        return true;
      case "clientAppUsed":
        f.clientAppUsed = string(p, v, name);
        return true;
      case "isInteractive":
        f.interactive = bool(p, v, name);
        return true;
      case "authenticationRequirement":
        f.authRequirement = string(p, v, name);
        return true;
      case "riskLevelDuringSignIn":
        f.risk = string(p, v, name);
        return true;
      case "riskLevel":
        f.legacyRisk = string(p, v, name);
        return true;
      case "correlationId":
        f.correlationId = string(p, v, name);
        return true;
      case "resourceId":
        if (f.inProperties) {
          f.resourceId = string(p, v, name);
        } else {
          f.topResourceId = string(p, v, name);
        }
        return true;
      case "resourceDisplayName":
        f.resourceName = string(p, v, name);
        return true;
      case "conditionalAccessStatus":
        f.caStatus = string(p, v, name);
        return true;
      case "status":
        status(p, v);
        return true;
      case "location":
        if (v == JsonToken.VALUE_STRING) {
          return false; // Azure Monitor's top-level region code, not the sign-in's location
        }
        location(p, v);
        return true;
      case "deviceDetail":
        deviceDetail(p, v);
        return true;
      case "authenticationDetails":
        authenticationDetails(p, v);
        return true;
      case "mfaDetail":
        mfaDetail(p, v);
        return true;
      case "appliedConditionalAccessPolicies":
        f.sawApplied = true;
        f.policies.clear();
        policies(p, v, name);
        return true;
      case "conditionalAccessPolicies":
        if (f.sawApplied) {
          p.skipChildren();
        } else {
          policies(p, v, name);
        }
        return true;
      case "signInEventTypes":
        signInEventTypes(p, v);
        return true;
      default:
        return false;
    }
  }

  /**
   * A top-level field of the Azure Monitor record; keys compared case-insensitively (Panther's
   * copies lower-case them). Dispatches on length first so the many Graph fields that are none of
   * these cost no case folding.
   */
  private void envelopeField(JsonCursor p, String name, JsonToken v) {
    switch (name.length()) {
      case 4:
        if (name.equalsIgnoreCase("time")) {
          f.time = string(p, v, name);
          return;
        }
        break;
      case 8:
        if (name.equalsIgnoreCase("category")) {
          f.category = string(p, v, name);
          return;
        }
        break;
      case 10:
        if (name.equalsIgnoreCase("properties")) {
          properties(p, v);
          return;
        }
        if (name.equalsIgnoreCase("resultType")) {
          resultType(p, v, name);
          return;
        }
        break;
      case 13:
        if (name.equalsIgnoreCase("correlationId")) {
          String c = string(p, v, name);
          if (f.correlationId == null) {
            f.correlationId = c;
          }
          return;
        }
        break;
      case 15:
        if (name.equalsIgnoreCase("callerIpAddress")) {
          f.callerIp = string(p, v, name);
          return;
        }
        break;
      default:
        break;
    }
    p.skipChildren();
  }

  private void properties(JsonCursor p, JsonToken v) {
    if (v != JsonToken.START_OBJECT) {
      wrongType(p, v, "properties", "an object");
      return;
    }
    f.enveloped = true;
    f.inProperties = true;
    String inner;
    while ((inner = p.nextName()) != null) {
      JsonToken iv = p.nextToken();
      if (!signInField(p, inner, iv)) {
        p.skipChildren();
      }
    }
    f.inProperties = false;
  }

  private void resultType(JsonCursor p, JsonToken v, String name) {
    if (v == JsonToken.VALUE_NUMBER_INT) {
      f.resultCode = p.getIntValue();
      f.hasResultCode = true;
      return;
    }
    String r = string(p, v, name);
    if (r != null) {
      resultType(r);
    }
  }

  private void resultType(String r) {
    if (isInteger(r)) {
      f.resultCode = Integer.parseInt(r);
      f.hasResultCode = true;
    } else if (r.equalsIgnoreCase("success")) {
      f.resultCode = 0;
      f.hasResultCode = true;
    } else if (r.equalsIgnoreCase("failure")) {
      f.resultFailure = true;
    }
  }

  private void status(JsonCursor p, JsonToken v) {
    if (!startObject(p, v, "status")) {
      return;
    }
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken t = p.nextToken();
      if (name.equals("errorCode")) {
        if (t == JsonToken.VALUE_NUMBER_INT) {
          f.errorCode = p.getIntValue();
          f.hasErrorCode = true;
        } else if (t == JsonToken.VALUE_STRING && isInteger(p.getString())) {
          f.errorCode = Integer.parseInt(p.getString());
          f.hasErrorCode = true;
        } else if (t != JsonToken.VALUE_NULL) {
          wrongType(p, t, "status.errorCode", "an integer");
        }
      } else {
        p.skipChildren();
      }
    }
  }

  private void location(JsonCursor p, JsonToken v) {
    if (!startObject(p, v, "location")) {
      return;
    }
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "countryOrRegion":
          f.country = string(p, t, "location.countryOrRegion");
          break;
        case "city":
          f.city = string(p, t, "location.city");
          break;
        case "geoCoordinates":
          geoCoordinates(p, t);
          break;
        default:
          p.skipChildren();
      }
    }
  }

  private void geoCoordinates(JsonCursor p, JsonToken v) {
    if (!startObject(p, v, "location.geoCoordinates")) {
      return;
    }
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "latitude":
          f.latitude = degrees(p, t, "location.geoCoordinates.latitude", 90);
          break;
        case "longitude":
          f.longitude = degrees(p, t, "location.geoCoordinates.longitude", 180);
          break;
        default:
          p.skipChildren();
      }
    }
    if (Double.isNaN(f.latitude) != Double.isNaN(f.longitude)) {
      problem(
          path(
              Double.isNaN(f.latitude)
                  ? "location.geoCoordinates.latitude: missing while longitude is given"
                  : "location.geoCoordinates.longitude: missing while latitude is given"));
    }
  }

  /** A coordinate in degrees within ±{@code limit}; NaN for null. */
  private double degrees(JsonCursor p, JsonToken v, String field, double limit) {
    if (v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_NUMBER_INT) {
      double d = p.getDoubleValue();
      if (!(d >= -limit && d <= limit)) {
        problem(path(field) + ": " + d + " is outside [-" + (int) limit + ", " + (int) limit + "]");
        return Double.NaN;
      }
      return d;
    }
    if (v != JsonToken.VALUE_NULL) {
      wrongType(p, v, field, "a number");
    }
    return Double.NaN;
  }

  private void deviceDetail(JsonCursor p, JsonToken v) {
    if (!startObject(p, v, "deviceDetail")) {
      return;
    }
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "operatingSystem":
          f.os = string(p, t, "deviceDetail.operatingSystem");
          break;
        case "isManaged":
          f.managed = bool(p, t, "deviceDetail.isManaged");
          break;
        case "isCompliant":
          f.compliant = bool(p, t, "deviceDetail.isCompliant");
          break;
        case "deviceId":
          if (t == JsonToken.VALUE_STRING) {
            f.deviceId = p.getString(); // "" = not registered, kept
          } else {
            f.deviceId = string(p, t, "deviceDetail.deviceId");
          }
          break;
        case "trustType":
          f.trustType = string(p, t, "deviceDetail.trustType");
          break;
        default:
          p.skipChildren();
      }
    }
  }

  private void authenticationDetails(JsonCursor p, JsonToken v) {
    if (!startArray(p, v, "authenticationDetails")) {
      return;
    }
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        wrongType(p, t, "authenticationDetails[]", "an object");
        continue;
      }
      f.sawSteps = true;
      String method = null;
      String result = null;
      Boolean succeeded = null;
      String name;
      while ((name = p.nextName()) != null) {
        JsonToken s = p.nextToken();
        switch (name) {
          case "authenticationMethod":
            method = string(p, s, "authenticationDetails[].authenticationMethod");
            break;
          case "succeeded":
            succeeded = bool(p, s, "authenticationDetails[].succeeded");
            break;
          case "authenticationStepResultDetail":
            result = string(p, s, "authenticationDetails[].authenticationStepResultDetail");
            break;
          default:
            p.skipChildren();
        }
      }
      if (f.mfaMethod == null && Boolean.TRUE.equals(succeeded) && isSecondFactor(method, result)) {
        f.mfaMethod = method;
      }
    }
  }

  private static boolean isSecondFactor(@Nullable String method, @Nullable String result) {
    if (method == null || method.equalsIgnoreCase("password")) {
      return false;
    }
    if (method.equalsIgnoreCase("previously satisfied")
        || method.equalsIgnoreCase("satisfied by token")) {
      return result != null && result.toLowerCase(Locale.ROOT).contains("mfa");
    }
    return true;
  }

  // Exact Graph spellings first (one switch on the value), the model's lenient parsers otherwise.

  private static RiskLevel risk(@Nullable String v) {
    if (v == null) {
      return RiskLevel.NONE;
    }
    switch (v) {
      case "none":
        return RiskLevel.NONE;
      case "low":
        return RiskLevel.LOW;
      case "medium":
        return RiskLevel.MEDIUM;
      case "high":
        return RiskLevel.HIGH;
      default:
        return RiskLevel.parse(v);
    }
  }

  private static ClientAppType clientApp(@Nullable String v) {
    if (v == null) {
      return ClientAppType.UNKNOWN;
    }
    switch (v) {
      case "Browser":
        return ClientAppType.BROWSER;
      case "Mobile Apps and Desktop clients":
        return ClientAppType.MOBILE_APPS_AND_DESKTOP_CLIENTS;
      default:
        return ClientAppType.fromClientAppUsed(v);
    }
  }

  private void mfaDetail(JsonCursor p, JsonToken v) {
    if (!startObject(p, v, "mfaDetail")) {
      return;
    }
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken t = p.nextToken();
      if (name.equals("mfaAuthMethod")) {
        f.legacyMfaMethod = string(p, t, "mfaDetail.mfaAuthMethod");
      } else {
        p.skipChildren();
      }
    }
  }

  /**
   * The entries go straight into {@link Fields#policies} from the parser's character buffer: a
   * record of 8–15 entries makes no Strings and no objects for them (see {@link
   * AppliedPolicyVectors}).
   */
  private void policies(JsonCursor p, JsonToken v, String array) {
    if (!startArray(p, v, array)) {
      return;
    }
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        wrongType(p, t, array + "[]", "an object");
        continue;
      }
      int id = -1;
      PolicyResult result = PolicyResult.UNKNOWN;
      String name;
      while ((name = p.nextName()) != null) {
        JsonToken s = p.nextToken();
        switch (name) {
          case "id":
            id = -1;
            if (s == JsonToken.VALUE_STRING) {
              int len = p.getStringLength();
              if (len > 0) {
                id = f.policies.policy(p.getStringCharacters(), p.getStringOffset(), len);
              }
            } else if (s != JsonToken.VALUE_NULL) {
              wrongType(p, s, array + "[].id", "a string");
            }
            break;
          case "result":
            result = PolicyResult.UNKNOWN;
            if (s == JsonToken.VALUE_STRING) {
              int len = p.getStringLength();
              if (len > 0) {
                result =
                    AppliedPolicyVectors.result(p.getStringCharacters(), p.getStringOffset(), len);
              }
            } else if (s != JsonToken.VALUE_NULL) {
              wrongType(p, s, array + "[].result", "a string");
            }
            break;
          default:
            p.skipChildren();
        }
      }
      if (id < 0) {
        problem(path(array + "[].id") + ": missing");
      } else {
        f.policies.add(id, result);
      }
    }
  }

  private void signInEventTypes(JsonCursor p, JsonToken v) {
    if (!startArray(p, v, "signInEventTypes")) {
      return;
    }
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.VALUE_STRING) {
        String s = p.getString();
        if (s.equalsIgnoreCase("servicePrincipal") || s.equalsIgnoreCase("managedIdentity")) {
          f.workload = true;
        } else if (s.equalsIgnoreCase("nonInteractiveUser")) {
          f.nonInteractiveType = true;
        }
      } else {
        wrongType(p, t, "signInEventTypes[]", "a string");
      }
    }
  }

  // ---- building the event

  private SignInEvent build() {
    long millis = time();
    PrincipalKind kind;
    String account;
    String category = f.category == null ? "" : f.category.toLowerCase(Locale.ROOT);
    boolean workloadCategory =
        category.equals("serviceprincipalsigninlogs")
            || category.equals("managedidentitysigninlogs");
    if (workloadCategory || f.workload || (f.userId == null && f.servicePrincipalId != null)) {
      kind = PrincipalKind.SERVICE_PRINCIPAL;
      account = f.servicePrincipalId;
      if (account == null) {
        problem(prefix() + "servicePrincipalId: missing");
      }
    } else {
      kind = PrincipalKind.USER;
      account = f.userId;
      if (account == null) {
        problem(prefix() + "userId: missing");
      }
    }
    SignInOutcome outcome;
    int code;
    if (f.hasErrorCode) {
      code = f.errorCode;
      outcome = EntraErrorCodes.outcome(code);
    } else if (f.hasResultCode) {
      code = f.resultCode;
      outcome = EntraErrorCodes.outcome(code);
    } else if (f.resultFailure) {
      code = -1;
      outcome = SignInOutcome.FAILURE;
    } else {
      code = -1;
      outcome = SignInOutcome.UNKNOWN;
    }
    String id = f.id;
    if (id == null) {
      if (f.enveloped && f.correlationId != null && account != null) {
        id = syntheticId(account, code);
      } else {
        problem(prefix() + "id: missing");
      }
    }
    if (f.problem != null) {
      throw new BadRecordException(f.problem);
    }
    boolean interactive;
    if (f.interactive != null) {
      interactive = f.interactive;
    } else {
      interactive =
          !(workloadCategory
              || f.workload
              || f.nonInteractiveType
              || category.equals("noninteractiveusersigninlogs"));
    }
    TriState mfaPerformed;
    String mfaMethod;
    if (f.mfaMethod != null) {
      mfaPerformed = TriState.TRUE;
      mfaMethod = f.mfaMethod;
    } else if (f.legacyMfaMethod != null) {
      mfaPerformed = TriState.TRUE;
      mfaMethod = f.legacyMfaMethod;
    } else {
      mfaPerformed = f.sawSteps ? TriState.FALSE : TriState.UNKNOWN;
      mfaMethod = null;
    }
    TriState mfaRequired;
    if (f.authRequirement == null) {
      mfaRequired = TriState.UNKNOWN;
    } else {
      mfaRequired = TriState.of(f.authRequirement.equalsIgnoreCase("multiFactorAuthentication"));
    }
    return new SignInEvent(
        requireValue(id),
        Source.ENTRA,
        millis,
        kind,
        requireValue(account),
        f.login,
        f.appId,
        f.appName,
        f.ip != null ? f.ip : f.callerIp,
        f.country,
        f.city,
        clientApp(f.clientAppUsed),
        f.clientAppUsed,
        interactive,
        f.os,
        TriState.of(f.managed),
        TriState.of(f.compliant),
        outcome,
        code,
        mfaRequired,
        mfaPerformed,
        mfaMethod,
        risk(f.risk != null ? f.risk : f.legacyRisk),
        f.policies.list(),
        f.latitude,
        f.longitude,
        f.deviceId,
        f.trustType,
        f.enveloped ? f.resourceId : f.topResourceId,
        f.resourceName,
        ConditionalAccessStatus.parse(f.caStatus));
  }

  private long time() {
    if (f.created != null) {
      long ms = EntraTimestamps.parseMillis(f.created);
      if (ms == EntraTimestamps.INVALID) {
        problem(
            (f.createdInProperties ? "properties." : "")
                + "createdDateTime: unparsable time '"
                + f.created
                + "'");
      }
      return ms;
    }
    if (f.time != null) {
      long ms = EntraTimestamps.parseMillis(f.time);
      if (ms == EntraTimestamps.INVALID) {
        problem("time: unparsable time '" + f.time + "'");
      }
      return ms;
    }
    problem(prefix() + "createdDateTime: missing");
    return EntraTimestamps.INVALID;
  }

  private String syntheticId(String account, int code) {
    String key =
        "azure-monitor|"
            + f.correlationId
            + '|'
            + (f.created != null ? f.created : f.time)
            + '|'
            + account
            + '|'
            + f.appId
            + '|'
            + (f.ip != null ? f.ip : f.callerIp)
            + '|'
            + code;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private String prefix() {
    return f.enveloped ? "properties." : "";
  }

  private static String requireValue(@Nullable String s) {
    if (s == null) {
      throw new IllegalStateException("checked above");
    }
    return s;
  }

  // ---- token helpers

  private @Nullable String string(JsonCursor p, JsonToken v, String field) {
    return string(p, v, field, "");
  }

  /** A string value; {@code field + suffix} names it in a reason (joined only on error). */
  private @Nullable String string(JsonCursor p, JsonToken v, String field, String suffix) {
    if (v == JsonToken.VALUE_STRING) {
      String s = p.getString();
      return s.isEmpty() ? null : s;
    }
    if (v != JsonToken.VALUE_NULL) {
      wrongType(p, v, field + suffix, "a string");
    }
    return null;
  }

  private @Nullable Boolean bool(JsonCursor p, JsonToken v, String field) {
    if (v == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (v == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    if (v != JsonToken.VALUE_NULL) {
      wrongType(p, v, field, "a boolean");
    }
    return null;
  }

  /** The field's path in the record: inside an Azure Monitor record it is under properties. */
  private String path(String field) {
    return f.inProperties ? "properties." + field : field;
  }

  private boolean startObject(JsonCursor p, JsonToken v, String at) {
    if (v == JsonToken.START_OBJECT) {
      return true;
    }
    if (v != JsonToken.VALUE_NULL) {
      wrongType(p, v, at, "an object");
    }
    return false;
  }

  private boolean startArray(JsonCursor p, JsonToken v, String at) {
    if (v == JsonToken.START_ARRAY) {
      return true;
    }
    if (v != JsonToken.VALUE_NULL) {
      wrongType(p, v, at, "an array");
    }
    return false;
  }

  private void wrongType(JsonCursor p, JsonToken v, String field, String expected) {
    problem(path(field) + ": expected " + expected + " but found " + describe(v));
    p.skipChildren();
  }

  private void problem(String reason) {
    if (f.problem == null) {
      f.problem = reason;
    }
  }

  private static String describe(@Nullable JsonToken t) {
    if (t == null) {
      return "end of input";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return t.name();
    }
  }

  private static boolean isInteger(String s) {
    int n = s.length();
    if (n == 0 || n > 9) {
      return false;
    }
    int i = s.charAt(0) == '-' && n > 1 ? 1 : 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Scratch state of one record. */
  private static final class Fields {
    @Nullable String id;
    @Nullable String created;
    boolean createdInProperties;
    boolean inProperties;
    @Nullable String time;
    @Nullable String category;
    @Nullable String userId;
    @Nullable String servicePrincipalId;
    @Nullable String login;
    @Nullable String appId;
    @Nullable String appName;
    @Nullable String ip;
    @Nullable String callerIp;
    @Nullable String country;
    @Nullable String city;
    @Nullable String clientAppUsed;
    @Nullable Boolean interactive;
    @Nullable String os;
    @Nullable Boolean managed;
    @Nullable Boolean compliant;
    double latitude;
    double longitude;
    @Nullable String deviceId;
    @Nullable String trustType;
    @Nullable String resourceId;
    @Nullable String topResourceId;
    @Nullable String resourceName;
    @Nullable String caStatus;
    int errorCode;
    boolean hasErrorCode;
    int resultCode;
    boolean hasResultCode;
    boolean resultFailure;
    @Nullable String authRequirement;
    boolean sawSteps;
    @Nullable String mfaMethod;
    @Nullable String legacyMfaMethod;
    @Nullable String risk;
    @Nullable String legacyRisk;
    @Nullable String correlationId;
    boolean sawApplied;
    boolean workload;
    boolean nonInteractiveType;
    boolean enveloped;
    final AppliedPolicyVectors policies = new AppliedPolicyVectors();
    @Nullable String problem;

    void reset() {
      id = null;
      created = null;
      createdInProperties = false;
      inProperties = false;
      time = null;
      category = null;
      userId = null;
      servicePrincipalId = null;
      login = null;
      appId = null;
      appName = null;
      ip = null;
      callerIp = null;
      country = null;
      city = null;
      clientAppUsed = null;
      interactive = null;
      os = null;
      managed = null;
      compliant = null;
      latitude = Double.NaN;
      longitude = Double.NaN;
      deviceId = null;
      trustType = null;
      resourceId = null;
      topResourceId = null;
      resourceName = null;
      caStatus = null;
      errorCode = 0;
      hasErrorCode = false;
      resultCode = 0;
      hasResultCode = false;
      resultFailure = false;
      authRequirement = null;
      sawSteps = false;
      mfaMethod = null;
      legacyMfaMethod = null;
      risk = null;
      legacyRisk = null;
      correlationId = null;
      sawApplied = false;
      workload = false;
      nonInteractiveType = false;
      enveloped = false;
      policies.clear();
      problem = null;
    }
  }
}
