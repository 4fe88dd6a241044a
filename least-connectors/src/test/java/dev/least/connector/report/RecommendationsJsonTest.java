package dev.least.connector.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.analysis.Analysis;
import dev.least.model.Manifest;
import dev.least.model.SignInLog;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Mode;
import dev.least.recommend.Patch;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecommendationsJsonTest {
  static TenantSnapshot empty() {
    return new TenantSnapshot(
        new Manifest("contoso", Instant.parse("2026-11-20T00:00:00Z"), List.of(Source.ENTRA), null),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        SignInLog.empty());
  }

  static Recommendation rec(RecommendationType type, Patch patch, Mode mode, double confidence) {
    Ref target = new Ref("policy", "8b1f", "Require MFA outside trusted networks");
    List<Ref> subjects = List.of(new Ref("group", "c2d3", "Remote Sales"));
    return new Recommendation(
        Recommendation.stableId(type, "entra", target, subjects),
        type,
        "entra",
        target,
        subjects,
        "Exclude 'Remote Sales' from the policy",
        patch,
        confidence,
        Risk.LOW,
        Map.of("usersAffected", 42.0, "signInsAffected", 9310.0, "ratio", 0.8712),
        "42 of 42 members were challenged on 87% of sign-ins",
        List.of(
            new Evidence(
                "count",
                "failed MFA from managed devices",
                new JsonValue.Num(640),
                List.of("1f0c", "77ab"),
                Instant.parse("2026-08-22T00:00:00Z"),
                Instant.parse("2026-11-20T00:00:00Z"))),
        mode);
  }

  @Test
  void writtenDocumentValidatesAgainstTheContractSchema() {
    Patch patch =
        new Patch(
            "PATCH",
            "/identity/conditionalAccess/policies/8b1f",
            JsonValue.obj(
                "conditions",
                JsonValue.obj("users", JsonValue.obj("excludeGroups", List.of("c2d3")))));
    Analysis.Report report =
        new Analysis.Report(
            List.of(
                rec(RecommendationType.POLICY_EXCLUSION, patch, Mode.ADVISORY, 0.91),
                rec(RecommendationType.RETIRE_POLICY, null, Mode.AUTO_ELIGIBLE, 0.97)),
            List.of(new Analysis.Skipped("sod_conflict", "no sod rules in least.yaml")),
            List.of(new Ref("user", "bg1", "breakglass1@contoso.com")));
    String json =
        RecommendationsJson.write(empty(), RecommendationsJson.inputs(empty(), 3), report, "0.1.0");

    assertThat(RecommendationsSchema.validate(json)).isEmpty();
    assertThat(json)
        .contains("\"type\" : \"policy_exclusion\"")
        .contains("\"excludeGroups\" : [ \"c2d3\" ]")
        .contains("\"signInsAffected\" : 9310")
        .contains("\"ratio\" : 0.8712")
        .contains("\"quarantined\" : 3")
        .contains("\"mode\" : \"auto_eligible\"");
    assertThat(
            RecommendationsJson.write(
                empty(), RecommendationsJson.inputs(empty(), 3), report, "0.1.0"))
        .isEqualTo(json);
  }

  @Test
  void schemaCheckCanFail() {
    assertThat(RecommendationsSchema.validate("{\"schemaVersion\": \"2\"}")).isNotEmpty();
  }
}
