package dev.least.roles;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One mined matrix, ready to print: the roles, how long mining took, and the consolidation
 * proposals — entitlements whose holder sets are near-duplicates and mined roles whose bundles are
 * near-duplicates (Jaccard ≥ {@link NearDuplicates#CONSOLIDATE}).
 *
 * @param label what was mined (a platform folder such as {@code entra}, or a file name)
 * @param entitlementNames readable names, parallel to the matrix columns
 */
public record RoleMiningReport(
    String label,
    AssignmentMatrix matrix,
    List<String> entitlementNames,
    RoleSet roles,
    long millis,
    List<NearDuplicates.Pair> similarEntitlements,
    List<NearDuplicates.Pair> similarRoles) {
  public RoleMiningReport {
    requireNonNull(label, "label");
    requireNonNull(matrix, "matrix");
    requireNonNull(roles, "roles");
    entitlementNames = List.copyOf(entitlementNames);
    similarEntitlements = List.copyOf(similarEntitlements);
    similarRoles = List.copyOf(similarRoles);
    if (entitlementNames.size() != matrix.entitlementCount()) {
      throw new IllegalArgumentException("one name per entitlement expected");
    }
  }

  /** Mines {@code matrix} and looks for near-duplicates at {@code threshold}. */
  public static RoleMiningReport of(
      String label,
      AssignmentMatrix matrix,
      List<String> entitlementNames,
      RoleMiner miner,
      double threshold) {
    long t0 = System.nanoTime();
    RoleSet rs = miner.mine(matrix);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    List<BitSet> holders = new ArrayList<>();
    for (int p = 0; p < matrix.entitlementCount(); p++) {
      holders.add(matrix.holdersOf(p));
    }
    List<BitSet> bundles = rs.roles().stream().map(MinedRole::entitlements).toList();
    return new RoleMiningReport(
        label,
        matrix,
        entitlementNames,
        rs,
        millis,
        NearDuplicates.find(holders, threshold),
        NearDuplicates.find(bundles, threshold));
  }
}
