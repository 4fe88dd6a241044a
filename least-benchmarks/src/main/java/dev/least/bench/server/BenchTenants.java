package dev.least.bench.server;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The tenants the benchmark database holds, shared by the loader (how many recommendations each
 * gets) and the load generator (how often each is asked for): a few large tenants and a long tail,
 * some on one platform only, imported weekly for a few months to a year.
 */
public final class BenchTenants {
  private BenchTenants() {}

  /** Which platforms' recommendations a tenant has. */
  public enum Platforms {
    ENTRA,
    OKTA,
    BOTH;

    boolean includes(String platform) {
      return switch (this) {
        case ENTRA -> platform.equals("entra");
        case OKTA -> platform.equals("okta");
        case BOTH -> true;
      };
    }
  }

  /** One tenant: its share of all recommendations and how many weekly snapshots it imported. */
  public record Tenant(String name, double share, Platforms platforms, int snapshots) {
    public Tenant {
      requireNonNull(name, "name");
      requireNonNull(platforms, "platforms");
      if (share <= 0 || snapshots < 1) {
        throw new IllegalArgumentException(
            "share must be > 0 and snapshots >= 1 but were " + share + ", " + snapshots);
      }
    }
  }

  /** Shares add up to 1. */
  public static final List<Tenant> ALL =
      List.of(
          new Tenant("contoso", 0.30, Platforms.BOTH, 52),
          new Tenant("fabrikam", 0.20, Platforms.ENTRA, 40),
          new Tenant("northwind", 0.15, Platforms.BOTH, 26),
          new Tenant("tailspin", 0.11, Platforms.OKTA, 26),
          new Tenant("wingtip", 0.09, Platforms.ENTRA, 20),
          new Tenant("adatum", 0.07, Platforms.BOTH, 13),
          new Tenant("litware", 0.05, Platforms.OKTA, 12),
          new Tenant("proseware", 0.03, Platforms.ENTRA, 8));
}
