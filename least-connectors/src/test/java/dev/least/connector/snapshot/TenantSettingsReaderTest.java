package dev.least.connector.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.least.model.TenantSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantSettingsReaderTest {
  @TempDir Path root;

  @Test
  void readsGuardrailsSodRulesAndThresholds() throws IOException {
    Files.writeString(
        root.resolve("least.yaml"),
        """
        guardrails:
          protectedUsers: [breakglass1@contoso.com]
          protectedGroups: [Tier0 Admins]
        sod:
          - id: SOD-AP-01
            name: Create vendor and approve payment
            left:  {groups: [AP-Vendor-Maintenance]}
            right: {groups: [AP-Payment-Approval], apps: [SAP]}
        thresholds:
          staleDays: 60
          retireMinAgeDays: 14
        """);
    TenantSettings s = TenantSettingsReader.read(root);
    assertThat(s.guardrails().protectedUsers()).containsExactly("breakglass1@contoso.com");
    assertThat(s.guardrails().protectedGroups()).containsExactly("Tier0 Admins");
    assertThat(s.guardrails().protectedPolicies()).isEmpty();
    assertThat(s.sod()).hasSize(1);
    assertThat(s.sod().get(0).right().apps()).containsExactly("SAP");
    assertThat(s.thresholds().getInt("staleDays", 90)).isEqualTo(60);
    assertThat(s.thresholds().getInt("unusedAccessDays", 90)).isEqualTo(90);
  }

  @Test
  void acceptsJsonBecauseJsonIsYaml() throws IOException {
    Files.writeString(
        root.resolve("least.yaml"), "{\"guardrails\": {\"protectedPolicies\": [\"CA001\"]}}");
    assertThat(TenantSettingsReader.read(root).guardrails().protectedPolicies())
        .containsExactly("CA001");
  }

  @Test
  void absentFileGivesDefaults() {
    assertThat(TenantSettingsReader.read(root)).isEqualTo(TenantSettings.defaults());
  }

  @Test
  void unknownTopLevelKeyIsFatalSoATypoCannotDropAGuardrail() throws IOException {
    Files.writeString(root.resolve("least.yaml"), "guardrail:\n  protectedUsers: [a]\n");
    assertThatThrownBy(() -> TenantSettingsReader.read(root))
        .isInstanceOf(SnapshotException.class)
        .hasMessageContaining("least.yaml")
        .hasMessageContaining("unknown key 'guardrail'");
  }

  @Test
  void wrongTypesAndBrokenYamlNameTheFieldOrLine() throws IOException {
    Files.writeString(root.resolve("least.yaml"), "thresholds:\n  staleDays: ninety\n");
    assertThatThrownBy(() -> TenantSettingsReader.read(root))
        .hasMessageContaining("thresholds.staleDays: expected a number but was 'ninety'");
    Files.writeString(root.resolve("least.yaml"), "sod:\n  - id: X\n    left: {groups: [A]}\n");
    assertThatThrownBy(() -> TenantSettingsReader.read(root))
        .hasMessageContaining("sod[0].right: missing");
    Files.writeString(root.resolve("least.yaml"), "guardrails:\n  protectedUsers: [a\n  b: c\n");
    assertThatThrownBy(() -> TenantSettingsReader.read(root))
        .isInstanceOf(SnapshotException.class)
        .hasMessageContaining("least.yaml:")
        .hasMessageContaining("not valid YAML");
  }
}
