package dev.least.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An Entra named location or an Okta network zone.
 *
 * @param ranges CIDRs or {@code a-b} ranges (Okta RANGE gateways)
 * @param countries ISO 3166-1 alpha-2 codes (Entra country locations, Okta dynamic zone locations)
 * @param blocklist Okta {@code usage: BLOCKLIST}
 * @param active false for a deactivated Okta zone
 */
public record NamedLocation(
    LocationId id,
    Source source,
    String name,
    LocationKind kind,
    boolean trusted,
    List<String> ranges,
    List<String> countries,
    boolean includeUnknownCountries,
    boolean blocklist,
    boolean active) {
  public NamedLocation {
    requireNonNull(id, "id");
    requireNonNull(source, "source");
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    ranges = List.copyOf(ranges);
    countries = List.copyOf(countries);
  }
}
