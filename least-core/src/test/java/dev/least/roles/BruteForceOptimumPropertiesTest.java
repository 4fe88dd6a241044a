package dev.least.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** On matrices up to 5 × 5 the optimum is found by brute force and the miner must match it. */
class BruteForceOptimumPropertiesTest {
  @Provide
  Arbitrary<int[][]> small() {
    return Arbitraries.integers()
        .between(1, 5)
        .flatMap(
            cols ->
                Arbitraries.integers()
                    .between(0, 1)
                    .array(int[].class)
                    .ofSize(cols)
                    .array(int[][].class)
                    .ofMinSize(1)
                    .ofMaxSize(5));
  }

  @Property(tries = 400)
  void minedCountEqualsTheBruteForceMinimum(@ForAll("small") int[][] cells) {
    AssignmentMatrix m = AssignmentMatrix.of(cells);
    RoleSet rs = new ExactRoleMiner().mine(m);
    int optimum = bruteForce(cells);
    assertThat(rs.size()).isEqualTo(optimum);
    assertThat(rs.lowerBound()).isLessThanOrEqualTo(optimum);
    assertThat(rs.provenOptimal()).isTrue();
  }

  /** Smallest number of maximal bicliques (formal concepts) covering every 1-cell. */
  static int bruteForce(int[][] cells) {
    int users = cells.length;
    int cols = cells[0].length;
    long target = 0;
    for (int u = 0; u < users; u++) {
      for (int p = 0; p < cols; p++) {
        if (cells[u][p] != 0) {
          target |= 1L << (u * cols + p);
        }
      }
    }
    if (target == 0) {
      return 0;
    }
    // concepts: for every non-empty user subset, its common entitlements × everyone holding them
    Set<Long> concepts = new LinkedHashSet<>();
    for (int subset = 1; subset < (1 << users); subset++) {
      int common = (1 << cols) - 1;
      for (int u = 0; u < users; u++) {
        if ((subset & (1 << u)) != 0) {
          common &= rowMask(cells[u]);
        }
      }
      if (common == 0) {
        continue;
      }
      long area = 0;
      for (int u = 0; u < users; u++) {
        if ((rowMask(cells[u]) & common) == common) {
          for (int p = 0; p < cols; p++) {
            if ((common & (1 << p)) != 0) {
              area |= 1L << (u * cols + p);
            }
          }
        }
      }
      concepts.add(area);
    }
    List<Long> list = new ArrayList<>(concepts);
    for (int k = 1; ; k++) {
      if (covers(list, 0, k, 0L, target)) {
        return k;
      }
    }
  }

  private static boolean covers(List<Long> sets, int from, int k, long acc, long target) {
    if ((acc & target) == target) {
      return true;
    }
    if (k == 0) {
      return false;
    }
    for (int i = from; i < sets.size(); i++) {
      if (covers(sets, i + 1, k - 1, acc | sets.get(i), target)) {
        return true;
      }
    }
    return false;
  }

  private static int rowMask(int[] row) {
    int m = 0;
    for (int p = 0; p < row.length; p++) {
      if (row[p] != 0) {
        m |= 1 << p;
      }
    }
    return m;
  }
}
