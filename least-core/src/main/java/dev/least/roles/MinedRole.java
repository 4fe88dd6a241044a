package dev.least.roles;

import static java.util.Objects.requireNonNull;

import java.util.BitSet;

/**
 * One mined role: a bundle of entitlements (column indexes) and the cohort of users (row indexes)
 * holding it. Every user of the cohort holds every entitlement of the bundle in the source matrix.
 *
 * @param origin how the miner found it
 */
public record MinedRole(BitSet users, BitSet entitlements, Origin origin) {
  /** How a role was found. */
  public enum Origin {
    /** The unique maximal biclique around some assignment: in some optimal cover. */
    MANDATORY,
    /** Picked by the greedy cover of what the reductions left. */
    GREEDY,
    /** Found by the exhaustive search of a small remainder. */
    SEARCH
  }

  public MinedRole {
    requireNonNull(origin, "origin");
    users = (BitSet) users.clone();
    entitlements = (BitSet) entitlements.clone();
    if (users.isEmpty() || entitlements.isEmpty()) {
      throw new IllegalArgumentException("a role needs at least one user and one entitlement");
    }
  }

  @Override
  public BitSet users() {
    return (BitSet) users.clone();
  }

  @Override
  public BitSet entitlements() {
    return (BitSet) entitlements.clone();
  }

  public int userCount() {
    return users.cardinality();
  }

  public int entitlementCount() {
    return entitlements.cardinality();
  }

  /** Cells the role grants: cohort size × bundle size. */
  public long area() {
    return (long) users.cardinality() * entitlements.cardinality();
  }
}
