package dev.least.connector.entra;

import dev.least.model.LocationId;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.model.Source;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Maps a Graph {@code namedLocation}: {@code ipNamedLocation} (ranges from {@code
 * ipRanges[].cidrAddress}, {@code isTrusted}), {@code countryNamedLocation} ({@code
 * countriesAndRegions}, {@code includeUnknownCountriesAndRegions}; never trusted) and {@code
 * compliantNetworkNamedLocation}. Without {@code @odata.type} the kind is inferred from the fields;
 * an unknown type is kept as UNKNOWN.
 */
final class NamedLocationMapper {
  private NamedLocationMapper() {}

  static NamedLocation map(JsonNode node) {
    GraphObject o = GraphObject.root(node);
    String id = o.requiredText("id");
    String name = o.requiredText("displayName");
    String type = o.text("@odata.type");
    LocationKind kind;
    if (type == null) {
      if (o.get("ipRanges") != null) {
        kind = LocationKind.IP;
      } else if (o.get("countriesAndRegions") != null) {
        kind = LocationKind.COUNTRY;
      } else {
        kind = LocationKind.UNKNOWN;
      }
    } else {
      switch (type) {
        case "#microsoft.graph.ipNamedLocation":
          kind = LocationKind.IP;
          break;
        case "#microsoft.graph.countryNamedLocation":
          kind = LocationKind.COUNTRY;
          break;
        case "#microsoft.graph.compliantNetworkNamedLocation":
          kind = LocationKind.COMPLIANT_NETWORK;
          break;
        default:
          kind = LocationKind.UNKNOWN;
      }
    }
    List<String> ranges = new ArrayList<>();
    for (GraphObject r : o.objects("ipRanges")) {
      ranges.add(r.requiredText("cidrAddress"));
    }
    return new NamedLocation(
        new LocationId(id),
        Source.ENTRA,
        name,
        kind,
        kind != LocationKind.COUNTRY && o.bool("isTrusted", false),
        ranges,
        o.strings("countriesAndRegions"),
        o.bool("includeUnknownCountriesAndRegions", false),
        false,
        true);
  }
}
