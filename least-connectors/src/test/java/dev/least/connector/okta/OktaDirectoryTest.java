package dev.least.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.model.Account;
import dev.least.model.AccountKind;
import dev.least.model.AccountStatus;
import dev.least.model.App;
import dev.least.model.AppAssignment;
import dev.least.model.Group;
import dev.least.model.GroupKind;
import dev.least.model.GroupMembership;
import dev.least.model.Principal;
import dev.least.model.PrincipalKind;
import dev.least.source.QuarantinedRecord;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users, groups, group rules, apps and assignments, from trimmed Management API bodies in {@code
 * src/test/resources/okta/directory} (shapes of the Okta Users, Groups, Group Rules and Apps API
 * references).
 */
class OktaDirectoryTest {
  @TempDir Path dir;

  private SnapshotFolder folder() throws Exception {
    SnapshotFolder folder = new SnapshotFolder(dir);
    for (String f :
        new String[] {
          "users.json",
          "groups.json",
          "groups/rules.json",
          "groups/00gEngineering/users.json",
          "apps.json",
          "apps/0oaGithub/users.json",
          "apps/0oaGithub/groups.json"
        }) {
      try (var in = getClass().getResourceAsStream("/okta/directory/" + f)) {
        folder.writeBytes("okta/" + f, in.readAllBytes());
      }
    }
    return folder;
  }

  @Test
  void usersWhenReadThenStatusesKindsAndProfileFieldsMappedAndBadOnesQuarantined()
      throws Exception {
    SnapshotFolder folder = folder();

    SnapshotReadResult r = folder.read();

    assertThat(r.snapshot().accounts())
        .extracting(Account::login, Account::status, Account::kind)
        .containsExactly(
            tuple("ada@example.com", AccountStatus.ACTIVE, AccountKind.MEMBER),
            tuple("bob@partner.example", AccountStatus.SUSPENDED, AccountKind.GUEST),
            tuple("svc-backup@example.com", AccountStatus.DEPROVISIONED, AccountKind.SERVICE),
            tuple("new@example.com", AccountStatus.UNKNOWN, AccountKind.MEMBER));
    Account ada = r.snapshot().accounts().get(0);
    assertThat(ada.id().value()).isEqualTo("00uAda");
    assertThat(ada.email()).isEqualTo("ada@example.com");
    assertThat(ada.displayName()).isEqualTo("Ada Lovelace");
    assertThat(ada.employeeId()).isEqualTo("E1001");
    assertThat(ada.department()).isEqualTo("Engineering");
    assertThat(ada.jobTitle()).isEqualTo("Engineer");
    assertThat(ada.managerId()).isEqualTo("E0001");
    assertThat(ada.created()).isEqualTo(Instant.parse("2023-01-10T09:00:00Z"));
    assertThat(ada.lastSignIn()).isEqualTo(Instant.parse("2026-11-18T08:30:00.000Z"));
    assertThat(r.snapshot().accounts().get(1).displayName()).isEqualTo("Bob Builder");
    assertThat(SnapshotFolder.stat(r, "okta/users.json").unknownValues()).isEqualTo(1);
    assertThat(folder.quarantined())
        .extracting(QuarantinedRecord::file, QuarantinedRecord::reason)
        .containsExactly(
            tuple("okta/users.json", "profile.login: missing"),
            tuple("okta/users.json", "lastLogin: unparsable time 'never'"));
  }

  @Test
  void groupsWhenTargetOfActiveRuleThenDynamicWithExpressionOtherwiseStatic() throws Exception {
    SnapshotReadResult r = folder().read();

    assertThat(r.snapshot().groups())
        .extracting(Group::name, Group::kind, Group::membershipRule)
        .containsExactly(
            tuple("Everyone", GroupKind.STATIC, null),
            tuple("Engineering", GroupKind.DYNAMIC, "user.department==\"Engineering\""),
            tuple("Contractors", GroupKind.STATIC, null));
    assertThat(r.snapshot().memberships())
        .containsExactly(
            new GroupMembership(
                new dev.least.model.GroupId("00gEngineering"),
                new Principal(PrincipalKind.USER, "00uAda")));
  }

  @Test
  void appsWhenReadThenLabelStatusAccessPolicyAndDirectAssignmentsOnly() throws Exception {
    SnapshotReadResult r = folder().read();

    assertThat(r.snapshot().apps())
        .extracting(
            App::name,
            App::active,
            a -> a.accessPolicyId() == null ? null : a.accessPolicyId().value())
        .containsExactly(
            tuple("GitHub Enterprise", true, "rst1github"), tuple("Old Wiki", false, null));
    assertThat(r.snapshot().apps().get(0).clientId()).isEqualTo("0oaGithubClient");
    assertThat(r.snapshot().appAssignments())
        .extracting(AppAssignment::principal)
        .containsExactly(
            new Principal(PrincipalKind.USER, "00uAda"),
            new Principal(PrincipalKind.GROUP, "00gEngineering"));
  }
}
