package dev.least.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import dev.least.app.store.UserRepository;
import dev.least.app.workflow.Role;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/snapshots} with a multipart zip: a good zip (the bundled sample nested two
 * folders deep) is unpacked under {@code <data-dir>/uploads} and analyzed; each bad zip is a 422
 * problem naming the entry, with no snapshot stored and no folder left behind.
 */
@SpringBootTest(
    classes = dev.least.app.config.LeastServerApplication.class,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:least-upload;DB_CLOSE_DELAY=-1",
      "least.bootstrap-admin=false"
    })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotUploadApiTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Path DATA;
  static final Path DEMO;

  static {
    try {
      DATA = Files.createTempDirectory("least-upload-data");
      DEMO = Files.createTempDirectory("least-upload-demo");
      ServerApiTest.copyDemo(DEMO);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    r.add("least.data-dir", DATA::toString);
  }

  @Autowired MockMvc mvc;
  @Autowired UserRepository users;
  @Autowired PasswordEncoder passwords;
  @Autowired JdbcTemplate jdbc;

  String analyst;
  String viewer;

  @BeforeAll
  void setUp() {
    users.create("ana", passwords.encode("x"), Role.ANALYST);
    users.create("vic", passwords.encode("x"), Role.VIEWER);
    analyst = users.createToken("ana", "t");
    viewer = users.createToken("vic", "t");
  }

  @Test
  void uploadWhenSnapshotNestedInFoldersThenImportedAndAnalyzed() throws Exception {
    long before = snapshots();
    byte[] zip = zipOf(DEMO, "export/contoso/");
    MvcResult r = upload(zip, analyst);
    assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(201);
    JsonNode j = JSON.readTree(body(r));
    assertThat(j.get("tenant").asString()).isEqualTo("contoso-demo");
    assertThat(j.get("recommendations").asInt()).isPositive();
    assertThat(j.get("checksum").asString()).hasSize(64);
    assertThat(snapshots()).isEqualTo(before + 1);
    String source =
        jdbc.queryForObject(
            "SELECT source FROM snapshots WHERE id = ?",
            String.class,
            j.get("snapshotId").asLong());
    assertThat(Path.of(source)).startsWith(DATA.resolve("uploads"));
    assertThat(Path.of(source).resolve("manifest.json")).exists();
  }

  @Test
  void uploadWhenZipSlipEntryThen422NamingItAndNothingImported() throws Exception {
    assertRefused(
        zip(List.of("manifest.json", "{}", "entra/../../../escape.txt", "x")),
        "unsafe-path",
        "entra/../../../escape.txt");
  }

  @Test
  void uploadWhenZipBombThen422AndNothingImported() throws Exception {
    var bytes = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry("manifest.json"));
      z.write("{}".getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("okta/logs.jsonl"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 16; i++) {
        z.write(zeros);
      }
    }
    assertRefused(bytes.toByteArray(), "suspicious-ratio", "okta/logs.jsonl");
  }

  @Test
  void uploadWhenNoManifestOrNotAZipThen422() throws Exception {
    assertRefused(zip(List.of("entra/users.json", "{\"value\":[]}")), "no-manifest", null);
    assertRefused("not a zip at all".getBytes(StandardCharsets.UTF_8), "not-a-zip", null);
  }

  @Test
  void uploadWhenManifestIsNotJsonThen422BadSnapshotAndUnpackedFolderRemoved() throws Exception {
    long before = snapshots();
    MvcResult r = upload(zip(List.of("acme/manifest.json", "{ not json")), analyst);
    assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(422);
    assertThat(JSON.readTree(body(r)).get("code").asString()).isEqualTo("bad-snapshot");
    assertThat(body(r)).contains("manifest.json");
    assertThat(snapshots()).isEqualTo(before);
    assertThat(uploadedFolders()).noneMatch(p -> !sourceOfSomeSnapshot(p));
  }

  @Test
  void uploadWhenViewerThen403() throws Exception {
    MvcResult r = upload(zipOf(DEMO, ""), viewer);
    assertThat(r.getResponse().getStatus()).isEqualTo(403);
  }

  private void assertRefused(byte[] zip, String reason, String entry) throws Exception {
    long before = snapshots();
    List<Path> foldersBefore = uploadedFolders();
    MvcResult r = upload(zip, analyst);
    assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(422);
    assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
    JsonNode p = JSON.readTree(body(r));
    assertThat(p.get("code").asString()).isEqualTo("bad-archive");
    assertThat(p.get("reason").asString()).isEqualTo(reason);
    if (entry != null) {
      assertThat(p.get("entry").asString()).isEqualTo(entry);
      assertThat(p.get("detail").asString()).contains(entry);
    }
    assertThat(snapshots()).isEqualTo(before);
    assertThat(uploadedFolders()).isEqualTo(foldersBefore);
  }

  private MvcResult upload(byte[] zip, String token) throws Exception {
    return mvc.perform(
            multipart("/api/v1/snapshots")
                .file(new MockMultipartFile("file", "snapshot.zip", "application/zip", zip))
                .header("Authorization", "Bearer " + token))
        .andReturn();
  }

  private long snapshots() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM snapshots", Long.class);
    return n == null ? 0 : n;
  }

  private boolean sourceOfSomeSnapshot(Path folder) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM snapshots WHERE source = ?", Long.class, folder.toString());
    return n != null && n > 0;
  }

  private static List<Path> uploadedFolders() throws IOException {
    Path uploads = DATA.resolve("uploads");
    if (!Files.isDirectory(uploads)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(uploads)) {
      return s.sorted().toList();
    }
  }

  private static String body(MvcResult r) throws IOException {
    return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  /** A zip of name/content pairs. */
  static byte[] zip(List<String> namesAndContents) throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndContents.size(); i += 2) {
        z.putNextEntry(new ZipEntry(namesAndContents.get(i)));
        z.write(namesAndContents.get(i + 1).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toByteArray();
  }

  /** A zip of every file under {@code folder}, each name prefixed with {@code prefix}. */
  static byte[] zipOf(Path folder, String prefix) throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes);
        Stream<Path> walk = Files.walk(folder)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        z.putNextEntry(new ZipEntry(prefix + folder.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, (OutputStream) z);
      }
    }
    return bytes.toByteArray();
  }
}
