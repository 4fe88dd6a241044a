package dev.least.policy.entra;

import static dev.least.policy.entra.FactsBuilder.facts;
import static dev.least.policy.entra.PolicyBuilder.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.ClientAppType;
import dev.least.model.LocationId;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.model.PolicyResult;
import dev.least.model.Source;
import dev.least.model.TriState;
import dev.least.policy.Evaluation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per behaviour Microsoft documents, with the page that states it. Each row evaluates one
 * policy for one sign-in and checks the logged result that policy gets.
 */
class DocumentedBehaviourTest {
  private static final String CA = "https://learn.microsoft.com/entra/identity/conditional-access/";
  private static final String GR = "https://learn.microsoft.com/graph/api/resources/";

  private static final List<NamedLocation> LOCATIONS =
      List.of(
          new NamedLocation(
              new LocationId("trusted"),
              Source.ENTRA,
              "HQ",
              LocationKind.IP,
              true,
              List.of("10.0.0.0/8", "2001:db8:1::/48"),
              List.of(),
              false,
              false,
              true),
          new NamedLocation(
              new LocationId("countries"),
              Source.ENTRA,
              "allowed countries",
              LocationKind.COUNTRY,
              false,
              List.of(),
              List.of("NO", "SE"),
              false,
              false,
              true));

  static Stream<Arguments> rows() {
    return Stream.of(
        row(
            CA + "concept-conditional-access-users-groups",
            "the exclude action overrides the include action",
            policy("p")
                .includeUsers()
                .includeGroups("g")
                .excludeUsers("u1")
                .grant("AND", "block")
                .build(),
            facts().groups("g"),
            PolicyResult.NOT_APPLIED),
        row(
            CA + "concept-conditional-access-users-groups",
            "policy is applied to nested users and groups (facts carry transitive groups)",
            policy("p").includeUsers().includeGroups("parent").grant("AND", "block").build(),
            facts().groups("child", "parent"),
            PolicyResult.FAILURE),
        row(
            CA + "concept-conditional-access-users-groups",
            "All users includes B2B guests",
            policy("p").grant("AND", "block").build(),
            facts().guest(true),
            PolicyResult.FAILURE),
        row(
            CA + "concept-conditional-access-users-groups",
            "directory roles are matched by role template id",
            policy("p")
                .includeUsers()
                .includeRoles("62e90394-69f5-4237-9190-012177145e10")
                .grant("AND", "block")
                .build(),
            facts().roles("62e90394-69f5-4237-9190-012177145e10"),
            PolicyResult.FAILURE),
        row(
            CA + "concept-conditional-access-policies",
            "all assignments are logically ANDed",
            policy("p").includePlatforms("iOS").grant("AND", "block").build(),
            facts().platform("windows"),
            PolicyResult.NOT_APPLIED),
        row(
            CA + "concept-conditional-access-conditions",
            "policies apply to all client app types when the condition is not configured",
            policy("p").grant("AND", "block").build(),
            facts().client(ClientAppType.EXCHANGE_ACTIVE_SYNC),
            PolicyResult.FAILURE),
        row(
            CA + "concept-conditional-access-conditions",
            "the default is to apply to all device platforms",
            policy("p").grant("AND", "block").build(),
            facts().platform("linux"),
            PolicyResult.FAILURE),
        row(
            CA + "concept-conditional-access-conditions",
            "legacy authentication clients do not support MFA and are blocked by grant controls",
            policy("p").grant("AND", "mfa").build(),
            facts().client(ClientAppType.OTHER).mfa(TriState.FALSE),
            PolicyResult.FAILURE),
        row(
            CA + "concept-conditional-access-conditions",
            "legacy clients pass no device state: compliant device cannot be met",
            policy("p").grant("AND", "compliantDevice").build(),
            facts().client(ClientAppType.EXCHANGE_ACTIVE_SYNC).compliant(TriState.TRUE),
            PolicyResult.FAILURE),
        row(
            CA + "concept-conditional-access-policies",
            "require one of the selected controls: a satisfied control grants access",
            policy("p").grant("OR", "mfa", "compliantDevice").build(),
            facts().mfa(TriState.FALSE).compliant(TriState.TRUE),
            PolicyResult.SUCCESS),
        row(
            CA + "concept-conditional-access-policies",
            "require all the selected controls: one unmet control leaves the policy unmet",
            policy("p").grant("AND", "mfa", "compliantDevice").build(),
            facts().mfa(TriState.TRUE).compliant(TriState.FALSE),
            PolicyResult.FAILURE),
        row(
            CA + "concept-conditional-access-report-only",
            "report-only: a block control that applies is reported, not enforced",
            policy("p").state(PolicyState.REPORT_ONLY).grant("AND", "block").build(),
            facts(),
            PolicyResult.REPORT_ONLY_FAILURE),
        row(
            CA + "concept-conditional-access-report-only",
            "report-only: user action required is reported as interrupted, without a prompt",
            policy("p").state(PolicyState.REPORT_ONLY).grant("AND", "mfa").build(),
            facts().mfa(TriState.FALSE),
            PolicyResult.REPORT_ONLY_INTERRUPTED),
        row(
            CA + "concept-conditional-access-report-only",
            "report-only: MFA satisfied by a claim already in the token is a success",
            policy("p").state(PolicyState.REPORT_ONLY).grant("AND", "mfa").build(),
            facts().mfa(TriState.TRUE),
            PolicyResult.REPORT_ONLY_SUCCESS),
        row(
            CA + "concept-conditional-access-report-only",
            "report-only: a device that fails a compliant-device policy is a failure",
            policy("p").state(PolicyState.REPORT_ONLY).grant("AND", "compliantDevice").build(),
            facts().compliant(TriState.FALSE),
            PolicyResult.REPORT_ONLY_FAILURE),
        row(
            GR + "appliedconditionalaccesspolicy",
            "notEnabled: policy in a disabled state",
            policy("p").state(PolicyState.DISABLED).grant("AND", "block").build(),
            facts(),
            PolicyResult.NOT_ENABLED),
        row(
            CA + "location-condition",
            "AllTrusted covers named locations marked trusted",
            policy("p")
                .includeLocations("All")
                .excludeLocations("AllTrusted")
                .grant("AND", "block")
                .build(),
            facts().ip("10.20.30.40"),
            PolicyResult.NOT_APPLIED),
        row(
            CA + "location-condition",
            "IPv6 ranges can be named and trusted",
            policy("p")
                .includeLocations("All")
                .excludeLocations("AllTrusted")
                .grant("AND", "block")
                .build(),
            facts().ip("2001:db8:1::9"),
            PolicyResult.NOT_APPLIED),
        row(
            CA + "location-condition",
            "All means any IP address on the internet",
            policy("p").includeLocations("All").grant("AND", "block").build(),
            facts().ip("192.0.2.1"),
            PolicyResult.FAILURE),
        row(
            CA + "location-condition",
            "a country location matches the country the IP maps to",
            policy("p").includeLocations("countries").grant("AND", "block").build(),
            facts().country("se"),
            PolicyResult.FAILURE),
        row(
            CA + "concept-condition-filters-for-devices",
            "unregistered device: negative operators apply",
            policy("p")
                .deviceFilter("include", "device.deviceOwnership -ne \"Company\"")
                .grant("AND", "block")
                .build(),
            facts().unregisteredDevice(),
            PolicyResult.FAILURE),
        row(
            CA + "concept-condition-filters-for-devices",
            "unregistered device: positive operators do not apply",
            policy("p")
                .deviceFilter("include", "device.deviceOwnership -eq \"Company\"")
                .grant("AND", "block")
                .build(),
            facts().unregisteredDevice(),
            PolicyResult.NOT_APPLIED),
        row(
            CA + "concept-condition-filters-for-devices",
            "exclude mode takes matching devices out of scope",
            policy("p")
                .deviceFilter("exclude", "device.trustType -eq \"ServerAD\"")
                .grant("AND", "block")
                .build(),
            facts().trustType("ServerAD"),
            PolicyResult.NOT_APPLIED),
        row(
            CA + "concept-conditional-access-grant",
            "hybrid-joined device satisfies require Microsoft Entra hybrid joined device",
            policy("p").grant("AND", "domainJoinedDevice").build(),
            facts().trustType("ServerAD"),
            PolicyResult.SUCCESS),
        row(
            CA + "concept-conditional-access-grant",
            "an Entra-registered device does not satisfy hybrid join",
            policy("p").grant("AND", "domainJoinedDevice").build(),
            facts().trustType("Workplace"),
            PolicyResult.FAILURE),
        row(
            CA + "concept-conditional-access-conditions",
            "approved client app is not supported on macOS",
            policy("p").grant("AND", "approvedApplication").build(),
            facts().platform("macos"),
            PolicyResult.FAILURE),
        row(
            CA + "concept-conditional-access-cloud-apps",
            "All resources without exclusions covers apps that cannot be targeted one by one",
            policy("p").grant("AND", "block").build(),
            facts().app("00000002-0000-0000-c000-000000000000"),
            PolicyResult.FAILURE),
        row(
            CA + "concept-conditional-access-cloud-apps",
            "Windows Azure Service Management API is one appId",
            policy("p")
                .includeApps("797f4846-ba00-4fd7-ba43-dac1f8f63013")
                .grant("AND", "block")
                .build(),
            facts().app("797f4846-ba00-4fd7-ba43-dac1f8f63013"),
            PolicyResult.FAILURE),
        row(
            CA + "concept-conditional-access-cloud-apps",
            "Office 365 excluded from an All policy removes Exchange Online",
            policy("p").excludeApps("Office365").grant("AND", "block").build(),
            facts().app("00000002-0000-0ff1-ce00-000000000000"),
            PolicyResult.NOT_APPLIED),
        row(
            CA + "what-if-tool",
            "conditions whose sign-in details are missing cannot be evaluated",
            policy("p").includeLocations("countries").grant("AND", "block").build(),
            facts().country(null),
            PolicyResult.UNKNOWN),
        row(
            GR + "signinfrequencysessioncontrol",
            "session controls do not grant or deny",
            policy("p").signInFrequencyHours(1).build(),
            facts().mfa(TriState.FALSE),
            PolicyResult.SUCCESS));
  }

  private static Arguments row(
      String source,
      String behaviour,
      ConditionalAccessPolicy p,
      FactsBuilder f,
      PolicyResult want) {
    return Arguments.of(source, behaviour, p, f, want);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("rows")
  void policyGetsTheDocumentedResult(
      String source,
      String behaviour,
      ConditionalAccessPolicy p,
      FactsBuilder f,
      PolicyResult want) {
    Evaluation e = new ConditionalAccessEvaluator(List.of(p), LOCATIONS).evaluate(f.build());
    assertThat(e.outcomes().get(0).result()).as("%s (%s)", behaviour, source).isEqualTo(want);
    Evaluation naive =
        new NaiveConditionalAccessEvaluator(List.of(p), LOCATIONS).evaluate(f.build());
    assertThat(naive.outcomes().get(0).result()).as("naive: %s", behaviour).isEqualTo(want);
  }
}
