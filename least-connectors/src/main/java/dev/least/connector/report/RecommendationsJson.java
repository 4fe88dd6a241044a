package dev.least.connector.report;

import dev.least.analysis.Analysis;
import dev.least.model.TenantSnapshot;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Recommendation;
import dev.least.recommend.Ref;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * Writes the recommendations document of {@code least analyze} (schema:
 * recommendations.schema.json). Output is deterministic: fields in a fixed order, numbers printed
 * the same way, no wall-clock time.
 */
public final class RecommendationsJson {
  public static final String ENGINE_NAME = "least";
  public static final String MODEL_VERSION = "rules-2026.11";

  private static final JsonFactory JSON = new JsonFactory();

  private RecommendationsJson() {}

  /**
   * The document as text.
   *
   * @param inputs counts of what was read (users, groups, policies, signIns, quarantined)
   */
  public static String write(
      TenantSnapshot s, Map<String, Long> inputs, Analysis.Report report, String version) {
    StringWriter out = new StringWriter();
    ObjectWriteContext ctx =
        new ObjectWriteContext.Base() {
          @Override
          public tools.jackson.core.PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
          }
        };
    try (JsonGenerator g = JSON.createGenerator(ctx, out)) {
      g.writeStartObject();
      g.writeStringProperty("schemaVersion", "1");
      g.writeObjectPropertyStart("engine");
      g.writeStringProperty("name", ENGINE_NAME);
      g.writeStringProperty("version", version);
      g.writeStringProperty("modelVersion", MODEL_VERSION);
      g.writeEndObject();
      g.writeObjectPropertyStart("snapshot");
      g.writeStringProperty("tenant", s.manifest().tenant());
      g.writeStringProperty("capturedAt", s.manifest().capturedAt().toString());
      if (s.signIns().size() > 0) {
        g.writeObjectPropertyStart("window");
        g.writeStringProperty(
            "from", java.time.Instant.ofEpochMilli(s.signIns().minEpochMillis()).toString());
        g.writeStringProperty(
            "to", java.time.Instant.ofEpochMilli(s.signIns().maxEpochMillis()).toString());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeObjectPropertyStart("inputs");
      for (Map.Entry<String, Long> e : inputs.entrySet()) {
        g.writeNumberProperty(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayPropertyStart("skipped");
      for (Analysis.Skipped sk : report.skipped()) {
        g.writeStartObject();
        g.writeStringProperty("analyzer", sk.analyzer());
        g.writeStringProperty("reason", sk.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayPropertyStart("protected");
      for (Ref r : report.protectedItems()) {
        ref(g, r);
      }
      g.writeEndArray();
      g.writeArrayPropertyStart("recommendations");
      for (Recommendation r : report.recommendations()) {
        recommendation(g, r);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out + "\n";
  }

  /** Counts for the document's {@code inputs} object, in a fixed order. */
  public static Map<String, Long> inputs(TenantSnapshot s, long quarantined) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("users", (long) s.accounts().size());
    m.put("workers", (long) s.workers().size());
    m.put("groups", (long) s.groups().size());
    m.put("apps", (long) s.apps().size());
    m.put("policies", (long) s.conditionalAccessPolicies().size() + s.oktaPolicies().size());
    m.put("signIns", (long) s.signIns().size());
    m.put("quarantined", quarantined);
    return m;
  }

  private static void recommendation(JsonGenerator g, Recommendation r) {
    g.writeStartObject();
    g.writeStringProperty("id", r.id());
    g.writeStringProperty("type", r.type().wire());
    g.writeStringProperty("platform", r.platform());
    g.writeName("target");
    ref(g, r.target());
    g.writeArrayPropertyStart("subjects");
    for (Ref s : r.subjects()) {
      ref(g, s);
    }
    g.writeEndArray();
    g.writeStringProperty("suggestedChange", r.suggestedChange());
    if (r.patch() != null) {
      g.writeObjectPropertyStart("patch");
      g.writeStringProperty("method", r.patch().method());
      g.writeStringProperty("path", r.patch().path());
      if (r.patch().body() != null) {
        g.writeName("body");
        value(g, r.patch().body());
      }
      g.writeEndObject();
    }
    g.writeNumberProperty("confidence", round(r.confidence()));
    g.writeStringProperty("risk", r.risk().wire());
    g.writeObjectPropertyStart("impact");
    for (Map.Entry<String, Double> e : r.impact().entrySet()) {
      g.writeName(e.getKey());
      number(g, e.getValue());
    }
    g.writeEndObject();
    g.writeStringProperty("rationale", r.rationale());
    g.writeArrayPropertyStart("evidence");
    for (Evidence ev : r.evidence()) {
      g.writeStartObject();
      g.writeStringProperty("kind", ev.kind());
      g.writeStringProperty("label", ev.label());
      g.writeName("value");
      value(g, ev.value());
      if (!ev.sampleEventIds().isEmpty()) {
        g.writeArrayPropertyStart("sampleEventIds");
        for (String id : ev.sampleEventIds()) {
          g.writeString(id);
        }
        g.writeEndArray();
      }
      if (ev.from() != null) {
        g.writeStringProperty("from", ev.from().toString());
      }
      if (ev.to() != null) {
        g.writeStringProperty("to", ev.to().toString());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringProperty("mode", r.mode().wire());
    g.writeEndObject();
  }

  private static void ref(JsonGenerator g, Ref r) {
    g.writeStartObject();
    g.writeStringProperty("kind", r.kind());
    g.writeStringProperty("id", r.id());
    if (r.name() != null) {
      g.writeStringProperty("name", r.name());
    }
    g.writeEndObject();
  }

  private static void value(JsonGenerator g, JsonValue v) {
    if (v instanceof JsonValue.Obj o) {
      g.writeStartObject();
      for (Map.Entry<String, JsonValue> e : o.fields().entrySet()) {
        g.writeName(e.getKey());
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof JsonValue.Arr a) {
      g.writeStartArray();
      for (JsonValue item : a.items()) {
        value(g, item);
      }
      g.writeEndArray();
    } else if (v instanceof JsonValue.Str s) {
      g.writeString(s.value());
    } else if (v instanceof JsonValue.Num n) {
      number(g, n.value());
    } else if (v instanceof JsonValue.Bool b) {
      g.writeBoolean(b.value());
    }
  }

  private static void number(JsonGenerator g, double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      g.writeNumber((long) d);
    } else {
      g.writeNumber(round(d));
    }
  }

  private static double round(double d) {
    return Math.round(d * 10_000) / 10_000.0;
  }
}
