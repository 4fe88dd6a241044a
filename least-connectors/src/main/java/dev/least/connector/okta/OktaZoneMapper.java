package dev.least.connector.okta;

import dev.least.model.LocationId;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.model.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps an Okta network zone ({@code zones.json}) to a {@link NamedLocation}.
 *
 * <ul>
 *   <li>{@code type}: IP → {@link LocationKind#IP}; DYNAMIC and DYNAMIC_V2 (enhanced) → {@link
 *       LocationKind#DYNAMIC}; anything else UNKNOWN (counted by the caller).
 *   <li>ranges: the {@code value} of every {@code gateways[]} and {@code proxies[]} entry, CIDR or
 *       {@code a-b} RANGE, as Okta gives it (null lists are empty).
 *   <li>countries: DYNAMIC {@code locations[].country}; DYNAMIC_V2 {@code
 *       locations.include[].country} (excluded locations are not modelled).
 *   <li>blocklist: {@code usage: BLOCKLIST} (or the legacy {@code useAsBlackList: true}); active:
 *       {@code status: ACTIVE}.
 *   <li><b>trusted</b>: decided as "an IP zone used for POLICY" — the zones an admin lists in rule
 *       {@code network.include/exclude} as the corporate network (Okta's {@code LegacyIpZone} among
 *       them). Dynamic zones are never trusted: they describe where a request comes from (country,
 *       ASN, anonymizer), not a network the tenant owns. Blocklists are not trusted.
 * </ul>
 */
final class OktaZoneMapper {
  private OktaZoneMapper() {}

  static NamedLocation zone(OktaNode z) {
    String id = z.requiredText("id");
    String name = z.text("name");
    String type = z.text("type");
    LocationKind kind;
    if ("IP".equals(type)) {
      kind = LocationKind.IP;
    } else if ("DYNAMIC".equals(type) || "DYNAMIC_V2".equals(type)) {
      kind = LocationKind.DYNAMIC;
    } else {
      kind = LocationKind.UNKNOWN;
    }
    List<String> ranges = new ArrayList<>();
    for (String list : new String[] {"gateways", "proxies"}) {
      for (OktaNode g : z.objects(list)) {
        String value = g.text("value");
        if (value != null) {
          ranges.add(value);
        }
      }
    }
    List<String> countries = new ArrayList<>();
    List<OktaNode> locations =
        z.node().path("locations").isArray()
            ? z.objects("locations")
            : z.object("locations").objects("include");
    for (OktaNode l : locations) {
      String country = l.text("country");
      if (country != null && !countries.contains(country)) {
        countries.add(country);
      }
    }
    boolean blocklist =
        "BLOCKLIST".equals(z.text("usage")) || Boolean.TRUE.equals(z.bool("useAsBlackList"));
    boolean trusted = kind == LocationKind.IP && "POLICY".equals(z.text("usage")) && !blocklist;
    return new NamedLocation(
        new LocationId(id),
        Source.OKTA,
        name == null ? id : name,
        kind,
        trusted,
        ranges,
        countries,
        false,
        blocklist,
        "ACTIVE".equals(z.text("status")));
  }
}
