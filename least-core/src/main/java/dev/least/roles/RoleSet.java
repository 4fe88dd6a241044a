package dev.least.roles;

import java.util.List;

/**
 * The result of mining: the roles, and what is known about how good the set is.
 *
 * @param mandatory roles that the reductions proved belong to some optimal cover
 * @param lowerBound a proven lower bound on the number of roles any exact cover needs: mandatory
 *     roles plus, for the remainder, the exact optimum where the search finished, else a set of
 *     pairwise incompatible assignments; 0 when not computed (noise mode)
 * @param reducedUsers distinct user rows after collapsing identical rows
 * @param reducedEntitlements distinct entitlement columns after collapsing identical columns
 * @param coverage how the roles reproduce the matrix
 */
public record RoleSet(
    List<MinedRole> roles,
    int mandatory,
    int lowerBound,
    int reducedUsers,
    int reducedEntitlements,
    Coverage coverage) {
  public RoleSet {
    roles = List.copyOf(roles);
    java.util.Objects.requireNonNull(coverage, "coverage");
  }

  public int size() {
    return roles.size();
  }

  /** The role count equals the proven lower bound and the cover is exact. */
  public boolean provenOptimal() {
    return coverage.exact() && roles.size() == lowerBound;
  }
}
