package dev.least.analysis;

import dev.least.model.DenseKeys;
import dev.least.model.SignInLog;
import dev.least.model.SignInOutcome;
import dev.least.model.Source;
import dev.least.policy.entra.PolicyChange;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Mode;
import dev.least.recommend.Patch;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import dev.least.source.CountryCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code restrict_location}: sign-in attempts (a password spray, say) from a country from which no
 * account signed in successfully in the whole window. Flags a country with at least {@code
 * restrictMinAttempts} (default 20) attempts against at least {@code restrictMinAccounts} (default
 * 5) accounts and zero successes. Per platform. Confidence 0.9 with 50 or more attempts, else 0.8;
 * risk low (nobody signs in from there). Impact: Entra replays a country named location with an
 * enabled policy blocking it (all users but the guardrail-protected), Okta a blocklist zone.
 */
public final class RestrictLocationAnalyzer implements PolicyChangeAnalyzer {
  private static final class Tally {
    long attempts;
    long successes;
    final Set<String> accounts = new HashSet<>();
    final List<Integer> samples = new ArrayList<>();
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
  }

  @Override
  public RecommendationType type() {
    return RecommendationType.RESTRICT_LOCATION;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    return in.snapshot().signIns().size() == 0
        ? Optional.of("no sign-in logs in the snapshot")
        : Optional.empty();
  }

  @Override
  public List<Proposal> propose(AnalysisInput in) {
    int minAttempts = in.threshold("restrictMinAttempts", 20);
    int minAccounts = in.threshold("restrictMinAccounts", 5);
    SignInLog log = in.snapshot().signIns();
    Map<String, Tally> tallies = new TreeMap<>();
    // the tally of each (platform, logged country) met so far, null when the country has no code
    DenseKeys places = new DenseKeys();
    List<@Nullable Tally> tallyOf = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      int place = places.id(DenseKeys.pack(log.source(i).ordinal(), log.countryCode(i)));
      if (place == tallyOf.size()) {
        String code = CountryCodes.code(log.country(i));
        tallyOf.add(
            code == null
                ? null
                : tallies.computeIfAbsent(log.source(i).folder() + "|" + code, k -> new Tally()));
      }
      Tally t = tallyOf.get(place);
      if (t == null) {
        continue;
      }
      t.attempts++;
      if (log.outcome(i) == SignInOutcome.SUCCESS) {
        t.successes++;
      }
      String acct = log.string(log.accountCode(i));
      if (acct != null) {
        t.accounts.add(acct);
      }
      if (t.samples.size() < 10) {
        t.samples.add(i);
      }
      long time = log.epochMillis(i);
      t.from = Math.min(t.from, time);
      t.to = Math.max(t.to, time);
    }
    List<Proposal> out = new ArrayList<>();
    for (Map.Entry<String, Tally> e : tallies.entrySet()) {
      Tally t = e.getValue();
      if (t.successes > 0 || t.attempts < minAttempts || t.accounts.size() < minAccounts) {
        continue;
      }
      String platform = e.getKey().substring(0, e.getKey().indexOf('|'));
      String code = e.getKey().substring(e.getKey().indexOf('|') + 1);
      Ref target = new Ref("country", code, null);
      Patch patch =
          Source.OKTA.folder().equals(platform)
              ? new Patch(
                  "POST",
                  "/api/v1/zones",
                  JsonValue.obj(
                      "type", "DYNAMIC",
                      "name", "Blocked country " + code,
                      "status", "ACTIVE",
                      "usage", "BLOCKLIST",
                      "locations", List.of(JsonValue.obj("country", code))))
              : new Patch(
                  "POST",
                  "/identity/conditionalAccess/namedLocations",
                  JsonValue.obj(
                      "@odata.type",
                      "#microsoft.graph.countryNamedLocation",
                      "displayName",
                      "Blocked country " + code,
                      "countriesAndRegions",
                      List.of(code),
                      "includeUnknownCountriesAndRegions",
                      false));
      List<String> samples = t.samples.stream().map(log::eventId).toList();
      String id = Recommendation.stableId(type(), platform, target, List.of());
      String locationId = ProposedPolicies.idFor(id);
      WhatIfChange change =
          Source.OKTA.folder().equals(platform)
              ? new WhatIfChange.Okta(
                  List.of(),
                  List.of(
                      ProposedPolicies.country(
                          locationId, Source.OKTA, "Blocked country " + code, code)))
              : new WhatIfChange.Entra(
                  List.of(
                      new PolicyChange.Added(
                          ProposedPolicies.forAllUsers(
                              locationId + "-policy",
                              "Block sign-ins from " + code,
                              ProposedPolicies.protectedEntraAccounts(in),
                              List.of(),
                              List.of(locationId),
                              List.of("block")))),
                  List.of(
                      ProposedPolicies.country(
                          locationId, Source.ENTRA, "Blocked country " + code, code)));
      out.add(
          new Proposal(
              new Recommendation(
                  id,
                  type(),
                  platform,
                  target,
                  List.of(),
                  "Block sign-ins from "
                      + code
                      + ("okta".equals(platform)
                          ? " with a blocklist network zone"
                          : ": create a country named location and include it in a block policy"),
                  patch,
                  t.attempts >= 50 ? 0.9 : 0.8,
                  Risk.LOW,
                  Map.of("accountsTargeted", (double) t.accounts.size()),
                  t.attempts
                      + " sign-in attempts against "
                      + t.accounts.size()
                      + " accounts from "
                      + code
                      + ", none successful; no account signs in from there",
                  List.of(
                      new Evidence(
                          "count",
                          "attempts from " + code,
                          new JsonValue.Num(t.attempts),
                          samples,
                          Instant.ofEpochMilli(t.from),
                          Instant.ofEpochMilli(t.to)),
                      Evidence.count("accounts targeted", t.accounts.size()),
                      Evidence.count("successful sign-ins from " + code, 0)),
                  Mode.ADVISORY),
              change));
    }
    return out;
  }
}
