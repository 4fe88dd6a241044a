package dev.least.connector.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

class JsonLineBufferTest {
  /** What the byte-oriented generator the logs were written with makes of {@code value}. */
  private static byte[] jackson(String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = WireJson.lines(out)) {
      g.writeString(value);
    }
    return out.toByteArray();
  }

  private static String encoded(java.util.function.Consumer<JsonLineBuffer> body) {
    return new String(JsonLineBuffer.fragment(body), StandardCharsets.UTF_8);
  }

  @Test
  void stringWhenAnyCharactersThenSameBytesAsJackson() {
    List<String> values =
        List.of(
            "",
            "plain ascii / slash <>&'",
            "quote \" backslash \\ tab \t newline \n cr \r ff \f bs \b",
            "\u0000\u0001\u001f\u007f",
            "Zoë Ångström Łukasz Øyvind",
            "\u0800 \u2028 \u2029 \ufffe \uffff 東京",
            "emoji \ud83d\ude00 pair",
            "lone high \ud83d",
            "lone high then text \ud83dx",
            "lone low \ude00 in text");
    for (String v : values) {
      byte[] ours = JsonLineBuffer.fragment(b -> b.string(v));
      assertThat(ours).as("%s", v.codePoints().boxed().toList()).isEqualTo(jackson(v));
    }
  }

  @Test
  void uuidWhenAnyBitsThenQuotedCanonicalTextAsUuidToString() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(42);
    List<java.util.UUID> ids =
        new java.util.ArrayList<>(
            List.of(
                new java.util.UUID(0, 0),
                new java.util.UUID(-1, -1),
                new java.util.UUID(0x0123456789abcdefL, 0xfedcba9876543210L)));
    for (int k = 0; k < 1000; k++) {
      ids.add(IdMint.randomUuid(r));
    }
    for (java.util.UUID id : ids) {
      assertThat(encoded(b -> b.uuid(id))).isEqualTo("\"" + id + "\"");
    }
  }

  @Test
  void randomUuidWhenSameSeedThenSameTextAsTheCharByCharMint() {
    java.util.SplittableRandom a = new java.util.SplittableRandom(7);
    java.util.SplittableRandom b = new java.util.SplittableRandom(7);
    for (int k = 0; k < 100; k++) {
      java.util.UUID id = IdMint.randomUuid(a);
      assertThat(id.version()).isEqualTo(4);
      assertThat(id.toString()).isEqualTo(charByCharUuid(b));
    }
  }

  /** The version 4 UUID text as the generator minted it before it kept the bits (issue 5). */
  private static String charByCharUuid(java.util.SplittableRandom r) {
    long msb = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lsb = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    char[] hex = "0123456789abcdef".toCharArray();
    StringBuilder c = new StringBuilder(36);
    for (int i = 0; i < 32; i++) {
      if (i == 8 || i == 12 || i == 16 || i == 20) {
        c.append('-');
      }
      long word = i < 16 ? msb : lsb;
      c.append(hex[(int) ((word >>> ((15 - (i & 15)) * 4)) & 0xf)]);
    }
    return c.toString();
  }

  @Test
  void numberWhenAnyLongThenDecimal() {
    for (long v :
        new long[] {0, 7, 10, 99, 100, 50_074, -1, -53_003, Long.MAX_VALUE, Long.MIN_VALUE}) {
      assertThat(encoded(b -> b.number(v))).isEqualTo(Long.toString(v));
    }
  }

  @Test
  void clockWhenAnyInstantThenIsoUtcAsTheVendorsWriteIt() {
    Clock clock = new Clock();
    for (long millis :
        new long[] {0L, 1_763_337_060_646L, 1_763_337_060_000L, 1_767_225_599_999L}) {
      String iso = Instant.ofEpochMilli(millis).toString();
      String seconds = iso.substring(0, 19);
      String okta = seconds + "." + String.format("%03d", millis % 1000) + "Z";
      assertThat(encoded(b -> clock.graph(millis, b))).isEqualTo("\"" + seconds + "Z\"");
      assertThat(encoded(b -> clock.okta(millis, b))).isEqualTo("\"" + okta + "\"");
    }
  }

  @Test
  void flushWhenMoreThanOneWriteThenEverythingInOrder() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    JsonLineBuffer buf = new JsonLineBuffer(sink);
    StringBuilder want = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      buf.string("line " + i).ascii('\n');
      buf.endRecord();
      want.append("\"line ").append(i).append("\"\n");
    }
    assertThat(sink.size()).isPositive();
    buf.flush();
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(want.toString());
  }

  /**
   * Every log line the generator writes is exactly what Jackson writes for the same tree: compact,
   * escaped and numbered the same way (a hand-encoded record that differed in any byte, or did not
   * parse, fails here).
   */
  @Test
  void generateThenEveryLogLineIsCanonicalJackson(@TempDir Path dir) {
    GeneratedTenant t =
        GeneratedTenant.generate(
            dir,
            GeneratorOptions.defaults().withUsers(160).withDays(5).withSeed(3).withBadRecords(0));
    for (String log : List.of("entra/auditLogs/signIns.jsonl", "okta/logs.jsonl")) {
      List<String> lines = t.lines(log);
      assertThat(lines).as(log).hasSizeGreaterThan(1000);
      for (String line : lines) {
        JsonNode tree = GeneratedTenant.JSON.readTree(line);
        String again = WireJson.compact(g -> GeneratedTenant.JSON.writeTree(g, tree));
        assertThat(again).isEqualTo(line);
      }
    }
  }
}
