package dev.least.connector.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncachedFileOutputTest {
  @TempDir Path dir;

  /** Writes {@code bytes} in pieces of random sizes (single bytes among them). */
  private static void writeInPieces(UncachedFileOutput out, byte[] bytes, long seed)
      throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    int at = 0;
    while (at < bytes.length) {
      if (rnd.nextInt(10) == 0) {
        out.write(bytes[at++]);
        continue;
      }
      int n = Math.min(bytes.length - at, 1 + rnd.nextInt(3 << 20));
      out.write(bytes, at, n);
      at += n;
    }
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int k = 0; k < n; k++) {
      b[k] = (byte) rnd.nextInt(256);
    }
    return b;
  }

  @Test
  void writeWhenPastCachedPrefixThenFileHoldsExactlyTheBytes() throws IOException {
    // 3 chunks and a partial block: the first chunk cached, the rest direct where supported
    byte[] bytes = random(3 * UncachedFileOutput.CHUNK + 12_345, 1);
    Path file = dir.resolve("big.jsonl");
    try (UncachedFileOutput out = new UncachedFileOutput(file, UncachedFileOutput.CHUNK)) {
      writeInPieces(out, bytes, 2);
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  @Test
  void writeWhenEndsOnAChunkBoundaryThenNothingLostOrAdded() throws IOException {
    byte[] bytes = random(2 * UncachedFileOutput.CHUNK, 3);
    Path file = dir.resolve("even.jsonl");
    try (UncachedFileOutput out = new UncachedFileOutput(file, 0)) {
      writeInPieces(out, bytes, 4);
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  @Test
  void writeWhenSmallOrEmptyThenCachedAndExact() throws IOException {
    Path empty = dir.resolve("empty.jsonl");
    try (UncachedFileOutput out = new UncachedFileOutput(empty)) {
      assertThat(out.direct()).isFalse();
    }
    assertThat(Files.size(empty)).isZero();

    byte[] bytes = random(5000, 5);
    Path small = dir.resolve("small.jsonl");
    try (UncachedFileOutput out = new UncachedFileOutput(small)) {
      writeInPieces(out, bytes, 6);
      assertThat(out.direct()).isFalse();
    }
    assertThat(Files.readAllBytes(small)).isEqualTo(bytes);
  }

  @Test
  void openWhenFileExistsThenReplacesItsBytes() throws IOException {
    Path file = dir.resolve("old.jsonl");
    Files.write(file, random(UncachedFileOutput.CHUNK + 99, 7));
    byte[] bytes = random(10, 8);
    try (UncachedFileOutput out = new UncachedFileOutput(file, 0)) {
      out.write(bytes);
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  @Test
  void newWhenPrefixNotWholeChunksThenRejected() {
    assertThatThrownBy(() -> new UncachedFileOutput(dir.resolve("x"), 1000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
