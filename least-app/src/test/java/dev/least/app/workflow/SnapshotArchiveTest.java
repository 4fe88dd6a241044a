package dev.least.app.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotArchiveTest {
  @TempDir Path tmp;

  final SnapshotArchive archive = new SnapshotArchive(SnapshotArchive.Limits.defaults());

  @Test
  void unpackWhenZipOfFolderContentsThenRootIsTarget() throws IOException {
    Path zip = zip(Map.of("manifest.json", "{}", "entra/users.json", "{\"value\":[]}"), false);
    Path out = archive.unpack(zip, tmp.resolve("out"));
    assertThat(out.resolve("manifest.json")).hasContent("{}");
    assertThat(out.resolve("entra/users.json")).hasContent("{\"value\":[]}");
  }

  @Test
  void unpackWhenSnapshotNestedInFoldersThenStripsThePrefixAndSkipsOtherEntries()
      throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("export/acme/", "");
    files.put("export/acme/manifest.json", "{\"m\":1}");
    files.put("export/acme/okta/users.json", "[]");
    files.put("export/README.txt", "not part of the snapshot");
    files.put("__MACOSX/export/acme/manifest.json", "resource fork");
    Path out = archive.unpack(zip(files, false), tmp.resolve("out"));
    assertThat(out.resolve("manifest.json")).hasContent("{\"m\":1}");
    assertThat(out.resolve("okta/users.json")).hasContent("[]");
    assertThat(out.resolve("README.txt")).doesNotExist();
    assertThat(out.resolve("export")).doesNotExist();
  }

  @Test
  void unpackWhenEntryClimbsOutThenRefusedNamingItAndNothingWritten() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("manifest.json", "{}");
    files.put("entra/../../evil.txt", "owned");
    Path target = tmp.resolve("out");
    assertRefused(zip(files, false), target, SnapshotArchive.Problem.UNSAFE_PATH)
        .isEqualTo("entra/../../evil.txt");
    assertThat(tmp.resolve("evil.txt")).doesNotExist();
    assertThat(target).doesNotExist();
  }

  @Test
  void unpackWhenAbsoluteOrBackslashOrDriveNameThenRefused() throws IOException {
    for (String bad : new String[] {"/etc/passwd", "entra\\..\\x", "C:/x", "a/./b"}) {
      Path target = tmp.resolve("out-" + Math.abs(bad.hashCode()));
      assertRefused(
              zip(Map.of("manifest.json", "{}", bad, "x"), false),
              target,
              SnapshotArchive.Problem.UNSAFE_PATH)
          .isEqualTo(bad);
    }
  }

  @Test
  void unpackWhenEntryInflatesFarBeyondItsSizeThenRefusedAsBombAndTargetRemoved()
      throws IOException {
    Path zip = tmp.resolve("bomb.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new ZipEntry("manifest.json"));
      z.write("{}".getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("okta/logs.jsonl"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 20; i++) {
        z.write(zeros);
      }
    }
    Path target = tmp.resolve("out");
    assertRefused(zip, target, SnapshotArchive.Problem.SUSPICIOUS_RATIO)
        .isEqualTo("okta/logs.jsonl");
    assertThat(target).doesNotExist();
  }

  @Test
  void unpackWhenTotalOverLimitThenRefused() throws IOException {
    SnapshotArchive small = new SnapshotArchive(new SnapshotArchive.Limits(100, 1000, 200));
    Path zip = zip(Map.of("manifest.json", "{}", "entra/users.json", "x".repeat(2000)), true);
    Path target = tmp.resolve("out");
    assertThatThrownBy(() -> small.unpack(zip, target))
        .isInstanceOfSatisfying(
            SnapshotArchive.Refused.class,
            e -> {
              assertThat(e.problem()).isEqualTo(SnapshotArchive.Problem.TOO_LARGE);
              assertThat(e.entry()).isEqualTo("entra/users.json");
            });
    assertThat(target).doesNotExist();
  }

  @Test
  void unpackWhenTooManyEntriesThenRefused() throws IOException {
    SnapshotArchive small = new SnapshotArchive(new SnapshotArchive.Limits(3, 1 << 20, 200));
    Map<String, String> files = new LinkedHashMap<>();
    files.put("manifest.json", "{}");
    for (int i = 0; i < 5; i++) {
      files.put("f" + i + ".json", "{}");
    }
    assertThatThrownBy(() -> small.unpack(zip(files, false), tmp.resolve("out")))
        .isInstanceOfSatisfying(
            SnapshotArchive.Refused.class,
            e -> {
              assertThat(e.problem()).isEqualTo(SnapshotArchive.Problem.TOO_MANY_ENTRIES);
              assertThat(e.entry()).isEqualTo("f2.json");
            });
  }

  @Test
  void unpackWhenNoManifestOrTwoSnapshotsThenRefused() throws IOException {
    assertRefused(
        zip(Map.of("entra/users.json", "[]"), false),
        tmp.resolve("a"),
        SnapshotArchive.Problem.NO_MANIFEST);
    assertRefused(
            zip(Map.of("one/manifest.json", "{}", "two/manifest.json", "{}"), false),
            tmp.resolve("b"),
            SnapshotArchive.Problem.SEVERAL_SNAPSHOTS)
        .isEqualTo("two/manifest.json");
  }

  @Test
  void unpackWhenNotAZipThenRefused() throws IOException {
    Path notZip = tmp.resolve("x.zip");
    Files.writeString(notZip, "this is a text file, not an archive");
    assertRefused(notZip, tmp.resolve("out"), SnapshotArchive.Problem.NOT_A_ZIP);
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  private org.assertj.core.api.AbstractStringAssert<?> assertRefused(
      Path zip, Path target, SnapshotArchive.Problem problem) {
    try {
      archive.unpack(zip, target);
    } catch (SnapshotArchive.Refused e) {
      assertThat(e.problem()).isEqualTo(problem);
      assertThat(target).doesNotExist();
      return assertThat(e.entry());
    }
    throw new AssertionError("expected the archive to be refused with " + problem);
  }

  /** A zip of name → content; directories end in '/'; {@code stored} skips compression. */
  Path zip(Map<String, String> files, boolean stored) throws IOException {
    Path zip = Files.createTempFile(tmp, "snap", ".zip");
    try (OutputStream os = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(os)) {
      for (var f : files.entrySet()) {
        ZipEntry e = new ZipEntry(f.getKey());
        byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
        if (stored) {
          CRC32 crc = new CRC32();
          crc.update(bytes);
          e.setMethod(ZipEntry.STORED);
          e.setSize(bytes.length);
          e.setCompressedSize(bytes.length);
          e.setCrc(crc.getValue());
        }
        z.putNextEntry(e);
        if (!f.getKey().endsWith("/")) {
          z.write(bytes);
        }
        z.closeEntry();
      }
    }
    return zip;
  }
}
