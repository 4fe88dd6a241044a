package dev.least.sod;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessCheckTest {
  final List<Account> accounts = new ArrayList<>();
  final List<Group> groups = new ArrayList<>();
  final List<GroupMembership> members = new ArrayList<>();
  final List<App> apps = new ArrayList<>();
  final List<AppAssignment> assignments = new ArrayList<>();

  Account user(String id, String dept) {
    Account a =
        new Account(
            new AccountId(id),
            Source.ENTRA,
            id + "@contoso.com",
            null,
            null,
            AccountStatus.ACTIVE,
            AccountKind.MEMBER,
            null,
            dept,
            null,
            null,
            null,
            null);
    accounts.add(a);
    return a;
  }

  void group(String id, String name, GroupKind kind, String rule, String... memberIds) {
    groups.add(new Group(new GroupId(id), Source.ENTRA, name, kind, rule, true));
    for (String m : memberIds) {
      PrincipalKind k = m.startsWith("g") ? PrincipalKind.GROUP : PrincipalKind.USER;
      members.add(new GroupMembership(new GroupId(id), new Principal(k, m)));
    }
  }

  AccessCheck check(List<TenantSettings.SodRule> rules) {
    TenantSnapshot s =
        new TenantSnapshot(
            new Manifest("t", Instant.parse("2026-11-20T00:00:00Z"), List.of(Source.ENTRA), null),
            List.of(),
            accounts,
            List.of(),
            groups,
            members,
            apps,
            assignments,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            SignInLog.empty());
    EntitlementIndex idx = EntitlementIndex.of(s);
    TenantSettings settings =
        new TenantSettings(
            TenantSettings.defaults().guardrails(),
            rules,
            new TenantSettings.Thresholds(Map.of("sodStarterLibrary", 0.0)));
    return new AccessCheck(idx, SodRules.inForce(settings));
  }

  static TenantSettings.SodRule rule(List<String> leftGroups, List<String> rightApps) {
    return new TenantSettings.SodRule(
        "SOD-1",
        "vendor vs payment",
        new TenantSettings.SodSide(leftGroups, List.of(), List.of()),
        new TenantSettings.SodSide(List.of(), rightApps, List.of()));
  }

  @Test
  void grantingAGroupWhoseParentHoldsTheOtherSideIsAConflictWithThePath() {
    Account u = user("u1", "AP");
    group("g-vendor", "AP-Vendor-Maintenance", GroupKind.STATIC, null, "u1");
    group("g-pay", "Payments team", GroupKind.STATIC, null);
    group("g-parent", "Finance ops", GroupKind.STATIC, null, "g-pay");
    apps.add(new App(new AppId("sap"), Source.ENTRA, "SAP Payments", "c-sap", null, true));
    assignments.add(
        new AppAssignment(new AppId("sap"), new Principal(PrincipalKind.GROUP, "g-parent")));
    AccessCheck c = check(List.of(rule(List.of("AP-Vendor*"), List.of("SAP Payments"))));

    assertThat(c.existing(u)).isEmpty();
    Entitlement add = new Entitlement(Entitlement.Kind.GROUP, "g-pay", "Payments team");
    List<AccessCheck.Conflict> conflicts = c.ifGranted(u, add);
    assertThat(conflicts).hasSize(1);
    assertThat(conflicts.get(0).left().entitlement().id()).isEqualTo("g-vendor");
    assertThat(conflicts.get(0).left().describe()).isEqualTo("direct");
    assertThat(conflicts.get(0).right().entitlement().id()).isEqualTo("sap");
    assertThat(conflicts.get(0).right().describe())
        .isEqualTo("requested group Payments team → group Finance ops");
  }

  @Test
  void grantingSomethingUnrelatedIsAllowed() {
    Account u = user("u1", "AP");
    group("g-vendor", "AP-Vendor-Maintenance", GroupKind.STATIC, null, "u1");
    group("g-wiki", "Wiki editors", GroupKind.STATIC, null);
    AccessCheck c = check(List.of(rule(List.of("AP-Vendor*"), List.of("SAP Payments"))));
    assertThat(c.ifGranted(u, new Entitlement(Entitlement.Kind.GROUP, "g-wiki", "Wiki editors")))
        .isEmpty();
  }

  @Test
  void aDynamicGroupRuleMatchingTheUsersAttributesCanCreateTheConflict() {
    Account u = user("u1", "Accounts Payable");
    group(
        "g-vendor",
        "AP-Vendor-Maintenance",
        GroupKind.DYNAMIC,
        "(user.department -eq \"Accounts Payable\")");
    apps.add(new App(new AppId("sap"), Source.ENTRA, "SAP Payments", "c-sap", null, true));
    AccessCheck c = check(List.of(rule(List.of("AP-Vendor-Maintenance"), List.of("SAP Payments"))));
    List<AccessCheck.Conflict> conflicts =
        c.ifGranted(u, new Entitlement(Entitlement.Kind.APP, "sap", "SAP Payments"));
    assertThat(conflicts).hasSize(1);
    assertThat(conflicts.get(0).viaDynamicRule()).isTrue();
    assertThat(conflicts.get(0).left().describe())
        .contains("dynamic rule of AP-Vendor-Maintenance");
  }

  @Test
  void dynamicRulesEvaluateTheSupportedSubsetAndRefuseTheRest() {
    Account u = user("u1", "Sales");
    assertThat(
            DynamicRule.of(
                    "(user.department -eq \"sales\") -and (user.userPrincipalName -startsWith \"u1\")")
                .matches(u))
        .contains(true);
    assertThat(
            DynamicRule.of("user.department==\"Finance\" OR user.department==\"Sales\"").matches(u))
        .contains(true);
    assertThat(DynamicRule.of("user.department -ne \"Sales\"").matches(u)).contains(false);
    assertThat(DynamicRule.of("user.extensionAttribute1 -eq \"x\"").matches(u)).isEmpty();
    assertThat(DynamicRule.of("(user.department -eq \"Sales\"").matches(u)).isEmpty();
  }

  @Test
  void globsMatchCaseInsensitivelyAndExactNamesMustMatchWhole() {
    assertThat(Glob.matches("*vendor*maint*", "AP-Vendor-Maintenance")).isTrue();
    assertThat(Glob.matches("AP-Vendor", "AP-Vendor-Maintenance")).isFalse();
    assertThat(Glob.matches("ap-vendor-maintenance", "AP-Vendor-Maintenance")).isTrue();
    assertThat(Glob.matches("*pay*", "Payroll (a.b)")).isTrue();
  }
}
