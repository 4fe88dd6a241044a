package dev.least.analysis;

import dev.least.model.Account;
import dev.least.model.AccountKind;
import dev.least.model.DenseKeys;
import dev.least.model.GeoPoint;
import dev.least.model.PrincipalKind;
import dev.least.model.SignInLog;
import dev.least.model.SignInOutcome;
import dev.least.model.Source;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Mode;
import dev.least.recommend.Patch;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code impossible_travel}: two consecutive successful sign-ins of one user account, with
 * coordinates, at least {@code travelMinKm} (default 500) km apart and at a speed above {@code
 * travelMaxKmh} (default 1000 km/h, faster than an airliner's door-to-door speed) — the same
 * account used from two places no one could travel between in the time.
 *
 * <p>What is compared: per platform account, its successful sign-ins (interactive or not) that
 * carry coordinates, in time order; each with the one before it. Failed and interrupted sign-ins
 * are ignored (an attacker failing from far away is {@code restrict_location}'s business, not
 * evidence that the account is in use from two places), as are sign-ins without coordinates. Hops
 * shorter than {@code travelMinKm} are ignored: IP geolocation puts a VPN egress or a mobile
 * carrier's gateway hundreds of kilometres from the user, mostly within a country. Service accounts
 * are skipped, as they run in several data centres at once by design: workload identities, accounts
 * the directory marks as service accounts ({@link AccountKind#SERVICE}, e.g. an Okta {@code
 * userType} of Service), and user accounts that never signed in interactively in the window (an
 * Entra service account is an ordinary member user; a person signs in interactively at least once
 * in a window). Guardrail-protected accounts are skipped too (break-glass accounts are listed as
 * protected by the analysis, never recommended).
 *
 * <p>Confidence 0.7 for one impossible hop; +0.1 when there are two or more (out and back, or
 * repeated: two places in use at once, not one odd geolocation); +0.1 when even the slowest hop is
 * above three times the threshold (no fast flight or clock skew explains it); at most 0.9. Risk
 * low: the suggested change revokes the account's sessions (the user signs in again) and asks for
 * an investigation. Always advisory.
 */
public final class ImpossibleTravelAnalyzer implements Analyzer {
  /** Default threshold speed, km/h ({@code travelMaxKmh}). */
  public static final int DEFAULT_MAX_KMH = 1000;

  /** Default distance floor, km ({@code travelMinKm}). */
  public static final int DEFAULT_MIN_KM = 500;

  /** Hops listed one by one in the evidence; the count covers all. */
  private static final int MAX_HOPS_SHOWN = 5;

  /** One impossible move between two consecutive successful sign-ins (log indexes). */
  record Hop(int from, int to, double km, double kmh) {}

  @Override
  public RecommendationType type() {
    return RecommendationType.IMPOSSIBLE_TRAVEL;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    SignInLog log = in.snapshot().signIns();
    if (log.size() == 0) {
      return Optional.of("no sign-in logs in the snapshot");
    }
    for (int i = 0; i < log.size(); i++) {
      if (log.hasCoordinates(i)) {
        return Optional.empty();
      }
    }
    return Optional.of(
        "the sign-in logs carry no coordinates (Entra location.geoCoordinates, Okta"
            + " client.geographicalContext.geolocation)");
  }

  @Override
  public List<Recommendation> analyze(AnalysisInput in) {
    int maxKmh = in.threshold("travelMaxKmh", DEFAULT_MAX_KMH);
    int minKm = in.threshold("travelMinKm", DEFAULT_MIN_KM);
    SignInLog log = in.snapshot().signIns();
    AccountTimelines byAccount =
        AccountTimelines.of(
            log,
            i ->
                log.outcome(i) == SignInOutcome.SUCCESS
                    && log.hasCoordinates(i)
                    && log.principalKind(i) == PrincipalKind.USER);
    DenseKeys people = interactiveAccounts(log);
    List<Recommendation> out = new ArrayList<>();
    for (int k = 0; k < byAccount.size(); k++) {
      String account = byAccount.accountId(k);
      Account a = in.directory().account(account);
      if (people.find(byAccount.packedKey(k)) < 0
          || a != null && (a.kind() == AccountKind.SERVICE || in.guardrails().protects(a))) {
        continue;
      }
      int[] idx = byAccount.events(k);
      List<Hop> hops = hops(log, idx, maxKmh, minKm);
      if (!hops.isEmpty()) {
        out.add(recommend(log, log.source(idx[0]), account, a, hops, maxKmh));
      }
    }
    return out;
  }

  /** (platform, account code) of every account with an interactive sign-in in the window. */
  private static DenseKeys interactiveAccounts(SignInLog log) {
    DenseKeys out = new DenseKeys();
    for (int i = 0; i < log.size(); i++) {
      if (log.interactive(i)) {
        out.id(DenseKeys.pack(log.source(i).ordinal(), log.accountCode(i)));
      }
    }
    return out;
  }

  /** Consecutive pairs at least {@code minKm} apart and faster than {@code maxKmh}. */
  static List<Hop> hops(SignInLog log, int[] idx, double maxKmh, double minKm) {
    List<Hop> hops = new ArrayList<>();
    for (int k = 1; k < idx.length; k++) {
      int prev = idx[k - 1];
      int cur = idx[k];
      double km = point(log, prev).kilometresTo(point(log, cur));
      if (km < minKm) {
        continue;
      }
      double hours = (log.epochMillis(cur) - log.epochMillis(prev)) / 3_600_000.0;
      double kmh = hours <= 0 ? Double.POSITIVE_INFINITY : km / hours;
      if (kmh > maxKmh) {
        hops.add(new Hop(prev, cur, km, kmh));
      }
    }
    return hops;
  }

  private static GeoPoint point(SignInLog log, int i) {
    return new GeoPoint(log.latitude(i), log.longitude(i));
  }

  static double confidence(List<Hop> hops, double maxKmh) {
    double slowest = hops.stream().mapToDouble(Hop::kmh).min().orElse(0);
    double c = 0.7;
    if (hops.size() >= 2) {
      c += 0.1;
    }
    if (slowest >= 3 * maxKmh) {
      c += 0.1;
    }
    return Math.min(0.9, Math.round(c * 100) / 100.0);
  }

  private Recommendation recommend(
      SignInLog log,
      Source platform,
      String account,
      @Nullable Account a,
      List<Hop> hops,
      int maxKmh) {
    String name = a == null ? account : a.login();
    Ref target = new Ref("user", account, a == null ? null : a.login());
    Set<String> samples = new LinkedHashSet<>();
    Set<Integer> events = new LinkedHashSet<>();
    for (Hop h : hops) {
      samples.add(log.eventId(h.from()));
      samples.add(log.eventId(h.to()));
      events.add(h.from());
      events.add(h.to());
    }
    Instant from = Instant.ofEpochMilli(log.epochMillis(hops.get(0).from()));
    Instant to = Instant.ofEpochMilli(log.epochMillis(hops.get(hops.size() - 1).to()));
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        new Evidence(
            "count",
            "consecutive successful sign-ins faster than " + maxKmh + " km/h",
            new JsonValue.Num(hops.size()),
            List.copyOf(samples),
            from,
            to));
    for (Hop h : hops.subList(0, Math.min(MAX_HOPS_SHOWN, hops.size()))) {
      evidence.add(hopEvidence(log, h));
    }
    Hop first = hops.get(0);
    String platformName = platform.folder();
    Patch patch =
        platform == Source.OKTA
            ? new Patch("DELETE", "/api/v1/users/" + account + "/sessions", null)
            : new Patch("POST", "/users/" + account + "/revokeSignInSessions", null);
    return new Recommendation(
        Recommendation.stableId(type(), platformName, target, List.of()),
        type(),
        platformName,
        target,
        List.of(),
        "Revoke the sign-in sessions of "
            + name
            + " and check the account: successful sign-ins from "
            + place(log, first.from())
            + " and "
            + place(log, first.to())
            + " "
            + duration(log, first)
            + " apart",
        patch,
        confidence(hops, maxKmh),
        Risk.LOW,
        Map.of("usersAffected", 1.0, "signInsAffected", (double) events.size()),
        hops.size()
            + (hops.size() == 1 ? " hop" : " hops")
            + " between consecutive successful sign-ins faster than "
            + maxKmh
            + " km/h, the first "
            + Math.round(first.km())
            + " km in "
            + duration(log, first)
            + " ("
            + place(log, first.from())
            + " at "
            + Instant.ofEpochMilli(log.epochMillis(first.from()))
            + ", then "
            + place(log, first.to())
            + " at "
            + Instant.ofEpochMilli(log.epochMillis(first.to()))
            + "). No one travels that fast: the account was likely used from two places. Revoke its"
            + " sessions, ask the user which sign-in was theirs, and if one was not, reset the"
            + " credentials and review recent MFA registrations, mailbox rules and consent"
            + " grants.",
        evidence,
        Mode.ADVISORY);
  }

  private static Evidence hopEvidence(SignInLog log, Hop h) {
    long t0 = log.epochMillis(h.from());
    long t1 = log.epochMillis(h.to());
    JsonValue.Obj value =
        JsonValue.obj(
            "from", where(log, h.from()),
            "to", where(log, h.to()),
            "distanceKm", Math.round(h.km()),
            "minutes", Math.round((t1 - t0) / 60_000.0 * 10) / 10.0,
            "speedKmh", Double.isInfinite(h.kmh()) ? "simultaneous" : Math.round(h.kmh()));
    return new Evidence(
        "travel",
        place(log, h.from()) + " → " + place(log, h.to()),
        value,
        List.of(log.eventId(h.from()), log.eventId(h.to())),
        Instant.ofEpochMilli(t0),
        Instant.ofEpochMilli(t1));
  }

  private static JsonValue.Obj where(SignInLog log, int i) {
    return JsonValue.obj(
        "eventId", log.eventId(i),
        "time", Instant.ofEpochMilli(log.epochMillis(i)).toString(),
        "place", place(log, i),
        "ip", String.valueOf(log.ip(i)),
        "latitude", log.latitude(i),
        "longitude", log.longitude(i));
  }

  /** "Sydney, AU", or the coordinates when the log names no city or country. */
  static String place(SignInLog log, int i) {
    String city = log.city(i);
    String country = log.country(i);
    if (city != null && country != null) {
      return city + ", " + country;
    }
    if (city != null) {
      return city;
    }
    if (country != null) {
      return country;
    }
    return String.format(Locale.ROOT, "%.2f, %.2f", log.latitude(i), log.longitude(i));
  }

  /** The time between the hop's sign-ins: "55 minutes", "3.5 hours". */
  private static String duration(SignInLog log, Hop h) {
    long minutes = Math.round((log.epochMillis(h.to()) - log.epochMillis(h.from())) / 60_000.0);
    return minutes < 120
        ? minutes + (minutes == 1 ? " minute" : " minutes")
        : String.format(Locale.ROOT, "%.1f hours", minutes / 60.0);
  }
}
