package dev.least.connector.generate;

import static dev.least.connector.generate.JsonLineBuffer.utf8;

import dev.least.model.PolicyResult;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.entra.ConditionalAccessPolicy;
import java.io.Closeable;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Streams {@code entra/auditLogs/signIns.jsonl}: one Graph beta {@code signIn} object per line,
 * with {@code appliedConditionalAccessPolicies[]} taken from the engine's outcomes.
 *
 * <p>Records are encoded on the stream's own thread straight into bytes ({@link JsonLineBuffer}).
 * What repeats is encoded once and copied in: the per-account and per-app fields, the device and
 * location objects, the authentication steps and, above all, the 13-policy {@code
 * appliedConditionalAccessPolicies} array (about 3 KB), which takes few distinct forms and is kept
 * per combination of per-policy results.
 */
final class EntraSignInWriter implements Closeable {
  private static final byte[] ID = utf8("{\"id\":");
  private static final byte[] CREATED = utf8(",\"createdDateTime\":");
  private static final byte[] IP = utf8(",\"ipAddress\":");
  private static final byte[] CLIENT = utf8(",\"clientAppUsed\":");
  private static final byte[] CORRELATION = utf8(",\"correlationId\":");
  private static final byte[] CA_STATUS = utf8(",\"conditionalAccessStatus\":");
  private static final byte[] INTERACTIVE =
      utf8(
          ",\"isInteractive\":true,\"signInEventTypes\":[\"interactiveUser\"],\"riskDetail\":\"none\""
              + ",\"riskLevelAggregated\":");
  private static final byte[] NON_INTERACTIVE =
      utf8(
          ",\"isInteractive\":false,\"signInEventTypes\":[\"nonInteractiveUser\"]"
              + ",\"riskDetail\":\"none\",\"riskLevelAggregated\":");
  private static final byte[] RISK_DURING = utf8(",\"riskLevelDuringSignIn\":");
  private static final byte[] NOT_AT_RISK = utf8(",\"riskState\":\"none\",\"riskEventTypes_v2\":[");
  private static final byte[] AT_RISK = utf8(",\"riskState\":\"atRisk\",\"riskEventTypes_v2\":[");
  private static final byte[] FAILURE_REASON = utf8(",\"failureReason\":");
  private static final byte[] OTHER = utf8("\"Other.\"");
  private static final byte[] NULL = utf8("null");
  private static final byte[] DETAILS = utf8(",\"additionalDetails\":");
  private static final byte[] DEVICE = utf8("},\"deviceDetail\":");
  private static final byte[] LOCATION = utf8(",\"location\":");
  private static final byte[] MULTI_FACTOR =
      utf8(
          ",\"authenticationRequirement\":\"multiFactorAuthentication\""
              + ",\"authenticationDetails\":[");
  private static final byte[] SINGLE_FACTOR =
      utf8(
          ",\"authenticationRequirement\":\"singleFactorAuthentication\""
              + ",\"authenticationDetails\":[");
  private static final byte[] STEP_TIME = utf8("{\"authenticationStepDateTime\":");
  private static final byte[] APPLIED = utf8("],\"appliedConditionalAccessPolicies\":");
  private static final byte[] UNMANAGED_DEVICE = utf8("{\"deviceId\":\"\",\"displayName\":\"\",");

  /** Per {@link EntraSignIn.Step}: the authentication steps the record shows, after the time. */
  private static final byte[][][] STEPS = new byte[EntraSignIn.Step.values().length][][];

  static {
    byte[] password = step("Password", true, "Correct password");
    for (EntraSignIn.Step s : EntraSignIn.Step.values()) {
      STEPS[s.ordinal()] =
          switch (s) {
            case TOKEN ->
                new byte[][] {
                  step(
                      "Previously satisfied",
                      true,
                      "First factor requirement satisfied by claim in the token")
                };
            case MFA_CLAIM ->
                new byte[][] {
                  step(
                      "Previously satisfied",
                      true,
                      "MFA requirement satisfied by claim in the token")
                };
            case PASSWORD_FAILED ->
                new byte[][] {step("Password", false, "Invalid username or password")};
            case PASSWORD -> new byte[][] {password};
            case MFA_APPROVED ->
                new byte[][] {
                  password, step("Mobile app notification", true, "MFA successfully completed")
                };
            case MFA_DENIED ->
                new byte[][] {
                  password,
                  step(
                      "Mobile app notification",
                      false,
                      "MFA denied; user declined the authentication")
                };
            case MFA_TIMEOUT ->
                new byte[][] {
                  password,
                  step(
                      "Mobile app notification",
                      false,
                      "MFA denied; user did not respond to mobile app notification")
                };
            case MFA_REQUIRED ->
                new byte[][] {
                  password, step("Mobile app notification", false, "Authentication in progress")
                };
          };
    }
  }

  /**
   * Per {@link EntraSignIn.Step}: the authentication requirement and the start of the steps (a
   * table rather than a test of the step, so that the rare steps of a fatigue day do not surprise
   * the compiled encoder into deoptimising).
   */
  private static final byte[][] REQUIREMENTS = new byte[EntraSignIn.Step.values().length][];

  static {
    for (EntraSignIn.Step s : EntraSignIn.Step.values()) {
      boolean mfa =
          s == EntraSignIn.Step.MFA_APPROVED
              || s == EntraSignIn.Step.MFA_CLAIM
              || s == EntraSignIn.Step.MFA_DENIED
              || s == EntraSignIn.Step.MFA_TIMEOUT
              || s == EntraSignIn.Step.MFA_REQUIRED;
      REQUIREMENTS[s.ordinal()] = mfa ? MULTI_FACTOR : SINGLE_FACTOR;
    }
  }

  /** One step's fields after {@code authenticationStepDateTime}, closing the object. */
  private static byte[] step(String method, boolean ok, String detail) {
    return JsonLineBuffer.fragment(
        b ->
            b.raw(utf8(",\"authenticationMethod\":"))
                .string(method)
                .raw(utf8(ok ? ",\"succeeded\":true" : ",\"succeeded\":false"))
                .raw(utf8(",\"authenticationStepResultDetail\":"))
                .string(detail)
                .ascii('}'));
  }

  /** The encoded {@code appliedConditionalAccessPolicies} array and the status it implies. */
  private record Combination(byte[] status, byte[] policies) {}

  /** What the device object's fields after the account-specific id and name depend on. */
  private record DeviceKind(String os, String browser, boolean compliant, boolean managed) {}

  private final OutputStream out;
  private final JsonLineBuffer buf;
  private final Clock clock = new Clock();
  private long values;
  private final EncoderThread<Object> encoder;
  private final String[] policyIds;
  private final Map<String, ConditionalAccessPolicy> policies = new HashMap<>();
  private final Map<String, List<String>> controls = new HashMap<>();
  private final Map<String, byte[][]> fragments = new HashMap<>();
  private final Map<Long, Combination> combinations = new HashMap<>();
  private final Map<PlannedApp, byte[][]> apps = new IdentityHashMap<>();
  private final Map<String, byte[]> locations = new HashMap<>();
  private @Nullable Where lastWhere;
  private byte[] lastLocation = new byte[0];
  private final Map<DeviceKind, byte[]> deviceKinds = new HashMap<>();

  /**
   * The device kinds of recent records by the instances of their strings (the same few constants
   * record after record), so that most records find theirs without hashing a {@link DeviceKind}.
   */
  private static final int KIND_SLOTS = 64;

  private final @Nullable String[] kindOs = new String[KIND_SLOTS];
  private final @Nullable String[] kindBrowser = new String[KIND_SLOTS];
  private final int[] kindFlags = new int[KIND_SLOTS];
  private final byte[][] kindBytes = new byte[KIND_SLOTS][];
  private final AccountFragments accounts = new AccountFragments();
  private final AccountFragments laptops = new AccountFragments();
  private final AccountFragments phones = new AccountFragments();

  EntraSignInWriter(OutputStream out, List<ConditionalAccessPolicy> caPolicies) {
    this.out = out;
    this.buf = new JsonLineBuffer(out);
    this.encoder = new EncoderThread<>("least-generate-entra", this::encode);
    this.policyIds = new String[caPolicies.size()];
    for (int k = 0; k < caPolicies.size(); k++) {
      ConditionalAccessPolicy p = caPolicies.get(k);
      policyIds[k] = p.id().value();
      policies.put(p.id().value(), p);
      controls.put(p.id().value(), logControls(p));
    }
  }

  private static List<String> logControls(ConditionalAccessPolicy p) {
    List<String> out = new ArrayList<>();
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
    buf.raw(utf8(values == 0 ? line + "\n" : "\n" + line));
  }

  private void encodeEvent(EntraSignIn e) {
    if (values++ > 0) {
      buf.ascii('\n');
    }
    PlannedUser u = e.user();
    byte[][] app = app(e.app());
    Combination applied = applied(e.outcomes());
    buf.raw(ID).uuid(e.id()).raw(CREATED);
    clock.graph(e.epochMillis(), buf);
    buf.raw(account(u)).raw(app[0]);
    buf.raw(IP).recurring(e.where().ip());
    buf.raw(CLIENT).recurring(e.clientAppUsed());
    buf.raw(CORRELATION).uuid(e.correlationId());
    buf.raw(CA_STATUS).raw(applied.status());
    buf.raw(e.interactive() ? INTERACTIVE : NON_INTERACTIVE).recurring(e.risk());
    buf.raw(RISK_DURING).recurring(e.risk());
    buf.raw(e.risk().equals("none") ? NOT_AT_RISK : AT_RISK);
    List<String> riskEvents = e.riskEvents();
    for (int k = 0; k < riskEvents.size(); k++) {
      if (k > 0) {
        buf.ascii(',');
      }
      buf.recurring(riskEvents.get(k));
    }
    buf.raw(app[1]).number(e.errorCode());
    buf.raw(FAILURE_REASON);
    if (e.failureReason() == null) {
      buf.raw(OTHER);
    } else {
      buf.recurring(e.failureReason());
    }
    buf.raw(DETAILS);
    if (e.additionalDetails() == null) {
      buf.raw(NULL);
    } else {
      buf.recurring(e.additionalDetails());
    }
    buf.raw(DEVICE);
    device(e);
    buf.raw(LOCATION).raw(location(e.where()));
    EntraSignIn.Step s = e.step();
    buf.raw(REQUIREMENTS[s.ordinal()]);
    byte[][] steps = STEPS[s.ordinal()];
    for (int k = 0; k < steps.length; k++) {
      if (k > 0) {
        buf.ascii(',');
      }
      buf.raw(STEP_TIME);
      clock.graph(e.epochMillis(), buf);
      buf.raw(steps[k]);
    }
    buf.raw(APPLIED).raw(applied.policies()).ascii('}');
    buf.endRecord();
  }

  /** The account's fields, {@code ,"userDisplayName"} to {@code "userType"}, encoded once. */
  private byte[] account(PlannedUser u) {
    return accounts.get(
        u,
        k ->
            JsonLineBuffer.fragment(
                b ->
                    b.raw(utf8(",\"userDisplayName\":"))
                        .string(k.displayName())
                        .raw(utf8(",\"userPrincipalName\":"))
                        .string(k.upn())
                        .raw(utf8(",\"userId\":"))
                        .stringOrNull(k.entraId())
                        .raw(
                            utf8(
                                k.kind() == UserKind.GUEST
                                    ? ",\"userType\":\"guest\""
                                    : ",\"userType\":\"member\""))));
  }

  /**
   * The app's two runs of fields, encoded once: {@code appId} and {@code appDisplayName}; then the
   * end of the risk events, {@code resourceDisplayName}, {@code resourceId} and the start of {@code
   * status} up to the error code.
   */
  private byte[][] app(PlannedApp a) {
    return apps.computeIfAbsent(
        a,
        k ->
            new byte[][] {
              JsonLineBuffer.fragment(
                  b ->
                      b.raw(utf8(",\"appId\":"))
                          .string(a.clientId())
                          .raw(utf8(",\"appDisplayName\":"))
                          .string(a.name())),
              JsonLineBuffer.fragment(
                  b ->
                      b.raw(utf8("],\"resourceDisplayName\":"))
                          .string(a.name())
                          .raw(utf8(",\"resourceId\":"))
                          .string(a.clientId())
                          .raw(utf8(",\"status\":{\"errorCode\":")))
            });
  }

  /**
   * The location object, by city; the place of the previous record is kept by instance, since a
   * person's sign-ins of one day come from one place.
   */
  private byte[] location(Where w) {
    if (w != lastWhere) {
      lastWhere = w;
      lastLocation = locationOfCity(w);
    }
    return lastLocation;
  }

  private byte[] locationOfCity(Where w) {
    return locations.computeIfAbsent(
        w.city(),
        c ->
            utf8(
                WireJson.compact(
                    gen -> {
                      gen.writeStartObject();
                      gen.writeStringProperty("city", w.city());
                      gen.writeStringProperty("state", w.state());
                      gen.writeStringProperty("countryOrRegion", w.country());
                      gen.writeName("geoCoordinates");
                      gen.writeStartObject();
                      gen.writeNullProperty("altitude");
                      gen.writeNumberProperty("latitude", w.lat());
                      gen.writeNumberProperty("longitude", w.lon());
                      gen.writeEndObject();
                      gen.writeEndObject();
                    })));
  }

  /**
   * The {@code deviceDetail} object: a managed device's id and name belong to the account (kept per
   * account for its laptop and its phone), the rest depends on the kind of device only.
   */
  private void device(EntraSignIn e) {
    String os = e.operatingSystem();
    if (e.managed()) {
      PlannedUser u = e.user();
      buf.raw(
          os.equals(u.laptopOs())
              ? laptops.get(u, k -> managedDevice(k, os))
              : os.equals(u.phoneOs())
                  ? phones.get(u, k -> managedDevice(k, os))
                  : managedDevice(u, os));
    } else {
      buf.raw(UNMANAGED_DEVICE);
    }
    String browser = e.browser();
    int flags = (e.compliant() ? 1 : 0) | (e.managed() ? 2 : 0);
    int slot =
        (31 * System.identityHashCode(os) + System.identityHashCode(browser) + flags)
            & (KIND_SLOTS - 1);
    if (kindOs[slot] == os && kindBrowser[slot] == browser && kindFlags[slot] == flags) {
      buf.raw(kindBytes[slot]);
      return;
    }
    DeviceKind kind = new DeviceKind(os, browser, e.compliant(), e.managed());
    byte[] rest = deviceKinds.get(kind);
    if (rest == null) {
      rest =
          JsonLineBuffer.fragment(
              b ->
                  b.raw(utf8("\"operatingSystem\":"))
                      .string(kind.os())
                      .raw(utf8(",\"browser\":"))
                      .string(kind.browser())
                      .raw(
                          utf8(
                              kind.compliant()
                                  ? ",\"isCompliant\":true"
                                  : ",\"isCompliant\":false"))
                      .raw(utf8(kind.managed() ? ",\"isManaged\":true" : ",\"isManaged\":false"))
                      .raw(utf8(",\"trustType\":"))
                      .string(kind.managed() ? "Azure AD joined" : "")
                      .ascii('}'));
      deviceKinds.put(kind, rest);
    }
    kindOs[slot] = os;
    kindBrowser[slot] = browser;
    kindFlags[slot] = flags;
    kindBytes[slot] = rest;
    buf.raw(rest);
  }

  /** {@code {"deviceId":…,"displayName":…,} of the account's managed device running {@code os}. */
  private static byte[] managedDevice(PlannedUser u, String os) {
    return JsonLineBuffer.fragment(
        b ->
            b.raw(utf8("{\"deviceId\":"))
                .string(EntraDirectoryWriter.nameUuid(u.upn() + os))
                .raw(utf8(",\"displayName\":"))
                .string(deviceName(u, os))
                .ascii(','));
  }

  private static String deviceName(PlannedUser u, String os) {
    String prefix = os.startsWith("Windows") ? "LT-" : os.equals("macOS") ? "MB-" : "PH-";
    String upper = u.lastName().toUpperCase(Locale.ROOT);
    StringBuilder name = new StringBuilder(prefix.length() + upper.length() + 4).append(prefix);
    // the letters A-Z of the upper-cased last name (as replaceAll("[^A-Z]", ""), without a regex)
    for (int k = 0; k < upper.length(); k++) {
      char c = upper.charAt(k);
      if (c >= 'A' && c <= 'Z') {
        name.append(c);
      }
    }
    return name.append('-').append(u.index() % 1000).toString();
  }

  /**
   * The policies array and status for these outcomes. The engine lists the policies in the tenant's
   * order, so a combination is the result at each position (4 bits each); it is encoded once.
   * Outcomes in another order, or more policies than a key holds, are encoded each time.
   */
  private Combination applied(List<PolicyOutcome> outcomes) {
    int n = outcomes.size();
    if (n > 14 || n > policyIds.length) {
      return combination(outcomes);
    }
    long key = (long) n << 56;
    for (int k = 0; k < n; k++) {
      PolicyOutcome o = outcomes.get(k);
      String id = o.policyId();
      if (id != policyIds[k] && !id.equals(policyIds[k])) {
        return combination(outcomes);
      }
      key |= (long) o.result().ordinal() << (4 * k);
    }
    // spread the bits (an odd multiplier is one-to-one): Long's hash folds the results of
    // policies 8 apart onto each other, which heaped the keys into a few buckets
    Long spread = key * 0x9E3779B97F4A7C15L;
    Combination c = combinations.get(spread);
    if (c == null) {
      c = combination(outcomes);
      if (combinations.size() > 4096) {
        combinations.clear();
      }
      combinations.put(spread, c);
    }
    return c;
  }

  private Combination combination(List<PolicyOutcome> outcomes) {
    byte[] policies =
        JsonLineBuffer.fragment(
            b -> {
              b.ascii('[');
              for (int k = 0; k < outcomes.size(); k++) {
                if (k > 0) {
                  b.ascii(',');
                }
                b.raw(fragment(outcomes.get(k)));
              }
              b.ascii(']');
            });
    return new Combination(JsonLineBuffer.fragment(b -> b.string(caStatus(outcomes))), policies);
  }

  /** The constant JSON of one policy's entry with one result, built once. */
  private byte[] fragment(PolicyOutcome o) {
    byte[][] byResult =
        fragments.computeIfAbsent(o.policyId(), k -> new byte[PolicyResult.values().length][]);
    byte[] f = byResult[o.result().ordinal()];
    if (f == null) {
      ConditionalAccessPolicy p = policies.get(o.policyId());
      f =
          JsonLineBuffer.fragment(
              b -> {
                b.raw(utf8("{\"id\":")).string(o.policyId());
                b.raw(utf8(",\"displayName\":")).string(p == null ? o.policyId() : p.displayName());
                b.raw(utf8(",\"enforcedGrantControls\":["));
                List<String> granted = controls.getOrDefault(o.policyId(), List.of());
                for (int k = 0; k < granted.size(); k++) {
                  if (k > 0) {
                    b.ascii(',');
                  }
                  b.string(granted.get(k));
                }
                b.raw(
                    utf8(
                        p != null && p.sessionControls() != null
                            ? "],\"enforcedSessionControls\":[\"SignInFrequency\"]"
                            : "],\"enforcedSessionControls\":[]"));
                b.raw(utf8(",\"result\":")).string(o.result().wire()).ascii('}');
              });
      byResult[o.result().ordinal()] = f;
    }
    return f;
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

  @Override
  public void close() throws java.io.IOException {
    encoder.close();
    buf.ascii('\n');
    buf.flush();
    out.close();
  }
}
