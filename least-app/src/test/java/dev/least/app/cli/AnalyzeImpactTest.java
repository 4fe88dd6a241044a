package dev.least.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 6: a policy-level recommendation's impact is what {@code least simulate} reports for the
 * same change. The change file is built from the recommendation's own patch (a new policy's body;
 * an edit merged into the policy as the snapshot holds it), so this also checks that the patch and
 * the simulated change agree.
 */
class AnalyzeImpactTest {
  @TempDir Path tmp;

  @Test
  void impactOfEveryEntraPolicyRecommendationEqualsLeastSimulateOfItsPatch() throws Exception {
    Path snap = tmp.resolve("tenant");
    CliRun gen =
        CliRun.of(
            "generate",
            "--out",
            snap.toString(),
            "--users",
            "300",
            "--days",
            "14",
            "--seed",
            "1",
            "--platform",
            "entra");
    assertThat(gen.exitCode()).as(gen.err()).isZero();
    Path out = tmp.resolve("recs.json");
    Path tf = tmp.resolve("tf");
    CliRun run =
        CliRun.of(
            "analyze", snap.toString(), "--out", out.toString(), "--terraform", tf.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode recs = InspectCommand.JSON.readTree(Files.readString(out)).get("recommendations");
    JsonNode policies =
        InspectCommand.JSON.readTree(
            Files.readString(snap.resolve("entra/identity/conditionalAccess/policies.json")));
    List<String> compared = new ArrayList<>();
    for (JsonNode r : recs) {
      String type = r.get("type").asString();
      JsonNode patch = r.get("patch");
      ObjectNode change;
      if (type.equals("block_legacy_auth")) {
        change = ((ObjectNode) patch.get("body")).deepCopy();
        change.put("state", "enabled"); // the impact is that of enforcing the report-only policy
      } else if (type.equals("policy_exclusion")) {
        String id = r.at("/target/id").asString();
        change = merge(policy(policies, id), (ObjectNode) patch.get("body"));
      } else if (type.equals("retire_policy")) {
        change = InspectCommand.JSON.createObjectNode();
        change.put("delete", r.at("/target/id").asString());
      } else {
        continue;
      }
      Path file = tmp.resolve(r.get("id").asString() + ".json");
      Files.writeString(file, InspectCommand.JSON.writeValueAsString(change));
      CliRun sim = CliRun.of("simulate", snap.toString(), "--change", file.toString(), "--json");
      assertThat(sim.exitCode()).as(sim.err()).isZero();
      JsonNode report = InspectCommand.JSON.readTree(sim.out()).get("report");
      JsonNode impact = r.get("impact");
      assertThat(impact.get("signInsAffected").asLong())
          .as(type + " " + r.get("id").asString())
          .isEqualTo(report.get("changed").asLong());
      assertThat(impact.get("signInsReplayed").asLong()).isEqualTo(report.get("events").asLong());
      for (Map.Entry<String, String> k :
          Map.of(
                  "NEWLY_BLOCKED", "signInsNewlyBlocked",
                  "NEWLY_REQUIRING_MFA", "signInsNewlyRequiringMfa",
                  "RELIEVED", "signInsRelieved")
              .entrySet()) {
        assertThat(impact.get(k.getValue()).asLong())
            .as(type + " " + k.getValue())
            .isEqualTo(report.at("/counts/" + k.getKey()).asLong(0));
      }
      compared.add(type + "=" + report.get("changed").asLong());
    }
    // the seed plants one of each; legacy auth and the exclusion change real sign-ins
    assertThat(compared)
        .anyMatch(s -> s.startsWith("block_legacy_auth=") && !s.endsWith("=0"))
        .anyMatch(s -> s.startsWith("policy_exclusion=") && !s.endsWith("=0"))
        .anyMatch(s -> s.startsWith("retire_policy="));
    try (var files = Files.list(tf)) {
      assertThat(files.filter(f -> f.toString().endsWith(".tf")).count())
          .isEqualTo(recs.size() + 1L);
    }
  }

  private static ObjectNode policy(JsonNode policies, String id) {
    JsonNode list = policies.has("value") ? policies.get("value") : policies;
    for (JsonNode p : list) {
      if (p.get("id").asString().equals(id)) {
        return ((ObjectNode) p).deepCopy();
      }
    }
    throw new AssertionError("no policy " + id);
  }

  private static ObjectNode merge(ObjectNode base, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      JsonNode old = base.get(e.getKey());
      if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode p) {
        merge(o, p);
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
    return base;
  }
}
