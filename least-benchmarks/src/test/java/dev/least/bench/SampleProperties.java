package dev.least.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SampleProperties {
  @Property
  void medianLiesBetweenFastestAndSlowestRun(
      @ForAll @Size(min = 1, max = 15)
          long @LongRange(min = 1, max = 1_000_000_000_000L) [] nanos) {
    double median = new Sample(nanos).medianSeconds();

    assertThat(median)
        .isBetween(
            Arrays.stream(nanos).min().orElseThrow() / 1e9,
            Arrays.stream(nanos).max().orElseThrow() / 1e9);
  }

  @Test
  void medianWhenOddThenMiddleRunWhenEvenThenMeanOfMiddleTwo() {
    assertThat(
            new Sample(new long[] {3_000_000_000L, 1_000_000_000L, 9_000_000_000L}).medianSeconds())
        .isEqualTo(3.0);
    assertThat(
            new Sample(new long[] {4_000_000_000L, 1_000_000_000L, 2_000_000_000L, 9_000_000_000L})
                .medianSeconds())
        .isEqualTo(3.0);
  }

  @Test
  void sampleWhenNoRunsThenRejected() {
    assertThatThrownBy(() -> new Sample(new long[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one run");
  }
}
