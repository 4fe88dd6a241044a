package dev.least.model;

/**
 * A place on the globe in degrees (WGS 84, as the vendors log it).
 *
 * @param latitude in [-90, 90]
 * @param longitude in [-180, 180]
 */
public record GeoPoint(double latitude, double longitude) {
  /** Mean Earth radius (IUGG), the usual radius for great-circle distances. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  public GeoPoint {
    if (!SignInEvent.validLatitude(latitude)) {
      throw new IllegalArgumentException("Expected latitude in [-90, 90] but was " + latitude);
    }
    if (!SignInEvent.validLongitude(longitude)) {
      throw new IllegalArgumentException("Expected longitude in [-180, 180] but was " + longitude);
    }
  }

  /**
   * Great-circle distance in kilometres (haversine), the shortest way round: across the
   * antimeridian when that is shorter.
   */
  public double kilometresTo(GeoPoint other) {
    double p1 = Math.toRadians(latitude);
    double p2 = Math.toRadians(other.latitude);
    double dp = p2 - p1;
    double dl = Math.toRadians(other.longitude - longitude);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return EARTH_RADIUS_KM * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(Math.max(0, 1 - a)));
  }
}
