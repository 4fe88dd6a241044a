package dev.least.analysis;

import static java.util.Objects.requireNonNull;

import dev.least.model.DenseKeys;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.model.SignInLog;
import dev.least.model.SignInOutcome;
import dev.least.model.Source;
import dev.least.model.TriState;
import dev.least.policy.entra.IpAddress;
import dev.least.policy.entra.IpRange;
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
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * {@code add_trusted_location}: an IPv4 /24 from which at least {@code trustedMinUsers} (default 5)
 * accounts completed MFA successfully on at least {@code trustedMinDays} (default 3) different UTC
 * days, and which no named location (Entra) or network zone (Okta) of that platform contains. One
 * person's home network never qualifies. Confidence 0.9 with 10+ users on 5+ days, else 0.8; risk
 * medium (a trusted network relaxes "outside trusted locations" policies for everyone there).
 * Impact: the location replayed as created (Entra: trusted, so {@code AllTrusted} covers it; Okta:
 * a zone no rule names yet, so no sign-in changes until a rule uses it).
 */
public final class TrustedLocationAnalyzer implements PolicyChangeAnalyzer {
  private static final class Tally {
    final Set<String> users = new HashSet<>();
    final BitSet days = new BitSet(); // UTC days since the log's first

    long signIns;
    final List<Integer> samples = new ArrayList<>();
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
  }

  @Override
  public RecommendationType type() {
    return RecommendationType.ADD_TRUSTED_LOCATION;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    return in.snapshot().signIns().size() == 0
        ? Optional.of("no sign-in logs in the snapshot")
        : Optional.empty();
  }

  @Override
  public List<Proposal> propose(AnalysisInput in) {
    int minUsers = in.threshold("trustedMinUsers", 5);
    int minDays = in.threshold("trustedMinDays", 3);
    SignInLog log = in.snapshot().signIns();
    Map<String, Tally> bySubnet = new TreeMap<>();
    long firstDay = Math.floorDiv(log.minEpochMillis(), 86_400_000L);
    // the tally of each (platform, address) met so far, null when the address is no IPv4 address
    DenseKeys addresses = new DenseKeys();
    List<@Nullable Tally> tallyOf = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      if (log.outcome(i) != SignInOutcome.SUCCESS
          || log.mfaPerformed(i) != TriState.TRUE
          || log.ipCode(i) < 0) {
        continue;
      }
      int address = addresses.id(DenseKeys.pack(log.source(i).ordinal(), log.ipCode(i)));
      if (address == tallyOf.size()) {
        String cidr = slash24(requireNonNull(log.ip(i)));
        tallyOf.add(
            cidr == null
                ? null
                : bySubnet.computeIfAbsent(log.source(i).folder() + "|" + cidr, k -> new Tally()));
      }
      Tally t = tallyOf.get(address);
      if (t == null) {
        continue;
      }
      long time = log.epochMillis(i);
      t.users.add(requireNonNull(log.string(log.accountCode(i))));
      t.days.set(Math.toIntExact(Math.floorDiv(time, 86_400_000L) - firstDay));
      t.signIns++;
      if (t.samples.size() < 10) {
        t.samples.add(i);
      }
      t.from = Math.min(t.from, time);
      t.to = Math.max(t.to, time);
    }
    List<Proposal> out = new ArrayList<>();
    for (Map.Entry<String, Tally> en : bySubnet.entrySet()) {
      Tally t = en.getValue();
      if (t.users.size() < minUsers || t.days.cardinality() < minDays) {
        continue;
      }
      String platform = en.getKey().substring(0, en.getKey().indexOf('|'));
      String cidr = en.getKey().substring(en.getKey().indexOf('|') + 1);
      Source src = "okta".equals(platform) ? Source.OKTA : Source.ENTRA;
      if (covered(cidr, src, in.snapshot().locations())) {
        continue;
      }
      List<Ref> subjects = new ArrayList<>();
      for (String u : new TreeSet<>(t.users)) {
        var a = in.directory().account(u);
        subjects.add(new Ref("user", u, a == null ? null : a.login()));
      }
      Ref target = new Ref("network", cidr, null);
      Patch patch =
          src == Source.OKTA
              ? new Patch(
                  "POST",
                  "/api/v1/zones",
                  JsonValue.obj(
                      "type", "IP",
                      "name", "Trusted " + cidr,
                      "status", "ACTIVE",
                      "usage", "POLICY",
                      "gateways", List.of(JsonValue.obj("type", "CIDR", "value", cidr))))
              : new Patch(
                  "POST",
                  "/identity/conditionalAccess/namedLocations",
                  JsonValue.obj(
                      "@odata.type",
                      "#microsoft.graph.ipNamedLocation",
                      "displayName",
                      "Trusted " + cidr,
                      "isTrusted",
                      true,
                      "ipRanges",
                      List.of(
                          JsonValue.obj(
                              "@odata.type",
                              "#microsoft.graph.iPv4CidrRange",
                              "cidrAddress",
                              cidr))));
      boolean strong = t.users.size() >= 10 && t.days.cardinality() >= 5;
      String id = Recommendation.stableId(type(), platform, target, List.of());
      NamedLocation created =
          ProposedPolicies.network(ProposedPolicies.idFor(id), src, "Trusted " + cidr, cidr);
      WhatIfChange change =
          src == Source.OKTA
              ? new WhatIfChange.Okta(List.of(), List.of(created))
              : new WhatIfChange.Entra(List.of(), List.of(created));
      out.add(
          new Proposal(
              new Recommendation(
                  id,
                  type(),
                  platform,
                  target,
                  subjects,
                  "Add "
                      + cidr
                      + (src == Source.OKTA
                          ? " as a network zone"
                          : " as a trusted named location"),
                  patch,
                  strong ? 0.9 : 0.8,
                  Risk.MEDIUM,
                  Map.of("mfaSignInsObserved", (double) t.signIns),
                  t.users.size()
                      + " accounts completed MFA from "
                      + cidr
                      + " on "
                      + t.days.cardinality()
                      + " days ("
                      + t.signIns
                      + " sign-ins); no named location or zone contains it",
                  List.of(
                      new Evidence(
                          "count",
                          "successful sign-ins with MFA from " + cidr,
                          new JsonValue.Num(t.signIns),
                          t.samples.stream().map(log::eventId).toList(),
                          Instant.ofEpochMilli(t.from),
                          Instant.ofEpochMilli(t.to)),
                      Evidence.count("distinct accounts", t.users.size()),
                      Evidence.count("distinct days", t.days.cardinality())),
                  Mode.ADVISORY),
              change));
    }
    return out;
  }

  static @Nullable String slash24(String ip) {
    String[] p = ip.split("\\.", -1);
    if (p.length != 4) {
      return null;
    }
    for (String s : p) {
      if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(Character::isDigit)) {
        return null;
      }
      if (Integer.parseInt(s) > 255) {
        return null;
      }
    }
    return p[0] + "." + p[1] + "." + p[2] + ".0/24";
  }

  private static boolean covered(String cidr, Source src, List<NamedLocation> locations) {
    String network = cidr.substring(0, cidr.indexOf('/'));
    String last = network.substring(0, network.lastIndexOf('.')) + ".255";
    for (NamedLocation l : locations) {
      if (l.source() != src || l.kind() != LocationKind.IP) {
        continue;
      }
      for (String r : l.ranges()) {
        if (r.contains("-")) {
          long lo = v4(r.substring(0, r.indexOf('-')).trim());
          long hi = v4(r.substring(r.indexOf('-') + 1).trim());
          if (lo >= 0 && hi >= 0 && v4(network) >= lo && v4(last) <= hi) {
            return true;
          }
          continue;
        }
        Optional<IpRange> range = IpRange.parse(r.contains("/") ? r : r + "/32");
        Optional<IpAddress> a = IpAddress.parse(network);
        Optional<IpAddress> b = IpAddress.parse(last);
        if (range.isPresent()
            && a.isPresent()
            && b.isPresent()
            && range.get().contains(a.get())
            && range.get().contains(b.get())) {
          return true;
        }
      }
    }
    return false;
  }

  private static long v4(String ip) {
    String[] p = ip.split("\\.");
    if (p.length != 4) {
      return -1;
    }
    long v = 0;
    try {
      for (String s : p) {
        v = v * 256 + Integer.parseInt(s);
      }
    } catch (NumberFormatException e) {
      return -1;
    }
    return v;
  }
}
