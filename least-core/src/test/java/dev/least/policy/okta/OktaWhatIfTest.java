package dev.least.policy.okta;

import static dev.least.policy.okta.OktaGoldenCorpusTest.APP;
import static dev.least.policy.okta.OktaGoldenCorpusTest.appPolicy;
import static dev.least.policy.okta.OktaGoldenCorpusTest.minutesAgo;
import static dev.least.policy.okta.OktaGoldenCorpusTest.user;
import static dev.least.policy.okta.OktaGoldenCorpusTest.world;
import static dev.least.policy.okta.OktaPolicyBuilder.EVERYONE;
import static dev.least.policy.okta.OktaPolicyBuilder.defaultSignOn;
import static dev.least.policy.okta.OktaPolicyBuilder.signOn;
import static dev.least.policy.okta.OktaRuleBuilder.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OktaWhatIfTest {

  @Test
  void explainWhenEarlierRulesFailThenEachSaysWhyAndTheMatchIsNamed() {
    OktaSignOnEvaluator e =
        world(
            List.of(
                signOn("00pContractors")
                    .name("Contractors")
                    .priority(1)
                    .groups("00gContractors")
                    .rule(rule("0prC").deny())
                    .build(),
                signOn("00pStaff")
                    .name("Staff")
                    .priority(2)
                    .groups(EVERYONE)
                    .rule(
                        rule("0prOff")
                            .name("Off-site")
                            .priority(1)
                            .zonesExclude("nzoOffice")
                            .mfa("ALWAYS", null))
                    .rule(rule("0prOld").name("Old").priority(2).inactive())
                    .rule(rule("0prIn").name("In office").priority(3))
                    .build(),
                defaultSignOn(),
                appPolicy(rule("rulMfa").name("MFA").assurance("2FA", "PT2H"))),
            List.of(OktaGoldenCorpusTest.office()));

    OktaWhatIf.Explanation x =
        new OktaWhatIf(e)
            .explain(
                user("00uAda")
                    .app(APP)
                    .ip("10.1.2.3")
                    .session(
                        SessionState.of(VerifiedFactor.of(FactorMethod.PASSWORD, minutesAgo(5))))
                    .build());

    assertThat(x.lines())
        .containsExactly(
            "Decision: REQUIRE_CONTROLS",
            "Global session policies (OKTA_SIGN_ON), in evaluation order:",
            "  'Contractors' (00pContractors, priority 1): NOT_ASSIGNED - user is in none of the policy's groups [00gContractors]",
            "  'Staff' (00pStaff, priority 2): APPLIED - rule 'In office' (priority 3) matched",
            "    rule 'Off-site' (0prOff, priority 1): NOT_MATCHED - network: NO_MATCH (in excluded zone Office)",
            "    rule 'Old' (0prOld, priority 2): INACTIVE",
            "    rule 'In office' (0prIn, priority 3): MATCHED - people: MATCH (no include list: anyone not excluded); network: MATCH (ANYWHERE)",
            "    => ALLOW [] - no second factor required",
            "Authentication policy: app 0oaApp → authentication policy App policy (rstApp)",
            "  'App policy' (rstApp, priority 1): APPLIED - rule 'MFA' (priority 1) matched",
            "    rule 'MFA' (rulMfa, priority 1): MATCHED - people: MATCH (no include list: anyone not excluded); network: MATCH (ANYWHERE)",
            "    => CHALLENGE [assurance:2FA, reauthenticateIn:PT2H] - 2FA not met: factor classes in window [KNOWLEDGE]");
    assertThat(x.result().evaluation().outcomes()).hasSize(2);
  }

  @Test
  void explainWhenBlocklistedThenSaysSoAndNamesTheZone() {
    OktaZone blocked =
        OktaZone.ip("nzoB", "BlockedIpZone", List.of("203.0.113.0/24"), List.of())
            .withBlocklist(true);
    OktaSignOnEvaluator e = world(List.of(defaultSignOn()), List.of(blocked));

    OktaWhatIf.Explanation x = new OktaWhatIf(e).explain(user("00uAda").ip("203.0.113.9").build());

    assertThat(x.text())
        .isEqualTo(
            "Decision: BLOCK"
                + System.lineSeparator()
                + "Blocked before policy evaluation by blocklist zone(s) [BlockedIpZone]");
  }
}
