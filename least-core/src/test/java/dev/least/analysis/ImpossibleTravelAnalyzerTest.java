package dev.least.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.least.model.GeoPoint;
import dev.least.model.SignInOutcome;
import dev.least.model.Source;
import dev.least.model.TenantSettings;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Mode;
import dev.least.recommend.Recommendation;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImpossibleTravelAnalyzerTest {
  private static final Instant T0 = Instant.parse("2026-11-10T08:00:00Z");
  private final ImpossibleTravelAnalyzer analyzer = new ImpossibleTravelAnalyzer();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "NaN",
      value = {
        // columns: note, from (city, lat, lon), to (city, lat, lon), minutes, 2nd outcome, flagged
        "same place,                          London,  51.5072, -0.1276, London,   51.5072, -0.1276,   10, SUCCESS, false",
        "plausible flight Paris-New York,     Paris,   48.8566, 2.3522,  New York, 40.7128, -74.0060, 510, SUCCESS, false",
        "impossible hop Paris-Sydney 40 min,  Paris,   48.8566, 2.3522,  Sydney,  -33.8688, 151.2093,  40, SUCCESS, true",
        "below the distance floor (VPN hop),  London,  51.5072, -0.1276, Manchester, 53.4808, -2.2426, 5, SUCCESS, false",
        "over the floor at train speed,       London,  51.5072, -0.1276, Berlin,   52.5200, 13.4050,  120, SUCCESS, false",
        "over the floor at 1860 km/h,         London,  51.5072, -0.1276, Berlin,   52.5200, 13.4050,   30, SUCCESS, true",
        "antimeridian Suva-Apia 30 min,       Suva,   -18.1416, 178.4419, Apia,   -13.8333, -171.7667, 30, SUCCESS, true",
        "antimeridian Suva-Apia by plane 2h,  Suva,   -18.1416, 178.4419, Apia,   -13.8333, -171.7667, 120, SUCCESS, false",
        "missing coordinates,                 Paris,   48.8566, 2.3522,  Sydney,   NaN,      NaN,       40, SUCCESS, false",
        "failed far sign-in ignored,          Paris,   48.8566, 2.3522,  Sydney,  -33.8688, 151.2093,  40, FAILURE, false",
        "interrupted far sign-in ignored,     Paris,   48.8566, 2.3522,  Sydney,  -33.8688, 151.2093,  40, INTERRUPTED, false",
        "same instant far apart,              Paris,   48.8566, 2.3522,  Sydney,  -33.8688, 151.2093,   0, SUCCESS, true",
      })
  void twoSignInsAreFlaggedOnlyWhenTooFarForTheTimeBetween(
      String note,
      String fromCity,
      double fromLat,
      double fromLon,
      String toCity,
      Double toLat,
      Double toLon,
      int minutes,
      SignInOutcome second,
      boolean flagged) {
    TenantFixture t = new TenantFixture();
    t.account("u1", "ann@contoso.com", 400, "Sales");
    t.signInAt(Source.ENTRA, "u1", T0, fromCity, "XX", fromLat, fromLon, SignInOutcome.SUCCESS);
    t.signInAt(
        Source.ENTRA,
        "u1",
        T0.plusSeconds(60L * minutes),
        toCity,
        "YY",
        toLat == null ? Double.NaN : toLat,
        toLon == null ? Double.NaN : toLon,
        second);
    assertThat(analyzer.analyze(t.input())).as(note).hasSize(flagged ? 1 : 0);
  }

  @Test
  void greatCircleDistanceTakesTheShortWayAcrossTheAntimeridian() {
    double km = new GeoPoint(-18.1416, 178.4419).kilometresTo(new GeoPoint(-13.8333, -171.7667));
    assertThat(km).isCloseTo(1150.7, within(0.5));
    assertThat(new GeoPoint(48.8566, 2.3522).kilometresTo(new GeoPoint(-33.8688, 151.2093)))
        .isCloseTo(16960.5, within(0.5));
  }

  @Test
  void outAndBackHopGivesEvidenceWithBothEventsPlacesDistanceAndSpeed() {
    TenantFixture t = new TenantFixture();
    t.account("u1", "ann@contoso.com", 400, "Sales");
    String paris =
        t.signInAt(Source.ENTRA, "u1", T0, "Paris", "FR", 48.8566, 2.3522, SignInOutcome.SUCCESS);
    String sydney =
        t.signInAt(
            Source.ENTRA,
            "u1",
            T0.plusSeconds(40 * 60),
            "Sydney",
            "AU",
            -33.8688,
            151.2093,
            SignInOutcome.SUCCESS);
    String back =
        t.signInAt(
            Source.ENTRA,
            "u1",
            T0.plusSeconds(70 * 60),
            "Paris",
            "FR",
            48.8566,
            2.3522,
            SignInOutcome.SUCCESS);

    Recommendation r = analyzer.analyze(t.input()).get(0);

    assertThat(r.target()).isEqualTo(new Ref("user", "u1", "ann@contoso.com"));
    assertThat(r.platform()).isEqualTo("entra");
    assertThat(r.subjects()).isEmpty();
    assertThat(r.risk()).isEqualTo(Risk.LOW);
    assertThat(r.mode()).isEqualTo(Mode.ADVISORY);
    // two hops, both far above three times the threshold
    assertThat(r.confidence()).isEqualTo(0.9);
    assertThat(r.patch()).isNotNull();
    assertThat(r.patch().method()).isEqualTo("POST");
    assertThat(r.patch().path()).isEqualTo("/users/u1/revokeSignInSessions");
    assertThat(r.impact()).containsEntry("signInsAffected", 3.0);
    assertThat(r.suggestedChange()).contains("Paris, FR").contains("Sydney, AU").contains("40");
    Evidence count = r.evidence().get(0);
    assertThat(count.value()).isEqualTo(new JsonValue.Num(2));
    assertThat(count.sampleEventIds()).containsExactly(paris, sydney, back);
    assertThat(count.from()).isEqualTo(T0);
    assertThat(count.to()).isEqualTo(T0.plusSeconds(70 * 60));
    Evidence hop = r.evidence().get(1);
    assertThat(hop.kind()).isEqualTo("travel");
    assertThat(hop.label()).isEqualTo("Paris, FR → Sydney, AU");
    assertThat(hop.sampleEventIds()).containsExactly(paris, sydney);
    Map<String, JsonValue> v = ((JsonValue.Obj) hop.value()).fields();
    assertThat(v.get("distanceKm")).isEqualTo(new JsonValue.Num(16961));
    assertThat(v.get("minutes")).isEqualTo(new JsonValue.Num(40));
    assertThat(v.get("speedKmh")).isEqualTo(new JsonValue.Num(25441));
    Map<String, JsonValue> from = ((JsonValue.Obj) v.get("from")).fields();
    assertThat(from.get("eventId")).isEqualTo(new JsonValue.Str(paris));
    assertThat(from.get("place")).isEqualTo(new JsonValue.Str("Paris, FR"));
    assertThat(from.get("time")).isEqualTo(new JsonValue.Str("2026-11-10T08:00:00Z"));
    assertThat(r.evidence()).hasSize(3);
  }

  @Test
  void singleBorderlineHopHasLowerConfidenceAndOktaRevokesSessions() {
    TenantFixture t = new TenantFixture();
    t.account(
        "00u1", "ann@contoso.com", 400, "Sales", Source.OKTA, dev.least.model.AccountStatus.ACTIVE);
    t.signInAt(Source.OKTA, "00u1", T0, "London", "GB", 51.5072, -0.1276, SignInOutcome.SUCCESS);
    // 932 km in 40 minutes: 1,397 km/h, above 1,000 but under three times it
    t.signInAt(
        Source.OKTA,
        "00u1",
        T0.plusSeconds(40 * 60),
        "Berlin",
        "DE",
        52.52,
        13.405,
        SignInOutcome.SUCCESS);

    Recommendation r = analyzer.analyze(t.input()).get(0);

    assertThat(r.confidence()).isEqualTo(0.7);
    assertThat(r.platform()).isEqualTo("okta");
    assertThat(r.patch().method()).isEqualTo("DELETE");
    assertThat(r.patch().path()).isEqualTo("/api/v1/users/00u1/sessions");
  }

  @Test
  void failedSignInBetweenTwoNearbySuccessesIsNotAHop() {
    TenantFixture t = new TenantFixture();
    t.account("u1", "ann@contoso.com", 400, "Sales");
    t.signInAt(Source.ENTRA, "u1", T0, "Paris", "FR", 48.8566, 2.3522, SignInOutcome.SUCCESS);
    t.signInAt(
        Source.ENTRA,
        "u1",
        T0.plusSeconds(600),
        "Sydney",
        "AU",
        -33.8688,
        151.2093,
        SignInOutcome.FAILURE);
    t.signInAt(
        Source.ENTRA,
        "u1",
        T0.plusSeconds(1200),
        "Paris",
        "FR",
        48.8566,
        2.3522,
        SignInOutcome.SUCCESS);
    assertThat(analyzer.analyze(t.input())).isEmpty();
  }

  @Test
  void serviceAccountsAndProtectedUsersAreNeverRecommendedAndProtectedOnesAreListed() {
    TenantFixture t = new TenantFixture();
    t.serviceAccount("svc1", "svc-sync@contoso.com");
    t.account("bg1", "breakglass@contoso.com", 900, "IT");
    t.account("u1", "ann@contoso.com", 400, "Sales");
    for (String who : List.of("svc1", "bg1", "u1")) {
      t.signInAt(Source.ENTRA, who, T0, "Amsterdam", "NL", 52.37, 4.90, SignInOutcome.SUCCESS);
      t.signInAt(
          Source.ENTRA,
          who,
          T0.plusSeconds(600),
          "Singapore",
          "SG",
          1.35,
          103.82,
          SignInOutcome.SUCCESS);
    }
    t.settings =
        new TenantSettings(
            new TenantSettings.Guardrails(List.of("breakglass@contoso.com"), List.of(), List.of()),
            List.of(),
            new TenantSettings.Thresholds(Map.of()));

    AnalysisInput in = t.input();
    Analysis.Report report = new Analysis(List.of(analyzer)).run(in);

    assertThat(report.recommendations()).extracting(r -> r.target().id()).containsExactly("u1");
    assertThat(report.protectedItems()).contains(new Ref("user", "bg1", "breakglass@contoso.com"));
  }

  @Test
  void memberAccountThatNeverSignsInInteractivelyIsTreatedAsAServiceAccount() {
    TenantFixture t = new TenantFixture();
    t.account("svc2", "svc-backup@contoso.com", 400, "IT"); // an Entra service account: a member
    t.account("u1", "ann@contoso.com", 400, "Sales");
    for (String who : List.of("svc2", "u1")) {
      t.signInAt(
          Source.ENTRA, who, T0, "Amsterdam", "NL", 52.37, 4.90, SignInOutcome.SUCCESS, false);
      t.signInAt(
          Source.ENTRA,
          who,
          T0.plusSeconds(3 * 3600),
          "Singapore",
          "SG",
          1.28,
          103.83,
          SignInOutcome.SUCCESS,
          false);
    }
    // ann signs in interactively once: a person, whose token use from two continents counts
    t.signInAt(
        Source.ENTRA,
        "u1",
        T0.minusSeconds(86_400),
        "Amsterdam",
        "NL",
        52.37,
        4.90,
        SignInOutcome.SUCCESS,
        true);
    assertThat(analyzer.analyze(t.input())).extracting(r -> r.target().id()).containsExactly("u1");
  }

  @Test
  void speedAndDistanceThresholdsComeFromLeastYaml() {
    TenantFixture t = new TenantFixture();
    t.account("u1", "ann@contoso.com", 400, "Sales");
    t.signInAt(Source.ENTRA, "u1", T0, "London", "GB", 51.5072, -0.1276, SignInOutcome.SUCCESS);
    t.signInAt(
        Source.ENTRA,
        "u1",
        T0.plusSeconds(30 * 60),
        "Berlin",
        "DE",
        52.52,
        13.405,
        SignInOutcome.SUCCESS);
    assertThat(analyzer.analyze(t.input())).hasSize(1);
    t.settings = withThresholds(Map.of("travelMaxKmh", 2000.0));
    assertThat(analyzer.analyze(t.input())).isEmpty();
    t.settings = withThresholds(Map.of("travelMinKm", 1000.0));
    assertThat(analyzer.analyze(t.input())).isEmpty();
  }

  @Test
  void skippedWithReasonWhenTheLogHasNoCoordinates() {
    TenantFixture t = new TenantFixture();
    t.account("u1", "ann@contoso.com", 400, "Sales");
    assertThat(analyzer.skipReason(t.input())).contains("no sign-in logs in the snapshot");
    t.signIn("u1", 1, "GB", dev.least.model.ClientAppType.BROWSER, SignInOutcome.SUCCESS);
    assertThat(analyzer.skipReason(t.input()))
        .hasValueSatisfying(reason -> assertThat(reason).contains("no coordinates"));
    t.signInAt(Source.ENTRA, "u1", T0, "London", "GB", 51.5, -0.13, SignInOutcome.SUCCESS);
    assertThat(analyzer.skipReason(t.input())).isEmpty();
  }

  private static TenantSettings withThresholds(Map<String, Double> values) {
    return new TenantSettings(
        TenantSettings.defaults().guardrails(), List.of(), new TenantSettings.Thresholds(values));
  }
}
