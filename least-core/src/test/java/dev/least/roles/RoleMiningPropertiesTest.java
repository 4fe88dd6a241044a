package dev.least.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RoleMiningPropertiesTest {
  @Provide
  Arbitrary<int[][]> matrices() {
    return Arbitraries.integers()
        .between(1, 14)
        .flatMap(
            cols ->
                Arbitraries.integers()
                    .between(0, 1)
                    .array(int[].class)
                    .ofSize(cols)
                    .array(int[][].class)
                    .ofMinSize(1)
                    .ofMaxSize(16));
  }

  @Property(tries = 300)
  void exactModeCoversEveryAssignmentAndNothingElse(@ForAll("matrices") int[][] cells) {
    AssignmentMatrix m = AssignmentMatrix.of(cells);
    RoleSet rs = new ExactRoleMiner().mine(m);
    assertThat(rs.coverage().exact()).isTrue();
    assertThat(Coverage.of(m, rs.roles())).isEqualTo(new Coverage(m.assignmentCount(), 0, 0));
  }

  @Property(tries = 300)
  void roleCountLiesBetweenTheLowerBoundAndTheDistinctRows(@ForAll("matrices") int[][] cells) {
    AssignmentMatrix m = AssignmentMatrix.of(cells);
    RoleSet rs = new ExactRoleMiner().mine(m);
    Set<String> distinctRows = new HashSet<>();
    for (int u = 0; u < m.userCount(); u++) {
      if (!m.entitlementsOf(u).isEmpty()) {
        distinctRows.add(m.entitlementsOf(u).toString());
      }
    }
    assertThat(rs.size()).isBetween(rs.lowerBound(), distinctRows.size());
  }

  @Property(tries = 200)
  void noiseModeStaysWithinItsBudgetAndNeverOverGrants(
      @ForAll("matrices") int[][] cells, @ForAll("deltas") double delta) {
    AssignmentMatrix m = AssignmentMatrix.of(cells);
    RoleSet exact = new ExactRoleMiner().mine(m);
    RoleSet noisy = new NoiseTolerantRoleMiner(delta).mine(m);
    assertThat(noisy.coverage().overGranted()).isZero();
    assertThat(noisy.coverage().uncovered())
        .isLessThanOrEqualTo((long) (delta * m.assignmentCount()));
    assertThat(noisy.size()).isLessThanOrEqualTo(exact.size());
  }

  @Provide
  Arbitrary<Double> deltas() {
    return Arbitraries.of(0.0, 0.05, 0.1, 0.3);
  }
}
