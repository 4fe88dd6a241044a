package dev.least.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {
  static BitSet bits(int... on) {
    BitSet b = new BitSet();
    for (int i : on) {
      b.set(i);
    }
    return b;
  }

  @Test
  void jaccardIsIntersectionOverUnion() {
    assertThat(NearDuplicates.jaccard(bits(1, 2, 3, 4), bits(2, 3, 4, 5))).isEqualTo(0.6);
    assertThat(NearDuplicates.jaccard(bits(), bits())).isEqualTo(1.0);
  }

  @Test
  void pairsAtOrAboveTheConsolidationThresholdAreFoundWithTheirDifferences() {
    List<BitSet> sets =
        List.of(
            bits(0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
            bits(0, 1, 2, 3, 4, 5, 6, 7, 8, 10), // 9/11 = 0.82 with the first
            bits(0, 1, 2),
            bits());
    List<NearDuplicates.Pair> pairs = NearDuplicates.find(sets, NearDuplicates.CONSOLIDATE);
    assertThat(pairs).hasSize(1);
    NearDuplicates.Pair p = pairs.get(0);
    assertThat(List.of(p.first(), p.second(), p.common(), p.onlyFirst(), p.onlySecond()))
        .containsExactly(0, 1, 9, 1, 1);
    assertThat(p.jaccard()).isCloseTo(9.0 / 11, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void thresholdOutsideTheUnitIntervalIsRejected() {
    assertThatThrownBy(() -> NearDuplicates.find(List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold");
  }
}
