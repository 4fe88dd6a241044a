package dev.least.policy.okta;

import static dev.least.policy.okta.OktaGoldenCorpusTest.APP;
import static dev.least.policy.okta.OktaGoldenCorpusTest.APP_POLICY;
import static dev.least.policy.okta.OktaGoldenCorpusTest.NOW;
import static dev.least.policy.okta.OktaGoldenCorpusTest.minutesAgo;
import static dev.least.policy.okta.OktaGoldenCorpusTest.render;
import static dev.least.policy.okta.OktaPolicyBuilder.EVERYONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.RiskLevel;
import dev.least.policy.ProblemCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rules built by hand to mirror {@code shared/datasets/okta-policies/rules/*} (the official spec
 * examples), evaluated against requests chosen to exercise each of their conditions.
 */
class OktaSampleRulesTest {
  /** {@code openapi-list-all-sign-on-policy-rule-response.json}: "Test rule". */
  static OktaRule listAllSignOnTestRule() {
    return OktaRuleBuilder.rule("0prh1sd28q5sXGW08697")
        .name("Test rule")
        .priority(0)
        .risk("ANY")
        // requireFactor false, factorPromptMode ALWAYS, factorLifetime 15 in the sample
        .primaryFactor("PASSWORD_IDP_ANY_FACTOR")
        .build();
  }

  /** {@code openapi-create-auth-policy-rule-condition-response.json}: "Rule with conditions". */
  static OktaRuleBuilder ruleWithConditions() {
    return OktaRuleBuilder.rule("rule8jjozjGMGbHyC1d6")
        .name("Rule with conditions")
        .priority(0)
        .usersExclude("00u7yq5goxNFTiMjW1d7")
        .groupsInclude("00g9i12jictsYdZdi1d7")
        .zonesExclude("nzo9o4rctwQCJNE6y1d7")
        .platformInclude(
            new PlatformSpec("MOBILE", "IOS"),
            new PlatformSpec("MOBILE", "ANDROID"),
            new PlatformSpec("DESKTOP", "MACOS"))
        .risk("ANY")
        .userTypes(List.of(), List.of("otyezu4m0xN6w5JEa1d7"))
        .assurance("2FA", "PT2H")
        .constraint(
            new FactorConstraint(
                List.of("password"), List.of(), true, "PT2H", false, false, false, false),
            null);
  }

  static OktaSignOnEvaluator evaluator(OktaRuleBuilder appRule) {
    OktaPolicy gsp =
        OktaPolicyBuilder.signOn("policyId")
            .priority(1)
            .system()
            .groups(EVERYONE)
            .rule(listAllSignOnTestRule())
            .build();
    OktaPolicy app =
        OktaPolicyBuilder.access(APP_POLICY)
            .rule(appRule)
            .rule(
                OktaRuleBuilder.rule("rulCatchAll")
                    .name("Catch-all Rule")
                    .priority(99)
                    .system()
                    .assurance("2FA", null))
            .build();
    return new OktaSignOnEvaluator(
        List.of(gsp, app),
        Map.of(APP, APP_POLICY),
        List.of(
            OktaZone.ip(
                "nzo9o4rctwQCJNE6y1d7", "Blocked office", List.of("192.0.2.0/24"), List.of())),
        Set.of(EVERYONE));
  }

  static OktaSignInRequest.Builder member() {
    return OktaSignInRequest.builder("00uMember")
        .groups("00g9i12jictsYdZdi1d7")
        .userType("otyDefault")
        .app(APP)
        .ip("198.51.100.4")
        .platform("ios")
        .risk(RiskLevel.LOW)
        .at(NOW)
        .session(
            SessionState.of(
                VerifiedFactor.of(FactorMethod.PASSWORD, minutesAgo(30)),
                VerifiedFactor.of(FactorMethod.PUSH, minutesAgo(30))));
  }

  @Test
  void sampleSignOnRuleWithPromptModeButNoRequireFactorAllows() {
    OktaSignOnResult r = evaluator(ruleWithConditions()).evaluate(member().app(null).build());

    assertThat(render(r)).isEqualTo("ALLOW | policyId/0prh1sd28q5sXGW08697=ALLOW");
  }

  @Test
  void sampleRuleWithConditionsMatchesMemberOnIosWithFreshPasswordAndPush() {
    OktaSignOnResult r = evaluator(ruleWithConditions()).evaluate(member().build());

    assertThat(render(r))
        .isEqualTo(
            "ALLOW | policyId/0prh1sd28q5sXGW08697=ALLOW, rstApp/rule8jjozjGMGbHyC1d6=ALLOW");
  }

  @Test
  void sampleRuleWithConditionsChallengesWhenPasswordOlderThanItsConstraintWindow() {
    OktaSignInRequest stale =
        member()
            .session(
                SessionState.of(
                    VerifiedFactor.of(FactorMethod.PASSWORD, minutesAgo(180)),
                    VerifiedFactor.of(FactorMethod.PUSH, minutesAgo(5))))
            .build();

    OktaSignOnResult r = evaluator(ruleWithConditions()).evaluate(stale);

    assertThat(render(r))
        .isEqualTo(
            "REQUIRE_CONTROLS | policyId/0prh1sd28q5sXGW08697=ALLOW, rstApp/rule8jjozjGMGbHyC1d6=CHALLENGE");
  }

  @Test
  void sampleRuleWithConditionsSkipsExcludedUserTypeZoneAndPlatform() {
    OktaSignOnEvaluator e = evaluator(ruleWithConditions());

    assertThat(render(e.evaluate(member().userType("otyezu4m0xN6w5JEa1d7").build())))
        .endsWith("rstApp/rulCatchAll=ALLOW");
    assertThat(render(e.evaluate(member().ip("192.0.2.9").build())))
        .endsWith("rstApp/rulCatchAll=ALLOW");
    assertThat(render(e.evaluate(member().platform("windows").build())))
        .endsWith("rstApp/rulCatchAll=ALLOW");
    assertThat(render(e.evaluate(member().userId("00u7yq5goxNFTiMjW1d7").build())))
        .endsWith("rstApp/rulCatchAll=ALLOW");
  }

  @Test
  void sampleElConditionIsReportedAsUnknownConditionNotGuessed() {
    // the sample also carries elCondition "security.risk.level == 'HIGH'"
    OktaSignOnResult r =
        evaluator(ruleWithConditions().el("security.risk.level == 'HIGH'"))
            .evaluate(member().build());

    assertThat(render(r))
        .isEqualTo(
            "NOT_EVALUABLE | policyId/0prh1sd28q5sXGW08697=ALLOW, rstApp/rule8jjozjGMGbHyC1d6=UNKNOWN");
    assertThat(r.evaluation().problems())
        .extracting(p -> p.code())
        .contains(ProblemCode.UNKNOWN_CONDITION);
  }

  @Test
  void samplePasswordlessPhishingResistantRuleAlwaysReprompts() {
    // openapi-twofa-enabled-disallow-password-allow-phishing-response.json: PT0S, possession
    // deviceBound + phishingResistant REQUIRED, knowledge not required
    OktaRuleBuilder passwordless =
        OktaRuleBuilder.rule("rul7yut96gmsOzKAA1d6")
            .name("Passwordless 2FA")
            .priority(0)
            .assurance("2FA", "PT0S")
            .constraint(
                new FactorConstraint(List.of(), List.of(), false, null, false, false, false, false),
                new FactorConstraint(List.of(), List.of(), true, null, true, true, false, false));
    OktaSignInRequest fastPass =
        member()
            .session(
                SessionState.of(new VerifiedFactor(FactorMethod.SIGNED_NONCE, true, true, NOW)))
            .build();

    OktaSignOnResult r = evaluator(passwordless).evaluate(fastPass);

    assertThat(render(r))
        .isEqualTo(
            "REQUIRE_CONTROLS | policyId/0prh1sd28q5sXGW08697=ALLOW, rstApp/rul7yut96gmsOzKAA1d6=CHALLENGE");
    assertThat(r.evaluation().outcomes().get(1).requiredControls())
        .containsExactly(
            "assurance:2FA",
            "reauthenticateIn:PT0S",
            "constraint:possession[phishingResistant, deviceBound]");
  }
}
