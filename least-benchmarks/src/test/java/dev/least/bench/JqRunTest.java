package dev.least.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JqRunTest {
  @TempDir Path tmp;

  @Test
  void runWhenFileIsJsonLinesThenReturnsWallTime() throws Exception {
    Optional<JqRun> jq = JqRun.find();
    assumeTrue(jq.isPresent(), "jq not installed (bench/ingest.sh installs it)");
    SignInCorpus.Written w = SignInCorpus.write(tmp, new SignInCorpus.Spec(0, 20, 42, 10));

    assertThat(jq.get().run(w.oktaFile())).isPositive();
  }

  @Test
  void runWhenFileIsNotJsonThenFailsNamingTheFile() throws Exception {
    Optional<JqRun> jq = JqRun.find();
    assumeTrue(jq.isPresent(), "jq not installed (bench/ingest.sh installs it)");
    Path bad = Files.writeString(tmp.resolve("bad.jsonl"), "{not json\n");

    assertThatThrownBy(() -> jq.get().run(bad))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("jq exited")
        .hasMessageContaining("bad.jsonl");
  }
}
