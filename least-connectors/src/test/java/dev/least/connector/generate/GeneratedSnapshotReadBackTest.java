package dev.least.connector.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.connector.snapshot.SnapshotFolderReader;
import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.model.Source;
import dev.least.source.QuarantinedRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated snapshot reads back through the project's own readers. */
class GeneratedSnapshotReadBackTest {
  private static final GeneratorOptions OPTIONS =
      GeneratorOptions.defaults().withUsers(150).withDays(6).withSeed(11);

  @Test
  void readWhenGeneratedThenHrReadsWithoutQuarantineAndMatchesThePlan(@TempDir Path dir) {
    GeneratedTenant t = GeneratedTenant.generate(dir, OPTIONS);
    List<QuarantinedRecord> quarantine = new ArrayList<>();

    SnapshotReadResult r = SnapshotFolderReader.defaults().read(t.snapshot(), quarantine::add);

    assertThat(quarantine).isEmpty();
    assertThat(r.snapshot().workers()).hasSize(t.lines("hr/workers.csv").size() - 1);
    assertThat(r.snapshot().manifest().tenant()).isEqualTo("contoso");
    assertThat(r.snapshot().manifest().sources())
        .containsExactly(Source.ENTRA, Source.OKTA, Source.HR);
  }

  @Test
  void readWhenGeneratedThenEveryRecordReadsAndNoneIsQuarantined(@TempDir Path dir) {
    GeneratedTenant t = GeneratedTenant.generate(dir, OPTIONS);
    List<QuarantinedRecord> quarantine = new ArrayList<>();

    SnapshotReadResult r = SnapshotFolderReader.defaults().read(t.snapshot(), quarantine::add);

    assertThat(quarantine).isEmpty();
    assertThat(r.snapshot().accounts()).isNotEmpty();
    assertThat(r.snapshot().conditionalAccessPolicies()).hasSize(13);
    assertThat(r.snapshot().signIns().size())
        .isEqualTo(t.result().entraEvents() + t.result().oktaEvents());
  }

  @Test
  void readWhenBadRecordsThenExactlyThoseAreQuarantined(@TempDir Path dir) {
    GeneratedTenant t = GeneratedTenant.generate(dir, OPTIONS.withBadRecords(6));
    List<QuarantinedRecord> quarantine = new ArrayList<>();

    SnapshotReadResult r = SnapshotFolderReader.defaults().read(t.snapshot(), quarantine::add);

    assertThat(r.snapshot().signIns().size()).isPositive();
    assertThat(quarantine).hasSize(6);
    assertThat(r.quarantined()).isEqualTo(6);
  }
}
