package dev.least.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.connector.snapshot.ManifestReader;
import dev.least.model.Manifest;
import dev.least.model.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class SignInCorpusTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  private static final Pattern ENTRA_TIME =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
  private static final Set<String> CA_RESULTS =
      Set.of(
          "success",
          "failure",
          "notApplied",
          "notEnabled",
          "reportOnlySuccess",
          "reportOnlyFailure",
          "reportOnlyNotApplied",
          "reportOnlyInterrupted");
  private static final Set<String> OKTA_TYPES =
      Set.of(
          "user.session.start",
          "user.authentication.sso",
          "policy.evaluate_sign_on",
          "user.authentication.auth_via_mfa");

  @TempDir Path tmp;

  @Test
  void writeWhenSameSpecTwiceThenSameBytes() throws IOException {
    SignInCorpus.Spec spec = new SignInCorpus.Spec(300, 300, 7, 100);
    SignInCorpus.write(tmp.resolve("a"), spec);
    SignInCorpus.write(tmp.resolve("b"), spec);

    for (String f : List.of("manifest.json", SignInCorpus.ENTRA_FILE, SignInCorpus.OKTA_FILE)) {
      assertThat(Files.readAllBytes(tmp.resolve("b").resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(f)));
    }
  }

  @Test
  void writeWhenSeedDiffersThenLogsDiffer() throws IOException {
    SignInCorpus.write(tmp.resolve("a"), new SignInCorpus.Spec(50, 50, 1, 100));
    SignInCorpus.write(tmp.resolve("b"), new SignInCorpus.Spec(50, 50, 2, 100));

    assertThat(Files.readString(tmp.resolve("b").resolve(SignInCorpus.ENTRA_FILE)))
        .isNotEqualTo(Files.readString(tmp.resolve("a").resolve(SignInCorpus.ENTRA_FILE)));
  }

  @Test
  void writeThenOneEntraSignInPerLineInGraphBetaShape() throws IOException {
    SignInCorpus.Written w = SignInCorpus.write(tmp, new SignInCorpus.Spec(500, 0, 42, 200));

    List<String> lines = Files.readAllLines(w.entraFile());
    assertThat(lines).hasSize(500);
    for (String line : lines) {
      JsonNode s = JSON.readTree(line);
      assertThat(s.get("id").asString()).matches(GUID);
      assertThat(s.get("createdDateTime").asString()).matches(ENTRA_TIME);
      assertThat(s.get("userId").asString()).matches(GUID);
      assertThat(s.get("userPrincipalName").asString()).contains("@");
      assertThat(s.get("appId").asString()).matches(GUID);
      assertThat(s.get("isInteractive").isBoolean()).isTrue();
      assertThat(s.get("status").get("errorCode").isInt()).isTrue();
      assertThat(s.get("deviceDetail").get("isCompliant").isBoolean()).isTrue();
      assertThat(s.get("location").get("geoCoordinates").get("latitude").isNumber()).isTrue();
      assertThat(s.get("authenticationDetails").size()).isBetween(1, 2);
      JsonNode policies = s.get("appliedConditionalAccessPolicies");
      assertThat(policies.size()).isBetween(8, 15);
      for (JsonNode p : policies) {
        assertThat(p.get("id").asString()).matches(GUID);
        assertThat(p.get("result").asString()).isIn(CA_RESULTS);
        assertThat(p.get("enforcedGrantControls").isArray()).isTrue();
      }
    }
  }

  @Test
  void writeThenOneOktaLogEventPerLineOfTheFourSignInTypes() throws IOException {
    SignInCorpus.Written w = SignInCorpus.write(tmp, new SignInCorpus.Spec(0, 500, 42, 200));

    List<String> lines = Files.readAllLines(w.oktaFile());
    assertThat(lines).hasSize(500);
    Set<String> seen = new java.util.HashSet<>();
    for (String line : lines) {
      JsonNode e = JSON.readTree(line);
      assertThat(e.get("uuid").asString()).matches(GUID);
      assertThat(Instant.parse(e.get("published").asString())).isBefore(SignInCorpus.CAPTURED_AT);
      assertThat(e.get("eventType").asString()).isIn(OKTA_TYPES);
      seen.add(e.get("eventType").asString());
      assertThat(e.get("actor").get("id").asString()).startsWith("00u").hasSize(20);
      assertThat(
              e.get("client").get("geographicalContext").get("geolocation").get("lat").isNumber())
          .isTrue();
      assertThat(e.get("outcome").get("result").asString()).isNotBlank();
      assertThat(e.get("target").isArray()).isTrue();
    }
    assertThat(seen).isEqualTo(OKTA_TYPES);
  }

  @Test
  void writeThenLineSizesAreThoseOfRealLogs() throws IOException {
    SignInCorpus.Written w = SignInCorpus.write(tmp, new SignInCorpus.Spec(2000, 2000, 42, 500));

    double entra = (double) w.entraBytes() / 2000;
    double okta = (double) w.oktaBytes() / 2000;
    // Graph beta signIn: ~2.8 KB without policies + 8–15 policies of ~300 B
    assertThat(entra).isBetween(4_500.0, 7_500.0);
    // Okta LogEvent: 2–3 KB (the OpenAPI example is 2.4 KB compact)
    assertThat(okta).isBetween(2_000.0, 3_000.0);
  }

  @Test
  void writeThenEntraNewestFirstAndOktaOldestFirstWithinTheWindow() throws IOException {
    SignInCorpus.Written w = SignInCorpus.write(tmp, new SignInCorpus.Spec(300, 300, 42, 100));

    List<Instant> entra = new ArrayList<>();
    for (String line : Files.readAllLines(w.entraFile())) {
      entra.add(Instant.parse(JSON.readTree(line).get("createdDateTime").asString()));
    }
    List<Instant> okta = new ArrayList<>();
    for (String line : Files.readAllLines(w.oktaFile())) {
      okta.add(Instant.parse(JSON.readTree(line).get("published").asString()));
    }
    assertThat(entra).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(okta).isSorted();
    Instant start = SignInCorpus.CAPTURED_AT.minus(SignInCorpus.WINDOW);
    assertThat(entra).allMatch(t -> !t.isBefore(start) && t.isBefore(SignInCorpus.CAPTURED_AT));
    assertThat(okta).allMatch(t -> !t.isBefore(start) && t.isBefore(SignInCorpus.CAPTURED_AT));
  }

  @Test
  void writeThenManifestFollowsTheSnapshotContract() throws IOException {
    SignInCorpus.write(tmp, new SignInCorpus.Spec(1, 1, 42, 10));

    Manifest m = ManifestReader.read(tmp);

    assertThat(m.tenant()).isEqualTo("bench-42");
    assertThat(m.capturedAt()).isEqualTo(SignInCorpus.CAPTURED_AT);
    assertThat(m.sources()).containsExactly(Source.ENTRA, Source.OKTA);
  }

  @Test
  void leastReadWhenFolderGeneratedThenSnapshotCarriesItsManifest() throws IOException {
    SignInCorpus.write(tmp, new SignInCorpus.Spec(20, 20, 42, 10));

    LeastIngest.Ingested in = LeastIngest.read(tmp, 2);

    assertThat(in.result().snapshot().manifest().tenant()).isEqualTo("bench-42");
    assertThat(in.normalized() + in.quarantined()).isLessThanOrEqualTo(40);
  }

  @Test
  void bareWalkWhenFileWrittenThenCountsOneEventPerLine() throws IOException {
    SignInCorpus.Written w = SignInCorpus.write(tmp, new SignInCorpus.Spec(123, 77, 42, 50));

    assertThat(BareWalk.walk(w.entraFile()).events()).isEqualTo(123);
    assertThat(BareWalk.walk(w.oktaFile()).events()).isEqualTo(77);
    assertThat(BareWalk.walk(w.oktaFile()).tokens()).isGreaterThan(77 * 100);
  }
}
