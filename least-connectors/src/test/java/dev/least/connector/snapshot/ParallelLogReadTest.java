package dev.least.connector.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.least.connector.generate.GeneratorOptions;
import dev.least.connector.generate.PlatformChoice;
import dev.least.connector.generate.TenantGenerator;
import dev.least.connector.generate.VendorPolicyEngines;
import dev.least.source.FileStat;
import dev.least.source.QuarantinedRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in logs read in parallel, cut into many small ranges, give exactly what reading on one
 * thread gives: the same events in the same order, the same quarantined records (line numbers
 * included) in the same order, and the same per-file counts.
 */
class ParallelLogReadTest {
  @TempDir static Path dir;
  static Path snapshot;

  @BeforeAll
  static void generate() {
    snapshot = dir.resolve("snapshot");
    new TenantGenerator(new VendorPolicyEngines(), s -> {})
        .generate(
            new GeneratorOptions(150, 3, 17, PlatformChoice.BOTH, 60, "contoso"),
            snapshot,
            dir.resolve("truth.json"));
  }

  record Read(SnapshotReadResult result, List<QuarantinedRecord> quarantined) {}

  static Read read(Path root, SnapshotFolderReader reader) {
    List<QuarantinedRecord> q = new ArrayList<>();
    SnapshotReadResult r = reader.read(root, q::add);
    return new Read(r, q);
  }

  static void assertSame(Read parallel, Read serial) {
    assertThat(parallel.result().snapshot().signIns().size())
        .isEqualTo(serial.result().snapshot().signIns().size());
    var p = parallel.result().snapshot().signIns();
    var s = serial.result().snapshot().signIns();
    for (int i = 0;
        i < s.size();
        i++) { // one event at a time: a failure names the first difference
      assertThat(p.get(i)).as("event %d", i).isEqualTo(s.get(i));
    }
    assertThat(parallel.result().snapshot().signIns().distinctStrings())
        .isEqualTo(serial.result().snapshot().signIns().distinctStrings());
    assertThat(parallel.quarantined()).hasSameSizeAs(serial.quarantined());
    for (int i = 0; i < serial.quarantined().size(); i++) {
      assertThat(parallel.quarantined().get(i))
          .as("quarantined %d", i)
          .isEqualTo(serial.quarantined().get(i));
    }
    assertThat(parallel.result().quarantined()).isEqualTo(serial.result().quarantined());
    assertThat(withoutTimes(parallel.result().files()))
        .containsExactlyElementsOf(withoutTimes(serial.result().files()));
    assertThat(
            parallel.result().snapshot().accounts().equals(serial.result().snapshot().accounts()))
        .as("same accounts")
        .isTrue();
  }

  static List<FileStat> withoutTimes(List<FileStat> files) {
    return files.stream()
        .map(
            f ->
                new FileStat(
                    f.file(),
                    f.kind(),
                    f.bytes(),
                    f.records(),
                    f.quarantined(),
                    0,
                    f.skipped(),
                    f.unknownValues()))
        .toList();
  }

  @Test
  void manySmallRangesOnThreeThreadsEqualOneThread() {
    Read serial = read(snapshot, SnapshotFolderReader.defaults(1));
    Read parallel = read(snapshot, SnapshotFolderReader.defaults(3, 4096));
    assertThat(serial.quarantined()).hasSizeGreaterThan(30); // the bad records are spread out
    assertThat(serial.result().snapshot().signIns().size()).isGreaterThan(1000);
    assertSame(parallel, serial);
  }

  @Test
  void bomCrlfBlankLinesAndATruncatedLastLineAcrossRanges(@TempDir Path other) throws IOException {
    Path copy = other.resolve("snapshot");
    copyTree(snapshot, copy);
    for (Path log :
        List.of(copy.resolve("entra/auditLogs/signIns.jsonl"), copy.resolve("okta/logs.jsonl"))) {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      StringBuilder b = new StringBuilder("\uFEFF");
      for (int i = 0; i < lines.size(); i++) {
        b.append(lines.get(i)).append(i % 7 == 0 ? "\r\n" : "\n");
        if (i % 11 == 0) {
          b.append("\n  \r\n");
        }
      }
      String last = lines.get(lines.size() - 1);
      b.append(last, 0, last.length() / 2); // cut off, no newline
      Files.writeString(log, b.toString(), StandardCharsets.UTF_8);
    }
    Read serial = read(copy, SnapshotFolderReader.defaults(1));
    Read parallel = read(copy, SnapshotFolderReader.defaults(2, 2048));
    assertThat(serial.quarantined())
        .anySatisfy(q -> assertThat(q.file()).isEqualTo("okta/logs.jsonl"))
        .anySatisfy(q -> assertThat(q.file()).isEqualTo("entra/auditLogs/signIns.jsonl"));
    assertSame(parallel, serial);
  }

  @Test
  void aPartThatCannotBeReadFailsTheWholeReadWithItsMessage(@TempDir Path other)
      throws IOException {
    Path copy = other.resolve("snapshot");
    copyTree(snapshot, copy);
    Path json = copy.resolve("entra/auditLogs/signIns.json");
    Files.writeString(json, "this is not JSON");
    String serial = message(() -> read(copy, SnapshotFolderReader.defaults(1)));
    String parallel = message(() -> read(copy, SnapshotFolderReader.defaults(2, 4096)));
    assertThat(serial).contains("entra/auditLogs/signIns.json");
    assertThat(parallel).isEqualTo(serial);
  }

  private static String message(Runnable r) {
    try {
      r.run();
    } catch (SnapshotException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a SnapshotException");
  }

  @Test
  void rejectsNonsenseSettings() {
    assertThatThrownBy(() -> SnapshotFolderReader.defaults(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
