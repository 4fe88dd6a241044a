package dev.least.policy.entra;

import static dev.least.policy.entra.FactsBuilder.facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.TriState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceFilterRuleTest {

  private static Verdict eval(String rule, FactsBuilder f) {
    DeviceFilterRule.Parse p = DeviceFilterRule.parse(rule);
    assertThat(p).isInstanceOf(DeviceFilterRule.Parsed.class);
    return ((DeviceFilterRule.Parsed) p).rule().evaluate(f.build());
  }

  @ParameterizedTest(name = "{0} on a registered Windows device is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "device.operatingSystem -eq \"windows\"|MATCH",
        "device.operatingSystem -ne \"Windows\"|NO_MATCH",
        "device.operatingSystem -startsWith \"Win\"|MATCH",
        "device.operatingSystem -notStartsWith \"Win\"|NO_MATCH",
        "device.operatingSystem -endsWith \"dows\"|MATCH",
        "device.operatingSystem -contains \"ndo\"|MATCH",
        "device.operatingSystem -notContains \"ndo\"|NO_MATCH",
        "device.operatingSystem -in [\"iOS\", \"Windows\"]|MATCH",
        "device.operatingSystem -notIn [\"iOS\", \"Windows\"]|NO_MATCH",
        "device.deviceId -eq \"d1\" -and device.trustType -eq \"AzureAD\"|MATCH",
        "device.deviceId -eq \"zz\" -or device.isCompliant -eq True|MATCH",
        "(device.deviceId -eq \"zz\" -or device.isCompliant -eq False) -and device.trustType -eq \"AzureAD\"|NO_MATCH",
        "device.model -eq \"Surface\"|UNKNOWN",
        "device.extensionAttribute3 -ne \"x\"|UNKNOWN"
      })
  void operatorsOnRegisteredDevice(String rule, Verdict want) {
    assertThat(eval(rule, facts())).isEqualTo(want);
  }

  @Test
  void unregisteredDeviceMakesPositiveOperatorsFalseAndNegativeTrue() {
    FactsBuilder f = facts().unregisteredDevice();
    assertThat(eval("device.trustType -eq \"AzureAD\"", f)).isEqualTo(Verdict.NO_MATCH);
    assertThat(eval("device.trustType -ne \"AzureAD\"", f)).isEqualTo(Verdict.MATCH);
    assertThat(eval("device.displayName -notIn [\"a\"]", f)).isEqualTo(Verdict.MATCH);
    assertThat(eval("device.displayName -in [\"a\"]", f)).isEqualTo(Verdict.NO_MATCH);
  }

  @Test
  void unknownRegistrationMakesEveryComparisonUnknown() {
    FactsBuilder f = facts().deviceId(null);
    assertThat(eval("device.trustType -ne \"AzureAD\"", f)).isEqualTo(Verdict.UNKNOWN);
    assertThat(eval("device.trustType -ne \"AzureAD\" -and device.deviceId -eq \"x\"", f))
        .isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void complianceUnknownOnRegisteredDeviceIsUnknown() {
    assertThat(eval("device.isCompliant -eq True", facts().compliant(TriState.UNKNOWN)))
        .isEqualTo(Verdict.UNKNOWN);
  }

  @ParameterizedTest(name = "{0} does not parse")
  @CsvSource(
      delimiter = '|',
      value = {
        "device.model -match \"x\"",
        "device.color -eq \"red\"",
        "user.department -eq \"x\"",
        "device.deviceId -eq",
        "(device.deviceId -eq \"x\"",
        "device.deviceId -eq \"x\" -xor device.deviceId -eq \"y\"",
        "device.deviceId -in [\"x\" \"y\"]",
        "device.deviceId -eq \"unterminated"
      })
  void rulesOutsideTheGrammarAreUnparsable(String rule) {
    assertThat(DeviceFilterRule.parse(rule)).isInstanceOf(DeviceFilterRule.Unparsable.class);
  }

  @Test
  void attributesListsWhatTheRuleReads() {
    DeviceFilterRule r =
        ((DeviceFilterRule.Parsed)
                DeviceFilterRule.parse(
                    "device.trustType -eq \"x\" -or device.isCompliant -eq True"))
            .rule();
    assertThat(r.attributes()).containsExactlyInAnyOrder("trusttype", "iscompliant");
  }
}
