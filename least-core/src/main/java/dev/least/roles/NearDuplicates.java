package dev.least.roles;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Near-duplicate sets by Jaccard similarity |A ∩ B| / |A ∪ B| (as midPoint's role analysis). The
 * thresholds Least uses:
 *
 * <ul>
 *   <li>{@link #IDENTICAL} (1.0): the same set; merge without review of membership;
 *   <li>{@link #CONSOLIDATE} (0.8): at most one element in five differs; propose consolidation and
 *       list who would gain and who would lose;
 * </ul>
 *
 * Below 0.8 two sets are treated as different: at 0.8 a 10-member group differs from its peer in at
 * most 2 members, which a reviewer can still check one by one.
 */
public final class NearDuplicates {
  public static final double IDENTICAL = 1.0;
  public static final double CONSOLIDATE = 0.8;

  private NearDuplicates() {}

  /** Two sets (by index in the input list) and how they compare. */
  public record Pair(
      int first, int second, double jaccard, int common, int onlyFirst, int onlySecond) {
    public Pair {
      if (first >= second) {
        throw new IllegalArgumentException(
            "Expected first < second but was " + first + ", " + second);
      }
      if (jaccard < 0 || jaccard > 1) {
        throw new IllegalArgumentException("jaccard must be in [0,1] but was " + jaccard);
      }
    }
  }

  /** Jaccard similarity; two empty sets are identical (1.0). */
  public static double jaccard(BitSet a, BitSet b) {
    BitSet union = (BitSet) a.clone();
    union.or(b);
    int u = union.cardinality();
    if (u == 0) {
      return 1.0;
    }
    BitSet inter = (BitSet) a.clone();
    inter.and(b);
    return (double) inter.cardinality() / u;
  }

  /**
   * Every pair of non-empty sets with Jaccard ≥ {@code threshold}, in index order. Pairs whose
   * sizes alone rule the threshold out (min/max &lt; threshold) are skipped without intersecting.
   */
  public static List<Pair> find(List<BitSet> sets, double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("Expected 0 < threshold <= 1 but was " + threshold);
    }
    List<Pair> out = new ArrayList<>();
    int[] size = sets.stream().mapToInt(BitSet::cardinality).toArray();
    for (int i = 0; i < sets.size(); i++) {
      if (size[i] == 0) {
        continue;
      }
      for (int j = i + 1; j < sets.size(); j++) {
        if (size[j] == 0
            || (double) Math.min(size[i], size[j]) / Math.max(size[i], size[j]) < threshold) {
          continue;
        }
        BitSet inter = (BitSet) sets.get(i).clone();
        inter.and(sets.get(j));
        int common = inter.cardinality();
        double jac = (double) common / (size[i] + size[j] - common);
        if (jac >= threshold) {
          out.add(new Pair(i, j, jac, common, size[i] - common, size[j] - common));
        }
      }
    }
    return out;
  }
}
