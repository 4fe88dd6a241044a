package dev.least.policy.entra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpRangeTest {

  @ParameterizedTest(name = "{1} in {0} is {2}")
  @CsvSource({
    "10.0.0.0/8, 10.255.1.1, true",
    "10.0.0.0/8, 11.0.0.1, false",
    "203.0.113.0/25, 203.0.113.127, true",
    "203.0.113.0/25, 203.0.113.128, false",
    "198.51.100.7, 198.51.100.7, true",
    "0.0.0.0/0, 8.8.8.8, true",
    "2001:db8::/32, 2001:db8:ffff::1, true",
    "2001:db8::/32, 2001:db9::1, false",
    "2001:db8:1:2::/63, 2001:db8:1:3::9, true",
    "10.0.0.0/8, ::ffff:10.0.0.1, false",
    "::ffff:10.0.0.0/104, 10.0.0.1, false"
  })
  void containmentRespectsPrefixAndFamily(String cidr, String ip, boolean want) {
    IpRange range = IpRange.parse(cidr).orElseThrow();
    assertThat(range.contains(IpAddress.parse(ip).orElseThrow())).isEqualTo(want);
  }

  @ParameterizedTest(name = "{0} is rejected")
  @CsvSource({
    "10.0.0.0/33",
    "10.0.0/8",
    "300.1.1.1/32",
    "host.example.com",
    "2001:db8::/129",
    "10.0.0.0/x"
  })
  void malformedRangesAreRejected(String cidr) {
    assertThat(IpRange.parse(cidr)).isEmpty();
  }
}
