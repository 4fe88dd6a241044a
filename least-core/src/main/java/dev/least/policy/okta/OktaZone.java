package dev.least.policy.okta;

import static java.util.Objects.requireNonNull;

import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An Okta network zone, compiled for evaluation: gateways and proxies parsed to {@link IpRange}s,
 * countries upper-cased.
 *
 * @param dynamic a DYNAMIC / DYNAMIC_V2 zone (matched by country); false for an IP zone
 * @param otherCriteria a dynamic zone also conditions on ASNs, proxy type or IP service categories,
 *     which the log cannot decide (reference §4)
 * @param trusted the zone counts for ON_NETWORK / OFF_NETWORK
 */
public record OktaZone(
    String id,
    String name,
    boolean dynamic,
    boolean active,
    boolean blocklist,
    boolean trusted,
    List<IpRange> gateways,
    List<IpRange> proxies,
    Set<String> countries,
    boolean otherCriteria) {
  /** The system zone whose gateways are let through blocklists (HELP about-ip-exempt-zone). */
  public static final String EXEMPT_ZONE_NAME = "DefaultExemptIpZone";

  public OktaZone {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    gateways = List.copyOf(gateways);
    proxies = List.copyOf(proxies);
    countries = Set.copyOf(countries);
  }

  /**
   * The zone a connector mapped to a {@link NamedLocation}: its ranges are the gateways (the model
   * carries no proxies). A dynamic zone without countries conditions on something the model does
   * not carry (ASNs, proxy type, IP service categories), so it is marked {@link #otherCriteria()}.
   */
  public static OktaZone of(NamedLocation location) {
    boolean dynamic =
        location.kind() == LocationKind.DYNAMIC || location.kind() == LocationKind.COUNTRY;
    return new OktaZone(
        location.id().value(),
        location.name(),
        dynamic,
        location.active(),
        location.blocklist(),
        location.trusted(),
        location.ranges().stream().map(IpRange::parse).toList(),
        List.of(),
        location.countries().stream()
            .map(c -> c.toUpperCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet()),
        dynamic && location.countries().isEmpty());
  }

  /** An active IP policy zone with these gateway values (CIDR, range or address). */
  public static OktaZone ip(String id, String name, List<String> gateways, List<String> proxies) {
    return new OktaZone(
        id,
        name,
        false,
        true,
        false,
        false,
        gateways.stream().map(IpRange::parse).toList(),
        proxies.stream().map(IpRange::parse).toList(),
        Set.of(),
        false);
  }

  /** An active dynamic policy zone matching these ISO country codes. */
  public static OktaZone countries(String id, String name, Set<String> countries) {
    return new OktaZone(id, name, true, true, false, false, List.of(), List.of(), countries, false);
  }

  public OktaZone withActive(boolean value) {
    return new OktaZone(
        id, name, dynamic, value, blocklist, trusted, gateways, proxies, countries, otherCriteria);
  }

  public OktaZone withBlocklist(boolean value) {
    return new OktaZone(
        id, name, dynamic, active, value, trusted, gateways, proxies, countries, otherCriteria);
  }

  public OktaZone withTrusted(boolean value) {
    return new OktaZone(
        id, name, dynamic, active, blocklist, value, gateways, proxies, countries, otherCriteria);
  }

  public boolean isGateway(byte[] address) {
    for (IpRange r : gateways) {
      if (r.contains(address)) {
        return true;
      }
    }
    return false;
  }

  public boolean isProxy(byte[] address) {
    for (IpRange r : proxies) {
      if (r.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
