package dev.least.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.bench.ResultTable.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestBenchmarkTest {
  @Test
  void rowWhenOnlyOktaTimeReportedThenOktaMedianKeptAndEntraUnknown() {
    Contender.Label least = new Contender.Label("Least", "1", true);
    List<Contender.Pass> passes =
        List.of(
            new Contender.Pass(-1, 3_000_000_000L, 3_100_000_000L),
            new Contender.Pass(-1, 1_000_000_000L, 1_100_000_000L),
            new Contender.Pass(-1, 2_000_000_000L, 2_100_000_000L));

    Row row = IngestBenchmark.row(least, passes, 10, 20);

    assertThat(row.entraSeconds()).isNaN();
    assertThat(row.oktaSeconds()).isEqualTo(2.0);
    assertThat(row.totalSeconds()).isEqualTo(2.1);
    assertThat(row.runs()).isEqualTo(3);
  }
}
