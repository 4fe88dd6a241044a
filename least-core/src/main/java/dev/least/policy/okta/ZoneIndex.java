package dev.least.policy.okta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The tenant's zones, indexed once; answers zone membership for one request's IP chain. */
final class ZoneIndex {
  /** "After 5 IPs with no gateway, the request is outside the zone" (HELP about-ip-zones). */
  static final int MAX_HOPS = 5;

  private final List<OktaZone> zones;
  private final Map<String, Integer> byId = new HashMap<>();
  private final int exemptZone;

  ZoneIndex(List<OktaZone> zones) {
    this.zones = List.copyOf(zones);
    int exempt = -1;
    for (int i = 0; i < this.zones.size(); i++) {
      OktaZone z = this.zones.get(i);
      byId.put(z.id(), i);
      if (OktaZone.EXEMPT_ZONE_NAME.equals(z.name())) {
        exempt = i;
      }
    }
    this.exemptZone = exempt;
  }

  /** The zone's index, or -1 when the id is not a known zone. */
  int indexOf(String zoneId) {
    return byId.getOrDefault(zoneId, -1);
  }

  OktaZone zone(int index) {
    return zones.get(index);
  }

  int size() {
    return zones.size();
  }

  /** The request's IP chain parsed once; null entries are not IP literals. */
  static byte[] @Nullable [] parseChain(List<String> chain) {
    byte[][] out = new byte[chain.size()][];
    for (int i = 0; i < chain.size(); i++) {
      out[i] = IpRange.addressOrNull(chain.get(i));
    }
    return out;
  }

  /**
   * Whether the request is in the zone. IP zones walk the chain back from the hop that reached
   * Okta: a gateway hit is in the zone, a proxy hit steps one hop back, anything else is out, and
   * after {@link #MAX_HOPS} IPs without a gateway the request is out. Dynamic zones match the
   * client's country. Inactive zones match nothing.
   */
  Match contains(int index, byte @Nullable [][] chain, @Nullable String country) {
    OktaZone z = zones.get(index);
    if (!z.active()) {
      return Match.NO_MATCH;
    }
    if (z.dynamic()) {
      if (country == null) {
        return Match.UNKNOWN;
      }
      if (z.countries().contains(country.toUpperCase(Locale.ROOT))) {
        return Match.MATCH;
      }
      return z.otherCriteria() ? Match.UNKNOWN : Match.NO_MATCH;
    }
    if (chain == null || chain.length == 0) {
      return Match.UNKNOWN;
    }
    int hops = 0;
    for (int i = chain.length - 1; i >= 0 && hops < MAX_HOPS; i--, hops++) {
      byte[] ip = chain[i];
      if (ip == null) {
        return Match.UNKNOWN;
      }
      if (z.isGateway(ip)) {
        return Match.MATCH;
      }
      if (!z.isProxy(ip)) {
        return Match.NO_MATCH;
      }
    }
    return Match.NO_MATCH;
  }

  /**
   * Active blocklist zones that stop the request before policy evaluation. Every IP of the chain is
   * checked; a request whose blocklisted IPs are all gateways of {@code DefaultExemptIpZone} passes
   * (HELP about-ip-exempt-zone).
   */
  List<String> blockedBy(byte @Nullable [][] chain, @Nullable String country) {
    List<String> names = new ArrayList<>();
    boolean allExempt = true;
    OktaZone exempt = exemptZone < 0 ? null : zones.get(exemptZone);
    for (OktaZone z : zones) {
      if (!z.active() || !z.blocklist()) {
        continue;
      }
      boolean hit = false;
      if (z.dynamic()) {
        if (country != null && z.countries().contains(country.toUpperCase(Locale.ROOT))) {
          hit = true;
          allExempt = false; // the exempt zone lists IPs, not countries
        }
      } else if (chain != null) {
        for (byte[] ip : chain) {
          if (ip != null && z.isGateway(ip)) {
            hit = true;
            if (exempt == null || !exempt.active() || !exempt.isGateway(ip)) {
              allExempt = false;
            }
          }
        }
      }
      if (hit) {
        names.add(z.name());
      }
    }
    if (names.isEmpty() || allExempt) {
      return List.of();
    }
    return names;
  }

  boolean hasActiveBlocklist() {
    for (OktaZone z : zones) {
      if (z.active() && z.blocklist()) {
        return true;
      }
    }
    return false;
  }
}
