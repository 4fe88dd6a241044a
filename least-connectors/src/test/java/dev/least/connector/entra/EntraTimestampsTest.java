package dev.least.connector.entra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntraTimestampsTest {

  @ParameterizedTest
  @CsvSource({
    "2020-03-13T19:15:41.6195833Z, 2020-03-13T19:15:41.619Z",
    "2021-06-30T16:34:32Z, 2021-06-30T16:34:32Z",
    "2025-01-15 09:30:45.123, 2025-01-15T09:30:45.123Z",
    "2023-07-26 22:58:30.983201900, 2023-07-26T22:58:30.983Z",
    "2025-01-15T09:35:20.4567890Z, 2025-01-15T09:35:20.456Z",
    "2023-01-11T11:11:11, 2023-01-11T11:11:11Z",
    "2024-02-29T23:59:59.9+02:00, 2024-02-29T21:59:59.900Z",
    "2024-03-01T00:30:00-0130, 2024-03-01T02:00:00Z",
    "1969-12-31T23:59:59.999Z, 1969-12-31T23:59:59.999Z",
  })
  void parseWhenVendorFormThenSameInstantTruncatedToMillis(String text, String expected) {
    assertThat(EntraTimestamps.parseInstant(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "yesterday",
        "2025-13-01T00:00:00Z",
        "2023-02-29T00:00:00Z",
        "2025-01-15T24:00:00Z",
        "2025-01-15T09:30:45.Z",
        "2025-01-15T09:30:45.1234567890Z",
        "2025-01-15T09:30:45Zjunk",
        "2025-01-15T09:30:45+2",
        "2025/01/15 09:30:45",
        "2025-01-15"
      })
  void parseWhenNotATimestampThenInvalid(String text) {
    assertThat(EntraTimestamps.parseMillis(text)).isEqualTo(EntraTimestamps.INVALID);
  }

  @Property
  void parseWhenIsoWithAnyFractionDigitsThenMatchesJavaTime(
      @ForAll @LongRange(min = 0, max = 4_102_444_800L) long epochSecond,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
      @ForAll @IntRange(min = 0, max = 9) int digits,
      @ForAll boolean spaceNoZone) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, nanos, ZoneOffset.UTC);
    String fraction = String.format("%09d", nanos).substring(0, digits);
    String text =
        String.format(
            "%04d-%02d-%02d%c%02d:%02d:%02d%s%s",
            t.getYear(),
            t.getMonthValue(),
            t.getDayOfMonth(),
            spaceNoZone ? ' ' : 'T',
            t.getHour(),
            t.getMinute(),
            t.getSecond(),
            digits == 0 ? "" : "." + fraction,
            spaceNoZone ? "" : "Z");
    Instant truncated =
        Instant.parse(
                String.format(
                    "%04d-%02d-%02dT%02d:%02d:%02d%sZ",
                    t.getYear(),
                    t.getMonthValue(),
                    t.getDayOfMonth(),
                    t.getHour(),
                    t.getMinute(),
                    t.getSecond(),
                    digits == 0 ? "" : "." + fraction))
            .truncatedTo(ChronoUnit.MILLIS);
    assertThat(EntraTimestamps.parseMillis(text)).isEqualTo(truncated.toEpochMilli());
  }
}
