package dev.least.policy.okta;

import static dev.least.policy.okta.OktaPolicyBuilder.EVERYONE;
import static dev.least.policy.okta.OktaPolicyBuilder.access;
import static dev.least.policy.okta.OktaPolicyBuilder.defaultSignOn;
import static dev.least.policy.okta.OktaPolicyBuilder.signOn;
import static dev.least.policy.okta.OktaRuleBuilder.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.RiskLevel;
import dev.least.model.TriState;
import dev.least.policy.PolicyOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden corpus: one case per row of the edge-case table in {@code
 * shared/reference/okta-policy-semantics.md} §5 (rows that belong to the log parser or to replay
 * are listed in {@link #DELEGATED} with the reason). Expected values are written as {@code DECISION
 * | policy/rule=RESULT, …}.
 */
class OktaGoldenCorpusTest {
  static final long NOW = 1_700_000_000_000L;
  static final String APP = "0oaApp";
  static final String APP_POLICY = "rstApp";

  /** §5 rows the evaluator does not own, with who does. */
  static final Map<Integer, String> DELEGATED =
      Map.of(
          36, "System Log parser: target type Rule vs PolicyRule (connector)",
          37, "System Log parser: lower-cased top-level keys (connector)",
          38, "System Log parser/replay: a logged SUCCESS result on policy.evaluate_sign_on",
          39, "replay: choosing the policy version that created the session",
          40, "policy parser: rule type SIGN_ON inside OKTA_SIGN_ON (OktaRule has no type)",
          41, "policy parser: unknown key phishingREsistant fails loudly",
          44, "System Log parser: client.zone holds the string \"null\"");

  record GoldenCase(
      String row,
      String note,
      String source,
      OktaSignOnEvaluator evaluator,
      OktaSignInRequest request,
      String want) {
    @Override
    public String toString() {
      return "§5 row " + row + ": " + note;
    }

    int rowNumber() {
      return Integer.parseInt(row.replaceAll("[^0-9]", ""));
    }
  }

  static OktaSignOnEvaluator world(List<OktaPolicy> policies, List<OktaZone> zones) {
    return new OktaSignOnEvaluator(policies, Map.of(APP, APP_POLICY), zones, Set.of(EVERYONE));
  }

  static OktaSignInRequest.Builder user(String id, String... groups) {
    return OktaSignInRequest.builder(id)
        .groups(groups)
        .at(NOW)
        .ip("198.51.100.7")
        .country("US")
        .risk(RiskLevel.LOW);
  }

  static long minutesAgo(int m) {
    return NOW - m * 60_000L;
  }

  static String render(OktaSignOnResult r) {
    if (!r.blockedBy().isEmpty()) {
      return r.evaluation().decision() + " | blockedBy=" + r.blockedBy();
    }
    String outcomes =
        r.evaluation().outcomes().stream()
            .map(OktaGoldenCorpusTest::render)
            .collect(Collectors.joining(", "));
    return r.evaluation().decision() + " | " + outcomes;
  }

  static String render(PolicyOutcome o) {
    return o.policyId() + "/" + o.ruleId() + "=" + o.result();
  }

  static OktaPolicy appPolicy(OktaRuleBuilder... rules) {
    OktaPolicyBuilder b = access(APP_POLICY).name("App policy");
    for (OktaRuleBuilder r : rules) {
      b.rule(r);
    }
    b.rule(rule("rulCatchAll").name("Catch-all Rule").priority(99).system().assurance("1FA", null));
    return b.build();
  }

  static OktaZone office() {
    return OktaZone.ip("nzoOffice", "Office", List.of("10.0.0.0/8"), List.of());
  }

  static Stream<GoldenCase> cases() {
    List<GoldenCase> c = new ArrayList<>();
    OktaPolicy p1ChallengeA =
        signOn("00pA").priority(1).groups("00gA").rule(rule("0prA").mfa("ALWAYS", null)).build();
    c.add(
        new GoldenCase(
            "1",
            "user not in P1's group: P1 skipped, Default applies",
            "https://developer.okta.com/docs/concepts/policies/",
            world(List.of(p1ChallengeA, defaultSignOn()), List.of()),
            user("00uU").build(),
            "ALLOW | 00pDefault/0prDefault=ALLOW"));
    c.add(
        new GoldenCase(
            "2",
            "user in A but P1's only rule excludes the user's zone: next policy",
            "https://developer.okta.com/docs/concepts/policies/",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups("00gA")
                        .rule(rule("0prA").zonesExclude("nzoOffice").deny())
                        .build(),
                    defaultSignOn()),
                List.of(office())),
            user("00uU", "00gA").ip("10.1.2.3").build(),
            "ALLOW | 00pDefault/0prDefault=ALLOW"));
    c.add(
        new GoldenCase(
            "3",
            "P1 has zero rules: never applied",
            "https://developer.okta.com/docs/concepts/policies/",
            world(
                List.of(signOn("00pA").priority(1).groups("00gA").build(), defaultSignOn()),
                List.of()),
            user("00uU", "00gA").build(),
            "ALLOW | 00pDefault/0prDefault=ALLOW"));
    c.add(
        new GoldenCase(
            "4",
            "priorities 7, 3, 1 with gaps: evaluated 1 → 3 → 7",
            "https://developer.okta.com/docs/guides/policy-rule-prioritization/main/",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0pr7").priority(7).deny())
                        .rule(rule("0pr3").priority(3).mfa("ALWAYS", null))
                        .rule(rule("0pr1").priority(1).usersInclude("00uOther").deny())
                        .build()),
                List.of()),
            user("00uU").build(),
            "REQUIRE_CONTROLS | 00pA/0pr3=CHALLENGE"));
    c.add(
        new GoldenCase(
            "5",
            "rule 1 INACTIVE, rule 2 matches",
            "okta-policy-analyzer docs/semantics.md §1",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0pr1").priority(1).deny().inactive())
                        .rule(rule("0pr2").priority(2))
                        .build()),
                List.of()),
            user("00uU").build(),
            "ALLOW | 00pA/0pr2=ALLOW"));
    c.add(
        new GoldenCase(
            "6",
            "policy INACTIVE: skipped",
            "okta-policy-analyzer docs/semantics.md §1",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups("00gA")
                        .inactive()
                        .rule(rule("0prA").deny())
                        .build(),
                    defaultSignOn()),
                List.of()),
            user("00uU", "00gA").build(),
            "ALLOW | 00pDefault/0prDefault=ALLOW"));
    c.add(
        new GoldenCase(
            "7",
            "catch-all (system, priority 99) stays last behind a user rule at priority 100",
            "https://developer.okta.com/docs/guides/policy-rule-prioritization/main/",
            world(
                List.of(defaultSignOn(), appPolicy(rule("rul100").priority(100).deny())),
                List.of()),
            user("00uU")
                .app(APP)
                .session(SessionState.of(VerifiedFactor.of(FactorMethod.PASSWORD, minutesAgo(1))))
                .build(),
            "BLOCK | 00pDefault/0prDefault=ALLOW, rstApp/rul100=DENY"));
    c.add(
        new GoldenCase(
            "8",
            "users.exclude has U and U is in groups.include: exclusion wins",
            "okta-policy-analyzer interpreter.py conditions_match",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups("00gG")
                        .rule(rule("0prA").groupsInclude("00gG").usersExclude("00uU").deny())
                        .build(),
                    defaultSignOn()),
                List.of()),
            user("00uU", "00gG").build(),
            "ALLOW | 00pDefault/0prDefault=ALLOW"));
    c.add(
        new GoldenCase(
            "9",
            "users.include [U2] and groups.include [G], user in G: include lists ORed",
            "okta-policy-analyzer docs/semantics.md §2 (assumption A1)",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups("00gG")
                        .rule(rule("0prA").usersInclude("00uU2").groupsInclude("00gG").deny())
                        .build(),
                    defaultSignOn()),
                List.of()),
            user("00uU", "00gG").build(),
            "BLOCK | 00pA/0prA=DENY"));
    c.add(
        new GoldenCase(
            "10",
            "network ANYWHERE matches any IP, even an unknown one",
            "SPEC PolicyNetworkConnection",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").connection("ANYWHERE").deny())
                        .build()),
                List.of(office())),
            OktaSignInRequest.builder("00uU").at(NOW).build(),
            "BLOCK | 00pA/0prA=DENY"));
    OktaZone z1 = OktaZone.ip("nzo1", "Z1", List.of("192.0.2.0/24"), List.of());
    OktaZone z2 = OktaZone.ip("nzo2", "Z2", List.of("198.51.100.0/24"), List.of());
    OktaZone z3 = OktaZone.ip("nzo3", "Z3", List.of("198.51.100.0-198.51.100.20"), List.of());
    c.add(
        new GoldenCase(
            "11",
            "ZONE include [Z1, Z2], IP in Z2 only: match",
            "SPEC PolicyNetworkCondition; okta-policy-analyzer",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").zonesInclude("nzo1", "nzo2").deny())
                        .build(),
                    defaultSignOn()),
                List.of(z1, z2)),
            user("00uU").ip("198.51.100.7").build(),
            "BLOCK | 00pA/0prA=DENY"));
    c.add(
        new GoldenCase(
            "12",
            "ZONE exclude [Z1], IP in Z1 and in Z3: no match",
            "okta-policy-analyzer docs/semantics.md §2",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").zonesExclude("nzo2").deny())
                        .build(),
                    defaultSignOn()),
                List.of(z2, z3)),
            user("00uU").ip("198.51.100.7").build(),
            "ALLOW | 00pDefault/0prDefault=ALLOW"));
    c.add(
        new GoldenCase(
            "13",
            "zone INACTIVE and referenced in include: matches nothing",
            "okta-policy-analyzer docs/semantics.md §7",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").zonesInclude("nzo2").deny())
                        .build(),
                    defaultSignOn()),
                List.of(z2.withActive(false))),
            user("00uU").ip("198.51.100.7").build(),
            "ALLOW | 00pDefault/0prDefault=ALLOW"));
    OktaZone chained = OktaZone.ip("nzoZ", "Z", List.of("192.0.2.10"), List.of("203.0.113.0/24"));
    OktaPolicy denyInZ =
        signOn("00pA")
            .priority(1)
            .groups(EVERYONE)
            .rule(rule("0prA").zonesInclude("nzoZ").deny())
            .build();
    c.add(
        new GoldenCase(
            "14",
            "IP chain [client, proxy P]: P is a proxy of Z, client a gateway of Z: in zone",
            "https://help.okta.com/oie/en-us/content/topics/security/network/about-ip-zones.htm",
            world(List.of(denyInZ, defaultSignOn()), List.of(chained)),
            user("00uU").ip("192.0.2.10", "203.0.113.5").build(),
            "BLOCK | 00pA/0prA=DENY"));
    c.add(
        new GoldenCase(
            "15",
            "IP chain of 6 hops, the last 5 proxies: out of zone after 5 (the gateway is hop 6)",
            "https://help.okta.com/oie/en-us/content/topics/security/network/about-ip-zones.htm",
            world(List.of(denyInZ, defaultSignOn()), List.of(chained)),
            user("00uU")
                .ip(
                    "192.0.2.10",
                    "203.0.113.1",
                    "203.0.113.2",
                    "203.0.113.3",
                    "203.0.113.4",
                    "203.0.113.5")
                .build(),
            "ALLOW | 00pDefault/0prDefault=ALLOW"));
    OktaZone blocked =
        OktaZone.ip("nzoBlock", "BlockedIpZone", List.of("198.51.100.0/24"), List.of())
            .withBlocklist(true);
    c.add(
        new GoldenCase(
            "16",
            "IP in an active BLOCKLIST zone: blocked before any policy, no outcome",
            "https://help.okta.com/oie/en-us/content/topics/security/network/edit-network-zone.htm",
            world(List.of(defaultSignOn()), List.of(blocked)),
            user("00uU").ip("198.51.100.7").build(),
            "BLOCK | blockedBy=[BlockedIpZone]"));
    OktaZone exempt =
        OktaZone.ip("nzoExempt", OktaZone.EXEMPT_ZONE_NAME, List.of("198.51.100.7"), List.of());
    c.add(
        new GoldenCase(
            "17",
            "blocklisted IP also in DefaultExemptIpZone: let through, policies still apply",
            "https://help.okta.com/oie/en-us/content/topics/security/network/about-ip-exempt-zone.htm",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").mfa("ALWAYS", null))
                        .build()),
                List.of(blocked, exempt)),
            user("00uU").ip("198.51.100.7").build(),
            "REQUIRE_CONTROLS | 00pA/0prA=CHALLENGE"));
    c.add(
        new GoldenCase(
            "18",
            "riskScore MEDIUM, actual HIGH: exact level, no match",
            "okta-policy-analyzer citing help 'Risk scoring'",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").risk("MEDIUM").deny())
                        .build(),
                    defaultSignOn()),
                List.of()),
            user("00uU").risk(RiskLevel.HIGH).build(),
            "ALLOW | 00pDefault/0prDefault=ALLOW"));
    c.add(
        new GoldenCase(
            "19",
            "authContext RADIUS rule, web sign-in: no match",
            "SPEC PolicyRuleAuthContextType; okta-policies/rules/openapi-radius-rule-response.json",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").authType("RADIUS").deny())
                        .build(),
                    defaultSignOn()),
                List.of()),
            user("00uU").authType(OktaAuthType.WEB).build(),
            "ALLOW | 00pDefault/0prDefault=ALLOW"));
    c.add(
        new GoldenCase(
            "20",
            "GSP rule access DENY matched: DENY with policy and rule",
            "SPEC OktaSignOnPolicyRuleSignonActions; okta-policies/rules/openapi-deny-rule-response.json",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prDeny").name("Deny").deny())
                        .build(),
                    defaultSignOn()),
                List.of()),
            user("00uU").build(),
            "BLOCK | 00pA/0prDeny=DENY"));
    OktaPolicy session15 =
        signOn("00pA").priority(1).groups(EVERYONE).rule(rule("0prA").mfa("SESSION", 15)).build();
    c.add(
        new GoldenCase(
            "21",
            "requireFactor SESSION, factorLifetime 15, factor verified 10 min ago: ALLOW",
            "SPEC OktaSignOnPolicyRuleSignonActions.factorLifetime",
            world(List.of(session15), List.of()),
            user("00uU")
                .session(
                    SessionState.of(
                        VerifiedFactor.of(FactorMethod.PASSWORD, minutesAgo(10)),
                        VerifiedFactor.of(FactorMethod.PUSH, minutesAgo(10))))
                .build(),
            "ALLOW | 00pA/0prA=ALLOW"));
    c.add(
        new GoldenCase(
            "22",
            "same, factor verified 20 min ago: CHALLENGE",
            "SPEC OktaSignOnPolicyRuleSignonActions.factorLifetime",
            world(List.of(session15), List.of()),
            user("00uU")
                .session(
                    SessionState.of(
                        VerifiedFactor.of(FactorMethod.PASSWORD, minutesAgo(20)),
                        VerifiedFactor.of(FactorMethod.PUSH, minutesAgo(20))))
                .build(),
            "REQUIRE_CONTROLS | 00pA/0prA=CHALLENGE"));
    OktaRuleBuilder passwordless =
        rule("rulPwless")
            .priority(1)
            .assurance("1FA", "PT2H")
            .constraint(null, FactorConstraint.any());
    c.add(
        new GoldenCase(
            "23",
            "GSP PASSWORD_IDP_ANY_FACTOR, app rule 1FA possession: session without password allowed",
            "SPEC OktaSignOnPolicyRuleSignonPrimaryFactor; https://developer.okta.com/docs/guides/configure-signon-policy/main/",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").primaryFactor("PASSWORD_IDP_ANY_FACTOR"))
                        .build(),
                    appPolicy(passwordless)),
                List.of()),
            user("00uU")
                .app(APP)
                .session(SessionState.of(VerifiedFactor.of(FactorMethod.PUSH, minutesAgo(5))))
                .build(),
            "ALLOW | 00pA/0prA=ALLOW, rstApp/rulPwless=ALLOW"));
    c.add(
        new GoldenCase(
            "24",
            "GSP PASSWORD_IDP, app rule passwordless: password still required",
            "SPEC OktaSignOnPolicyRuleSignonPrimaryFactor; okta-policy-analyzer docs/semantics.md §4",
            world(
                List.of(
                    signOn("00pA")
                        .priority(1)
                        .groups(EVERYONE)
                        .rule(rule("0prA").primaryFactor("PASSWORD_IDP"))
                        .build(),
                    appPolicy(passwordless)),
                List.of()),
            user("00uU")
                .app(APP)
                .session(SessionState.of(VerifiedFactor.of(FactorMethod.PUSH, minutesAgo(5))))
                .build(),
            "REQUIRE_CONTROLS | 00pA/0prA=ALLOW, rstApp/rulPwless=ALLOW"));
    FactorConstraint phishingResistant =
        new FactorConstraint(List.of(), List.of(), true, null, true, false, false, false);
    OktaPolicy gspPlain = signOn("00pA").priority(1).groups(EVERYONE).rule(rule("0prA")).build();
    c.add(
        new GoldenCase(
            "25",
            "2FA with possession.phishingResistant REQUIRED, user has password + SMS: not satisfied",
            "SPEC PossessionConstraint; okta-policy-analyzer docs/semantics.md §3",
            world(
                List.of(
                    gspPlain,
                    appPolicy(
                        rule("rulPR")
                            .assurance("2FA", "PT12H")
                            .constraint(null, phishingResistant))),
                List.of()),
            user("00uU")
                .app(APP)
                .session(
                    SessionState.of(
                        VerifiedFactor.of(FactorMethod.PASSWORD, minutesAgo(5)),
                        VerifiedFactor.of(FactorMethod.SMS, minutesAgo(5))))
                .build(),
            "REQUIRE_CONTROLS | 00pA/0prA=ALLOW, rstApp/rulPR=CHALLENGE"));
    c.add(
        new GoldenCase(
            "26",
            "2FA, user has FastPass with biometrics only: possession + inherence satisfies it",
            "SPEC AccessPolicyConstraint (inherence note); okta-policy-analyzer docs/semantics.md §3",
            world(
                List.of(gspPlain, appPolicy(rule("rul2FA").assurance("2FA", "PT12H"))), List.of()),
            user("00uU")
                .app(APP)
                .session(
                    SessionState.of(
                        new VerifiedFactor(FactorMethod.SIGNED_NONCE, true, true, minutesAgo(5))))
                .build(),
            "ALLOW | 00pA/0prA=ALLOW, rstApp/rul2FA=ALLOW"));
    FactorConstraint webauthnOnly =
        new FactorConstraint(
            List.of(), List.of("WEBAUTHN"), true, null, false, false, false, false);
    c.add(
        new GoldenCase(
            "27",
            "constraints [A, B], user meets B only: one object suffices",
            "SPEC AssuranceMethod.constraints",
            world(
                List.of(
                    gspPlain,
                    appPolicy(
                        rule("rulAB")
                            .assurance("2FA", "PT12H")
                            .constraint(FactorConstraint.any(), webauthnOnly)
                            .constraint(null, FactorConstraint.any()))),
                List.of()),
            user("00uU")
                .app(APP)
                .session(
                    SessionState.of(
                        VerifiedFactor.of(FactorMethod.PASSWORD, minutesAgo(5)),
                        VerifiedFactor.of(FactorMethod.PUSH, minutesAgo(5))))
                .build(),
            "ALLOW | 00pA/0prA=ALLOW, rstApp/rulAB=ALLOW"));
    c.add(
        new GoldenCase(
            "28",
            "reauthenticateIn PT0S: re-prompts even with a fresh session",
            "SPEC AssuranceMethod.reauthenticateIn",
            world(
                List.of(gspPlain, appPolicy(rule("rulEvery").assurance("1FA", "PT0S"))), List.of()),
            user("00uU")
                .app(APP)
                .session(SessionState.of(VerifiedFactor.of(FactorMethod.PASSWORD, NOW)))
                .build(),
            "REQUIRE_CONTROLS | 00pA/0prA=ALLOW, rstApp/rulEvery=CHALLENGE"));
    FactorConstraint possessionHour =
        new FactorConstraint(List.of(), List.of(), true, "PT1H", false, false, false, false);
    OktaPolicy hourly =
        appPolicy(
            rule("rulHour")
                .assurance("2FA", "PT12H")
                .constraint(FactorConstraint.any(), possessionHour));
    c.add(
        new GoldenCase(
            "29a",
            "constraint-level PT1H overrides method-level PT12H: possession 2 h old must be re-verified",
            "SPEC AccessPolicyConstraint.reauthenticateIn",
            world(List.of(gspPlain, hourly), List.of()),
            user("00uU")
                .app(APP)
                .session(
                    SessionState.of(
                        VerifiedFactor.of(FactorMethod.PASSWORD, minutesAgo(120)),
                        VerifiedFactor.of(FactorMethod.PUSH, minutesAgo(120))))
                .build(),
            "REQUIRE_CONTROLS | 00pA/0prA=ALLOW, rstApp/rulHour=CHALLENGE"));
    c.add(
        new GoldenCase(
            "29b",
            "constraint-level PT1H: possession 30 min old still counts",
            "SPEC AccessPolicyConstraint.reauthenticateIn",
            world(List.of(gspPlain, hourly), List.of()),
            user("00uU")
                .app(APP)
                .session(
                    SessionState.of(
                        VerifiedFactor.of(FactorMethod.PASSWORD, minutesAgo(120)),
                        VerifiedFactor.of(FactorMethod.PUSH, minutesAgo(30))))
                .build(),
            "ALLOW | 00pA/0prA=ALLOW, rstApp/rulHour=ALLOW"));
    OktaSignInRequest fresh =
        user("00uU")
            .app(APP)
            .session(SessionState.of(VerifiedFactor.of(FactorMethod.PASSWORD, minutesAgo(1))))
            .build();
    c.add(
        new GoldenCase(
            "30",
            "device registered+managed on an unregistered device: no match",
            "SPEC DeviceAccessPolicyRuleCondition",
            world(
                List.of(gspPlain, appPolicy(rule("rulDev").device(true, true).deny())), List.of()),
            fresh.toBuilder().device(TriState.FALSE, TriState.FALSE).build(),
            "ALLOW | 00pA/0prA=ALLOW, rstApp/rulCatchAll=ALLOW"));
    c.add(
        new GoldenCase(
            "31",
            "device.assurance.include [DA1, DA2], device satisfies DA2: match",
            "okta-policy-analyzer citing help 'Device assurance' (OR of assurances)",
            world(
                List.of(gspPlain, appPolicy(rule("rulDA").assurances("dae1", "dae2").deny())),
                List.of()),
            fresh.toBuilder().deviceAssurances(Set.of("dae2")).build(),
            "BLOCK | 00pA/0prA=ALLOW, rstApp/rulDA=DENY"));
    c.add(
        new GoldenCase(
            "32",
            "platform include MOBILE/IOS, Android device: no match",
            "SPEC PlatformPolicyRuleCondition; okta-policy-analyzer _platform_spec",
            world(
                List.of(
                    gspPlain,
                    appPolicy(
                        rule("rulIos").platformInclude(new PlatformSpec("MOBILE", "IOS")).deny())),
                List.of()),
            fresh.toBuilder().platform("android").build(),
            "ALLOW | 00pA/0prA=ALLOW, rstApp/rulCatchAll=ALLOW"));
    c.add(
        new GoldenCase(
            "33",
            "userType.exclude [T], user of type T: no match",
            "SPEC UserTypeCondition",
            world(
                List.of(
                    gspPlain,
                    appPolicy(rule("rulType").userTypes(List.of(), List.of("otyT")).deny())),
                List.of()),
            fresh.toBuilder().userType("otyT").build(),
            "ALLOW | 00pA/0prA=ALLOW, rstApp/rulCatchAll=ALLOW"));
    c.add(
        new GoldenCase(
            "34",
            "malformed elCondition: never matches",
            "okta-policy-analyzer; https://developer.okta.com/docs/reference/okta-expression-language-in-identity-engine/",
            world(
                List.of(
                    gspPlain, appPolicy(rule("rulEl").el("security.risk.level == 'HIGH").deny())),
                List.of()),
            fresh.toBuilder().build(),
            "ALLOW | 00pA/0prA=ALLOW, rstApp/rulCatchAll=ALLOW"));
    c.add(
        new GoldenCase(
            "42",
            "account management policy (not linked to the app) is never used for app access",
            "SPEC AccessPolicy._embedded.resourceType; https://developer.okta.com/docs/concepts/policies/",
            new OktaSignOnEvaluator(
                List.of(
                    gspPlain,
                    appPolicy(),
                    access("rstAccountMgmt")
                        .name("Okta Account Management Policy")
                        .rule(rule("rulAm").deny())
                        .build()),
                Map.of(APP, APP_POLICY),
                List.of(),
                Set.of(EVERYONE)),
            fresh.toBuilder().build(),
            "ALLOW | 00pA/0prA=ALLOW, rstApp/rulCatchAll=ALLOW"));
    c.add(
        new GoldenCase(
            "43",
            "API service app with no access policy: no authentication-policy evaluation",
            "https://developer.okta.com/docs/concepts/policies/",
            world(List.of(gspPlain, appPolicy(rule("rulX").deny())), List.of()),
            fresh.toBuilder().app("0oaService").build(),
            "ALLOW | 00pA/0prA=ALLOW"));
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void goldenCaseGivesTheDocumentedOutcome(GoldenCase g) {
    assertThat(render(g.evaluator().evaluate(g.request()))).as(g.source()).isEqualTo(g.want());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void explainedRunAgreesWithTheFastRun(GoldenCase g) {
    OktaSignOnResult fast = g.evaluator().evaluate(g.request());
    OktaSignOnResult explained = g.evaluator().explain(g.request());
    assertThat(explained.evaluation()).isEqualTo(fast.evaluation());
  }

  @Test
  void everyRowOfTheEdgeCaseTableIsCoveredOrDelegated() {
    Set<Integer> covered =
        cases().map(GoldenCase::rowNumber).collect(Collectors.toCollection(TreeSet::new));
    covered.add(35); // OktaSignOnEvaluatorTest#ruleIdForNameFindsARedactedRuleByDisplayName
    Set<Integer> all = IntStream.rangeClosed(1, 44).boxed().collect(Collectors.toSet());
    Set<Integer> missing = new TreeSet<>(all);
    missing.removeAll(covered);
    missing.removeAll(DELEGATED.keySet());
    assertThat(missing).isEmpty();
    assertThat(covered).doesNotContainAnyElementsOf(DELEGATED.keySet());
  }

  @Test
  void rowFourWalksRulesInPriorityOrderDespiteGaps() {
    GoldenCase row4 = cases().filter(g -> g.row().equals("4")).findFirst().orElseThrow();
    OktaSignOnResult r = row4.evaluator().explain(row4.request());
    assertThat(r.sessionPolicies().get(0).rules())
        .extracting(RuleTrace::ruleId)
        .containsExactly("0pr1", "0pr3");
  }

  @Test
  void rowThirtyFourReportsTheMalformedExpression() {
    GoldenCase row34 = cases().filter(g -> g.row().equals("34")).findFirst().orElseThrow();
    assertThat(row34.evaluator().policyProblems())
        .anySatisfy(p -> assertThat(p.detail()).contains("malformed"));
  }
}
