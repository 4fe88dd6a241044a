package dev.least.connector.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class TenantGeneratorTest {
  static final GeneratorOptions SMALL =
      GeneratorOptions.defaults().withUsers(160).withDays(10).withSeed(7);

  static final List<String> ALL_TYPES =
      List.of(
          "policy_exclusion",
          "add_trusted_location",
          "retire_policy",
          "consolidate_policies",
          "block_legacy_auth",
          "mfa_coverage_gap",
          "restrict_location",
          "relax_mfa_frequency",
          "disable_stale_account",
          "deprovision_orphan",
          "remove_unused_access",
          "dynamic_group_rule",
          "merge_groups",
          "role_candidate",
          "sod_conflict",
          "mfa_fatigue",
          "impossible_travel");

  @Test
  void generateWhenSameSeedThenSameBytes(@TempDir Path a, @TempDir Path b, @TempDir Path c) {
    GeneratedTenant first = GeneratedTenant.generate(a, SMALL);
    GeneratedTenant second = GeneratedTenant.generate(b, SMALL);
    GeneratedTenant other = GeneratedTenant.generate(c, SMALL.withSeed(8));

    assertThat(first.hashes()).hasSizeGreaterThan(40).isEqualTo(second.hashes());
    assertThat(other.hashes().get("snapshot/entra/users.json"))
        .isNotEqualTo(first.hashes().get("snapshot/entra/users.json"));
  }

  @Test
  void generateWhenBothPlatformsThenTruthPlantsEveryRecommendationType(@TempDir Path dir) {
    GeneratedTenant t = GeneratedTenant.generate(dir, SMALL);

    Set<String> types = new TreeSet<>();
    for (JsonNode s : t.truth().get("scenarios")) {
      types.add(s.get("type").asString());
    }
    assertThat(types).containsExactlyInAnyOrderElementsOf(ALL_TYPES);
    Set<String> decoyTypes = new TreeSet<>();
    for (JsonNode d : t.truth().get("decoys")) {
      decoyTypes.add(d.get("reason").asString());
    }
    assertThat(decoyTypes)
        .contains(
            "must not recommend disable_stale_account",
            "must not recommend retire_policy",
            "must not recommend impossible_travel",
            "must not recommend dynamic_group_rule",
            "must not recommend mfa_coverage_gap",
            "must not recommend remove_unused_access");
    assertThat(t.truth().get("seed").asLong()).isEqualTo(7L);
    assertThat(t.truth().get("platform").asString()).isEqualTo("both");
  }

  @Test
  void generateThenEveryTruthEntityExistsInTheSnapshot(@TempDir Path dir) {
    GeneratedTenant t = GeneratedTenant.generate(dir, SMALL);
    Set<String> ids = new HashSet<>();
    for (JsonNode u : t.json("entra/users.json").get("value")) {
      ids.add(u.get("id").asString());
    }
    for (JsonNode g : t.json("entra/groups.json").get("value")) {
      ids.add(g.get("id").asString());
    }
    for (JsonNode p : t.json("entra/identity/conditionalAccess/policies.json").get("value")) {
      ids.add(p.get("id").asString());
    }
    for (String f :
        List.of(
            "okta/users.json",
            "okta/groups.json",
            "okta/policies/OKTA_SIGN_ON.json",
            "okta/policies/ACCESS_POLICY.json")) {
      for (JsonNode n : t.json(f)) {
        ids.add(n.get("id").asString());
      }
    }
    ids.add(SMALL.tenant());
    String entraLog = String.join("\n", t.lines("entra/auditLogs/signIns.jsonl"));
    List<String> missing = new ArrayList<>();
    List<JsonNode> refs = new ArrayList<>();
    for (JsonNode s : t.truth().get("scenarios")) {
      refs.add(s.get("target"));
      s.get("subjects").forEach(refs::add);
    }
    t.truth().get("decoys").forEach(refs::add);
    for (JsonNode r : refs) {
      String kind = r.get("kind").asString();
      String id = r.get("id").asString();
      boolean found =
          switch (kind) {
            // a network is a CIDR seen in the logs; a country is one the logs carry
            case "network" ->
                entraLog.contains("\"ipAddress\":\"" + id.substring(0, id.lastIndexOf('.') + 1));
            case "country" -> entraLog.contains("\"countryOrRegion\":\"" + id + "\"");
            default -> ids.contains(id);
          };
      if (!found) {
        missing.add(kind + " " + id);
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void generateWhenBadRecordsThenExactlyThatManyLogLinesAreMalformed(@TempDir Path dir) {
    GeneratedTenant t = GeneratedTenant.generate(dir, SMALL.withBadRecords(9));

    long bad = 0;
    for (String file : List.of("entra/auditLogs/signIns.jsonl", "okta/logs.jsonl")) {
      for (String line : t.lines(file)) {
        if (!wellFormed(line)) {
          bad++;
        }
      }
    }
    assertThat(bad).isEqualTo(9);
    assertThat(t.result().badRecords()).isEqualTo(9);
  }

  /** A log line a reader must accept: a JSON object with an id and an ISO timestamp. */
  static boolean wellFormed(String line) {
    JsonNode n;
    try {
      n = GeneratedTenant.JSON.readTree(line);
    } catch (RuntimeException e) {
      return false;
    }
    if (!n.isObject()) {
      return false;
    }
    JsonNode id = n.has("uuid") ? n.get("uuid") : n.get("id");
    JsonNode time = n.has("published") ? n.get("published") : n.get("createdDateTime");
    if (id == null || time == null) {
      return false;
    }
    try {
      java.time.Instant.parse(time.asString());
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  @Test
  void generateThenEntraLogIsConsistentWithThePolicies(@TempDir Path dir) {
    GeneratedTenant t = GeneratedTenant.generate(dir, SMALL.withPlatform(PlatformChoice.ENTRA));
    int policies = t.json("entra/identity/conditionalAccess/policies.json").get("value").size();
    long deviceFailures = 0;
    for (String line : t.lines("entra/auditLogs/signIns.jsonl")) {
      JsonNode e = GeneratedTenant.JSON.readTree(line);
      int code = e.get("status").get("errorCode").asInt();
      JsonNode applied = e.get("appliedConditionalAccessPolicies");
      if (code == 50126 || code == 50053) {
        assertThat(applied).isEmpty();
        continue;
      }
      assertThat(applied).hasSize(policies);
      boolean anyFailure = false;
      for (JsonNode p : applied) {
        anyFailure |= p.get("result").asString().equals("failure");
      }
      assertThat(e.get("conditionalAccessStatus").asString())
          .isEqualTo(anyFailure ? "failure" : e.get("conditionalAccessStatus").asString());
      if (code == 53000) {
        deviceFailures++;
        assertThat(anyFailure).isTrue();
      }
      if (code == 0) {
        assertThat(e.get("conditionalAccessStatus").asString()).isNotEqualTo("failure");
      }
    }
    assertThat(deviceFailures).isPositive();
    assertThat(t.lines("okta/logs.jsonl")).isEmpty();
  }

  @Test
  void optionsWhenTooFewUsersThenRejectedNamingTheValue() {
    assertThatThrownBy(() -> GeneratorOptions.defaults().withUsers(5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was 5");
    assertThatThrownBy(() -> PlatformChoice.parse("aws"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'aws'");
  }
}
