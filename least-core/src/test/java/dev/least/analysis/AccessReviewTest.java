package dev.least.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.ClientAppType;
import dev.least.model.SignInOutcome;
import dev.least.model.WorkerStatus;
import dev.least.recommend.Recommendation;
import dev.least.review.AccessReview;
import dev.least.review.ReviewItem;
import dev.least.review.Suggestion;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessReviewTest {
  /** Four Sales colleagues hold the CRM; three use it. Alice (u4) does not. */
  static TenantFixture sales() {
    TenantFixture t = new TenantFixture();
    for (String u : List.of("u1", "u2", "u3", "u4")) {
      t.account(u, u + "@contoso.com", 400, "Sales");
    }
    t.app("crm", "CRM", "u1", "u2", "u3", "u4");
    t.group("g-all", "All staff", "u1", "u2", "u3", "u4");
    for (int d = 1; d <= 6; d++) {
      signInToCrm(t, "u1", d);
    }
    signInToCrm(t, "u2", 3);
    signInToCrm(t, "u3", 4);
    return t;
  }

  static void signInToCrm(TenantFixture t, String user, int daysAgo) {
    t.signIn(user, daysAgo, "GB", ClientAppType.BROWSER, SignInOutcome.SUCCESS);
  }

  static ReviewItem item(List<ReviewItem> items, String account, String access) {
    return items.stream()
        .filter(i -> i.accountId().equals(account) && i.access().id().equals(access))
        .findFirst()
        .orElseThrow();
  }

  /** The sales fixture with the CRM app on app id "app", where the fixture's sign-ins go. */
  private static TenantFixture salesWithCrmOnTheLoggedApp() {
    TenantFixture t = sales();
    t.apps.set(
        0,
        new dev.least.model.App(
            new dev.least.model.AppId("crm"),
            dev.least.model.Source.ENTRA,
            "CRM",
            "app",
            null,
            true));
    return t;
  }

  private static void assignCrm(TenantFixture t, String user) {
    t.assignments.add(
        new dev.least.model.AppAssignment(
            new dev.least.model.AppId("crm"),
            new dev.least.model.Principal(dev.least.model.PrincipalKind.USER, user)));
  }

  @Test
  void narrativesStateUsePeersAndGrantPathFromTheSnapshot() {
    TenantFixture t = salesWithCrmOnTheLoggedApp();
    List<ReviewItem> items = new AccessReview(t.input().snapshot(), 90).items();

    ReviewItem heavy = item(items, "u1", "crm");
    assertThat(heavy.suggestion()).isEqualTo(Suggestion.KEEP);
    assertThat(heavy.uses()).isEqualTo(6);
    assertThat(heavy.confidence()).isEqualTo(0.9);
    assertThat(heavy.justification())
        .startsWith("Keep: used 6 times in the last ")
        .contains("held by 3 of 3 colleagues in Sales")
        .endsWith("granted direct");
    assertThat(heavy.sampleEventIds()).hasSize(6);

    ReviewItem idle = item(items, "u4", "crm");
    assertThat(idle.suggestion()).isEqualTo(Suggestion.REVOKE);
    assertThat(idle.peersHolding()).isEqualTo(3);
    assertThat(idle.peersUsing()).isEqualTo(3);
    assertThat(idle.justification()).contains("while 3 of 3 colleagues holding it used it");

    ReviewItem group = item(items, "u4", "g-all");
    assertThat(group.uses()).isEqualTo(-1);
    assertThat(group.suggestion()).isEqualTo(Suggestion.KEEP);
    assertThat(group.justification()).contains("use is not visible in sign-ins");

    assertThat(new UnusedAccessAnalyzer().analyze(t.input()))
        .extracting(Recommendation::suggestedChange)
        .containsExactly("Remove u4@contoso.com from app CRM");
  }

  @Test
  void leaversAreRevokedAndPeopleOnLeaveOrNewHiresOnlyReviewed() {
    TenantFixture t = salesWithCrmOnTheLoggedApp();
    t.worker("E4", "u4@contoso.com", WorkerStatus.LEAVE);
    t.account("u5", "u5@contoso.com", 5, "Sales");
    assignCrm(t, "u5");
    t.worker("E3", "u3@contoso.com", WorkerStatus.TERMINATED);
    List<ReviewItem> items = new AccessReview(t.input().snapshot(), 90).items();

    assertThat(item(items, "u4", "crm").suggestion()).isEqualTo(Suggestion.REVIEW);
    assertThat(item(items, "u4", "crm").justification()).contains("on HR leave");
    assertThat(item(items, "u5", "crm").suggestion()).isEqualTo(Suggestion.REVIEW);
    assertThat(item(items, "u3", "crm").suggestion()).isEqualTo(Suggestion.REVOKE);
    assertThat(item(items, "u3", "crm").justification()).startsWith("Revoke: HR status terminated");
    assertThat(new UnusedAccessAnalyzer().analyze(t.input())).isEmpty();
  }

  @Test
  void itemsOfOneSuggestionAreThoseOfTheFullReview() {
    TenantFixture t = salesWithCrmOnTheLoggedApp();
    t.worker("E4", "u4@contoso.com", WorkerStatus.LEAVE);
    t.account("u5", "u5@contoso.com", 5, "Sales");
    t.account("u6", "u6@contoso.com", 400, "Sales");
    assignCrm(t, "u5");
    assignCrm(t, "u6");
    t.worker("E3", "u3@contoso.com", WorkerStatus.TERMINATED);
    AccessReview review = new AccessReview(t.input().snapshot(), 90);
    List<ReviewItem> all = review.items();

    for (Suggestion s : Suggestion.values()) {
      List<ReviewItem> expected = all.stream().filter(i -> i.suggestion() == s).toList();
      assertThat(expected).as("fixture has a %s item", s).isNotEmpty();
      assertThat(review.items(s)).as("items(%s)", s).isEqualTo(expected);
    }
  }
}
