package dev.least.connector.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {
  @TempDir Path tmp;

  record Line(String text, long number) {}

  private static List<Line> lines(byte[] data) throws IOException {
    List<Line> out = new ArrayList<>();
    JsonLines.forEachLine(
        new ByteArrayInputStream(data),
        (buf, off, len, n) ->
            out.add(new Line(new String(buf, off, len, StandardCharsets.UTF_8), n)));
    return out;
  }

  @Test
  void splitsLinesKeepingTheirNumbersAndSkippingBlankOnes() throws IOException {
    byte[] data = "{\"a\":1}\n\n{\"b\":2}\n   \n{\"c\":3}\n".getBytes(StandardCharsets.UTF_8);
    assertThat(lines(data))
        .containsExactly(
            new Line("{\"a\":1}", 1), new Line("{\"b\":2}", 3), new Line("{\"c\":3}", 5));
  }

  @Test
  void dropsCarriageReturnsOfCrlfLineEnds() throws IOException {
    byte[] data = "{\"a\":1}\r\n{\"b\":2}\r\n".getBytes(StandardCharsets.UTF_8);
    assertThat(lines(data)).containsExactly(new Line("{\"a\":1}", 1), new Line("{\"b\":2}", 2));
  }

  @Test
  void skipsAUtf8ByteOrderMark() throws IOException {
    byte[] body = "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8);
    byte[] data = new byte[body.length + 3];
    data[0] = (byte) 0xEF;
    data[1] = (byte) 0xBB;
    data[2] = (byte) 0xBF;
    System.arraycopy(body, 0, data, 3, body.length);
    assertThat(lines(data)).containsExactly(new Line("{\"a\":1}", 1));
  }

  @Test
  void keepsATruncatedLastLineWithoutNewlineAsARecord() throws IOException {
    byte[] data = "{\"a\":1}\n{\"b\":".getBytes(StandardCharsets.UTF_8);
    assertThat(lines(data)).containsExactly(new Line("{\"a\":1}", 1), new Line("{\"b\":", 2));
  }

  @Test
  void handlesALineOfFiftyMegabytes() throws IOException {
    int size = 50 * 1024 * 1024;
    byte[] data = new byte[size + 20];
    data[0] = '[';
    for (int i = 1; i < size; i++) {
      data[i] = 'x';
    }
    data[size] = ']';
    data[size + 1] = '\n';
    byte[] tail = "{\"z\":1}\n".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(tail, 0, data, size + 2, tail.length);
    byte[] trimmed = java.util.Arrays.copyOf(data, size + 2 + tail.length);
    List<long[]> seen = new ArrayList<>();
    JsonLines.forEachLine(
        new ByteArrayInputStream(trimmed), (buf, off, len, n) -> seen.add(new long[] {len, n}));
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).containsExactly(size + 1, 1);
    assertThat(seen.get(1)).containsExactly(tail.length - 1, 2);
  }

  @Test
  void readsGzippedFilesByName() throws IOException {
    Path gz = tmp.resolve("logs.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("{\"a\":1}\n{\"b\":2}\n".getBytes(StandardCharsets.UTF_8));
    }
    List<String> got = new ArrayList<>();
    long bytes =
        JsonLines.forEachLine(
            gz, (buf, off, len, n) -> got.add(new String(buf, off, len, StandardCharsets.UTF_8)));
    assertThat(got).containsExactly("{\"a\":1}", "{\"b\":2}");
    assertThat(bytes).isEqualTo(16);
  }

  @Property(tries = 200)
  void everyNonBlankLineComesBackExactlyOnceInOrder(
      @ForAll @Size(max = 40) List<@StringLength(max = 30) String> words,
      @ForAll @IntRange(min = 0, max = 1) int crlf)
      throws IOException {
    List<String> nonBlank = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      String clean = w.replace('\n', ' ').replace('\r', ' ').strip();
      b.append(clean).append(crlf == 1 ? "\r\n" : "\n");
      if (!clean.isEmpty()) {
        nonBlank.add(clean);
      }
    }
    List<String> got = new ArrayList<>();
    for (Line l : lines(b.toString().getBytes(StandardCharsets.UTF_8))) {
      got.add(l.text().strip());
    }
    assertThat(got).isEqualTo(nonBlank);
  }

  @Property(tries = 500)
  void newlineSearchFindsTheFirstNewlineAtAnyAlignment(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 255) Integer> bytes,
      @ForAll @IntRange(min = 0, max = 40) int from) {
    byte[] b = new byte[bytes.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (int) bytes.get(i);
    }
    int start = Math.min(from, b.length);
    int want = -1;
    for (int i = start; i < b.length; i++) {
      if (b[i] == '\n') {
        want = i;
        break;
      }
    }
    assertThat(JsonLines.indexOfNewline(b, start, b.length)).isEqualTo(want);
  }
}
