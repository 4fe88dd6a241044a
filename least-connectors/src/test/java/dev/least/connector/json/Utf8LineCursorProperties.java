package dev.least.connector.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Least's own line cursor against Jackson (as {@link JsonInput} sets it up) on random JSON objects
 * and on random one-byte corruptions of them: whatever the cursor reads, Jackson reads the same way
 * (same tokens, names, texts, numbers, same place after skipping), and every well-formed line of
 * the kinds logs hold is read by the cursor itself rather than handed over.
 */
class Utf8LineCursorProperties {

  @Property(tries = 400)
  void wellFormedObjectsAreReadAsJacksonReadsThem(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
      @ForAll @IntRange(min = 0, max = 4) int skipEvery) {
    byte[] line = randomObject(new SplittableRandom(seed));
    List<String> jackson = jackson(line, skipEvery);
    List<String> cursor = cursor(line, skipEvery);
    assertThat(cursor).as(new String(line, StandardCharsets.UTF_8)).isEqualTo(jackson);
  }

  @Property(tries = 1500)
  void aCorruptedLineIsEitherHandedOverOrReadAsJacksonReadsIt(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
      @ForAll @IntRange(min = 0, max = 4) int skipEvery) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] line = corrupt(randomObject(r), r);
    List<String> cursor;
    try {
      cursor = cursor(line, skipEvery);
    } catch (RuntimeException gaveUp) {
      return; // handed over to Jackson: whatever Jackson says is the answer
    }
    assertReadAsJackson(cursor, line, skipEvery, "");
  }

  /**
   * One cursor reused over many lines of one buffer, as {@code JsonLines} uses it: lines repeat (so
   * the cursor guesses each name from the one before, see {@code Utf8LineCursor.name()}), vary
   * (names that share a prefix, a length or a position with the guessed one) and are sometimes
   * corrupted (so it gives up mid-line and must start clean on the next).
   */
  @Property(tries = 300)
  void aReusedCursorReadsEveryLineOfABufferAsJacksonDoes(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
      @ForAll @IntRange(min = 0, max = 4) int skipEvery) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[][] pool = new byte[3][];
    for (int k = 0; k < pool.length; k++) {
      pool[k] = randomObject(r);
    }
    int lines = 2 + r.nextInt(30);
    byte[][] chosen = new byte[lines][];
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    int[] from = new int[lines];
    for (int k = 0; k < lines; k++) {
      byte[] line = pool[r.nextInt(pool.length)];
      int roll = r.nextInt(10);
      if (roll == 0) {
        line = corrupt(line, r);
      } else if (roll == 1) {
        line = randomObject(r);
      }
      chosen[k] = line;
      from[k] = all.size();
      all.writeBytes(line);
      all.write('\n');
    }
    byte[] buf = all.toByteArray();
    Utf8LineCursor c = new Utf8LineCursor();
    for (int k = 0; k < lines; k++) {
      byte[] line = chosen[k];
      List<String> cursor;
      try {
        cursor = cursor(c, buf, from[k], from[k] + line.length, skipEvery);
      } catch (RuntimeException gaveUp) {
        continue; // handed over to Jackson
      }
      assertReadAsJackson(cursor, line, skipEvery, "line " + k + ": ");
    }
  }

  /** More distinct names than the cursor's name table holds: it starts afresh and reads on. */
  @Example
  void manyDistinctNamesOverflowTheNameTableWithoutChangingWhatIsRead() {
    StringBuilder all = new StringBuilder();
    List<int[]> lines = new ArrayList<>();
    for (int k = 0; k < 6000; k++) {
      int from = all.length();
      all.append("{\"id\":\"x\",\"name")
          .append(k)
          .append("\":1,\"nested\":{\"k")
          .append(k % 7)
          .append("\":[true]},\"result\":\"success\"}");
      lines.add(new int[] {from, all.length()});
      all.append('\n');
    }
    byte[] buf = all.toString().getBytes(StandardCharsets.UTF_8);
    Utf8LineCursor c = new Utf8LineCursor();
    for (int round = 0; round < 2; round++) {
      for (int[] line : lines) {
        byte[] one = java.util.Arrays.copyOfRange(buf, line[0], line[1]);
        List<String> cursor = new ArrayList<>();
        walk(c.reset(buf, line[0], line[1]), 0, cursor);
        assertThat(cursor).isEqualTo(jackson(one, 0));
      }
    }
  }

  @Example
  void givesUpOnWhatJacksonIsSetToAcceptOrReadsDifferently() {
    for (String s :
        new String[] {
          "{\"a\":1,}", // trailing comma: Jackson accepts, the cursor hands it over
          "{\"a\":[1,2,]}",
          "{\"a\":\n1}", // spans lines
          "{\"a\":\"\u0001\"}",
          "{\"a\":01}",
          "{\"a\":1.}",
          "{\"a\":\"\\x\"}",
          "{\"a\":tru}",
          "{\"a\":1}x",
          "{\"a\":\"\\uD83D\\uDE00\" \"b\":1}",
        }) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      Utf8LineCursor c = new Utf8LineCursor().reset(b, 0, b.length);
      boolean gaveUp = false;
      try {
        walk(c, 0, new ArrayList<>());
        if (c.position() != b.length) {
          gaveUp = true; // content after the object: the line reader hands it over
        }
      } catch (RuntimeException e) {
        gaveUp = true;
      }
      assertThat(gaveUp).as(s).isTrue();
    }
    byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'};
    assertThat(gaveUp(overlong)).isTrue();
    byte[] surrogate = {
      '{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'
    };
    assertThat(gaveUp(surrogate)).isTrue();
  }

  @Example
  void decodesEscapesAndUtf8LikeJackson() {
    String s =
        "{\"na\\u006de\":\"Zo\u00eb \u4e2d \ud83d\ude00 \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9\\uD83D\\uDE00\","
            + "\"n\":-12.5e-3,\"i\":-2147483648,\"t\":true,\"f\":false,\"z\":null,\"o\":{},\"a\":[]}";
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    assertThat(cursor(b, 0)).isEqualTo(jackson(b, 0));
  }

  private static boolean gaveUp(byte[] b) {
    try {
      walk(new Utf8LineCursor().reset(b, 0, b.length), 0, new ArrayList<>());
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }

  // ---- the two readers, as one token list each

  private static List<String> jackson(byte[] line, int skipEvery) {
    try (JsonParser p = JsonInput.parser(line, 0, line.length)) {
      List<String> out = new ArrayList<>();
      walk(JsonCursor.of(p), skipEvery, out);
      if (p.nextToken() != null) {
        out.add("content after the object");
      }
      return out;
    }
  }

  private static List<String> cursor(byte[] line, int skipEvery) {
    return cursor(new Utf8LineCursor(), line, 0, line.length, skipEvery);
  }

  /**
   * What {@code c} reads of the line {@code buf[from, to)}; throws where it hands the line over.
   */
  private static List<String> cursor(
      Utf8LineCursor c, byte[] buf, int from, int to, int skipEvery) {
    c.reset(buf, from, to);
    List<String> out = new ArrayList<>();
    walk(c, skipEvery, out);
    int end = c.position();
    while (end < to && (buf[end] == ' ' || buf[end] == '\t')) {
      end++;
    }
    if (end != to) {
      throw new IllegalStateException("content after the object: the line reader hands it over");
    }
    return out;
  }

  /** The cursor read {@code line} as {@code cursor}: Jackson must accept it and read the same. */
  private static void assertReadAsJackson(
      List<String> cursor, byte[] line, int skipEvery, String label) {
    String text = new String(line, StandardCharsets.UTF_8);
    List<String> jackson;
    try {
      jackson = jackson(line, skipEvery);
    } catch (JacksonException e) {
      throw new AssertionError(
          label
              + "the cursor read a line Jackson rejects ("
              + e.getOriginalMessage()
              + "): "
              + text,
          e);
    }
    assertThat(cursor).as(label + text).isEqualTo(jackson);
  }

  /**
   * Every token with what a mapper can ask of it; every {@code skipEvery}-th container (0 = none)
   * is skipped instead of walked.
   */
  private static void walk(JsonCursor c, int skipEvery, List<String> out) {
    int containers = 0;
    int depth = 0;
    do {
      JsonToken t = c.nextToken();
      if (t == null) {
        out.add("end of input");
        return;
      }
      switch (t) {
        case START_OBJECT, START_ARRAY -> {
          containers++;
          if (skipEvery > 0 && containers % skipEvery == 0 && depth > 0) {
            c.skipChildren();
            out.add("skipped " + t + " to " + c.currentToken());
          } else {
            out.add(t.name());
            depth++;
          }
        }
        case END_OBJECT, END_ARRAY -> {
          out.add(t.name());
          depth--;
        }
        case PROPERTY_NAME -> out.add("name " + c.currentName() + " / " + c.getString());
        case VALUE_STRING -> {
          String s = c.getString();
          String chars =
              new String(c.getStringCharacters(), c.getStringOffset(), c.getStringLength());
          out.add("string " + s + (s.equals(chars) ? "" : " but characters " + chars));
        }
        case VALUE_NUMBER_INT -> {
          String i;
          try {
            i = Integer.toString(c.getIntValue());
          } catch (RuntimeException e) {
            i = "not an int";
          }
          out.add("int " + c.getString() + " " + i + " " + c.getDoubleValue());
        }
        case VALUE_NUMBER_FLOAT -> out.add("float " + c.getString() + " " + c.getDoubleValue());
        default -> out.add(t.name() + " " + c.getString());
      }
    } while (depth > 0);
  }

  // ---- random lines

  private static final String[] NAMES = {
    "id",
    "createdDateTime",
    "status",
    "errorCode",
    "deviceDetail",
    "location",
    "a",
    "",
    "v",
    "appliedConditionalAccessPolicies",
    "result",
    "na\\u006de",
    "Zo\u00eb",
    "x\\\"y",
    "ids",
    "resul",
    "resultDetail",
    "abcdefgh",
    "abcdefghi",
    "abcdefghijklmnop",
    "abcdefghijklmnoq",
    "abcdefg\u00e9"
  };

  static byte[] randomObject(SplittableRandom r) {
    StringBuilder b = new StringBuilder();
    object(b, r, 0);
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void value(StringBuilder b, SplittableRandom r, int depth) {
    int k = r.nextInt(depth >= 4 ? 5 : 7);
    switch (k) {
      case 0 -> string(b, r);
      case 1 -> number(b, r);
      case 2 -> b.append(new String[] {"true", "false", "null"}[r.nextInt(3)]);
      case 3, 4 -> string(b, r);
      case 5 -> object(b, r, depth + 1);
      default -> array(b, r, depth + 1);
    }
  }

  private static void object(StringBuilder b, SplittableRandom r, int depth) {
    b.append('{');
    int n = r.nextInt(depth == 0 ? 8 : 4);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      space(b, r);
      b.append('"').append(NAMES[r.nextInt(NAMES.length)]).append('"');
      space(b, r);
      b.append(':');
      space(b, r);
      value(b, r, depth);
      space(b, r);
    }
    b.append('}');
  }

  private static void array(StringBuilder b, SplittableRandom r, int depth) {
    b.append('[');
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      space(b, r);
      value(b, r, depth);
      space(b, r);
    }
    b.append(']');
  }

  private static void space(StringBuilder b, SplittableRandom r) {
    if (r.nextInt(5) == 0) {
      b.append(r.nextBoolean() ? " " : "\t ");
    }
  }

  private static final String[] PIECES = {
    "abc",
    "0f3c1e9a-2b7d-4c55-9e61-3a0b6f1d2c84",
    "Zo\u00eb",
    "\u4e2d\u6587",
    "\ud83d\ude00",
    "\\\"",
    "\\\\",
    "\\/",
    "\\n",
    "\\t",
    "\\u00e9",
    "\\uD83D\\uDE00",
    "\\ud800",
    " ",
    "success",
    "notApplied",
    "x".repeat(20)
  };

  private static void string(StringBuilder b, SplittableRandom r) {
    b.append('"');
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      b.append(PIECES[r.nextInt(PIECES.length)]);
    }
    b.append('"');
  }

  private static void number(StringBuilder b, SplittableRandom r) {
    switch (r.nextInt(6)) {
      case 0 -> b.append(r.nextInt());
      case 1 -> b.append(r.nextLong());
      case 2 -> b.append(r.nextDouble() * 360 - 180);
      case 3 -> b.append("-0");
      case 4 -> b.append(r.nextInt(1000)).append("e").append(r.nextInt(-30, 30));
      default -> b.append("1234567890123456789012");
    }
  }

  private static final byte[] NOISE = {
    '"',
    '\\',
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    ' ',
    '\n',
    '\r',
    '\t',
    'u',
    '0',
    '-',
    '.',
    'e',
    'n',
    't',
    (byte) 0x80,
    (byte) 0xC3,
    (byte) 0xED,
    (byte) 0xF4,
    0x01,
    0x7F
  };

  private static byte[] corrupt(byte[] line, SplittableRandom r) {
    int at = r.nextInt(line.length);
    switch (r.nextInt(3)) {
      case 0 -> {
        byte[] out = line.clone();
        out[at] = NOISE[r.nextInt(NOISE.length)];
        return out;
      }
      case 1 -> {
        byte[] out = new byte[line.length - 1];
        System.arraycopy(line, 0, out, 0, at);
        System.arraycopy(line, at + 1, out, at, line.length - at - 1);
        return out;
      }
      default -> {
        byte[] out = new byte[line.length + 1];
        System.arraycopy(line, 0, out, 0, at);
        out[at] = NOISE[r.nextInt(NOISE.length)];
        System.arraycopy(line, at, out, at + 1, line.length - at);
        return out;
      }
    }
  }
}
