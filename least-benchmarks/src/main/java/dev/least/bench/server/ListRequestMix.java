package dev.least.bench.server;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The list requests a security team's dashboard and scripts send, with their shares: mostly a
 * tenant's review inbox (proposed items, first pages), then tenant + type / risk drill-downs,
 * cross-tenant views by type or state, keyset continuation from anywhere in the table, offset pages
 * up to 10,000 rows deep, and a few 500-item pages. Tenants are asked for in proportion to their
 * size; types uniformly over the whole vocabulary (rare and absent types included).
 */
public final class ListRequestMix {
  /** The type vocabulary (contracts/recommendations.md). */
  static final List<String> TYPES =
      List.of(
          "policy_exclusion",
          "add_trusted_location",
          "retire_policy",
          "consolidate_policies",
          "block_legacy_auth",
          "mfa_coverage_gap",
          "restrict_location",
          "relax_mfa_frequency",
          "disable_stale_account",
          "deprovision_orphan",
          "remove_unused_access",
          "dynamic_group_rule",
          "merge_groups",
          "role_candidate",
          "sod_conflict",
          "mfa_fatigue",
          "impossible_travel");

  /** States as people filter on them: the undecided and the in-flight far more than the rest. */
  private static final List<String> STATES =
      List.of(
          "proposed",
          "proposed",
          "proposed",
          "approved",
          "approved",
          "deferred",
          "applying",
          "failed",
          "applied",
          "rejected",
          "rolled_back");

  private static final List<String> RISKS = List.of("high", "high", "medium", "low");

  /** One request: its kind (for per-kind figures) and its path with query. */
  public record Request(String kind, String pathAndQuery) {
    public Request {
      requireNonNull(kind, "kind");
      requireNonNull(pathAndQuery, "pathAndQuery");
    }
  }

  /** The request kinds, in the order of {@link #WEIGHTS}. */
  public static final List<String> KINDS =
      List.of(
          "inbox",
          "tenant",
          "tenant+type",
          "tenant+risk",
          "type",
          "state",
          "4-filters",
          "keyset",
          "deep-offset",
          "page-500");

  private static final double[] WEIGHTS = {30, 12, 12, 8, 8, 5, 5, 12, 5, 3};

  private final SplittableRandom random;
  private final long minId;
  private final long maxId;

  /** {@code minId..maxId}: the id range keyset requests start from. */
  public ListRequestMix(long seed, long minId, long maxId) {
    if (minId < 0 || maxId < minId) {
      throw new IllegalArgumentException(
          "Expected 0 <= minId <= maxId but were " + minId + ", " + maxId);
    }
    this.random = new SplittableRandom(seed);
    this.minId = minId;
    this.maxId = maxId;
  }

  public Request next() {
    String kind = KINDS.get(weighted(WEIGHTS));
    String q =
        switch (kind) {
          case "inbox" -> tenant() + "&state=proposed" + firstPages() + order();
          case "tenant" -> tenant() + firstPages() + order();
          case "tenant+type" ->
              tenant()
                  + "&type="
                  + any(TYPES)
                  + (random.nextBoolean() ? "&state=proposed" : "")
                  + order();
          case "tenant+risk" ->
              tenant() + "&state=proposed&risk=" + any(RISKS) + firstPages() + order();
          case "type" ->
              "type="
                  + any(TYPES)
                  + (random.nextBoolean() ? "&state=" + any(STATES) : "")
                  + order();
          case "state" -> "state=" + any(STATES) + order();
          case "4-filters" ->
              tenant()
                  + "&platform="
                  + (random.nextBoolean() ? "entra" : "okta")
                  + "&type="
                  + any(TYPES)
                  + "&risk="
                  + any(RISKS)
                  + order();
          case "keyset" ->
              tenant()
                  + (random.nextBoolean() ? "&state=proposed" : "")
                  + "&sort=id&after="
                  + (minId + random.nextLong(maxId - minId + 1));
          case "deep-offset" -> tenant() + "&page=" + (20 + random.nextInt(180)) + order();
          case "page-500" -> tenant() + "&state=proposed&size=500" + order();
          default -> throw new IllegalStateException("unknown kind " + kind);
        };
    return new Request(kind, "/api/v1/recommendations?" + q);
  }

  private String tenant() {
    double[] w = BenchTenants.ALL.stream().mapToDouble(BenchTenants.Tenant::share).toArray();
    return "tenant=" + BenchTenants.ALL.get(weighted(w)).name();
  }

  /**
   * The list's order: ranked (the default, no parameter) three times in four, else {@code sort=id}.
   * Keyset requests always ask for id order, the only one {@code after} pages.
   */
  private String order() {
    return random.nextInt(4) == 0 ? "&sort=id" : "";
  }

  /** Page 0 four times in five, else one of pages 1 to 4. */
  private String firstPages() {
    return random.nextInt(5) == 0 ? "&page=" + (1 + random.nextInt(4)) : "";
  }

  private String any(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private int weighted(double[] w) {
    double sum = 0;
    for (double x : w) {
      sum += x;
    }
    double x = random.nextDouble() * sum;
    for (int i = 0; i < w.length; i++) {
      x -= w[i];
      if (x < 0) {
        return i;
      }
    }
    return w.length - 1;
  }
}
