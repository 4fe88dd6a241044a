package dev.least.policy.okta;

import static dev.least.policy.okta.OktaGoldenCorpusTest.APP;
import static dev.least.policy.okta.OktaGoldenCorpusTest.NOW;
import static dev.least.policy.okta.OktaGoldenCorpusTest.appPolicy;
import static dev.least.policy.okta.OktaGoldenCorpusTest.render;
import static dev.least.policy.okta.OktaGoldenCorpusTest.user;
import static dev.least.policy.okta.OktaGoldenCorpusTest.world;
import static dev.least.policy.okta.OktaPolicyBuilder.EVERYONE;
import static dev.least.policy.okta.OktaPolicyBuilder.defaultSignOn;
import static dev.least.policy.okta.OktaPolicyBuilder.signOn;
import static dev.least.policy.okta.OktaRuleBuilder.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.least.model.App;
import dev.least.model.AppId;
import dev.least.model.ClientAppType;
import dev.least.model.Group;
import dev.least.model.GroupId;
import dev.least.model.GroupKind;
import dev.least.model.LocationId;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.model.PolicyId;
import dev.least.model.PolicyResult;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.Source;
import dev.least.model.TriState;
import dev.least.policy.Decision;
import dev.least.policy.Evaluation;
import dev.least.policy.ProblemCode;
import dev.least.policy.SignInFacts;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class OktaSignOnEvaluatorTest {

  static SignInFacts facts(
      Set<String> groups, @Nullable String app, @Nullable String ip, RiskLevel risk) {
    return new SignInFacts(
        "00uU",
        PrincipalKind.USER,
        false,
        groups,
        Set.of(),
        app,
        ClientAppType.BROWSER,
        "windows",
        ip,
        "US",
        risk,
        RiskLevel.NONE,
        TriState.UNKNOWN,
        TriState.UNKNOWN,
        TriState.UNKNOWN,
        true,
        NOW);
  }

  @Test
  void evaluateFactsWhenPromptDependsOnSessionThenNotEvaluableWithProblem() {
    OktaSignOnEvaluator e =
        world(
            List.of(
                signOn("00pA")
                    .priority(1)
                    .groups(EVERYONE)
                    .rule(rule("0prA").mfa("SESSION", 15))
                    .build()),
            List.of());

    Evaluation ev = e.evaluate(facts(Set.of(), null, "198.51.100.1", RiskLevel.LOW));

    assertThat(ev.decision()).isEqualTo(Decision.NOT_EVALUABLE);
    assertThat(ev.outcomes())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.ruleId()).isEqualTo("0prA");
              assertThat(o.result()).isEqualTo(PolicyResult.UNKNOWN);
              assertThat(o.requiredControls()).containsExactly("mfa:SESSION:15m");
            });
    assertThat(ev.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(ProblemCode.NOT_EVALUABLE_FROM_LOG);
              assertThat(p.detail()).contains("not in the log");
            });
  }

  @Test
  void evaluateFactsWhenPromptIsAlwaysThenChallengeWithoutSessionKnowledge() {
    OktaSignOnEvaluator e =
        world(
            List.of(
                signOn("00pA")
                    .priority(1)
                    .groups(EVERYONE)
                    .rule(rule("0prA").mfa("ALWAYS", null))
                    .build()),
            List.of());

    Evaluation ev = e.evaluate(facts(Set.of(), null, "198.51.100.1", RiskLevel.LOW));

    assertThat(ev.decision()).isEqualTo(Decision.REQUIRE_CONTROLS);
    assertThat(ev.outcomes()).extracting(o -> o.result()).containsExactly(PolicyResult.CHALLENGE);
    assertThat(ev.problems()).isEmpty();
  }

  @Test
  void evaluateFactsWhenRiskAbsentAndRuleNeedsRiskThenUndecidedNotDefaulted() {
    OktaSignOnEvaluator e =
        world(
            List.of(
                signOn("00pA")
                    .priority(1)
                    .groups(EVERYONE)
                    .rule(rule("0prA").risk("HIGH").deny())
                    .build(),
                defaultSignOn()),
            List.of());

    Evaluation ev = e.evaluate(facts(Set.of(), null, "198.51.100.1", RiskLevel.NONE));

    assertThat(ev.decision()).isEqualTo(Decision.NOT_EVALUABLE);
    assertThat(ev.outcomes())
        .extracting(OktaGoldenCorpusTest::render)
        .containsExactly("00pA/0prA=UNKNOWN");
    assertThat(ev.problems())
        .anySatisfy(
            p -> {
              assertThat(p.code()).isEqualTo(ProblemCode.NOT_EVALUABLE_FROM_LOG);
              assertThat(p.detail()).contains("riskScore.level");
            });
  }

  @Test
  void evaluateWhenUnknownSignalButAnotherConditionFailsThenRuleSkippedWithoutProblem() {
    OktaSignOnEvaluator e =
        world(
            List.of(
                signOn("00pA")
                    .priority(1)
                    .groups(EVERYONE)
                    .rule(rule("0prA").risk("HIGH").usersInclude("00uOther").deny())
                    .build(),
                defaultSignOn()),
            List.of());

    Evaluation ev = e.evaluate(facts(Set.of(), null, null, RiskLevel.NONE));

    assertThat(ev.decision()).isEqualTo(Decision.ALLOW);
    assertThat(ev.outcomes())
        .extracting(OktaGoldenCorpusTest::render)
        .containsExactly("00pDefault/0prDefault=ALLOW");
    assertThat(ev.problems()).isEmpty();
  }

  @Test
  void evaluateWhenIpUnknownAndRuleUsesZoneThenUndecided() {
    OktaSignOnEvaluator e =
        world(
            List.of(
                signOn("00pA")
                    .priority(1)
                    .groups(EVERYONE)
                    .rule(rule("0prA").zonesInclude("nzoOffice").deny())
                    .build(),
                defaultSignOn()),
            List.of(OktaGoldenCorpusTest.office()));

    OktaSignOnResult r = e.evaluate(OktaSignInRequest.builder("00uU").at(NOW).build());

    assertThat(render(r)).isEqualTo("NOT_EVALUABLE | 00pA/0prA=UNKNOWN");
    assertThat(r.evaluation().problems())
        .anySatisfy(p -> assertThat(p.detail()).contains("network"));
  }

  @Test
  void evaluateWhenRuleReferencesUnknownZoneThenProblemAndZoneMatchesNothing() {
    OktaSignOnEvaluator e =
        world(
            List.of(
                signOn("00pA")
                    .priority(1)
                    .groups(EVERYONE)
                    .rule(rule("0prA").zonesInclude("nzoGone").deny())
                    .build(),
                defaultSignOn()),
            List.of());

    OktaSignOnResult r = e.evaluate(user("00uU").build());

    assertThat(render(r)).isEqualTo("ALLOW | 00pDefault/0prDefault=ALLOW");
    assertThat(e.policyProblems())
        .anySatisfy(
            p -> {
              assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_REFERENCE);
              assertThat(p.detail()).contains("nzoGone");
            });
  }

  @Test
  void evaluateWhenAuthMethodChainThenUnsupportedControlReported() {
    OktaSignOnEvaluator e =
        world(
            List.of(
                signOn("00pA").priority(1).groups(EVERYONE).rule(rule("0prA")).build(),
                appPolicy(rule("rulChain").verificationType("AUTH_METHOD_CHAIN"))),
            List.of());

    OktaSignOnResult r =
        e.evaluate(
            user("00uU")
                .app(APP)
                .session(SessionState.of(VerifiedFactor.of(FactorMethod.PASSWORD, NOW)))
                .build());

    assertThat(render(r)).isEqualTo("NOT_EVALUABLE | 00pA/0prA=ALLOW, rstApp/rulChain=UNKNOWN");
    assertThat(r.evaluation().problems())
        .extracting(p -> p.code())
        .contains(ProblemCode.UNSUPPORTED_GRANT_CONTROL);
  }

  @Test
  void ruleIdForNameFindsARedactedRuleByDisplayName() {
    // §5 row 35: OIE app-policy events may redact the rule id and keep only the display name
    OktaSignOnEvaluator e =
        world(
            List.of(
                defaultSignOn(),
                appPolicy(rule("rulMfa").name("Require MFA").assurance("2FA", null))),
            List.of());

    assertThat(e.accessPolicyOf(APP)).contains("rstApp");
    assertThat(e.ruleIdForName("rstApp", "Catch-all Rule")).contains("rulCatchAll");
    assertThat(e.ruleIdForName("rstApp", "Require MFA")).contains("rulMfa");
    assertThat(e.ruleIdForName("rstApp", "No such rule")).isEmpty();
    assertThat(e.ruleIdForName("00pDefault", "Default Rule")).contains("0prDefault");
  }

  @Test
  void ofWhenBuiltFromConnectorModelThenEveryoneAppLinksAndZonesAreUsed() {
    OktaPolicy gsp = signOn("00pA").priority(1).groups("00gAll").rule(rule("0prA")).build();
    OktaPolicy appPol =
        OktaPolicyBuilder.access("rstX")
            .rule(rule("rulBlockLab").zonesInclude("nzoLab").deny())
            .rule(rule("rulAll").priority(99).system())
            .build();
    OktaSignOnEvaluator e =
        OktaSignOnEvaluator.of(
            List.of(gsp, appPol),
            List.of(new App(new AppId("0oaX"), Source.OKTA, "X", null, new PolicyId("rstX"), true)),
            List.of(
                new NamedLocation(
                    new LocationId("nzoLab"),
                    Source.OKTA,
                    "Lab",
                    LocationKind.IP,
                    false,
                    List.of("10.9.0.0/16"),
                    List.of(),
                    false,
                    false,
                    true)),
            List.of(
                new Group(
                    new GroupId("00gAll"),
                    Source.OKTA,
                    "Everyone",
                    GroupKind.STATIC,
                    null,
                    false)));

    OktaSignOnResult r =
        e.evaluate(OktaSignInRequest.builder("00uNew").app("0oaX").ip("10.9.8.7").at(NOW).build());

    assertThat(render(r)).isEqualTo("BLOCK | 00pA/0prA=ALLOW, rstX/rulBlockLab=DENY");
  }

  @Test
  void evaluateWhenNoSessionPolicyAppliesThenNotEvaluableWithProblem() {
    OktaSignOnEvaluator e =
        world(
            List.of(signOn("00pA").priority(1).groups("00gA").rule(rule("0prA")).build()),
            List.of());

    OktaSignOnResult r = e.evaluate(user("00uU").build());

    assertThat(r.evaluation().decision()).isEqualTo(Decision.NOT_EVALUABLE);
    assertThat(r.evaluation().problems())
        .extracting(p -> p.code())
        .containsExactly(ProblemCode.INVALID_POLICY);
  }

  @Test
  void ipRangeParsesCidrRangeAndIpv6AndRejectsNames() {
    IpRange cidr = IpRange.parse("1.2.3.4/24");
    assertThat(cidr.contains(IpRange.addressOrNull("1.2.3.255"))).isTrue();
    assertThat(cidr.contains(IpRange.addressOrNull("1.2.4.0"))).isFalse();
    IpRange range = IpRange.parse("3.3.4.5-3.3.4.15");
    assertThat(range.contains(IpRange.addressOrNull("3.3.4.15"))).isTrue();
    assertThat(range.contains(IpRange.addressOrNull("3.3.4.16"))).isFalse();
    IpRange v6 = IpRange.parse("2001:db8::/32");
    assertThat(v6.contains(IpRange.addressOrNull("2001:db8:1::1"))).isTrue();
    assertThat(v6.contains(IpRange.addressOrNull("1.2.3.4"))).isFalse();
    assertThat(IpRange.addressOrNull("example.com")).isNull();
    assertThat(IpRange.addressOrNull("1.2.3.256")).isNull();
    assertThatThrownBy(() -> IpRange.parse("10.0.0.9-10.0.0.1"))
        .hasMessageContaining("10.0.0.9-10.0.0.1");
  }

  @Test
  void ofWhenDynamicZoneHasNoCountriesThenMembershipUndecidedAndBlocklistFlaggedOnce() {
    NamedLocation asnZone =
        new NamedLocation(
            new LocationId("nzoAsn"),
            Source.OKTA,
            "ASN zone",
            LocationKind.DYNAMIC,
            false,
            List.of(),
            List.of(),
            false,
            false,
            true);
    NamedLocation anonymizers =
        new NamedLocation(
            new LocationId("nzoAnon"),
            Source.OKTA,
            "DefaultEnhancedDynamicZone",
            LocationKind.DYNAMIC,
            false,
            List.of(),
            List.of(),
            false,
            true,
            true);
    OktaPolicy gsp =
        signOn("00pA")
            .priority(1)
            .groups("00gAll")
            .rule(rule("0prA").zonesInclude("nzoAsn").deny())
            .build();
    OktaSignOnEvaluator e =
        OktaSignOnEvaluator.of(
            List.of(gsp, defaultSignOn()),
            List.of(),
            List.of(asnZone, anonymizers),
            List.of(
                new Group(
                    new GroupId("00gAll"),
                    Source.OKTA,
                    "Everyone",
                    GroupKind.STATIC,
                    null,
                    false)));

    OktaSignOnResult r = e.evaluate(user("00uU").build());

    assertThat(render(r)).isEqualTo("NOT_EVALUABLE | 00pA/0prA=UNKNOWN");
    assertThat(e.policyProblems())
        .singleElement()
        .satisfies(p -> assertThat(p.detail()).contains("DefaultEnhancedDynamicZone"));
  }
}
