package dev.least.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleCandidateAnalyzerTest {
  /** Four finance users share a group, two apps; a fifth user only has mail. */
  private static TenantFixture financeTenant() {
    TenantFixture t = new TenantFixture();
    for (String u : List.of("f1", "f2", "f3", "f4")) {
      t.account(u, u + "@contoso.com", 100, "Finance");
    }
    t.account("s1", "s1@contoso.com", 100, "Sales");
    t.group("gf", "Finance team", "f1", "f2", "f3", "f4");
    t.app("erp", "ERP", "f1", "f2", "f3", "f4");
    t.app("bi", "BI", "f1", "f2", "f3", "f4");
    t.group("gm", "Mail users", "f1", "f2", "f3", "f4", "s1");
    return t;
  }

  @Test
  void cohortSharingABundleBecomesOneRoleCandidateNamedAfterItsDepartment() {
    List<Recommendation> recs = new RoleCandidateAnalyzer().analyze(financeTenant().input());
    // the minimal cover: {f1..f4} x {gf, erp, bi, gm} and {s1} x {gm}; only the first is big enough
    assertThat(recs).hasSize(1);
    Recommendation r = recs.get(0);
    assertThat(r.type()).isEqualTo(RecommendationType.ROLE_CANDIDATE);
    assertThat(r.target()).isEqualTo(new Ref("tenant", "contoso", "contoso"));
    assertThat(r.subjects()).extracting(Ref::id).containsExactly("f1", "f2", "f3", "f4");
    assertThat(r.suggestedChange())
        .isEqualTo("Create role 'Finance' bundling 4 entitlements for 4 users");
    assertThat(evidence(r, "entitlements bundled in the role").value())
        .isEqualTo(JsonValue.of(List.of("app:bi", "app:erp", "group:gf", "group:gm")));
    assertThat(evidence(r, "assignments covered").value()).isEqualTo(new JsonValue.Num(16));
    assertThat(evidence(r, "assignments on the platform").value()).isEqualTo(new JsonValue.Num(17));
    assertThat(r.impact()).containsEntry("usersAffected", 4.0);
  }

  @Test
  void narrativeStatesOnlyFactsThatHoldInTheSnapshot() {
    TenantFixture t = financeTenant();
    Recommendation r = new RoleCandidateAnalyzer().analyze(t.input()).get(0);
    // 4 users, all 4 entitlements, 16 of 17 assignments, 2 roles in the cover (proven minimal)
    assertThat(r.rationale())
        .startsWith(
            "4 users (f1@contoso.com, f2@contoso.com, f3@contoso.com, f4@contoso.com) each hold"
                + " all 4 entitlements: app 'BI', app 'ERP', group 'Finance team', group 'Mail users'.")
        .contains("covers 16 of the 17 user-entitlement assignments on entra (94.1%)")
        .contains(
            "one of 2 roles that together reproduce every assignment exactly (proven minimal)");
    // every user named holds every entitlement named, per the snapshot itself
    for (String u : List.of("f1", "f2", "f3", "f4")) {
      assertThat(t.memberships)
          .filteredOn(m -> m.member().id().equals(u))
          .extracting(m -> m.group().value())
          .contains("gf", "gm");
      assertThat(t.assignments)
          .filteredOn(a -> a.principal().id().equals(u))
          .extracting(a -> a.app().value())
          .contains("erp", "bi");
    }
    // the Finance team group has exactly the cohort: Jaccard 1.0, nobody gains or loses
    assertThat(r.rationale())
        .contains("Group 'Finance team' has nearly the same members (Jaccard 1.00)")
        .contains("0 more users the bundle and leave 0 cohort members");
  }

  @Test
  void protectedUsersAreLeftOutOfTheCohort() {
    TenantFixture t = financeTenant();
    t.settings =
        new dev.least.model.TenantSettings(
            new dev.least.model.TenantSettings.Guardrails(List.of("f4"), List.of(), List.of()),
            t.settings.sod(),
            t.settings.thresholds());
    Recommendation r = new RoleCandidateAnalyzer().analyze(t.input()).get(0);
    assertThat(r.subjects()).extracting(Ref::id).containsExactly("f1", "f2", "f3");
  }

  private static Evidence evidence(Recommendation r, String label) {
    return r.evidence().stream().filter(e -> e.label().equals(label)).findFirst().orElseThrow();
  }
}
