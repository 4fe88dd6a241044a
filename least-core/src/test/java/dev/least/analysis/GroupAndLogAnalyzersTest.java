package dev.least.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.ClientAppType;
import dev.least.model.SignInOutcome;
import dev.least.model.TenantSettings;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Recommendation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupAndLogAnalyzersTest {
  @Test
  void identicalStaticGroupsAreMergedIntoTheOneWithMoreAssignments() {
    TenantFixture t = new TenantFixture();
    t.group("g1", "Sales-A", "u1", "u2", "u3");
    t.group("g2", "Sales-B", "u3", "u2", "u1");
    t.group("g3", "Sales-C", "u1", "u2");
    t.assignments.add(
        new dev.least.model.AppAssignment(
            new dev.least.model.AppId("crm"),
            new dev.least.model.Principal(dev.least.model.PrincipalKind.GROUP, "g2")));
    List<Recommendation> recs = new IdenticalGroupsAnalyzer().analyze(t.input());
    assertThat(recs).hasSize(1);
    assertThat(recs.get(0).target().id()).isEqualTo("g2");
    assertThat(recs.get(0).subjects()).extracting(s -> s.id()).containsExactly("g1");
  }

  @Test
  void staticGroupEqualToADepartmentGetsARuleButACorrelatedOneDoesNot() {
    TenantFixture t = new TenantFixture();
    for (String u : List.of("f1", "f2", "f3")) {
      t.account(u, u + "@contoso.com", 100, "Finance");
    }
    for (String u : List.of("s1", "s2", "s3", "s4")) {
      t.account(u, u + "@contoso.com", 100, "Sales");
    }
    t.group("gf", "Finance team", "f1", "f2", "f3");
    t.group("gs", "Sales mostly", "s1", "s2", "s3");
    List<Recommendation> recs = new DynamicGroupRuleAnalyzer().analyze(t.input());
    assertThat(recs).extracting(r -> r.target().id()).containsExactly("gf");
    JsonValue.Obj body = recs.get(0).patch().body();
    assertThat(body.fields().get("membershipRule"))
        .isEqualTo(new JsonValue.Str("(user.department -eq \"Finance\")"));
  }

  @Test
  void sodConflictWhenAUserHoldsBothSidesThroughGroupsAndApps() {
    TenantFixture t = new TenantFixture();
    t.account("u1", "u1@contoso.com", 100, "Finance");
    t.account("u2", "u2@contoso.com", 100, "Finance");
    t.group("g-vendor", "AP-Vendor-Maintenance", "u1", "u2");
    t.app("sap-pay", "SAP Payments", "u1");
    t.settings =
        new TenantSettings(
            TenantSettings.defaults().guardrails(),
            List.of(
                new TenantSettings.SodRule(
                    "SOD-AP-01",
                    "Create vendor and approve payment",
                    new TenantSettings.SodSide(
                        List.of("AP-Vendor-Maintenance"), List.of(), List.of()),
                    new TenantSettings.SodSide(List.of(), List.of("SAP Payments"), List.of()))),
            new TenantSettings.Thresholds(Map.of()));
    List<Recommendation> recs = new SodConflictAnalyzer().analyze(t.input());
    assertThat(recs).extracting(r -> r.target().id()).containsExactly("u1");
    assertThat(recs.get(0).subjects())
        .extracting(s -> s.id())
        .containsExactly("g-vendor", "sap-pay");
  }

  @Test
  void sprayFromACountryNobodyUsesIsRestrictedButAUsedCountryIsNot() {
    TenantFixture t = new TenantFixture();
    for (int i = 0; i < 25; i++) {
      t.signIn("victim" + (i % 6), 3, "KP", ClientAppType.BROWSER, SignInOutcome.FAILURE);
      t.signIn("traveller" + (i % 6), 3, "FR", ClientAppType.BROWSER, SignInOutcome.FAILURE);
    }
    t.signIn("traveller0", 2, "FR", ClientAppType.BROWSER, SignInOutcome.SUCCESS);
    List<Recommendation> recs = new RestrictLocationAnalyzer().analyze(t.input());
    assertThat(recs).extracting(r -> r.target().id()).containsExactly("KP");
    assertThat(recs.get(0).evidence().get(0).sampleEventIds()).hasSize(10);
  }

  @Test
  void legacyAuthThatSucceedsIsBlockedExcludingProtectedUsers() {
    TenantFixture t = new TenantFixture();
    t.account("bg", "breakglass1@contoso.com", 100, null);
    t.account("u1", "u1@contoso.com", 100, "Sales");
    t.signIn("u1", 3, "GB", ClientAppType.OTHER, SignInOutcome.SUCCESS);
    t.signIn("bg", 3, "GB", ClientAppType.EXCHANGE_ACTIVE_SYNC, SignInOutcome.SUCCESS);
    t.signIn("u1", 3, "GB", ClientAppType.BROWSER, SignInOutcome.SUCCESS);
    t.settings =
        new TenantSettings(
            new TenantSettings.Guardrails(List.of("breakglass1@contoso.com"), List.of(), List.of()),
            List.of(),
            new TenantSettings.Thresholds(Map.of()));
    List<Recommendation> recs = new LegacyAuthAnalyzer().analyze(t.input());
    assertThat(recs).hasSize(1);
    assertThat(recs.get(0).subjects()).extracting(s -> s.id()).containsExactly("u1");
    JsonValue.Obj users =
        (JsonValue.Obj)
            ((JsonValue.Obj) recs.get(0).patch().body().fields().get("conditions"))
                .fields()
                .get("users");
    assertThat(users.fields().get("excludeUsers")).isEqualTo(JsonValue.of(List.of("bg")));
    // replayed as enforced: u1's legacy sign-in is newly blocked; the break-glass account's is
    // not (excluded), nor is u1's browser sign-in
    assertThat(recs.get(0).impact())
        .containsEntry("signInsReplayed", 3.0)
        .containsEntry("signInsAffected", 1.0)
        .containsEntry("signInsNewlyBlocked", 1.0)
        .containsEntry("usersAffected", 1.0);
  }

  @Test
  void analysisListsEveryContractTypeEitherAsRunOrSkippedAndOrdersStably() {
    TenantFixture t = new TenantFixture();
    t.account("a", "a@contoso.com", 400, "Sales");
    t.account("b", "b@contoso.com", 400, "Sales");
    Analysis.Report r = new Analysis(Analyzers.defaults()).run(t.input());
    // same risk and impact: ordered by the stable id
    assertThat(r.recommendations()).extracting(x -> x.target().id()).containsOnly("a", "b");
    assertThat(r.recommendations()).extracting(Recommendation::id).isSorted();
    assertThat(new Analysis(Analyzers.defaults()).run(t.input())).isEqualTo(r);
    java.util.Set<String> covered = new java.util.HashSet<>();
    r.skipped().forEach(s -> covered.add(s.analyzer()));
    Analyzers.defaults().forEach(a -> covered.add(a.type().wire()));
    assertThat(covered).hasSize(dev.least.recommend.RecommendationType.values().length);
  }
}
