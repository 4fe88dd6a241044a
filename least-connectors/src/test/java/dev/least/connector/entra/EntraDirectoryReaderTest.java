package dev.least.connector.entra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.model.Account;
import dev.least.model.AccountKind;
import dev.least.model.AccountStatus;
import dev.least.model.App;
import dev.least.model.AppAssignment;
import dev.least.model.AppId;
import dev.least.model.Group;
import dev.least.model.GroupId;
import dev.least.model.GroupKind;
import dev.least.model.GroupMembership;
import dev.least.model.Principal;
import dev.least.model.PrincipalKind;
import dev.least.model.RoleAssignment;
import dev.least.model.RoleDefinition;
import dev.least.model.RoleId;
import dev.least.model.TenantSnapshot;
import dev.least.source.QuarantinedRecord;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directory files of entra/ in Graph v1.0/beta response shapes, with a few bad records. */
class EntraDirectoryReaderTest {
  @TempDir Path dir;
  private TempSnapshot snapshot;
  private TenantSnapshot read;
  private SnapshotReadResult result;

  @BeforeEach
  void build() {
    snapshot =
        new TempSnapshot(dir)
            .write(
                "entra/users.json",
                """
                {"@odata.context":"https://graph.microsoft.com/beta/$metadata#users","value":[
                {"id":"u1","userPrincipalName":"adele@contoso.com","mail":"Adele@contoso.com",
                 "displayName":"Adele Vance","accountEnabled":true,"userType":"Member",
                 "employeeId":"E100","department":"Finance","jobTitle":"Analyst",
                 "createdDateTime":"2021-03-04T10:00:00Z","manager":{"id":"u9"},
                 "signInActivity":{"lastSignInDateTime":"2026-10-01T08:00:00Z",
                   "lastNonInteractiveSignInDateTime":"2026-11-02T09:15:30.1234567Z"}},
                {"id":"u2","userPrincipalName":"guest_fabrikam.com#EXT#@contoso.com",
                 "accountEnabled":false,"userType":"Guest","signInActivity":null},
                {"id":"u3","userPrincipalName":"svc-backup@contoso.com","accountEnabled":"yes"},
                {"id":"u4","userPrincipalName":"p@contoso.com","userType":"Partner"},
                {"userPrincipalName":"noid@contoso.com"}
                ]}
                """)
            .write(
                "entra/groups.json",
                """
                {"value":[
                {"id":"g1","displayName":"Finance","groupTypes":[],"securityEnabled":true},
                {"id":"g2","displayName":"All Sales","groupTypes":["DynamicMembership","Unified"],
                 "membershipRule":"user.department -eq \\"Sales\\"","securityEnabled":false}
                ]}
                """)
            .write(
                "entra/groups/g1/members.json",
                """
                {"value":[
                {"@odata.type":"#microsoft.graph.user","id":"u1"},
                {"@odata.type":"#microsoft.graph.group","id":"g2"},
                {"@odata.type":"#microsoft.graph.servicePrincipal","id":"sp1"},
                {"@odata.type":"#microsoft.graph.device","id":"d1"},
                {"@odata.type":"#microsoft.graph.orgContact","id":"c1"},
                {"@odata.type":"#microsoft.graph.user"}
                ]}
                """)
            .write(
                "entra/servicePrincipals.json",
                """
                {"value":[
                {"id":"sp1","appId":"00000003-0000-0000-c000-000000000000",
                 "displayName":"Microsoft Graph","accountEnabled":true},
                {"id":"sp2","appId":"app-2","appDisplayName":"Payroll","accountEnabled":false}
                ]}
                """)
            .write(
                "entra/servicePrincipals/sp2/appRoleAssignedTo.json",
                """
                {"value":[
                {"id":"a1","principalId":"u1","principalType":"User","resourceId":"sp2",
                 "appRoleId":"00000000-0000-0000-0000-000000000000"},
                {"id":"a2","principalId":"g1","principalType":"Group"},
                {"id":"a3","principalType":"User","resourceId":"sp2"}
                ]}
                """)
            .write(
                "entra/roleManagement/directory/roleDefinitions.json",
                """
                {"value":[
                {"id":"62e90394-69f5-4237-9190-012177145e10","displayName":"Global Administrator",
                 "templateId":"62e90394-69f5-4237-9190-012177145e10","isBuiltIn":true,
                 "isPrivileged":true},
                {"id":"r-custom","displayName":"Helpdesk Lite","templateId":null,"isBuiltIn":false}
                ]}
                """)
            .write(
                "entra/roleManagement/directory/roleAssignments.json",
                """
                {"value":[
                {"id":"ra1","roleDefinitionId":"62e90394-69f5-4237-9190-012177145e10",
                 "principalId":"u1","directoryScopeId":"/"},
                {"id":"ra2","roleDefinitionId":"r-custom","principalId":"g1",
                 "directoryScopeId":"/administrativeUnits/au1"}
                ]}
                """);
    result = snapshot.read();
    read = result.snapshot();
  }

  @Test
  void readWhenUsersThenStatusKindProfileAndLaterSignInMapped() {
    Account adele = read.accounts().get(0);
    assertThat(adele.id().value()).isEqualTo("u1");
    assertThat(adele.login()).isEqualTo("adele@contoso.com");
    assertThat(adele.status()).isEqualTo(AccountStatus.ACTIVE);
    assertThat(adele.kind()).isEqualTo(AccountKind.MEMBER);
    assertThat(adele.employeeId()).isEqualTo("E100");
    assertThat(adele.department()).isEqualTo("Finance");
    assertThat(adele.jobTitle()).isEqualTo("Analyst");
    assertThat(adele.managerId()).isEqualTo("u9");
    assertThat(adele.created()).isEqualTo(Instant.parse("2021-03-04T10:00:00Z"));
    assertThat(adele.lastSignIn()).isEqualTo(Instant.parse("2026-11-02T09:15:30.123Z"));
    Account guest = read.accounts().get(1);
    assertThat(guest.status()).isEqualTo(AccountStatus.DISABLED);
    assertThat(guest.kind()).isEqualTo(AccountKind.GUEST);
    assertThat(guest.lastSignIn()).isNull();
    assertThat(read.accounts().get(2).kind()).isEqualTo(AccountKind.UNKNOWN);
    assertThat(read.accounts()).extracting(a -> a.id().value()).containsExactly("u1", "u2", "u4");
  }

  @Test
  void readWhenBadDirectoryRecordsThenQuarantinedNamingField() {
    assertThat(snapshot.quarantined)
        .extracting(QuarantinedRecord::file, QuarantinedRecord::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "entra/users.json", "accountEnabled: expected a boolean but found a string"),
            org.assertj.core.groups.Tuple.tuple("entra/users.json", "id: missing"),
            org.assertj.core.groups.Tuple.tuple("entra/groups/g1/members.json", "id: missing"),
            org.assertj.core.groups.Tuple.tuple(
                "entra/servicePrincipals/sp2/appRoleAssignedTo.json", "principalId: missing"));
    assertThat(snapshot.quarantined.get(0).line()).isEqualTo(10);
    assertThat(result.quarantined()).isEqualTo(4);
  }

  @Test
  void readWhenGroupsAndMembersThenDynamicRuleAndMemberKindsMapped() {
    assertThat(read.groups())
        .containsExactly(
            new Group(
                new GroupId("g1"),
                dev.least.model.Source.ENTRA,
                "Finance",
                GroupKind.STATIC,
                null,
                true),
            new Group(
                new GroupId("g2"),
                dev.least.model.Source.ENTRA,
                "All Sales",
                GroupKind.DYNAMIC,
                "user.department -eq \"Sales\"",
                false));
    assertThat(read.memberships())
        .extracting(GroupMembership::member)
        .containsExactly(
            new Principal(PrincipalKind.USER, "u1"),
            new Principal(PrincipalKind.GROUP, "g2"),
            new Principal(PrincipalKind.SERVICE_PRINCIPAL, "sp1"),
            new Principal(PrincipalKind.DEVICE, "d1"),
            new Principal(PrincipalKind.OTHER, "c1"));
  }

  @Test
  void readWhenServicePrincipalsAndAssignmentsThenAppsAndAssigneesMapped() {
    assertThat(read.apps())
        .containsExactly(
            new App(
                new AppId("sp1"),
                dev.least.model.Source.ENTRA,
                "Microsoft Graph",
                "00000003-0000-0000-c000-000000000000",
                null,
                true),
            new App(
                new AppId("sp2"), dev.least.model.Source.ENTRA, "Payroll", "app-2", null, false));
    assertThat(read.appAssignments())
        .containsExactly(
            new AppAssignment(new AppId("sp2"), new Principal(PrincipalKind.USER, "u1")),
            new AppAssignment(new AppId("sp2"), new Principal(PrincipalKind.GROUP, "g1")));
  }

  @Test
  void readWhenRoleFilesThenDefinitionsAndScopedAssignmentsMapped() {
    assertThat(read.roles())
        .containsExactly(
            new RoleDefinition(
                new RoleId("62e90394-69f5-4237-9190-012177145e10"),
                "Global Administrator",
                "62e90394-69f5-4237-9190-012177145e10",
                true,
                true),
            new RoleDefinition(new RoleId("r-custom"), "Helpdesk Lite", null, false, false));
    assertThat(read.roleAssignments())
        .extracting(RoleAssignment::scope)
        .containsExactly("/", "/administrativeUnits/au1");
    assertThat(result.files())
        .extracting(f -> f.kind() + ":" + f.records())
        .containsExactly(
            "users:3",
            "groups:2",
            "groupMembers:5",
            "servicePrincipals:2",
            "appRoleAssignedTo:2",
            "roleDefinitions:2",
            "roleAssignments:2");
  }
}
