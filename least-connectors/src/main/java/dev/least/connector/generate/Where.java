package dev.least.connector.generate;

import static java.util.Objects.requireNonNull;

/** Where a sign-in comes from: the egress address and its geolocation as the vendors log it. */
record Where(
    String ip,
    String city,
    String state,
    String country,
    String countryName,
    double lat,
    double lon,
    boolean office) {
  Where {
    requireNonNull(ip, "ip");
    requireNonNull(city, "city");
    requireNonNull(country, "country");
  }

  static Where office(Office o, int host) {
    return new Where(
        o.prefix() + "." + host,
        o.city(),
        o.state(),
        o.country(),
        o.countryName(),
        o.lat(),
        o.lon(),
        true);
  }

  static Where home(Office o, String ip) {
    return new Where(
        ip, o.city(), o.state(), o.country(), o.countryName(), o.lat(), o.lon(), false);
  }
}
