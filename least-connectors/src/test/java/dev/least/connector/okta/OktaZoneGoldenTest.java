package dev.least.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.model.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The network zone examples in {@code shared/datasets/okta-network-zones}. */
class OktaZoneGoldenTest {
  @TempDir Path dir;

  private List<NamedLocation> read(String file) {
    SnapshotFolder folder =
        new SnapshotFolder(dir).copy("okta-network-zones/" + file, "okta/zones.json");
    SnapshotReadResult r = folder.read();
    assertThat(folder.quarantined()).isEmpty();
    return r.snapshot().locations();
  }

  @ParameterizedTest
  @CsvSource({
    "openapi-ActivateNetworkZone.json, 1",
    "openapi-CreateEDNZResponse.json, 1",
    "openapi-CreateIPPolicyNetworkZoneResponse.json, 1",
    "openapi-DeactivateNetworkZone.json, 1",
    "openapi-RetrieveAllZones.json, 6",
    "openapi-RetrieveAllZonesWithFilter.json, 1",
    "openapi-RetrieveNetworkZoneIP.json, 1",
    "openapi-UpdateDefaultExemptIpZoneResponse.json, 1"
  })
  void everyZoneExampleWhenReadThenProvenanceCountAndNothingQuarantined(String file, int count)
      throws IOException {
    assertThat(read(file)).hasSize(count).allMatch(z -> z.source() == Source.OKTA);
    try (Stream<Path> all = Files.list(SnapshotFolder.dataset("okta-network-zones"))) {
      assertThat(all.count()).isEqualTo(8);
    }
  }

  @Test
  void allZonesWhenReadThenKindsRangesCountriesBlocklistAndTrustMapped() {
    List<NamedLocation> zones = read("openapi-RetrieveAllZones.json");

    NamedLocation enhanced = zones.get(0);
    assertThat(enhanced.kind()).isEqualTo(LocationKind.DYNAMIC);
    assertThat(enhanced.blocklist()).isTrue();
    assertThat(enhanced.trusted()).isFalse();

    NamedLocation dynamic = zones.get(1);
    assertThat(dynamic.kind()).isEqualTo(LocationKind.DYNAMIC);
    assertThat(dynamic.countries()).containsExactly("AF");
    assertThat(dynamic.trusted()).isFalse();

    NamedLocation ip = zones.get(2);
    assertThat(ip.id().value()).isEqualTo("nzowc1U5Jh5xuAK0o0g3");
    assertThat(ip.name()).isEqualTo("MyIpZone");
    assertThat(ip.kind()).isEqualTo(LocationKind.IP);
    assertThat(ip.ranges()).containsExactly("1.2.3.4/24", "3.3.4.5-3.3.4.15");
    assertThat(ip.trusted()).isTrue();
    assertThat(ip.active()).isTrue();

    NamedLocation blocked = zones.get(3);
    assertThat(blocked.name()).isEqualTo("BlockedIpZone");
    assertThat(blocked.ranges()).isEmpty(); // gateways: null
    assertThat(blocked.blocklist()).isTrue();
    assertThat(blocked.trusted()).isFalse();
  }

  @Test
  void deactivatedZoneWhenReadThenInactive() {
    assertThat(read("openapi-DeactivateNetworkZone.json").get(0).active()).isFalse();
  }
}
