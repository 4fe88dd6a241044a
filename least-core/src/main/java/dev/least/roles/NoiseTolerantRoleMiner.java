package dev.least.roles;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * δ-approx role mining (Vaidya, Atluri and Guo, "The role mining problem", SACMAT 2007): the role
 * set may leave up to {@code delta × |UP|} assignments uncovered. Starting from the exact cover,
 * roles are dropped in ascending order of the assignments only they grant, each as long as the
 * total uncovered stays within the budget. Nothing is ever over-granted: a dropped role's
 * assignments stay as direct assignments (exceptions), which is the safe direction for least
 * privilege. Noise typically shows up as one-user or one-entitlement roles, which go first.
 */
public final class NoiseTolerantRoleMiner implements RoleMiner {
  private final RoleMiner exact;
  private final double delta;

  /**
   * @param delta the fraction of assignments that may stay uncovered, in [0, 1)
   */
  public NoiseTolerantRoleMiner(RoleMiner exact, double delta) {
    if (!(delta >= 0 && delta < 1)) {
      throw new IllegalArgumentException("Expected 0 <= delta < 1 but was " + delta);
    }
    this.exact = java.util.Objects.requireNonNull(exact, "exact");
    this.delta = delta;
  }

  public NoiseTolerantRoleMiner(double delta) {
    this(new ExactRoleMiner(), delta);
  }

  public double delta() {
    return delta;
  }

  @Override
  public RoleSet mine(AssignmentMatrix matrix) {
    RoleSet full = exact.mine(matrix);
    long budget = (long) Math.floor(delta * matrix.assignmentCount());
    List<MinedRole> kept = new ArrayList<>(full.roles());
    List<MinedRole> byContribution = new ArrayList<>(kept);
    byContribution.sort(
        Comparator.comparingLong((MinedRole r) -> onlyGrantedBy(r, kept))
            .thenComparingLong(MinedRole::area));
    long uncovered = full.coverage().uncovered();
    for (MinedRole r : byContribution) {
      long lost = onlyGrantedBy(r, kept);
      if (uncovered + lost <= budget) {
        kept.remove(r);
        uncovered += lost;
      }
    }
    int mandatory =
        (int) kept.stream().filter(r -> r.origin() == MinedRole.Origin.MANDATORY).count();
    return new RoleSet(
        kept,
        mandatory,
        0,
        full.reducedUsers(),
        full.reducedEntitlements(),
        Coverage.of(matrix, kept));
  }

  /** Cells {@code role} grants that no other role in {@code roles} grants. */
  static long onlyGrantedBy(MinedRole role, List<MinedRole> roles) {
    BitSet users = role.users();
    BitSet ents = role.entitlements();
    long only = 0;
    for (int u = users.nextSetBit(0); u >= 0; u = users.nextSetBit(u + 1)) {
      BitSet rest = (BitSet) ents.clone();
      for (MinedRole o : roles) {
        if (o != role && o.users().get(u)) {
          rest.andNot(o.entitlements());
        }
      }
      only += rest.cardinality();
    }
    return only;
  }
}
