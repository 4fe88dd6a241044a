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
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

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

  /** What a reader made of one line: its text, or the error it threw. */
  record Outcome(long line, String result) {}

  /** Reads one object: its {@code "v"} field, or throws for a record without it. */
  private static String valueOf(JsonCursor p) {
    String v = null;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equals("v")) {
        v = p.getString();
      } else {
        p.skipChildren();
      }
    }
    if (v == null) {
      throw new BadRecordException("v: missing");
    }
    return v;
  }

  /** Line by line: a fresh parser per line, as the readers did before forEachObject. */
  private static Outcome alone(byte[] buf, int off, int len, long n) {
    try (JsonParser p = JsonInput.parser(buf, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new Outcome(n, "bad: not an object");
      }
      String v = valueOf(JsonCursor.of(p));
      if (p.nextToken() != null) {
        return new Outcome(n, "bad: content after the object");
      }
      return new Outcome(n, v);
    } catch (BadRecordException e) {
      return new Outcome(n, "bad: " + e.getMessage());
    } catch (JacksonException e) {
      return new Outcome(n, "bad JSON: " + e.getOriginalMessage());
    }
  }

  @Test
  void objectsGiveTheSameResultsAndErrorsAsLineByLineAndTakeTheFastPathForPlainLines()
      throws IOException {
    String text =
        "{\"v\":\"a\"}\n"
            + "\n"
            + "  {\"v\":\"leading blanks\"}\n"
            + "{\"v\":\"crlf\"}\r\n"
            + "{\"w\":1}\n" // bad record
            + "{\"v\":\"two\"} {\"v\":\"values\"}\n"
            + "{\"v\":\"trailing blanks\"} \t\n"
            + "{\"v\":\n" // an object spread over two lines: both lines are bad
            + "\"spread\"}\n"
            + "{\"v\":\"b\", oops}\n" // invalid JSON
            + "[1,2]\n"
            + "{\"v\":\"c\",\"x\":{\"y\":[1,{\"z\":null}]}}\n"
            + "{\"v\":\"no newline at the end\"}";
    byte[] data = text.getBytes(StandardCharsets.UTF_8);

    List<Outcome> lineByLine = new ArrayList<>();
    JsonLines.forEachLine(
        new ByteArrayInputStream(data),
        (buf, off, len, n) -> lineByLine.add(alone(buf, off, len, n)));

    List<Outcome> got = new ArrayList<>();
    List<Long> fast = new ArrayList<>();
    JsonLines.forEachObject(
        new ByteArrayInputStream(data),
        JsonLinesTest::valueOf,
        (v, n) -> {
          got.add(new Outcome(n, v));
          fast.add(n);
        },
        (buf, off, len, n) -> got.add(alone(buf, off, len, n)));

    assertThat(got).isEqualTo(lineByLine);
    assertThat(lineByLine)
        .extracting(Outcome::line)
        .containsExactly(1L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
    assertThat(lineByLine.get(3).result()).isEqualTo("bad: v: missing");
    assertThat(lineByLine.get(4).result()).isEqualTo("bad: content after the object");
    assertThat(lineByLine.get(6).result()).startsWith("bad JSON");
    assertThat(fast).containsExactly(1L, 4L, 7L, 12L);
  }

  @Property(tries = 200)
  void objectsAgreeWithLineByLineOnAnyMixOfGoodAndBadLines(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 7) Integer> kinds,
      @ForAll @IntRange(min = 0, max = 1) int crlf)
      throws IOException {
    String[] shapes = {
      "{\"v\":\"%d\"}",
      "{\"a\":[1,2,{\"b\":true}],\"v\":\"%d\"}",
      "",
      "{\"v\":%d}",
      "{\"v\":\"%d\"",
      "{\"x\":%d}",
      " {\"v\":\"%d\"} x",
      "\"%d\""
    };
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < kinds.size(); i++) {
      b.append(String.format(java.util.Locale.ROOT, shapes[kinds.get(i)], i));
      b.append(crlf == 1 ? "\r\n" : "\n");
    }
    byte[] data = b.toString().getBytes(StandardCharsets.UTF_8);
    List<Outcome> lineByLine = new ArrayList<>();
    JsonLines.forEachLine(
        new ByteArrayInputStream(data),
        (buf, off, len, n) -> lineByLine.add(alone(buf, off, len, n)));
    List<Outcome> got = new ArrayList<>();
    JsonLines.forEachObject(
        new ByteArrayInputStream(data),
        JsonLinesTest::valueOf,
        (v, n) -> got.add(new Outcome(n, v)),
        (buf, off, len, n) -> got.add(alone(buf, off, len, n)));
    assertThat(got).isEqualTo(lineByLine);
  }

  /** Every line handed on: text (as read, or via the fallback path), absolute line number. */
  private static List<Line> objects(Path file, List<JsonLines.ByteRange> ranges)
      throws IOException {
    List<Line> out = new ArrayList<>();
    long offset = 0;
    for (JsonLines.ByteRange r : ranges) {
      long base = offset;
      offset +=
          JsonLines.forEachObject(
              file,
              r,
              p -> {
                p.skipChildren();
                return "object";
              },
              (v, n) -> out.add(new Line(v, base + n)),
              (buf, off, len, n) ->
                  out.add(new Line(new String(buf, off, len, StandardCharsets.UTF_8), base + n)));
    }
    return out;
  }

  @Property(tries = 150)
  void rangesCutAtLineEndsReadExactlyAsTheWholeFile(
      @ForAll @Size(max = 30) List<@StringLength(max = 40) String> values,
      @ForAll boolean bom,
      @ForAll boolean crlf,
      @ForAll boolean lastNewline,
      @ForAll @IntRange(min = 1, max = 12) int parts)
      throws IOException {
    StringBuilder b = new StringBuilder(bom ? "\uFEFF" : "");
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i).replaceAll("[^A-Za-z0-9 {}:]", "");
      // objects, blank lines and junk, as logs have them
      b.append(i % 4 == 3 ? v : "{\"v\":\"" + v + "\"}");
      if (i < values.size() - 1 || lastNewline) {
        b.append(crlf ? "\r\n" : "\n");
      }
    }
    Path file = Files.createTempFile("least-ranges", ".jsonl"); // jqwik does not inject @TempDir
    try {
      Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
      checkRanges(file, parts);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void checkRanges(Path file, int parts) throws IOException {
    long size = Files.size(file);

    List<JsonLines.ByteRange> ranges = JsonLines.split(file, parts);
    assertThat(ranges).isNotEmpty().hasSizeLessThanOrEqualTo(parts);
    assertThat(ranges.get(0).from()).isZero();
    assertThat(ranges.get(ranges.size() - 1).to()).isEqualTo(size);
    byte[] bytes = Files.readAllBytes(file);
    for (int k = 1; k < ranges.size(); k++) {
      assertThat(ranges.get(k).from()).isEqualTo(ranges.get(k - 1).to());
      assertThat(bytes[(int) ranges.get(k).from() - 1])
          .as("cut after a newline")
          .isEqualTo((byte) '\n');
    }
    assertThat(objects(file, ranges))
        .containsExactlyElementsOf(objects(file, JsonLines.split(file, 1)));
    List<Line> whole = new ArrayList<>();
    JsonLines.forEachObject(
        file,
        p -> {
          p.skipChildren();
          return "object";
        },
        (v, n) -> whole.add(new Line(v, n)),
        (buf, off, len, n) ->
            whole.add(new Line(new String(buf, off, len, StandardCharsets.UTF_8), n)));
    assertThat(objects(file, ranges)).containsExactlyElementsOf(whole);
  }
}
