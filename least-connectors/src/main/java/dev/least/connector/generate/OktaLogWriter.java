package dev.least.connector.generate;

import static dev.least.connector.generate.JsonLineBuffer.utf8;

import java.io.Closeable;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Streams {@code okta/logs.jsonl}: one System Log {@code LogEvent} per line, encoded on the
 * stream's own thread straight into bytes ({@link JsonLineBuffer}); the per-account actor, the user
 * agent, the place and the target lists are encoded once and copied in.
 */
final class OktaLogWriter implements Closeable {
  private static final byte[] GEOGRAPHY = utf8(",\"geographicalContext\":");
  private static final byte[] NO_CREDENTIAL =
      utf8(
          "},\"device\":null,\"authenticationContext\":{\"authenticationProvider\":null"
              + ",\"credentialProvider\":null,\"credentialType\":null");
  private static final byte[] CREDENTIAL =
      utf8(
          "},\"device\":null,\"authenticationContext\":{\"authenticationProvider\":null"
              + ",\"credentialProvider\":\"OKTA_CREDENTIAL_PROVIDER\",\"credentialType\":");
  private static final byte[] AUTHENTICATION_STEP =
      utf8(",\"issuer\":null,\"interface\":null,\"authenticationStep\":");
  private static final byte[] ROOT_SESSION = utf8(",\"rootSessionId\":");
  private static final byte[] EXTERNAL_SESSION = utf8(",\"externalSessionId\":");
  private static final byte[] INFO = utf8("},\"severity\":\"INFO\"");
  private static final byte[] WARN = utf8("},\"severity\":\"WARN\"");
  private static final byte[] REQUEST_ID =
      utf8(
          ",\"legacyEventType\":null,\"version\":\"0\",\"securityContext\":{\"asNumber\":null"
              + ",\"asOrg\":null,\"isp\":null,\"domain\":null,\"isProxy\":false}"
              + ",\"debugContext\":{\"debugData\":{\"requestId\":\"");
  private static final byte[] RISK = utf8(",\"risk\":\"{level=");
  private static final byte[] FACTOR = utf8(",\"factor\":");
  private static final byte[] TRANSACTION = utf8("}},\"transaction\":{\"type\":\"WEB\",\"id\":");
  private static final byte[] IP_CHAIN = utf8(",\"detail\":{}},\"request\":{\"ipChain\":[{\"ip\":");
  private static final byte[] UUID_FIELD = utf8("}]},\"uuid\":");
  private static final byte[] PUBLISHED = utf8(",\"published\":");
  private static final byte[] EVENT_TYPE = utf8(",\"eventType\":");
  private static final byte[] DISPLAY_MESSAGE = utf8(",\"displayMessage\":");
  private static final byte[] RESULT = utf8(",\"outcome\":{\"result\":");
  private static final byte[] REASON = utf8(",\"reason\":");
  private static final byte[] TARGET = utf8("},\"target\":");
  private static final byte[] NULL = utf8("null");
  private static final int TARGET_SLOTS = 64;

  /** An Okta target: app instance, policy rule or policy. */
  record Target(
      String id,
      String type,
      String alternateId,
      String displayName,
      @Nullable String policyType,
      @Nullable String factorMode) {}

  /** What the user agent fragment depends on. */
  private record Agent(String os, String browser) {}

  private final OutputStream out;
  private final JsonLineBuffer buf;
  private final Clock clock = new Clock();
  private long values;
  private final EncoderThread<Object> encoder;
  private final Map<Agent, byte[]> agents = new HashMap<>();
  private final Map<String, byte[]> places = new HashMap<>();
  private final Map<List<Target>, byte[]> targetArrays = new HashMap<>();
  private final AccountFragments actors = new AccountFragments();
  private @Nullable String lastOs;
  private @Nullable String lastBrowser;
  private byte[] lastClient = new byte[0];
  private @Nullable Where lastWhere;
  private byte[] lastPlace = new byte[0];

  /** Target arrays of recent records by list instance (the simulator keeps its lists). */
  private final @Nullable List<?>[] recentTargets = new List<?>[TARGET_SLOTS];

  private final byte[][] recentTargetBytes = new byte[TARGET_SLOTS][];

  OktaLogWriter(OutputStream out) {
    this.out = out;
    this.buf = new JsonLineBuffer(out);
    this.encoder = new EncoderThread<>("least-generate-okta", this::encode);
  }

  void bad(String line) {
    encoder.submit(line);
  }

  /** One LogEvent waiting to be encoded. */
  private record Pending(
      UUID uuid,
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
      UUID uuid,
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
      encodeEvent(p);
    } else {
      encodeBad((String) item);
    }
  }

  private void encodeBad(String line) {
    buf.raw(utf8(values == 0 ? line + "\n" : "\n" + line));
  }

  /**
   * Writes one event: its {@code result} is SUCCESS, FAILURE, ALLOW, DENY or CHALLENGE, its {@code
   * factor} e.g. {@code OKTA_VERIFY_PUSH} for factor events.
   */
  private void encodeEvent(Pending e) {
    if (values++ > 0) {
      buf.ascii('\n');
    }
    buf.raw(actor(e.u())).raw(client(e.os(), e.browser())).recurring(e.where().ip());
    buf.raw(GEOGRAPHY).raw(place(e.where()));
    if (e.factor() == null) {
      buf.raw(NO_CREDENTIAL);
    } else {
      buf.raw(CREDENTIAL).recurring(e.factor());
    }
    buf.raw(AUTHENTICATION_STEP).number(e.authStep());
    buf.raw(ROOT_SESSION).recurring(e.sessionId());
    buf.raw(EXTERNAL_SESSION).recurring(e.sessionId());
    buf.raw(e.result().equals("FAILURE") || e.result().equals("DENY") ? WARN : INFO);
    buf.raw(REQUEST_ID)
        .recurringEscaped(e.sessionId())
        .ascii('-')
        .number(e.millis() % 100_000)
        .ascii('"');
    buf.raw(RISK).recurringEscaped(e.risk()).ascii('}').ascii('"');
    if (e.factor() != null) {
      buf.raw(FACTOR).recurring(e.factor());
    }
    buf.raw(TRANSACTION).recurring(e.sessionId());
    buf.raw(IP_CHAIN).recurring(e.where().ip());
    buf.raw(UUID_FIELD).uuid(e.uuid());
    buf.raw(PUBLISHED);
    clock.okta(e.millis(), buf);
    buf.raw(EVENT_TYPE).recurring(e.eventType());
    buf.raw(DISPLAY_MESSAGE).recurring(e.displayMessage());
    buf.raw(RESULT).recurring(e.result());
    buf.raw(REASON);
    if (e.reason() == null) {
      buf.raw(NULL);
    } else {
      buf.recurring(e.reason());
    }
    buf.raw(TARGET).raw(targets(e.targets())).ascii('}');
    buf.endRecord();
  }

  /** {@code {"actor":{…},"client":{"userAgent":}, encoded once per account. */
  private byte[] actor(PlannedUser u) {
    return actors.get(
        u,
        k ->
            JsonLineBuffer.fragment(
                b ->
                    b.raw(utf8("{\"actor\":{\"id\":"))
                        .stringOrNull(k.oktaId())
                        .raw(utf8(",\"type\":\"User\",\"alternateId\":"))
                        .string(k.upn())
                        .raw(utf8(",\"displayName\":"))
                        .string(k.displayName())
                        .raw(utf8(",\"detailEntry\":null},\"client\":{\"userAgent\":"))));
  }

  /**
   * The user agent object to {@code "ipAddress":}, per operating system and browser; the previous
   * record's is kept by the instances of its strings (an account's records follow each other).
   */
  private byte[] client(String os, String browser) {
    if (os != lastOs || browser != lastBrowser) {
      lastOs = os;
      lastBrowser = browser;
      lastClient = clientOf(os, browser);
    }
    return lastClient;
  }

  private byte[] clientOf(String os, String browser) {
    return agents.computeIfAbsent(
        new Agent(os, browser),
        k ->
            utf8(
                WireJson.compact(
                        gen -> {
                          gen.writeStartObject();
                          gen.writeStringProperty("rawUserAgent", userAgent(os));
                          gen.writeStringProperty("os", os);
                          gen.writeStringProperty("browser", browser);
                          gen.writeEndObject();
                        })
                    + ",\"zone\":\"null\",\"device\":"
                    + (os.equals("iOS") || os.equals("Android") ? "\"Mobile\"" : "\"Computer\"")
                    + ",\"id\":null,\"ipAddress\":"));
  }

  /** The geographical context, by city; the previous record's is kept by instance. */
  private byte[] place(Where where) {
    if (where != lastWhere) {
      lastWhere = where;
      lastPlace = placeOfCity(where);
    }
    return lastPlace;
  }

  private byte[] placeOfCity(Where where) {
    return places.computeIfAbsent(
        where.city(),
        k ->
            utf8(
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
  }

  /** The {@code target} value ({@code null} or the array), encoded once per distinct list. */
  private byte[] targets(List<Target> targets) {
    if (targets.isEmpty()) {
      return NULL;
    }
    int slot = System.identityHashCode(targets) & (TARGET_SLOTS - 1);
    if (recentTargets[slot] == targets) {
      return recentTargetBytes[slot];
    }
    byte[] f = targetArrays.get(targets);
    if (f == null) {
      f =
          JsonLineBuffer.fragment(
              b -> {
                b.ascii('[');
                for (int k = 0; k < targets.size(); k++) {
                  Target t = targets.get(k);
                  if (k > 0) {
                    b.ascii(',');
                  }
                  b.raw(utf8("{\"id\":")).string(t.id());
                  b.raw(utf8(",\"type\":")).string(t.type());
                  b.raw(utf8(",\"alternateId\":")).string(t.alternateId());
                  b.raw(utf8(",\"displayName\":")).string(t.displayName());
                  if (t.policyType() == null) {
                    b.raw(utf8(",\"detailEntry\":null}"));
                  } else {
                    b.raw(utf8(",\"detailEntry\":{"));
                    if (t.factorMode() != null) {
                      b.raw(utf8("\"policyRuleFactorMode\":")).string(t.factorMode()).ascii(',');
                    }
                    b.raw(utf8("\"policyType\":")).string(t.policyType()).ascii('}').ascii('}');
                  }
                }
                b.ascii(']');
              });
      if (targetArrays.size() > 4096) {
        targetArrays.clear();
      }
      targetArrays.put(targets, f);
    }
    recentTargets[slot] = targets;
    recentTargetBytes[slot] = f;
    return f;
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
    buf.ascii('\n');
    buf.flush();
    out.close();
  }
}
