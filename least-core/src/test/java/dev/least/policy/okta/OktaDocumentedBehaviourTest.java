package dev.least.policy.okta;

import static dev.least.policy.okta.OktaGoldenCorpusTest.APP;
import static dev.least.policy.okta.OktaGoldenCorpusTest.appPolicy;
import static dev.least.policy.okta.OktaGoldenCorpusTest.minutesAgo;
import static dev.least.policy.okta.OktaGoldenCorpusTest.render;
import static dev.least.policy.okta.OktaGoldenCorpusTest.user;
import static dev.least.policy.okta.OktaGoldenCorpusTest.world;
import static dev.least.policy.okta.OktaPolicyBuilder.EVERYONE;
import static dev.least.policy.okta.OktaPolicyBuilder.access;
import static dev.least.policy.okta.OktaPolicyBuilder.defaultSignOn;
import static dev.least.policy.okta.OktaPolicyBuilder.signOn;
import static dev.least.policy.okta.OktaRuleBuilder.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.RiskLevel;
import dev.least.model.TriState;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per documented behaviour of the reference's §2, each citing the Okta page (or the
 * management OpenAPI schema, or the analyzer the reference relies on) that states it.
 */
class OktaDocumentedBehaviourTest {
  static final String POLICIES = "https://developer.okta.com/docs/concepts/policies/";
  static final String PRIORITY =
      "https://developer.okta.com/docs/guides/policy-rule-prioritization/main/";
  static final String GSP = "https://developer.okta.com/docs/guides/configure-signon-policy/main/";
  static final String SPEC =
      "https://github.com/okta/okta-management-openapi-spec (management-minimal.yaml) ";
  static final String ANALYZER = "https://github.com/SapphireBeehive/okta-policy-analyzer ";
  static final String APP_POLICIES =
      "https://help.okta.com/oie/en-us/content/topics/identity-engine/policies/about-app-sign-on-policies.htm";

  record Row(
      String behaviour,
      String url,
      OktaSignOnEvaluator evaluator,
      OktaSignInRequest request,
      String want) {
    @Override
    public String toString() {
      return behaviour;
    }
  }

  static Stream<Row> rows() {
    OktaPolicy gspAllow = signOn("00pA").priority(1).groups(EVERYONE).rule(rule("0prA")).build();
    OktaSignInRequest withPassword =
        user("00uU")
            .app(APP)
            .session(SessionState.of(VerifiedFactor.of(FactorMethod.PASSWORD, minutesAgo(1))))
            .build();
    OktaZone trusted =
        OktaZone.ip("nzoCorp", "Corp", List.of("10.0.0.0/8"), List.of()).withTrusted(true);
    return Stream.of(
        new Row(
            "policies are considered in priority order: the first applicable one wins",
            POLICIES,
            world(
                List.of(
                    signOn("00pB").priority(2).groups(EVERYONE).rule(rule("0prB").deny()).build(),
                    signOn("00pA").priority(1).groups(EVERYONE).rule(rule("0prA")).build()),
                List.of()),
            user("00uU").build(),
            "ALLOW | 00pA/0prA=ALLOW"),
        new Row(
            "the default policy is always last, whatever its priority value",
            POLICIES,
            world(
                List.of(
                    signOn("00pDefault")
                        .priority(1)
                        .system()
                        .groups(EVERYONE)
                        .rule(rule("0prDefault"))
                        .build(),
                    signOn("00pA").priority(2).groups(EVERYONE).rule(rule("0prA").deny()).build()),
                List.of()),
            user("00uU").build(),
            "BLOCK | 00pA/0prA=DENY"),
        new Row(
            "the default policy applies to all users even when its group list is absent",
            GSP,
            world(
                List.of(signOn("00pDefault").priority(1).system().rule(rule("0prDefault")).build()),
                List.of()),
            user("00uU").build(),
            "ALLOW | 00pDefault/0prDefault=ALLOW"),
        new Row(
            "a non-default policy assigned to no group applies to nobody",
            ANALYZER + "interpreter.py policy_applies",
            world(
                List.of(
                    signOn("00pA").priority(1).rule(rule("0prA").deny()).build(), defaultSignOn()),
                List.of()),
            user("00uU").build(),
            "ALLOW | 00pDefault/0prDefault=ALLOW"),
        new Row(
            "an authentication policy does not fall through: no matching rule denies (with a problem)",
            GSP,
            world(
                List.of(
                    gspAllow,
                    access("rstApp").rule(rule("rulOnly").usersInclude("00uOther")).build()),
                List.of()),
            withPassword,
            "BLOCK | 00pA/0prA=ALLOW, rstApp/null=DENY"),
        new Row(
            "people.groups.exclude: a member of an excluded group does not match",
            ANALYZER + "interpreter.py conditions_match",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").groupsExclude("00gX").deny())
                        .build(),
                    defaultSignOn()),
                List.of()),
            user("00uU", "00gX").build(),
            "ALLOW | 00pDefault/0prDefault=ALLOW"),
        new Row(
            "network include and exclude lists are a conjunction",
            SPEC + "PolicyNetworkCondition",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").zonesInclude("nzoCorp").zonesExclude("nzoLab").deny())
                        .build(),
                    defaultSignOn()),
                List.of(trusted, OktaZone.ip("nzoLab", "Lab", List.of("10.9.0.0/16"), List.of()))),
            user("00uU").ip("10.9.1.1").build(),
            "ALLOW | 00pDefault/0prDefault=ALLOW"),
        new Row(
            "a dynamic zone matches the client's country",
            "https://help.okta.com/oie/en-us/content/topics/security/network/dynamic-network-zones.htm",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").zonesInclude("nzoGeo").deny())
                        .build(),
                    defaultSignOn()),
                List.of(OktaZone.countries("nzoGeo", "Embargoed", Set.of("KP")))),
            user("00uU").country("kp").build(),
            "BLOCK | 00pA/0prA=DENY"),
        new Row(
            "ON_NETWORK: the IP is in a trusted zone",
            GSP,
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").connection("ON_NETWORK"))
                        .build(),
                    signOn("00pB")
                        .priority(2)
                        .groups(EVERYONE)
                        .rule(rule("0prB").mfa("ALWAYS", null))
                        .build()),
                List.of(trusted)),
            user("00uU").ip("10.1.1.1").build(),
            "ALLOW | 00pA/0prA=ALLOW"),
        new Row(
            "OFF_NETWORK: the IP is in no trusted zone",
            GSP,
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").connection("OFF_NETWORK").mfa("ALWAYS", null))
                        .build(),
                    defaultSignOn()),
                List.of(trusted)),
            user("00uU").ip("198.51.100.1").build(),
            "REQUIRE_CONTROLS | 00pA/0prA=CHALLENGE"),
        new Row(
            "riskScore ANY matches every risk level",
            SPEC + "RiskScorePolicyRuleCondition",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").risk("ANY").deny())
                        .build()),
                List.of()),
            user("00uU").risk(RiskLevel.HIGH).build(),
            "BLOCK | 00pA/0prA=DENY"),
        new Row(
            "risk.behaviors matches when any listed behavior is detected",
            ANALYZER + "docs/semantics.md §2",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").behaviors("New Device", "New IP").mfa("ALWAYS", null))
                        .build(),
                    defaultSignOn()),
                List.of()),
            user("00uU").behaviors(Set.of("New IP")).build(),
            "REQUIRE_CONTROLS | 00pA/0prA=CHALLENGE"),
        new Row(
            "platform type DESKTOP covers macOS",
            SPEC + "PolicyPlatformType",
            world(
                List.of(
                    gspAllow,
                    appPolicy(
                        rule("rulDesk")
                            .platformInclude(new PlatformSpec("DESKTOP", "ANY"))
                            .deny())),
                List.of()),
            withPassword.toBuilder().platform("macos").build(),
            "BLOCK | 00pA/0prA=ALLOW, rstApp/rulDesk=DENY"),
        new Row(
            "device.managed must equal the device state",
            SPEC + "DeviceAccessPolicyRuleCondition",
            world(List.of(gspAllow, appPolicy(rule("rulMgd").device(true, true))), List.of()),
            withPassword.toBuilder().device(TriState.TRUE, TriState.TRUE).build(),
            "ALLOW | 00pA/0prA=ALLOW, rstApp/rulMgd=ALLOW"),
        new Row(
            "requireFactor false: the primary factor alone establishes the session",
            SPEC + "OktaSignOnPolicyRuleSignonActions",
            world(List.of(gspAllow), List.of()),
            user("00uU").build(),
            "ALLOW | 00pA/0prA=ALLOW"),
        new Row(
            "factorPromptMode ALWAYS challenges on every sign-in",
            SPEC + "OktaSignOnPolicyFactorPromptMode",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").mfa("ALWAYS", null))
                        .build()),
                List.of()),
            user("00uU")
                .session(SessionState.of(VerifiedFactor.of(FactorMethod.PUSH, minutesAgo(1))))
                .build(),
            "REQUIRE_CONTROLS | 00pA/0prA=CHALLENGE"),
        new Row(
            "factorPromptMode DEVICE does not challenge a remembered device",
            SPEC + "OktaSignOnPolicyFactorPromptMode",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").mfa("DEVICE", null))
                        .build()),
                List.of()),
            user("00uU").session(new SessionState(true, List.of(), TriState.TRUE)).build(),
            "ALLOW | 00pA/0prA=ALLOW"),
        new Row(
            "1FA is met by any one factor",
            SPEC + "AccessPolicyRuleApplicationSignOn verificationMethod",
            world(List.of(gspAllow, appPolicy(rule("rul1").assurance("1FA", "PT12H"))), List.of()),
            withPassword,
            "ALLOW | 00pA/0prA=ALLOW, rstApp/rul1=ALLOW"),
        new Row(
            "2FA needs two factor classes: password + security question is one",
            ANALYZER + "docs/semantics.md §3",
            world(List.of(gspAllow, appPolicy(rule("rul2").assurance("2FA", "PT12H"))), List.of()),
            withPassword.toBuilder()
                .session(
                    SessionState.of(
                        VerifiedFactor.of(FactorMethod.PASSWORD, minutesAgo(1)),
                        VerifiedFactor.of(FactorMethod.SECURITY_QUESTION, minutesAgo(1))))
                .build(),
            "REQUIRE_CONTROLS | 00pA/0prA=ALLOW, rstApp/rul2=CHALLENGE"),
        new Row(
            "a user who passes the global session policy does not automatically get the app",
            APP_POLICIES,
            world(List.of(gspAllow, appPolicy(rule("rulDeny").deny())), List.of()),
            withPassword,
            "BLOCK | 00pA/0prA=ALLOW, rstApp/rulDeny=DENY"),
        new Row(
            "a global session DENY denies every app",
            ANALYZER + "docs/semantics.md §4",
            world(
                List.of(
                    signOn("00pA").priority(1).groups(EVERYONE).rule(rule("0prA").deny()).build(),
                    appPolicy()),
                List.of()),
            withPassword,
            "BLOCK | 00pA/0prA=DENY"),
        new Row(
            "the pseudo zone ALL_ZONES reads as 'in any active zone'",
            "https://registry.terraform.io/providers/okta/okta/latest/docs (network_includes ALL_ZONES) [unverified]",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").zonesInclude("ALL_ZONES").deny())
                        .build(),
                    defaultSignOn()),
                List.of(trusted)),
            user("00uU").ip("10.2.2.2").build(),
            "BLOCK | 00pA/0prA=DENY"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void documentedBehaviourHolds(Row row) {
    assertThat(render(row.evaluator().evaluate(row.request()))).as(row.url()).isEqualTo(row.want());
  }
}
