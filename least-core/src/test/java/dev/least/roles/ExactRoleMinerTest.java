package dev.least.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden matrices whose optimum was checked by hand (reasoning in each test). */
class ExactRoleMinerTest {
  private final ExactRoleMiner miner = new ExactRoleMiner();

  @Test
  void twoDisjointBlocksGiveTwoProvenRolesWithTheirCohorts() {
    AssignmentMatrix m =
        AssignmentMatrix.of(
            new int[][] {
              {1, 1, 0}, {1, 1, 0}, {1, 1, 0}, {0, 0, 1}, {0, 0, 1},
            });
    RoleSet rs = miner.mine(m);
    assertThat(rs.size()).isEqualTo(2);
    assertThat(rs.provenOptimal()).isTrue();
    assertThat(rs.roles())
        .extracting(r -> r.users().toString() + r.entitlements())
        .containsExactlyInAnyOrder("{0, 1, 2}{0, 1}", "{3, 4}{2}");
  }

  @Test
  void overlappingRolesShareTheUserWhoHoldsBoth() {
    // u2 holds p0..p2; u0 lacks p2 and u1 lacks p0, so one role cannot do: optimum 2,
    // {u0,u2}x{p0,p1} and {u1,u2}x{p1,p2}; (u0,p0) and (u1,p2) are incompatible: bound 2
    AssignmentMatrix m = AssignmentMatrix.of(new int[][] {{1, 1, 0}, {0, 1, 1}, {1, 1, 1}});
    RoleSet rs = miner.mine(m);
    assertThat(rs.size()).isEqualTo(2);
    assertThat(rs.lowerBound()).isEqualTo(2);
    assertThat(rs.coverage().exact()).isTrue();
  }

  @Test
  void crownGraphOfThreeNeedsThreeRoles() {
    // u_i holds every p_j with j != i: 6 cells, the largest biclique has 2, so >= 3; three 2x1
    // roles {u_j,u_k}x{p_i} cover it
    AssignmentMatrix m = AssignmentMatrix.of(new int[][] {{0, 1, 1}, {1, 0, 1}, {1, 1, 0}});
    RoleSet rs = miner.mine(m);
    assertThat(rs.size()).isEqualTo(3);
    assertThat(rs.coverage().exact()).isTrue();
  }

  @Test
  void crownGraphOfFourNeedsFourRoles() {
    // biclique cover number of the crown S4 is the least k with C(k, k/2) >= 4, i.e. 4: three
    // roles would need three 4-cell bicliques {ui,uj}x{pk,pl} that are disjoint, and the two
    // complementary pairs leave 4 pairwise incompatible cells
    AssignmentMatrix m =
        AssignmentMatrix.of(new int[][] {{0, 1, 1, 1}, {1, 0, 1, 1}, {1, 1, 0, 1}, {1, 1, 1, 0}});
    RoleSet rs = miner.mine(m);
    assertThat(rs.size()).isEqualTo(4);
    assertThat(rs.lowerBound()).isLessThanOrEqualTo(4);
    assertThat(rs.coverage().exact()).isTrue();
  }

  @Test
  void identicalUsersAndEntitlementsCollapseBeforeMining() {
    AssignmentMatrix m =
        AssignmentMatrix.of(new int[][] {{1, 1, 1, 0}, {1, 1, 1, 0}, {0, 0, 1, 1}, {0, 0, 0, 0}});
    RoleSet rs = miner.mine(m);
    assertThat(rs.reducedUsers()).isEqualTo(2); // the empty row is dropped
    assertThat(rs.reducedEntitlements()).isEqualTo(3); // p0 and p1 have the same holders
    assertThat(rs.size()).isEqualTo(2);
    assertThat(rs.coverage()).isEqualTo(new Coverage(8, 0, 0));
  }

  @Test
  void emptyMatrixHasNoRolesAndIsTriviallyOptimal() {
    RoleSet rs = miner.mine(AssignmentMatrix.builder().addUser("nobody").build());
    assertThat(rs.roles()).isEmpty();
    assertThat(rs.provenOptimal()).isTrue();
  }

  @Test
  void dominatedCellsAreGrantedByExtendingTheDominatingRole() {
    // u0 ⊂ u1 and the lone p3 of u1: whatever covers u0's cells can take u1 along
    AssignmentMatrix m =
        AssignmentMatrix.of(
            new int[][] {{1, 1, 0, 0}, {1, 1, 1, 1}, {0, 1, 1, 0}, {0, 0, 1, 1}, {1, 0, 0, 1}});
    RoleSet rs = miner.mine(m);
    assertThat(rs.coverage().exact()).isTrue();
    assertThat(rs.size()).isGreaterThanOrEqualTo(rs.lowerBound());
    for (MinedRole r : rs.roles()) {
      BitSet users = r.users();
      for (int u = users.nextSetBit(0); u >= 0; u = users.nextSetBit(u + 1)) {
        BitSet missing = r.entitlements();
        missing.andNot(m.entitlementsOf(u));
        assertThat(missing.cardinality()).as("role grants only what user %s has", u).isZero();
      }
    }
  }

  @Test
  void rolesNeverGrantMoreThanTheMatrixHas() {
    AssignmentMatrix m =
        AssignmentMatrix.builder()
            .add("ann", "crm")
            .add("ann", "mail")
            .add("bob", "mail")
            .add("bob", "vpn")
            .add("cy", "crm")
            .add("cy", "mail")
            .add("cy", "vpn")
            .build();
    RoleSet rs = miner.mine(m);
    assertThat(Coverage.of(m, rs.roles()).overGranted()).isZero();
    assertThat(rs.size()).isEqualTo(2);
    assertThat(m.users()).containsExactly("ann", "bob", "cy");
    assertThat(m.entitlements()).containsExactly("crm", "mail", "vpn");
    assertThat(List.of(m.has(0, 0), m.has(1, 0))).containsExactly(true, false);
  }
}
