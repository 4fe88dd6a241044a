package dev.least.connector.generate;

/**
 * The planted travel of the {@code impossible_travel} scenarios and their decoys: where a far or a
 * nearby sign-in comes from, and when. Addresses are documentation and benchmarking ranges (RFC
 * 5737, RFC 2544), one /24 per place, so no real network appears and no range gathers enough users
 * to look like a trusted location.
 */
final class Travel {
  private Travel() {}

  /**
   * The far sign-in of a planted traveller, made {@link #impossibleAfterMillis(PlannedUser)} after
   * the morning sign-in at the office: Sydney 55 minutes later, or São Paulo two hours later (every
   * other traveller), or Paris 40 minutes later for someone whose office is in Australia.
   */
  static Where impossible(PlannedUser u) {
    if (u.office().country().equals("AU")) {
      return new Where(
          "198.51.100.79", "Paris", "Ile-de-France", "FR", "France", 48.86, 2.35, false);
    }
    if (u.index() % 2 == 1) {
      return new Where(
          "198.51.100.78", "Sao Paulo", "Sao Paulo", "BR", "Brazil", -23.55, -46.63, false);
    }
    return new Where(
        "198.51.100.77", "Sydney", "New South Wales", "AU", "Australia", -33.87, 151.21, false);
  }

  static long impossibleAfterMillis(PlannedUser u) {
    Where far = impossible(u);
    return switch (far.city()) {
      case "Paris" -> 40 * 60_000L;
      case "Sao Paulo" -> 120 * 60_000L;
      default -> 55 * 60_000L;
    };
  }

  /** truth.json's note for a planted traveller. */
  static String impossibleNote(PlannedUser u) {
    Where far = impossible(u);
    return u.office().city()
        + " office, then "
        + far.city()
        + " "
        + impossibleAfterMillis(u) / 60_000
        + " minutes later ("
        + Math.round(Office.km(u.office().lat(), u.office().lon(), far.lat(), far.lon()))
        + " km), both successful";
  }

  /**
   * A VPN egress or a nearby city under 500 km from the office (the analyzer's distance floor): a
   * hop there and back within minutes is not impossible travel.
   */
  static Where nearby(Office o) {
    return switch (o.city()) {
      case "London" ->
          vpn("198.19.201.10", "Amsterdam", "North Holland", "NL", "Netherlands", 52.37, 4.90);
      case "Manchester" ->
          vpn("198.19.202.10", "Dublin", "Leinster", "IE", "Ireland", 53.35, -6.26);
      case "New York" ->
          vpn("198.19.203.10", "Boston", "Massachusetts", "US", "United States", 42.36, -71.06);
      case "Seattle" ->
          vpn("198.19.204.10", "Portland", "Oregon", "US", "United States", 45.52, -122.68);
      case "Berlin" -> vpn("198.19.205.10", "Prague", "Prague", "CZ", "Czechia", 50.08, 14.44);
      case "Singapore" ->
          vpn("198.19.206.10", "Kuala Lumpur", "Kuala Lumpur", "MY", "Malaysia", 3.14, 101.69);
      default ->
          vpn(
              "198.19.207.10",
              "Canberra",
              "Australian Capital Territory",
              "AU",
              "Australia",
              -35.28,
              149.13);
    };
  }

  /** The second data centre of the two-region service account (Azure Southeast Asia). */
  static Where secondRegion() {
    return vpn("198.19.208.10", "Singapore", "Singapore", "SG", "Singapore", 1.28, 103.83);
  }

  private static Where vpn(
      String ip, String city, String state, String country, String name, double lat, double lon) {
    return new Where(ip, city, state, country, name, lat, lon, false);
  }
}
