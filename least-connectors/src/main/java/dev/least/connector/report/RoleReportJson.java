package dev.least.connector.report;

import dev.least.roles.AssignmentMatrix;
import dev.least.roles.MinedRole;
import dev.least.roles.NearDuplicates;
import dev.least.roles.RoleMiningReport;
import dev.least.roles.RoleSet;
import java.io.StringWriter;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * Writes the {@code least roles --json} document: per mined matrix its size, the roles (cohort and
 * bundle by id), whether the count is proven minimal, and the consolidation proposals. Timing is
 * left out unless asked for, so the same input gives the same bytes.
 */
public final class RoleReportJson {
  private static final JsonFactory JSON = new JsonFactory();

  private RoleReportJson() {}

  /**
   * @param mode {@code exact} or {@code noise}
   * @param delta the noise budget (0 in exact mode)
   */
  public static String write(
      String source, String mode, double delta, List<RoleMiningReport> reports, boolean timing) {
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
      g.writeStringProperty("source", source);
      g.writeStringProperty("mode", mode);
      g.writeNumberProperty("noise", delta);
      g.writeNumberProperty("consolidationThreshold", NearDuplicates.CONSOLIDATE);
      g.writeArrayPropertyStart("matrices");
      for (RoleMiningReport r : reports) {
        matrix(g, r, timing);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toString() + "\n";
  }

  private static void matrix(JsonGenerator g, RoleMiningReport r, boolean timing) {
    AssignmentMatrix m = r.matrix();
    RoleSet rs = r.roles();
    g.writeStartObject();
    g.writeStringProperty("label", r.label());
    g.writeNumberProperty("users", m.userCount());
    g.writeNumberProperty("entitlements", m.entitlementCount());
    g.writeNumberProperty("assignments", m.assignmentCount());
    g.writeNumberProperty("roles", rs.size());
    g.writeNumberProperty("mandatoryRoles", rs.mandatory());
    g.writeNumberProperty("lowerBound", rs.lowerBound());
    g.writeBooleanProperty("provenMinimal", rs.provenOptimal());
    g.writeObjectPropertyStart("coverage");
    g.writeNumberProperty("covered", rs.coverage().covered());
    g.writeNumberProperty("uncovered", rs.coverage().uncovered());
    g.writeNumberProperty("overGranted", rs.coverage().overGranted());
    g.writeEndObject();
    if (timing) {
      g.writeNumberProperty("millis", r.millis());
    }
    g.writeArrayPropertyStart("roleList");
    int i = 0;
    for (MinedRole role : rs.roles()) {
      i++;
      g.writeStartObject();
      g.writeStringProperty("id", String.format(Locale.ROOT, "role-%03d", i));
      g.writeStringProperty("origin", role.origin().name().toLowerCase(Locale.ROOT));
      g.writeNumberProperty("assignmentsCovered", role.area());
      strings(g, "users", role.users(), m.users());
      strings(g, "entitlements", role.entitlements(), m.entitlements());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayPropertyStart("similarEntitlements");
    for (NearDuplicates.Pair p : r.similarEntitlements()) {
      g.writeStartObject();
      g.writeStringProperty("first", m.entitlement(p.first()));
      g.writeStringProperty("firstName", r.entitlementNames().get(p.first()));
      g.writeStringProperty("second", m.entitlement(p.second()));
      g.writeStringProperty("secondName", r.entitlementNames().get(p.second()));
      g.writeNumberProperty("jaccard", Math.round(p.jaccard() * 1000) / 1000.0);
      BitSet a = m.holdersOf(p.first());
      BitSet b = m.holdersOf(p.second());
      BitSet onlyA = (BitSet) a.clone();
      onlyA.andNot(b);
      BitSet onlyB = (BitSet) b.clone();
      onlyB.andNot(a);
      g.writeNumberProperty("commonHolders", p.common());
      strings(g, "onlyFirst", onlyA, m.users());
      strings(g, "onlySecond", onlyB, m.users());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayPropertyStart("similarRoles");
    for (NearDuplicates.Pair p : r.similarRoles()) {
      g.writeStartObject();
      g.writeStringProperty("first", String.format(Locale.ROOT, "role-%03d", p.first() + 1));
      g.writeStringProperty("second", String.format(Locale.ROOT, "role-%03d", p.second() + 1));
      g.writeNumberProperty("jaccard", Math.round(p.jaccard() * 1000) / 1000.0);
      g.writeNumberProperty("commonEntitlements", p.common());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, BitSet which, List<String> labels) {
    g.writeArrayPropertyStart(name);
    for (int i = which.nextSetBit(0); i >= 0; i = which.nextSetBit(i + 1)) {
      g.writeString(labels.get(i));
    }
    g.writeEndArray();
  }
}
