package dev.least.policy.okta;

import static dev.least.policy.okta.OktaGoldenCorpusTest.APP;
import static dev.least.policy.okta.OktaGoldenCorpusTest.APP_POLICY;
import static dev.least.policy.okta.OktaGoldenCorpusTest.NOW;
import static dev.least.policy.okta.OktaPolicyBuilder.EVERYONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.RiskLevel;
import dev.least.model.TriState;
import dev.least.policy.Evaluation;
import dev.least.policy.PolicyOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/** Invariants of the Okta evaluator over generated policy sets and requests. */
class OktaSignOnProperties {
  static final List<String> USERS = List.of("00u1", "00u2", "00u3");
  static final List<String> GROUPS = List.of("00gA", "00gB", "00gC");
  static final List<String> ZONES = List.of("nzoTen", "nzoLan", "nzoGeo", "nzoMissing");
  static final List<OktaZone> ZONE_LIST =
      List.of(
          OktaZone.ip("nzoTen", "Ten", List.of("10.0.0.0/8"), List.of()).withTrusted(true),
          OktaZone.ip("nzoLan", "Lan", List.of("192.168.0.0/16"), List.of("10.0.0.0/24")),
          OktaZone.countries("nzoGeo", "Geo", Set.of("US")));

  /** A generated rule before it gets an id. */
  record RuleSpec(
      List<String> usersInclude,
      List<String> usersExclude,
      List<String> groupsInclude,
      List<String> groupsExclude,
      List<String> zonesInclude,
      List<String> zonesExclude,
      @Nullable String risk,
      String action,
      @Nullable String promptMode,
      int priority,
      boolean active) {
    OktaRuleBuilder builder(String id, boolean accessPolicy) {
      OktaRuleBuilder b =
          OktaRuleBuilder.rule(id)
              .priority(priority)
              .usersInclude(usersInclude.toArray(String[]::new))
              .usersExclude(usersExclude.toArray(String[]::new))
              .groupsInclude(groupsInclude.toArray(String[]::new))
              .groupsExclude(groupsExclude.toArray(String[]::new))
              .action(action);
      if (!zonesInclude.isEmpty()) {
        b.zonesInclude(zonesInclude.toArray(String[]::new));
      }
      if (!zonesExclude.isEmpty()) {
        b.zonesExclude(zonesExclude.toArray(String[]::new));
      }
      if (risk != null) {
        b.risk(risk);
      }
      if (promptMode != null) {
        if (accessPolicy) {
          b.assurance(
              promptMode.equals("ALWAYS") ? "2FA" : "1FA",
              promptMode.equals("SESSION") ? "PT1H" : null);
        } else {
          b.mfa(promptMode, 30);
        }
      }
      if (!active) {
        b.inactive();
      }
      return b;
    }

    RuleSpec withUsersExclude(List<String> v) {
      return new RuleSpec(
          usersInclude,
          v,
          groupsInclude,
          groupsExclude,
          zonesInclude,
          zonesExclude,
          risk,
          action,
          promptMode,
          priority,
          active);
    }

    RuleSpec withPriority(int v) {
      return new RuleSpec(
          usersInclude,
          usersExclude,
          groupsInclude,
          groupsExclude,
          zonesInclude,
          zonesExclude,
          risk,
          action,
          promptMode,
          v,
          active);
    }

    RuleSpec withPeople(List<String> users) {
      return new RuleSpec(
          users,
          usersExclude,
          List.of(),
          groupsExclude,
          zonesInclude,
          zonesExclude,
          risk,
          action,
          promptMode,
          priority,
          active);
    }
  }

  record PolicySpec(List<String> groups, int priority, boolean active, List<RuleSpec> rules) {}

  /** Global session policies (plus the default), and the app's authentication policy rules. */
  record World(List<PolicySpec> sessionPolicies, List<RuleSpec> appRules) {
    List<OktaPolicy> policies() {
      List<OktaPolicy> out = new ArrayList<>();
      for (int p = 0; p < sessionPolicies.size(); p++) {
        PolicySpec ps = sessionPolicies.get(p);
        OktaPolicyBuilder b =
            OktaPolicyBuilder.signOn("00p" + p)
                .priority(ps.priority())
                .groups(ps.groups().toArray(String[]::new));
        if (!ps.active()) {
          b.inactive();
        }
        for (int r = 0; r < ps.rules().size(); r++) {
          b.rule(ps.rules().get(r).builder("0pr" + p + "_" + r, false));
        }
        out.add(b.build());
      }
      out.add(OktaPolicyBuilder.defaultSignOn());
      OktaPolicyBuilder app = OktaPolicyBuilder.access(APP_POLICY);
      for (int r = 0; r < appRules.size(); r++) {
        app.rule(appRules.get(r).builder("rul" + r, true));
      }
      app.rule(OktaRuleBuilder.rule("rulCatchAll").priority(99).system().assurance("1FA", null));
      out.add(app.build());
      return out;
    }

    OktaSignOnEvaluator evaluator() {
      return evaluator(policies());
    }

    static OktaSignOnEvaluator evaluator(List<OktaPolicy> policies) {
      return new OktaSignOnEvaluator(
          policies, Map.of(APP, APP_POLICY), ZONE_LIST, Set.of(EVERYONE));
    }
  }

  static <T> Arbitrary<List<T>> subset(List<T> of) {
    return Arbitraries.of(of).list().uniqueElements().ofMaxSize(2);
  }

  @Provide
  Arbitrary<RuleSpec> rule() {
    Arbitrary<List<String>> users = subset(USERS);
    Arbitrary<List<String>> groups = subset(GROUPS);
    Arbitrary<List<String>> zones = subset(ZONES);
    Arbitrary<String> risk = Arbitraries.of("ANY", "LOW", "MEDIUM", "HIGH").injectNull(0.6);
    Arbitrary<String> action = Arbitraries.of("ALLOW", "ALLOW", "DENY");
    Arbitrary<String> mode = Arbitraries.of("ALWAYS", "SESSION", "DEVICE").injectNull(0.5);
    Arbitrary<Integer> priority = Arbitraries.integers().between(0, 6);
    Arbitrary<Boolean> active = Arbitraries.of(true, true, true, false);
    return Combinators.combine(users, users, groups, groups, zones, zones, risk, action)
        .as(
            (ui, ue, gi, ge, zi, ze, r, a) ->
                new RuleSpec(ui, ue, gi, ge, zi, ze, r, a, null, 0, true))
        .flatMap(
            base ->
                Combinators.combine(mode, priority, active)
                    .as(
                        (m, p, act) ->
                            new RuleSpec(
                                base.usersInclude(),
                                base.usersExclude(),
                                base.groupsInclude(),
                                base.groupsExclude(),
                                base.zonesInclude(),
                                base.zonesExclude(),
                                base.risk(),
                                base.action(),
                                m,
                                p,
                                act)));
  }

  @Provide
  Arbitrary<World> world() {
    Arbitrary<PolicySpec> policy =
        Combinators.combine(
                Arbitraries.of(GROUPS.get(0), GROUPS.get(1), EVERYONE)
                    .list()
                    .uniqueElements()
                    .ofMaxSize(2),
                Arbitraries.integers().between(1, 4),
                Arbitraries.of(true, true, false),
                rule().list().ofMaxSize(3))
            .as(PolicySpec::new);
    return Combinators.combine(policy.list().ofMaxSize(3), rule().list().ofMaxSize(3))
        .as(World::new);
  }

  @Provide
  Arbitrary<OktaSignInRequest> request() {
    Arbitrary<String> ip = Arbitraries.of("10.1.2.3", "192.168.4.5", "8.8.8.8", "").injectNull(0.0);
    Arbitrary<String> country = Arbitraries.of("US", "FR").injectNull(0.2);
    Arbitrary<RiskLevel> risk =
        Arbitraries.of(RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.UNKNOWN);
    Arbitrary<SessionState> session =
        Arbitraries.of(
            SessionState.UNKNOWN,
            SessionState.of(VerifiedFactor.of(FactorMethod.PASSWORD, NOW - 60_000)),
            SessionState.of(
                VerifiedFactor.of(FactorMethod.PASSWORD, NOW - 60_000),
                VerifiedFactor.of(FactorMethod.PUSH, NOW - 7_200_000)),
            new SessionState(
                true, List.of(VerifiedFactor.of(FactorMethod.PASSWORD, NOW)), TriState.TRUE));
    return Combinators.combine(
            Arbitraries.of(USERS),
            subset(GROUPS),
            ip,
            country,
            risk,
            session,
            Arbitraries.of(true, false))
        .as(
            (u, g, i, c, r, s, app) -> {
              OktaSignInRequest.Builder b =
                  OktaSignInRequest.builder(u)
                      .groups(Set.copyOf(g))
                      .country(c)
                      .risk(r)
                      .session(s)
                      .at(NOW);
              if (!i.isEmpty()) {
                b.ip(i);
              }
              if (app) {
                b.app(APP);
              }
              return b.build();
            });
  }

  /** Strictness of one outcome: ALLOW < UNKNOWN < CHALLENGE < DENY. */
  static int strictness(PolicyOutcome o) {
    return switch (o.result()) {
      case ALLOW -> 0;
      case CHALLENGE -> 2;
      case DENY -> 3;
      default -> 1;
    };
  }

  @Property(tries = 300)
  void excludingTheUserFromARuleNeverMakesThatRuleStricterForThem(
      @ForAll("world") World world,
      @ForAll("request") OktaSignInRequest request,
      @ForAll("rule") RuleSpec extra,
      @ForAll boolean inApp) {
    // put the rule under test first in the app policy or the first session policy
    World before = place(world, extra.withPriority(0), inApp);
    List<String> excluded = new ArrayList<>(extra.usersExclude());
    if (!excluded.contains(request.userId())) {
      excluded.add(request.userId());
    }
    World after = place(world, extra.withPriority(0).withUsersExclude(excluded), inApp);
    String ruleId = inApp ? "rul0" : "0pr0_0";

    Evaluation b = before.evaluator().evaluate(request).evaluation();
    Evaluation a = after.evaluator().evaluate(request).evaluation();

    int strictBefore =
        b.outcomes().stream()
            .filter(o -> ruleId.equals(o.ruleId()))
            .mapToInt(OktaSignOnProperties::strictness)
            .max()
            .orElse(-1);
    int strictAfter =
        a.outcomes().stream()
            .filter(o -> ruleId.equals(o.ruleId()))
            .mapToInt(OktaSignOnProperties::strictness)
            .max()
            .orElse(-1);
    assertThat(strictAfter).isLessThanOrEqualTo(strictBefore);
    assertThat(strictAfter).as("an excluded user is never matched by the rule").isEqualTo(-1);
    if (strictBefore == -1) {
      assertThat(a)
          .as("excluding from a rule that did not decide the sign-in changes nothing")
          .isEqualTo(b);
    }
  }

  @Property(tries = 300)
  void anInactivePolicyNeverChangesTheDecision(
      @ForAll("world") World world,
      @ForAll("request") OktaSignInRequest request,
      @ForAll("rule") RuleSpec rule,
      @ForAll boolean system) {
    List<OktaPolicy> policies = world.policies();
    Evaluation without = World.evaluator(policies).evaluate(request).evaluation();

    OktaPolicyBuilder inactive =
        OktaPolicyBuilder.signOn("00pInactive")
            .priority(0)
            .groups(EVERYONE)
            .inactive()
            .rule(rule.builder("0prInactive", false));
    if (system) {
      inactive.system();
    }
    List<OktaPolicy> with = new ArrayList<>(policies);
    with.add(0, inactive.build());
    with.add(
        OktaPolicyBuilder.access("rstInactive")
            .inactive()
            .rule(rule.builder("rulInactive", true))
            .build());
    Evaluation withInactive = World.evaluator(with).evaluate(request).evaluation();

    assertThat(withInactive).isEqualTo(without);
  }

  @Property(tries = 300)
  void swappingThePrioritiesOfTwoNonOverlappingRulesChangesNothing(
      @ForAll("world") World world,
      @ForAll("request") OktaSignInRequest request,
      @ForAll("rule") RuleSpec first,
      @ForAll("rule") RuleSpec second,
      @ForAll boolean inApp) {
    // disjoint user include lists and no group includes: no user can match both rules
    RuleSpec a = first.withPeople(List.of(USERS.get(0))).withPriority(0);
    RuleSpec b = second.withPeople(List.of(USERS.get(1))).withPriority(1);
    Evaluation ordered = placeTwo(world, a, b, inApp).evaluator().evaluate(request).evaluation();
    Evaluation swapped =
        placeTwo(world, a.withPriority(1), b.withPriority(0), inApp)
            .evaluator()
            .evaluate(request)
            .evaluation();

    assertThat(semantic(swapped)).isEqualTo(semantic(ordered));
  }

  /** Decision, each outcome without its free-text reasons, and problem codes. */
  static List<String> semantic(Evaluation e) {
    List<String> out = new ArrayList<>();
    out.add(e.decision().name());
    for (PolicyOutcome o : e.outcomes()) {
      out.add(o.policyId() + "/" + o.ruleId() + "=" + o.result() + o.requiredControls());
    }
    e.problems().forEach(p -> out.add(p.code() + "@" + p.policyId()));
    return out;
  }

  private static World place(World w, RuleSpec rule, boolean inApp) {
    if (inApp) {
      List<RuleSpec> app = new ArrayList<>();
      app.add(rule);
      for (RuleSpec r : w.appRules()) {
        app.add(r.withPriority(r.priority() + 1));
      }
      return new World(w.sessionPolicies(), app);
    }
    List<PolicySpec> gsp = new ArrayList<>();
    List<RuleSpec> rules = new ArrayList<>();
    rules.add(rule);
    gsp.add(new PolicySpec(List.of(EVERYONE), 0, true, rules));
    gsp.addAll(w.sessionPolicies());
    return new World(gsp, w.appRules());
  }

  private static World placeTwo(World w, RuleSpec a, RuleSpec b, boolean inApp) {
    if (inApp) {
      List<RuleSpec> app = new ArrayList<>(List.of(a, b));
      for (RuleSpec r : w.appRules()) {
        app.add(r.withPriority(r.priority() + 2));
      }
      return new World(w.sessionPolicies(), app);
    }
    List<PolicySpec> gsp = new ArrayList<>();
    gsp.add(new PolicySpec(List.of(EVERYONE), 0, true, List.of(a, b)));
    gsp.addAll(w.sessionPolicies());
    return new World(gsp, w.appRules());
  }
}
