package dev.least.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ReplayAndSimulateCommandTest {
  @TempDir Path tmp;

  private Path demo() {
    return DemoCommand.extract(tmp.resolve("snap"));
  }

  private static String policyId(Path snap, int index) throws IOException {
    JsonNode doc =
        InspectCommand.JSON.readTree(
            Files.readString(snap.resolve("entra/identity/conditionalAccess/policies.json")));
    return doc.get("value").get(index).get("id").asString();
  }

  @Test
  void replayOfTheSampleTenantAgreesWithEveryDecidableEntraResult() {
    CliRun run = CliRun.of("replay", demo().toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode entra = InspectCommand.JSON.readTree(run.out()).get("entra");
    assertThat(entra.get("scored").asLong()).isEqualTo(40);
    assertThat(entra.get("comparisons").asLong()).isEqualTo(160);
    assertThat(entra.get("agreements").asLong()).isEqualTo(160);
    JsonNode okta = InspectCommand.JSON.readTree(run.out()).get("okta");
    assertThat(okta.get("comparisons").asLong()).isEqualTo(30);
    assertThat(okta.get("comparisons").asLong() - okta.get("notEvaluable").asLong())
        .isEqualTo(okta.get("agreements").asLong());
  }

  @Test
  void deletingTheOffsiteMfaPolicyRelievesTheOffsiteSignIns() throws IOException {
    Path snap = demo();
    Path change = tmp.resolve("delete.json");
    Files.writeString(change, "{\"delete\": \"" + policyId(snap, 2) + "\"}");
    CliRun run = CliRun.of("simulate", snap.toString(), "--change", change.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode r = InspectCommand.JSON.readTree(run.out()).get("report");
    assertThat(r.get("events").asLong()).isEqualTo(40);
    assertThat(r.at("/counts/RELIEVED").asLong()).isPositive();
    assertThat(r.at("/counts/NEWLY_BLOCKED").asLong()).isZero();
  }

  @Test
  void addingABlockPolicyForAllUsersNewlyBlocksSignIns() throws IOException {
    Path snap = demo();
    Path change = tmp.resolve("block.json");
    Files.writeString(
        change,
        """
        {"displayName": "Block everything", "state": "enabled",
         "conditions": {"users": {"includeUsers": ["All"]},
                        "applications": {"includeApplications": ["All"]},
                        "clientAppTypes": ["all"]},
         "grantControls": {"operator": "OR", "builtInControls": ["block"]}}
        """);
    CliRun run = CliRun.of("simulate", snap.toString(), "--change", change.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("What if: add CA policy Block everything")
        .contains("newly_blocked");
  }

  @Test
  void invalidChangeFilesAreBadInputNamingTheProblem() throws IOException {
    Path snap = demo();
    Path notJson = tmp.resolve("x.json");
    Files.writeString(notJson, "{ nope");
    CliRun a = CliRun.of("simulate", snap.toString(), "--change", notJson.toString());
    assertThat(a.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(a.err()).contains("x.json").contains("not valid JSON");

    Path noState = tmp.resolve("nostate.json");
    Files.writeString(noState, "{\"displayName\": \"x\", \"conditions\": {}}");
    CliRun b = CliRun.of("simulate", snap.toString(), "--change", noState.toString());
    assertThat(b.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(b.err()).contains("state");

    Path unknown = tmp.resolve("del.json");
    Files.writeString(unknown, "{\"delete\": \"no-such-policy\"}");
    CliRun c = CliRun.of("simulate", snap.toString(), "--change", unknown.toString());
    assertThat(c.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(c.err()).contains("no-such-policy");
  }

  @Test
  void explainingOneSignInListsEveryPolicyWithItsVerdict() {
    CliRun run =
        CliRun.of(
            "simulate",
            demo().toString(),
            "--user",
            "grace.hopper@contoso.com",
            "--app",
            "00000002-0000-0ff1-ce00-000000000000",
            "--ip",
            "198.51.100.7",
            "--platform",
            "windows");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("CA001 Require MFA for admins")
        .contains("included by role 62e90394-69f5-4237-9190-012177145e10")
        .contains("CA002 Block legacy authentication")
        .contains("client app BROWSER not listed");
  }
}
