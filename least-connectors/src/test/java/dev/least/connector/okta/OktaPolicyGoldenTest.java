package dev.least.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.model.App;
import dev.least.model.PolicyId;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaPolicyType;
import dev.least.policy.okta.OktaRule;
import dev.least.source.QuarantinedRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Okta policy and rule examples in {@code shared/datasets/okta-policies}. */
class OktaPolicyGoldenTest {
  @TempDir Path dir;

  static List<String> ruleFiles() throws IOException {
    try (Stream<Path> files = Files.list(SnapshotFolder.dataset("okta-policies/rules"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  static List<String> policyFiles() throws IOException {
    try (Stream<Path> files = Files.list(SnapshotFolder.dataset("okta-policies/policies"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /** A snapshot with one sign-on policy {@code P1} whose rules file is the given example. */
  private SnapshotReadResult readRule(SnapshotFolder folder, String ruleFile) {
    folder
        .write(
            "okta/policies/OKTA_SIGN_ON.json",
            "[{\"id\":\"P1\",\"name\":\"p\",\"type\":\"OKTA_SIGN_ON\",\"status\":\"ACTIVE\","
                + "\"priority\":1}]")
        .copy("okta-policies/rules/" + ruleFile, "okta/policies/P1/rules.json");
    return folder.read();
  }

  private static OktaRule onlyRule(SnapshotReadResult r) {
    return r.snapshot().oktaPolicies().get(0).rules().get(0);
  }

  @Test
  void everyPolicyExampleWhenReadThenOnePolicyEachNothingQuarantinedUnknownTypesAreOther()
      throws IOException {
    SnapshotFolder folder = new SnapshotFolder(dir);
    List<String> files = policyFiles();
    for (String f : files) {
      folder.copy("okta-policies/policies/" + f, "okta/policies/" + f);
    }

    SnapshotReadResult r = folder.read();

    assertThat(folder.quarantined()).isEmpty();
    assertThat(files).hasSize(19);
    assertThat(r.snapshot().oktaPolicies()).hasSize(19); // PROVENANCE: one record per file
    assertThat(r.snapshot().oktaPolicies())
        .filteredOn(p -> p.type() == OktaPolicyType.OTHER)
        .extracting(OktaPolicy::typeRaw)
        .containsExactlyInAnyOrder(
            "ENTITY_RISK",
            "IDENTITY_CLAIM_SOURCING",
            "SESSION_VIOLATION_DETECTION",
            "IDP_DISCOVERY",
            "DEVICE_SIGNAL_COLLECTION",
            "ENTITY_RISK",
            "IDP_DISCOVERY",
            "POST_AUTH_SESSION",
            "SESSION_VIOLATION_DETECTION",
            "PROFILE_ENROLLMENT");
    long unknown = r.files().stream().mapToLong(f -> f.unknownValues()).sum();
    assertThat(unknown).isEqualTo(10);
    OktaPolicy signOn =
        r.snapshot().oktaPolicies().stream()
            .filter(p -> p.type() == OktaPolicyType.OKTA_SIGN_ON && p.system())
            .findFirst()
            .orElseThrow();
    assertThat(signOn.id()).isEqualTo(new PolicyId("policyId"));
    assertThat(signOn.groupsInclude()).containsExactly("groupId");
    assertThat(signOn.priority()).isEqualTo(1);
    assertThat(signOn.active()).isTrue();
    assertThat(signOn.rawJson()).startsWith("{\"type\":\"OKTA_SIGN_ON\"");
  }

  @ParameterizedTest
  @MethodSource("ruleFiles")
  void everyRuleExampleWhenReadThenReadWhole(String ruleFile) {
    SnapshotFolder folder = new SnapshotFolder(dir);

    SnapshotReadResult r = readRule(folder, ruleFile);

    int expected =
        ruleFile.equals("openapi-list-all-post-auth-session-policy-rule-response.json") ? 2 : 1;
    if (ruleFile.equals("openapi-amc-two-chain.json")) {
      // a create-request body: no id, status or priority; a rule without an id cannot be matched
      assertThat(folder.quarantined())
          .extracting(QuarantinedRecord::reason)
          .containsExactly("id: missing");
      assertThat(r.snapshot().oktaPolicies().get(0).rules()).isEmpty();
    } else {
      assertThat(folder.quarantined()).isEmpty();
      assertThat(r.snapshot().oktaPolicies().get(0).rules()).hasSize(expected);
    }
  }

  @Test
  void signOnDenyRuleWhenReadThenActionDenyAnywhere() {
    OktaRule rule = onlyRule(readRule(new SnapshotFolder(dir), "openapi-deny-rule-response.json"));

    assertThat(rule.id()).isEqualTo("rule8jjozjGMGbHyC1d6");
    assertThat(rule.action()).isEqualTo("DENY");
    assertThat(rule.networkConnection()).isEqualTo("ANYWHERE");
    assertThat(rule.riskLevel()).isEqualTo("ANY");
    assertThat(rule.requireFactor()).isFalse();
    assertThat(rule.priority()).isZero();
    assertThat(rule.active()).isTrue();
  }

  @Test
  void radiusRuleWhenReadThenFactorRequiredAlways() {
    OktaRule rule =
        onlyRule(readRule(new SnapshotFolder(dir), "openapi-radius-rule-response.json"));

    assertThat(rule.requireFactor()).isTrue();
    assertThat(rule.factorPromptMode()).isEqualTo("ALWAYS");
    assertThat(rule.factorLifetimeMinutes()).isNull();
  }

  @Test
  void signOnRuleListWhenReadThenFactorLifetimeKept() {
    OktaRule rule =
        onlyRule(
            readRule(
                new SnapshotFolder(dir), "openapi-list-all-sign-on-policy-rule-response.json"));

    assertThat(rule.factorLifetimeMinutes()).isEqualTo(15);
    assertThat(rule.action()).isEqualTo("ALLOW");
  }

  @Test
  void zoneRuleWhenReadThenIncludeKeptEvenIfNotAZoneLookingId() {
    OktaRule rule =
        onlyRule(
            readRule(
                new SnapshotFolder(dir),
                "openapi-skip-factor-challenge-on-prem-rule-response.json"));

    assertThat(rule.networkConnection()).isEqualTo("ZONE");
    assertThat(rule.zonesInclude()).containsExactly("00u7yq5goxNFTiMjW1d7");
  }

  @Test
  void accessPolicyRuleWithConditionsWhenReadThenPeoplePlatformsAndVerificationMethodKept() {
    OktaRule rule =
        onlyRule(
            readRule(
                new SnapshotFolder(dir),
                "openapi-create-auth-policy-rule-condition-response.json"));

    assertThat(rule.usersExclude()).containsExactly("00u7yq5goxNFTiMjW1d7");
    assertThat(rule.groupsInclude()).containsExactly("00g9i12jictsYdZdi1d7");
    assertThat(rule.zonesExclude()).containsExactly("nzo9o4rctwQCJNE6y1d7");
    assertThat(rule.platforms()).containsExactly("IOS", "ANDROID", "MACOS");
    assertThat(rule.action()).isEqualTo("ALLOW");
    assertThat(rule.verificationMethodType()).isEqualTo("ASSURANCE");
    assertThat(rule.factorMode()).isEqualTo("2FA");
    assertThat(rule.reauthenticateIn()).isEqualTo("PT2H");
    assertThat(rule.rawJson()).contains("\"elCondition\"");
  }

  @Test
  void profileEnrollmentRuleWithTrailingCommasWhenReadThenLenientNoCrash() {
    OktaRule rule =
        onlyRule(
            readRule(
                new SnapshotFolder(dir),
                "openapi-update-identifiers-in-user-profile-policy-response.json"));

    assertThat(rule.id()).isEqualTo("rulgu3bb4oWR7qbMi1d7,");
    assertThat(rule.priority()).isEqualTo(99);
    assertThat(rule.system()).isTrue();
    assertThat(rule.status()).isEqualTo("ACTIVE,");
    assertThat(rule.active()).isFalse();
    assertThat(rule.action()).isEqualTo("ALLOW"); // actions.profileEnrollment.access
    assertThat(rule.networkConnection()).isEqualTo("ANYWHERE");
  }

  @Test
  void policyWithTrailingCommaTypeWhenReadThenOtherWithRawTypeKept() {
    SnapshotFolder folder =
        new SnapshotFolder(dir)
            .write(
                "okta/policies/ACCESS_POLICY.json",
                "[{\"id\":\"rst1\",\"name\":\"x\",\"type\":\"PROFILE_ENROLLMENT,\",\"status\":\"ACTIVE\"}]");

    SnapshotReadResult r = folder.read();

    OktaPolicy p = r.snapshot().oktaPolicies().get(0);
    assertThat(p.type()).isEqualTo(OktaPolicyType.OTHER);
    assertThat(p.typeRaw()).isEqualTo("PROFILE_ENROLLMENT,");
    assertThat(SnapshotFolder.stat(r, "okta/policies/ACCESS_POLICY.json").unknownValues())
        .isEqualTo(1);
  }

  @Test
  void policyMappingListWhenAppHasNoAccessPolicyLinkThenMappingNamesItsPolicy() {
    SnapshotFolder folder =
        new SnapshotFolder(dir)
            .copy(
                "okta-policies/other/openapi-policy-mapping-list-response.json",
                "okta/policies/rst1mapped/mappings.json")
            .write(
                "okta/apps.json", "[{\"id\":\"{appId}\",\"label\":\"App\",\"status\":\"ACTIVE\"}]");

    SnapshotReadResult r = folder.read();

    assertThat(folder.quarantined()).isEmpty();
    assertThat(r.snapshot().apps())
        .extracting(App::accessPolicyId)
        .containsExactly(new PolicyId("rst1mapped"));
  }

  @Test
  void simulationResponseWhenFoundWhereAPolicyListBelongsThenQuarantinedNotAPolicy() {
    // POST /policies/simulate output is an evaluation oracle, not a snapshot body
    SnapshotFolder folder =
        new SnapshotFolder(dir)
            .copy(
                "okta-policies/other/openapi-SimulatePolicyResponse.json",
                "okta/policies/OKTA_SIGN_ON.json");

    SnapshotReadResult r = folder.read();

    assertThat(r.snapshot().oktaPolicies()).isEmpty();
    assertThat(folder.quarantined())
        .extracting(QuarantinedRecord::file, QuarantinedRecord::reason)
        .containsExactly(tuple("okta/policies/OKTA_SIGN_ON.json", "id: missing"));
  }
}
