package dev.least.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineWalkTest {
  @TempDir Path tmp;

  @Test
  void walkWhenCorpusWrittenThenOneLinePerEvent() throws Exception {
    SignInCorpus.Written w = SignInCorpus.write(tmp, new SignInCorpus.Spec(64, 33, 42, 20));

    assertThat(LineWalk.walk(w.entraFile())).isEqualTo(64);
    assertThat(LineWalk.walk(w.oktaFile())).isEqualTo(33);
  }
}
