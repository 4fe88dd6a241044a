package dev.least.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OktaTimestampsTest {
  @ParameterizedTest
  @CsvSource({
    "2024-08-13T15:58:20.353Z, 2024-08-13T15:58:20.353Z",
    "2021-01-08 21:28:34.875, 2021-01-08T21:28:34.875Z",
    "2020-11-25 21:27:03.496000000, 2020-11-25T21:27:03.496Z",
    "2022-03-22 14:21:53.2, 2022-03-22T14:21:53.200Z",
    "2024-02-29T23:59:59Z, 2024-02-29T23:59:59Z",
    "2024-01-01T01:00:00+01:00, 2024-01-01T00:00:00Z",
    "2024-01-01T00:00:00.123456-05:30, 2024-01-01T05:30:00.123Z",
    "1969-12-31T23:59:59.999Z, 1969-12-31T23:59:59.999Z"
  })
  void parseWhenVendorFormThenSameInstantAsJavaTime(String text, String expected) {
    assertThat(OktaTimestamps.parseMillis(text)).isEqualTo(Instant.parse(expected).toEpochMilli());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "redacted",
        "",
        "2024-13-01T00:00:00Z",
        "2023-02-29T00:00:00Z",
        "2024-01-01T24:00:00Z",
        "2024-01-01T00:00:00.Z",
        "2024-01-01T00:00:00ZZ",
        "2024-01-01X00:00:00Z",
        "2024-01-01T00:00:00+1:00",
        "1700000000"
      })
  void parseWhenNotATimestampThenInvalid(String text) {
    assertThat(OktaTimestamps.parseMillis(text)).isEqualTo(OktaTimestamps.INVALID);
  }

  private static final DateTimeFormatter API =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
  private static final DateTimeFormatter LAKE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'000000'");

  @Property
  void parseOfFormattedInstantGivesItBackInBothForms(
      @ForAll @LongRange(min = 0L, max = 4_102_444_800_000L) long millis) {
    LocalDateTime t =
        LocalDateTime.ofEpochSecond(
            Math.floorDiv(millis, 1000),
            (int) Math.floorMod(millis, 1000) * 1_000_000,
            ZoneOffset.UTC);

    assertThat(OktaTimestamps.parseMillis(API.format(t))).isEqualTo(millis);
    assertThat(OktaTimestamps.parseMillis(LAKE.format(t))).isEqualTo(millis);
  }
}
