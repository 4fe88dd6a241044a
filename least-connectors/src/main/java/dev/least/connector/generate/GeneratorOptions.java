package dev.least.connector.generate;

import static java.util.Objects.requireNonNull;

/**
 * What to generate.
 *
 * @param users accounts in the directory (employees, guests, service and break-glass accounts)
 * @param days length of the sign-in log window, ending at capture time
 * @param seed the only source of randomness: same options, same bytes
 * @param badRecords malformed records mixed into the logs, for quarantine tests
 */
public record GeneratorOptions(
    int users, int days, long seed, PlatformChoice platform, int badRecords, String tenant) {
  public static final int MIN_USERS = 100;
  public static final int MAX_USERS = 2_000_000;
  public static final int MAX_DAYS = 400;

  public GeneratorOptions {
    requireNonNull(platform, "platform");
    requireNonNull(tenant, "tenant");
    if (users < MIN_USERS || users > MAX_USERS) {
      throw new IllegalArgumentException(
          "Expected users between " + MIN_USERS + " and " + MAX_USERS + " but was " + users);
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException(
          "Expected days between 1 and " + MAX_DAYS + " but was " + days);
    }
    if (badRecords < 0) {
      throw new IllegalArgumentException("Expected bad records >= 0 but was " + badRecords);
    }
    if (!tenant.matches("[a-z][a-z0-9-]{1,40}")) {
      throw new IllegalArgumentException(
          "Expected a tenant name of lower-case letters, digits and '-' but was '" + tenant + "'");
    }
  }

  /** Defaults: 1,000 users, 30 days, seed 42, both platforms, no bad records, tenant contoso. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(1000, 30, 42L, PlatformChoice.BOTH, 0, "contoso");
  }

  public GeneratorOptions withUsers(int n) {
    return new GeneratorOptions(n, days, seed, platform, badRecords, tenant);
  }

  public GeneratorOptions withDays(int d) {
    return new GeneratorOptions(users, d, seed, platform, badRecords, tenant);
  }

  public GeneratorOptions withSeed(long s) {
    return new GeneratorOptions(users, days, s, platform, badRecords, tenant);
  }

  public GeneratorOptions withPlatform(PlatformChoice p) {
    return new GeneratorOptions(users, days, seed, p, badRecords, tenant);
  }

  public GeneratorOptions withBadRecords(int n) {
    return new GeneratorOptions(users, days, seed, platform, n, tenant);
  }
}
