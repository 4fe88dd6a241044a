package dev.least.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.bench.ResultTable.Row;
import org.junit.jupiter.api.Test;

class ResultTableTest {
  private static Row row(String name, double seconds, boolean least) {
    return new Row(
        name, "1", seconds / 2, seconds / 2, seconds, 1_000_000, 4_000_000_000L, 3, least);
  }

  @Test
  void leastSpeedupWhenLeastTwiceAsFastThenTwo() {
    ResultTable t = new ResultTable(false);
    Row least = row("Least", 5, true);
    Row jq = row("jq", 10, false);
    t.add(least).add(jq);

    assertThat(t.leastSpeedup(jq)).isEqualTo(2.0);
    assertThat(t.leastSpeedup(least)).isEqualTo(1.0);
    assertThat(t.markdown())
        .contains("| jq | 1 | 5.00 | 5.00 | 10.00 | 400 | 100,000 | 2.00 | 2.00 | 2.00 |");
  }

  @Test
  void markdownWhenLeastPendingThenNoRatioOrThroughputClaimed() {
    ResultTable t = new ResultTable(true);
    t.add(row("Least", 0.01, true)).add(row("jq", 10, false));

    String md = t.markdown();

    assertThat(md)
        .contains(
            "| Least | 1 | 0.01 | 0.01 | 0.01 | pending | pending | pending | pending | pending |");
    assertThat(md)
        .contains("| jq | 1 | 5.00 | 5.00 | 10.00 | 400 | 100,000 | pending | pending | pending |");
    assertThat(t.leastSpeedup(t.rows().get(1))).isNaN();
  }

  @Test
  void markdownWhenPerFileTimeUnknownThenDash() {
    ResultTable t = new ResultTable(false);
    t.add(new Row("Least", "1", Double.NaN, Double.NaN, 2, 10, 2_000_000, 1, true));

    assertThat(t.markdown())
        .contains("| Least | 1 | – | – | 2.00 | 1 | 5 | pending | pending | 1.00 |");
  }

  @Test
  void markdownWhenOnlyOktaReadByLeastThenOnlyTheOktaRatioIsClaimed() {
    ResultTable t = new ResultTable(true, false);
    t.add(new Row("Least", "1", 0.5, 4, 4.5, 1_000, 2_000_000, 1, true))
        .add(new Row("walk", "1", 6, 2, 8, 1_000, 2_000_000, 1, false));

    String md = t.markdown();

    assertThat(md)
        .contains("| walk | 1 | 6.00 | 2.00 | 8.00 | 0 | 125 | pending | 0.50 | pending |");
    assertThat(md)
        .contains(
            "| Least | 1 | 0.50 | 4.00 | 4.50 | pending | pending | pending | 1.00 | pending |");
  }
}
