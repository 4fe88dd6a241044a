package dev.least.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.AccountStatus;
import dev.least.model.ClientAppType;
import dev.least.model.SignInOutcome;
import dev.least.model.Source;
import dev.least.model.TenantSettings;
import dev.least.model.WorkerStatus;
import dev.least.recommend.Recommendation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountAnalyzersTest {
  @Test
  void staleWhenCreatedLongAgoAndNoSuccessForNinetyDaysThenRecommendedElseNot() {
    TenantFixture t = new TenantFixture();
    t.account("stale", "stale@contoso.com", 400, "Sales");
    t.account("active", "active@contoso.com", 400, "Sales");
    t.account("newhire", "new@contoso.com", 10, "Sales");
    t.account("failing", "failing@contoso.com", 400, "Sales");
    t.account(
        "disabled", "disabled@contoso.com", 400, "Sales", Source.ENTRA, AccountStatus.DISABLED);
    t.account("svc", "svc-backup@contoso.com", 400, null);
    t.account("breakglass", "breakglass1@contoso.com", 400, null);
    t.account("onleave", "leave@contoso.com", 400, "Sales");
    t.worker("E1", "leave@contoso.com", WorkerStatus.LEAVE);
    t.signIn("active", 5, "GB", ClientAppType.BROWSER, SignInOutcome.SUCCESS);
    t.signIn("failing", 3, "GB", ClientAppType.BROWSER, SignInOutcome.FAILURE);
    t.settings =
        new TenantSettings(
            new TenantSettings.Guardrails(List.of("breakglass1@contoso.com"), List.of(), List.of()),
            List.of(),
            new TenantSettings.Thresholds(Map.of()));

    List<Recommendation> recs = new StaleAccountAnalyzer().analyze(t.input());

    assertThat(recs).extracting(r -> r.target().id()).containsExactly("stale", "failing");
    Recommendation stale = recs.get(0);
    assertThat(stale.confidence()).isEqualTo(0.95);
    assertThat(stale.patch().method()).isEqualTo("PATCH");
    assertThat(stale.patch().path()).isEqualTo("/users/stale");
    assertThat(stale.id()).isEqualTo(new StaleAccountAnalyzer().analyze(t.input()).get(0).id());
  }

  @Test
  void staleThresholdComesFromLeastYaml() {
    TenantFixture t = new TenantFixture();
    t.account("a", "a@contoso.com", 400, "Sales");
    t.signIn("a", 40, "GB", ClientAppType.BROWSER, SignInOutcome.SUCCESS);
    assertThat(new StaleAccountAnalyzer().analyze(t.input())).isEmpty();
    t.settings =
        new TenantSettings(
            TenantSettings.defaults().guardrails(),
            List.of(),
            new TenantSettings.Thresholds(Map.of("staleDays", 30.0)));
    assertThat(new StaleAccountAnalyzer().analyze(t.input())).hasSize(1);
  }

  @Test
  void orphanWhenHrTerminatedAndAccountEnabledThenDeprovisionWithOktaDeactivate() {
    TenantFixture t = new TenantFixture();
    t.worker("E1", "gone@contoso.com", WorkerStatus.TERMINATED);
    t.worker("E2", "here@contoso.com", WorkerStatus.ACTIVE);
    t.account("gone-entra", "gone@contoso.com", 400, "Sales");
    t.account("gone-okta", "gone@contoso.com", 400, "Sales", Source.OKTA, AccountStatus.ACTIVE);
    t.account(
        "gone-off", "gone@contoso.com", 400, "Sales", Source.OKTA, AccountStatus.DEPROVISIONED);
    t.account("here", "here@contoso.com", 400, "Sales");

    List<Recommendation> recs = new OrphanAccountAnalyzer().analyze(t.input());

    assertThat(recs).extracting(r -> r.target().id()).containsExactly("gone-entra", "gone-okta");
    assertThat(recs.get(1).platform()).isEqualTo("okta");
    assertThat(recs.get(1).patch().path())
        .isEqualTo("/api/v1/users/gone-okta/lifecycle/deactivate");
    assertThat(recs.get(0).confidence()).isEqualTo(0.95);
  }

  @Test
  void orphanThatSignedInAfterTerminationGetsLowerConfidenceAndSampleIds() {
    TenantFixture t = new TenantFixture();
    t.worker("E1", "gone@contoso.com", WorkerStatus.TERMINATED);
    t.account("gone", "gone@contoso.com", 400, "Sales");
    String ev = t.signIn("gone", 2, "GB", ClientAppType.BROWSER, SignInOutcome.SUCCESS);
    Recommendation r = new OrphanAccountAnalyzer().analyze(t.input()).get(0);
    assertThat(r.confidence()).isEqualTo(0.7);
    assertThat(r.evidence()).anySatisfy(e -> assertThat(e.sampleEventIds()).containsExactly(ev));
  }

  @Test
  void orphanSkippedWithReasonWhenNoHrData() {
    TenantFixture t = new TenantFixture();
    t.account("a", "a@contoso.com", 400, "Sales");
    assertThat(new OrphanAccountAnalyzer().skipReason(t.input()))
        .contains("no HR data (hr/workers.csv)");
  }
}
