package dev.least.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountryCodesTest {
  @ParameterizedTest
  @CsvSource({
    "United States, US",
    "united states, US",
    "Norway, NO",
    "United Kingdom, GB",
    "Russian Federation, RU",
    "us, US",
    "Atlantis, Atlantis"
  })
  void codeWhenEnglishNameOrCodeThenIsoAlpha2OtherwiseKept(String name, String code) {
    assertThat(dev.least.source.CountryCodes.codeOrSame(name)).isEqualTo(code);
  }
}
