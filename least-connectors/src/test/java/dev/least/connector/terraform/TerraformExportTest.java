package dev.least.connector.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.least.connector.entra.EntraPolicyBodies;
import dev.least.connector.json.JsonRecords;
import dev.least.connector.okta.OktaPolicyBodies;
import dev.least.model.Account;
import dev.least.model.AccountId;
import dev.least.model.AccountKind;
import dev.least.model.AccountStatus;
import dev.least.model.Manifest;
import dev.least.model.PolicyId;
import dev.least.model.SignInLog;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaPolicyType;
import dev.least.policy.okta.OktaRule;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Mode;
import dev.least.recommend.Patch;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden files for the Terraform writer on a small fixture: one recommendation per patch shape
 * Least produces. Regenerate with {@code -Dleast.golden.update=true} and review the diff. The
 * output is also checked with {@code terraform fmt -check} when a terraform binary is on the PATH
 * (the structural checks below run everywhere).
 */
class TerraformExportTest {
  private static final Path GOLDEN = Path.of("src/test/resources/terraform/golden");
  private static final String POLICY_ID = "11111111-2222-3333-4444-555555555555";

  @TempDir Path tmp;

  static TenantSnapshot fixture() {
    String ca =
        """
        {"id": "%s", "displayName": "MFA for sales on CRM", "state": "enabled",
         "conditions": {"clientAppTypes": ["all"],
           "applications": {"includeApplications": ["crm-app-id"]},
           "users": {"includeGroups": ["g-sales"], "excludeUsers": ["u-bg"]}},
         "grantControls": {"operator": "OR", "builtInControls": ["mfa"]},
         "sessionControls": {"signInFrequency": {"value": 1, "type": "hours",
           "isEnabled": true, "frequencyInterval": "timeBased"}}}
        """
            .formatted(POLICY_ID);
    String rule =
        """
        {"id": "rul1", "name": "Allow password only", "status": "ACTIVE", "priority": 1,
         "system": false, "type": "SIGN_ON",
         "conditions": {"people": {"groups": {"include": ["g-admins"]}},
           "network": {"connection": "ANYWHERE"}},
         "actions": {"signon": {"access": "ALLOW", "requireFactor": false,
           "session": {"maxSessionIdleMinutes": 120, "maxSessionLifetimeMinutes": 0,
             "usePersistentCookie": false}}}}
        """;
    OktaRule r = OktaPolicyBodies.rule(JsonRecords.MAPPER.readTree(rule));
    OktaPolicy p =
        new OktaPolicy(
            new PolicyId("pol1"),
            "Admins",
            OktaPolicyType.OKTA_SIGN_ON,
            "OKTA_SIGN_ON",
            "ACTIVE",
            1,
            false,
            List.of("g-admins"),
            List.of(r),
            "{}");
    return new TenantSnapshot(
        new Manifest("contoso", Instant.parse("2026-01-31T00:00:00Z"), List.of(), "test"),
        List.of(),
        List.of(
            account("u-entra", Source.ENTRA, "ann@contoso.com", "Ann Lee"),
            account("00u-okta", Source.OKTA, "bob@contoso.com", "Bob van Dyke")),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(EntraPolicyBodies.conditionalAccessPolicy(JsonRecords.MAPPER.readTree(ca), "x")),
        List.of(p),
        SignInLog.empty());
  }

  private static Account account(String id, Source src, String login, String name) {
    return new Account(
        new AccountId(id),
        src,
        login,
        login,
        name,
        AccountStatus.ACTIVE,
        AccountKind.MEMBER,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static Recommendation rec(
      RecommendationType type, String platform, Ref target, @Nullable Patch patch) {
    return new Recommendation(
        Recommendation.stableId(type, platform, target, List.of()),
        type,
        platform,
        target,
        List.of(),
        "Do the " + type.wire() + " change on " + target.id(),
        patch,
        0.9,
        Risk.MEDIUM,
        Map.of(),
        "Because \"the evidence\" says so: ${not interpolated}",
        List.of(Evidence.count("sign-ins", 3)),
        Mode.ADVISORY);
  }

  static List<Recommendation> recommendations() {
    List<Recommendation> out = new ArrayList<>();
    out.add(
        rec(
            RecommendationType.BLOCK_LEGACY_AUTH,
            "entra",
            new Ref("tenant", "contoso", null),
            new Patch(
                "POST",
                "/identity/conditionalAccess/policies",
                JsonValue.obj(
                    "displayName",
                    "Block legacy authentication",
                    "state",
                    "enabledForReportingButNotEnforced",
                    "conditions",
                    JsonValue.obj(
                        "users",
                            JsonValue.obj(
                                "includeUsers", List.of("All"), "excludeUsers", List.of("u-bg")),
                        "applications", JsonValue.obj("includeApplications", List.of("All")),
                        "clientAppTypes", List.of("exchangeActiveSync", "other")),
                    "grantControls",
                    JsonValue.obj("operator", "OR", "builtInControls", List.of("block"))))));
    out.add(
        rec(
            RecommendationType.POLICY_EXCLUSION,
            "entra",
            new Ref("policy", POLICY_ID, "MFA for sales on CRM"),
            new Patch(
                "PATCH",
                "/identity/conditionalAccess/policies/" + POLICY_ID,
                JsonValue.obj(
                    "conditions",
                    JsonValue.obj(
                        "users", JsonValue.obj("excludeGroups", List.of("g-field-sales")))))));
    out.add(
        rec(
            RecommendationType.RETIRE_POLICY,
            "entra",
            new Ref("policy", "old-policy", "Old"),
            new Patch("DELETE", "/identity/conditionalAccess/policies/old-policy", null)));
    out.add(
        rec(
            RecommendationType.ADD_TRUSTED_LOCATION,
            "entra",
            new Ref("network", "203.0.113.0/24", null),
            new Patch(
                "POST",
                "/identity/conditionalAccess/namedLocations",
                JsonValue.obj(
                    "@odata.type",
                    "#microsoft.graph.ipNamedLocation",
                    "displayName",
                    "Trusted 203.0.113.0/24",
                    "isTrusted",
                    true,
                    "ipRanges",
                    List.of(
                        JsonValue.obj(
                            "@odata.type",
                            "#microsoft.graph.iPv4CidrRange",
                            "cidrAddress",
                            "203.0.113.0/24"))))));
    out.add(
        rec(
            RecommendationType.RESTRICT_LOCATION,
            "entra",
            new Ref("country", "KP", null),
            new Patch(
                "POST",
                "/identity/conditionalAccess/namedLocations",
                JsonValue.obj(
                    "@odata.type",
                    "#microsoft.graph.countryNamedLocation",
                    "displayName",
                    "Blocked country KP",
                    "countriesAndRegions",
                    List.of("KP"),
                    "includeUnknownCountriesAndRegions",
                    false))));
    out.add(
        rec(
            RecommendationType.RESTRICT_LOCATION,
            "okta",
            new Ref("country", "KP", null),
            new Patch(
                "POST",
                "/api/v1/zones",
                JsonValue.obj(
                    "type", "DYNAMIC",
                    "name", "Blocked country KP",
                    "status", "ACTIVE",
                    "usage", "BLOCKLIST",
                    "locations", List.of(JsonValue.obj("country", "KP"))))));
    out.add(
        rec(
            RecommendationType.DISABLE_STALE_ACCOUNT,
            "entra",
            new Ref("user", "u-entra", "ann@contoso.com"),
            new Patch("PATCH", "/users/u-entra", JsonValue.obj("accountEnabled", false))));
    out.add(
        rec(
            RecommendationType.DEPROVISION_ORPHAN,
            "okta",
            new Ref("user", "00u-okta", "bob@contoso.com"),
            new Patch("POST", "/api/v1/users/00u-okta/lifecycle/deactivate", null)));
    out.add(
        rec(
            RecommendationType.MFA_COVERAGE_GAP,
            "okta",
            new Ref("policy", "pol1", "Admins"),
            new Patch(
                "PUT",
                "/api/v1/policies/pol1/rules/rul1",
                JsonValue.obj(
                    "actions",
                    JsonValue.obj(
                        "signon",
                        JsonValue.obj(
                            "requireFactor",
                            true,
                            "factorPromptMode",
                            "ALWAYS",
                            "factorLifetime",
                            15))))));
    out.add(
        rec(
            RecommendationType.RETIRE_POLICY,
            "okta",
            new Ref("rule", "rul1", "Allow password only"),
            new Patch("POST", "/api/v1/policies/pol1/rules/rul1/lifecycle/deactivate", null)));
    out.add(
        rec(
            RecommendationType.REMOVE_UNUSED_ACCESS,
            "entra",
            new Ref("group", "g-sales", null),
            new Patch("DELETE", "/groups/g-sales/members/u-entra/$ref", null)));
    out.add(rec(RecommendationType.MFA_FATIGUE, "entra", new Ref("user", "u-entra", null), null));
    return out;
  }

  @Test
  void filesMatchTheGoldenFilesAndAreIdenticalOnRerun() throws IOException {
    SortedMap<String, String> files = TerraformExport.files(recommendations(), fixture());
    assertThat(TerraformExport.files(recommendations(), fixture())).isEqualTo(files);
    if (Boolean.getBoolean("least.golden.update")) {
      Files.createDirectories(GOLDEN);
      for (var e : files.entrySet()) {
        Files.writeString(GOLDEN.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
    }
    List<String> golden;
    try (var s = Files.list(GOLDEN)) {
      golden = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(files.keySet()).containsExactlyElementsOf(golden);
    for (var e : files.entrySet()) {
      assertThat(e.getValue())
          .as(e.getKey())
          .isEqualTo(Files.readString(GOLDEN.resolve(e.getKey())));
    }
  }

  /** Parser-free structure: balanced braces, one header per file, imports point at resources. */
  @Test
  void everyFileNamesItsRecommendationAndEveryImportTargetsADeclaredResource() {
    List<Recommendation> recs = recommendations();
    SortedMap<String, String> files = TerraformExport.files(recs, fixture());
    Pattern importTo = Pattern.compile("(?m)^  to = ([a-z_]+)\\.([a-z0-9_]+)$");
    for (Recommendation r : recs) {
      String text = files.get(r.id() + ".tf");
      assertThat(text).startsWith("# " + r.id() + ": " + r.type().wire());
      assertThat(text).contains("# Rationale: ");
      long open = text.chars().filter(c -> c == '{').count();
      long close = text.chars().filter(c -> c == '}').count();
      assertThat(open).as(r.id()).isEqualTo(close);
      Matcher m = importTo.matcher(text);
      while (m.find()) {
        assertThat(text).contains("resource \"" + m.group(1) + "\" \"" + m.group(2) + "\" {");
      }
    }
    String exclusion = files.get(recs.get(1).id() + ".tf");
    // the PATCH is merged into the policy as the snapshot holds it: the rest is kept
    assertThat(exclusion)
        .contains("id = \"" + POLICY_ID + "\"")
        .contains("included_groups = [\"g-sales\"]")
        .contains("excluded_groups = [\"g-field-sales\"]")
        .contains("sign_in_frequency          = 1");
    assertThat(files.get(recs.get(2).id() + ".tf")).doesNotContain("resource \"");
    assertThat(files.get(recs.get(10).id() + ".tf")).contains("No Terraform equivalent");
    assertThat(files.get("versions.tf")).contains("hashicorp/azuread").contains("okta/okta");
  }

  @Test
  void outputPassesTerraformFmtCheckWhenTerraformIsInstalled() throws Exception {
    Path dir = tmp.resolve("tf");
    TerraformExport.write(dir, recommendations(), fixture());
    Process p;
    try {
      p =
          new ProcessBuilder("terraform", "fmt", "-check", "-diff", "-no-color")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      Assumptions.abort("terraform is not installed: " + e.getMessage());
      return;
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isZero();
  }

  @Test
  void writeReplacesItsOwnOutputButRefusesAForeignDirectory() throws IOException {
    Path dir = tmp.resolve("tf");
    TerraformExport.write(dir, recommendations(), fixture());
    TerraformExport.write(dir, recommendations().subList(0, 1), fixture());
    try (var s = Files.list(dir)) {
      assertThat(s.filter(x -> x.toString().endsWith(".tf")).count()).isEqualTo(2);
    }
    Path foreign = tmp.resolve("mine");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("main.tf"), "# mine\n");
    assertThatThrownBy(() -> TerraformExport.write(foreign, recommendations(), fixture()))
        .hasMessageContaining("not written by least");
    assertThat(Files.readString(foreign.resolve("main.tf"))).isEqualTo("# mine\n");
    try (var s = Files.list(tmp)) {
      assertThat(s.map(x -> x.getFileName().toString())).containsExactlyInAnyOrder("tf", "mine");
    }
  }
}
