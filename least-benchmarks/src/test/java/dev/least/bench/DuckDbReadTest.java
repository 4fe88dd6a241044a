package dev.least.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbReadTest {
  @TempDir Path tmp;

  @Test
  void runWhenCountOrMaterializeThenEveryGeneratedLineIsARow() throws Exception {
    SignInCorpus.Written w = SignInCorpus.write(tmp, new SignInCorpus.Spec(150, 90, 42, 50));

    try (DuckDbRead duck = new DuckDbRead()) {
      duck.threads(1);
      assertThat(duck.version()).startsWith("v1.4.4");
      assertThat(duck.run(DuckDbRead.Query.COUNT, w.entraFile(), true)).isEqualTo(150);
      assertThat(duck.run(DuckDbRead.Query.COUNT, w.oktaFile(), false)).isEqualTo(90);
      assertThat(duck.run(DuckDbRead.Query.MATERIALIZE, w.entraFile(), true)).isEqualTo(150);
      assertThat(duck.run(DuckDbRead.Query.MATERIALIZE, w.oktaFile(), false)).isEqualTo(90);
    }
  }
}
