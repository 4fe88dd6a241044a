package dev.least.connector.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.analysis.Analysis;
import dev.least.analysis.AnalysisInput;
import dev.least.analysis.RoleCandidateAnalyzer;
import dev.least.model.Account;
import dev.least.model.AccountId;
import dev.least.model.AccountKind;
import dev.least.model.AccountStatus;
import dev.least.model.App;
import dev.least.model.AppAssignment;
import dev.least.model.AppId;
import dev.least.model.Group;
import dev.least.model.GroupId;
import dev.least.model.GroupKind;
import dev.least.model.GroupMembership;
import dev.least.model.Manifest;
import dev.least.model.Principal;
import dev.least.model.PrincipalKind;
import dev.least.model.SignInLog;
import dev.least.model.Source;
import dev.least.model.TenantSettings;
import dev.least.model.TenantSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleCandidateJsonTest {
  @Test
  void roleCandidatesFromASnapshotValidateAgainstTheContractSchema() {
    List<Account> accounts = new ArrayList<>();
    List<GroupMembership> members = new ArrayList<>();
    List<AppAssignment> assignments = new ArrayList<>();
    Group eng =
        new Group(new GroupId("g-eng"), Source.OKTA, "Engineering", GroupKind.STATIC, null, true);
    App git = new App(new AppId("a-git"), Source.OKTA, "Git", null, null, true);
    for (String u : List.of("u1", "u2", "u3")) {
      accounts.add(
          new Account(
              new AccountId(u),
              Source.OKTA,
              u + "@example.com",
              null,
              null,
              AccountStatus.ACTIVE,
              AccountKind.MEMBER,
              null,
              "Engineering",
              null,
              null,
              null,
              null));
      members.add(new GroupMembership(eng.id(), new Principal(PrincipalKind.USER, u)));
    }
    // the app is assigned to the group: every member holds both entitlements
    assignments.add(new AppAssignment(git.id(), new Principal(PrincipalKind.GROUP, "g-eng")));
    TenantSnapshot s =
        new TenantSnapshot(
            new Manifest("acme", Instant.parse("2026-11-20T00:00:00Z"), List.of(Source.OKTA), null),
            List.of(),
            accounts,
            List.of(),
            List.of(eng),
            members,
            List.of(git),
            assignments,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            SignInLog.empty());
    AnalysisInput in = AnalysisInput.of(s, TenantSettings.defaults(), Set.of("users", "groups"));
    Analysis.Report report = new Analysis(List.of(new RoleCandidateAnalyzer())).run(in);
    assertThat(report.recommendations()).hasSize(1);
    String json = RecommendationsJson.write(s, RecommendationsJson.inputs(s, 0), report, "0.1.0");
    assertThat(RecommendationsSchema.validate(json)).isEmpty();
    assertThat(json)
        .contains("\"type\" : \"role_candidate\"")
        .contains("\"platform\" : \"okta\"")
        .contains("[ \"app:a-git\", \"group:g-eng\" ]")
        .contains("Create role 'Engineering' bundling 2 entitlements for 3 users");
  }
}
