package dev.least.connector.entra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.connector.json.JsonInput;
import dev.least.connector.json.JsonRecords;
import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.PolicyState;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Golden tests over the CA policy and named-location exports in shared/datasets (64 policies: 24
 * j0eyv tenant exports, most UTF-16LE with BOM; 40 AlexFilipin templates without ids; 3 named
 * locations).
 */
class ConditionalAccessDatasetTest {
  @TempDir Path dir;

  private static List<Path> files(String folder) throws IOException {
    try (Stream<Path> s = Files.list(TempSnapshot.dataset(folder))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  /** Reads each j0eyv export as the snapshot's policies.json (a single-object body). */
  private List<ConditionalAccessPolicy> readTenantExports() throws IOException {
    List<ConditionalAccessPolicy> all = new ArrayList<>();
    int i = 0;
    for (Path f : files("entra-ca-policies/j0eyv-baseline")) {
      TempSnapshot s =
          new TempSnapshot(dir.resolve("s" + i++))
              .copy(f, "entra/identity/conditionalAccess/policies.json");
      SnapshotReadResult r = s.read();
      assertThat(s.quarantined).as(f.getFileName().toString()).isEmpty();
      all.addAll(r.snapshot().conditionalAccessPolicies());
    }
    return all;
  }

  private static ConditionalAccessPolicy policy(List<ConditionalAccessPolicy> all, String prefix) {
    return all.stream().filter(p -> p.displayName().startsWith(prefix)).findFirst().orElseThrow();
  }

  @Test
  void readWhenJ0eyvTenantExportsThenAll24PoliciesParsedWithoutQuarantine() throws IOException {
    List<ConditionalAccessPolicy> all = readTenantExports();
    assertThat(all).hasSize(24);
    ConditionalAccessPolicy ca001 = policy(all, "CA001-");
    assertThat(ca001.id().value()).isEqualTo("19bbdbd4-d871-4964-a6ef-9b3054b9337c");
    assertThat(ca001.state()).isEqualTo(PolicyState.ENABLED);
    assertThat(ca001.grantControls()).isNotNull();
    assertThat(ca001.grantControls().operator()).isEqualTo("OR");
    assertThat(ca001.grantControls().builtInControls()).containsExactly("block");
    assertThat(ca001.locations().includeLocations()).containsExactly("All");
    assertThat(ca001.locations().excludeLocations())
        .containsExactly("185c993e-10a9-44fa-98d1-230c8f72f497");
    assertThat(ca001.users().excludeGroups()).hasSize(3);
    assertThat(ca001.sessionControls()).isNull();
    assertThat(ca001.unknownValues()).isEmpty();
    assertThat(ca001.rawJson()).contains("\"displayName\":\"CA001-");
  }

  @Test
  void readWhenPolicyUsesAuthenticationFlowsThenConditionListedAsUnknown() throws IOException {
    ConditionalAccessPolicy ca004 = policy(readTenantExports(), "CA004-");
    assertThat(ca004.unknownValues())
        .anySatisfy(v -> assertThat(v).startsWith("conditions.authenticationFlows="));
  }

  @Test
  void readWhenSessionControlPolicyThenSignInFrequencyAndBrowserParsed() throws IOException {
    List<ConditionalAccessPolicy> all = readTenantExports();
    ConditionalAccessPolicy ca103 = policy(all, "CA103-");
    assertThat(ca103.sessionControls()).isNotNull();
    assertThat(ca103.sessionControls().persistentBrowserMode()).isEqualTo("never");
    ConditionalAccessPolicy ca402 = policy(all, "CA402-");
    assertThat(ca402.sessionControls()).isNotNull();
    assertThat(ca402.sessionControls().signInFrequencyInterval()).isNotNull();
  }

  @Test
  void mapWhenAlexFilipinTemplatesThenAll40ParsedWithFileNameIds() throws IOException {
    List<ConditionalAccessPolicy> all = new ArrayList<>();
    for (Path f : files("entra-ca-policies/alexfilipin-templates")) {
      JsonNode node;
      try (Reader r = JsonInput.openText(f)) {
        node = JsonRecords.MAPPER.readTree(r);
      }
      String stem = f.getFileName().toString().replace(".json", "");
      all.add(ConditionalAccessPolicyMapper.map(node, stem));
    }
    assertThat(all).hasSize(40);
    assertThat(all).allSatisfy(p -> assertThat(p.state()).isEqualTo(PolicyState.REPORT_ONLY));
    ConditionalAccessPolicy p100 = policy(all, "100 - ");
    assertThat(p100.id().value()).startsWith("100_-_RING");
    assertThat(p100.grantControls()).isNotNull();
    assertThat(p100.grantControls().authenticationStrengthId())
        .isEqualTo("00000000-0000-0000-0000-000000000004");
    assertThat(p100.clientAppTypes()).containsExactly("browser", "mobileAppsAndDesktopClients");
    assertThat(p100.users().includeGroups()).containsExactly("<AdministratorGroup>");
    assertThat(p100.users().includeRoles()).hasSize(108);
  }

  @Test
  void readWhenTemplateWithoutIdInTenantSnapshotThenQuarantinedNamingId() {
    TempSnapshot s =
        new TempSnapshot(dir)
            .copy(
                TempSnapshot.dataset(
                    "entra-ca-policies/alexfilipin-templates/"
                        + "100_-_RING_-_Admin_protection_-_All_apps_Require_Strong_Auth_For_admins.json"),
                "entra/identity/conditionalAccess/policies.json");
    SnapshotReadResult r = s.read();
    assertThat(r.snapshot().conditionalAccessPolicies()).isEmpty();
    assertThat(s.quarantined)
        .singleElement()
        .satisfies(q -> assertThat(q.reason()).isEqualTo("id: missing"));
  }

  @Test
  void readWhenJ0eyvNamedLocationsThenCountriesAndCompliantNetworkMapped() throws IOException {
    List<NamedLocation> all = new ArrayList<>();
    int i = 0;
    for (Path f : files("entra-named-locations/j0eyv-baseline")) {
      TempSnapshot s =
          new TempSnapshot(dir.resolve("n" + i++))
              .copy(f, "entra/identity/conditionalAccess/namedLocations.json");
      SnapshotReadResult r = s.read();
      assertThat(s.quarantined).isEmpty();
      all.addAll(r.snapshot().locations());
    }
    assertThat(all).hasSize(3);
    NamedLocation allowed =
        all.stream().filter(l -> l.name().equals("ALLOWED COUNTRIES")).findFirst().orElseThrow();
    assertThat(allowed.kind()).isEqualTo(LocationKind.COUNTRY);
    assertThat(allowed.countries()).containsExactly("BE", "LU", "NL");
    assertThat(allowed.includeUnknownCountries()).isFalse();
    assertThat(allowed.trusted()).isFalse();
    NamedLocation compliant =
        all.stream()
            .filter(l -> l.kind() == LocationKind.COMPLIANT_NETWORK)
            .findFirst()
            .orElseThrow();
    assertThat(compliant.id().value()).isEqualTo("3d46dbda-8382-466a-856d-eb00cbc6b910");
    assertThat(compliant.trusted()).isTrue();
  }
}
