package dev.least.connector.generate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An office: where people sit, its egress range and time zone. Ranges are from reserved address
 * space (RFC 2544 benchmarking, 198.18.0.0/15) so no real organisation's addresses appear.
 *
 * @param listed whether the office's range is a named location / network zone (an office that is
 *     not is the planted "unlisted office range")
 * @param weight share of employees who sit there, in percent
 */
record Office(
    String name,
    String city,
    String state,
    String country,
    String countryName,
    String timeZone,
    String cidr,
    double lat,
    double lon,
    boolean listed,
    int weight) {
  Office {
    requireNonNull(name, "name");
    requireNonNull(city, "city");
    requireNonNull(country, "country");
    requireNonNull(countryName, "countryName");
    requireNonNull(timeZone, "timeZone");
    requireNonNull(cidr, "cidr");
  }

  /** The first three octets of the /24, e.g. {@code 198.18.10}. */
  String prefix() {
    return cidr.substring(0, cidr.lastIndexOf('.'));
  }

  /** The office catalogue; Manchester's range is deliberately not a named location. */
  static final List<Office> ALL =
      List.of(
          new Office(
              "London office",
              "London",
              "England",
              "GB",
              "United Kingdom",
              "Europe/London",
              "198.18.10.0/24",
              51.51,
              -0.13,
              true,
              28),
          new Office(
              "Manchester office",
              "Manchester",
              "England",
              "GB",
              "United Kingdom",
              "Europe/London",
              "198.18.11.0/24",
              53.48,
              -2.24,
              false,
              12),
          new Office(
              "New York office",
              "New York",
              "New York",
              "US",
              "United States",
              "America/New_York",
              "198.18.20.0/24",
              40.71,
              -74.01,
              true,
              20),
          new Office(
              "Seattle office",
              "Seattle",
              "Washington",
              "US",
              "United States",
              "America/Los_Angeles",
              "198.18.21.0/24",
              47.61,
              -122.33,
              true,
              10),
          new Office(
              "Berlin office",
              "Berlin",
              "Berlin",
              "DE",
              "Germany",
              "Europe/Berlin",
              "198.18.30.0/24",
              52.52,
              13.40,
              true,
              14),
          new Office(
              "Singapore office",
              "Singapore",
              "Singapore",
              "SG",
              "Singapore",
              "Asia/Singapore",
              "198.18.40.0/24",
              1.35,
              103.82,
              true,
              8),
          new Office(
              "Sydney office",
              "Sydney",
              "New South Wales",
              "AU",
              "Australia",
              "Australia/Sydney",
              "198.18.50.0/24",
              -33.87,
              151.21,
              true,
              8));

  /** The Manchester office: the planted unlisted range. */
  static Office unlisted() {
    return ALL.get(1);
  }

  /** Great-circle distance in kilometres. */
  static double km(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }
}
