package dev.least.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class RolesCommandTest {
  @TempDir Path tmp;

  private Path csv() throws IOException {
    // ann, bob: crm+mail; cy: mail+vpn; dee: crm+mail+vpn -> 2 roles: {ann,bob,dee}x{crm,mail},
    // {cy,dee}x{mail,vpn}
    return Files.writeString(
        tmp.resolve("access.csv"),
        "user,permission\n"
            + "ann,crm\nann,mail\nbob,crm\nbob,mail\ncy,mail\ncy,vpn\n"
            + "dee,crm\ndee,mail\ndee,vpn\n");
  }

  @Test
  void rolesWhenCsvThenPrintsTheMinimalRoleSetAndExitsZero() throws IOException {
    CliRun run = CliRun.of("roles", csv().toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .contains(
            "access.csv: 4 users x 3 entitlements, 9 assignments -> 2 roles (proven minimal; lower"
                + " bound 2), 0 uncovered, 0 over-granted")
        .contains("entitlements: crm, mail\n    users: ann, bob, dee")
        .contains("entitlements: mail, vpn\n    users: cy, dee");
  }

  @Test
  void rolesWhenJsonThenDocumentListsCohortsAndBundles() throws IOException {
    Path out = tmp.resolve("roles.json");
    CliRun run = CliRun.of("roles", csv().toString(), "--json", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    JsonNode doc = InspectCommand.JSON.readTree(Files.readString(out));
    assertThat(doc.get("mode").asString()).isEqualTo("exact");
    JsonNode m = doc.at("/matrices/0");
    assertThat(m.get("roles").asInt()).isEqualTo(2);
    assertThat(m.get("provenMinimal").asBoolean()).isTrue();
    assertThat(m.at("/coverage/uncovered").asLong()).isZero();
    assertThat(m.at("/roleList/0/users").toString()).isEqualTo("[\"ann\",\"bob\",\"dee\"]");
    assertThat(m.at("/roleList/0/entitlements").toString()).isEqualTo("[\"crm\",\"mail\"]");
    assertThat(m.has("millis")).isFalse();
  }

  @Test
  void rolesWhenNoiseModeThenLoneExceptionIsLeftAsADirectAssignment() throws IOException {
    // five users share crm+mail; eve alone also has vpn: exact needs 2 roles, 1/11 = 9% noise
    Path f =
        Files.writeString(
            tmp.resolve("noisy.csv"),
            "a,crm\na,mail\nb,crm\nb,mail\nc,crm\nc,mail\nd,crm\nd,mail\neve,crm\neve,mail\n"
                + "eve,vpn\n");
    CliRun exact = CliRun.of("roles", f.toString());
    CliRun noisy = CliRun.of("roles", f.toString(), "--mode", "noise", "--noise", "0.1");
    assertThat(exact.out()).contains("-> 2 roles");
    assertThat(noisy.exitCode()).as(noisy.err()).isEqualTo(ExitCodes.OK);
    assertThat(noisy.out()).contains("(mode noise, noise 0.100)").contains("-> 1 roles");
    assertThat(noisy.out()).contains("1 uncovered, 0 over-granted");
  }

  @Test
  void rolesWhenHpLabsFileThenReachesThePublishedMinimum() {
    String shared = System.getProperty("least.shared", "../shared");
    Path hc = Path.of(shared, "datasets", "role-mining", "hp-labs", "hc.txt");
    CliRun run = CliRun.of("roles", hc.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .contains(
            "hc.txt: 46 users x 46 entitlements, 1486 assignments -> 14 roles (proven minimal");
  }

  @Test
  void rolesWhenCsvLineIsBrokenThenExitThreeNamingFileAndLine() throws IOException {
    Path f = Files.writeString(tmp.resolve("bad.csv"), "ann,crm\nbob\n");
    CliRun run = CliRun.of("roles", f.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains(f + ":2: expected 2 comma-separated cells");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void rolesWhenInputMissingThenExitThree() {
    CliRun run = CliRun.of("roles", tmp.resolve("nope.csv").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("nope.csv: no such snapshot folder or file");
  }

  @Test
  void rolesOnTheSampleTenantMinesAProvenMinimalCoverPerPlatform() {
    Path snap = DemoCommand.extract(tmp.resolve("snap"));
    CliRun run = CliRun.of("roles", snap.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .contains("entra: 8 users x 7 entitlements, 15 assignments -> 4 roles (proven minimal")
        .contains("0 uncovered, 0 over-granted")
        .contains("entitlements: app 'Contoso CRM', group 'Sales'")
        .contains("okta: ");
  }
}
