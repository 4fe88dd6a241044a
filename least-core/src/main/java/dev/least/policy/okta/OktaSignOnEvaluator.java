package dev.least.policy.okta;

import static java.util.Objects.requireNonNull;

import dev.least.model.App;
import dev.least.model.ClientAppType;
import dev.least.model.Group;
import dev.least.model.NamedLocation;
import dev.least.model.PolicyResult;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.model.TriState;
import dev.least.policy.Decision;
import dev.least.policy.Evaluation;
import dev.least.policy.EvaluationProblem;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.ProblemCode;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Okta's sign-on evaluation, as {@code policy.evaluate_sign_on} records it: the global session
 * policies ({@code OKTA_SIGN_ON}) in priority order, first applicable policy and first matching
 * rule win; then the app's one authentication policy ({@code ACCESS_POLICY}, chosen by the app's
 * {@code accessPolicy} link, no fall-through); then the combined requirement (reference §2.4).
 *
 * <p>Policies, rules, zones and group ids are compiled once in the constructor; {@link
 * #evaluate(SignInFacts)} costs a BitSet of the user's groups plus one pass over the rules walked.
 * Immutable and thread-safe.
 *
 * <p>Outcome results: a matched DENY rule is {@code DENY}; an ALLOW rule whose requirement the
 * session already meets is {@code ALLOW}, one that must still prompt is {@code CHALLENGE}; when the
 * answer depends on a signal the request does not carry, the result is {@code UNKNOWN} with a
 * {@link ProblemCode#NOT_EVALUABLE_FROM_LOG} problem, never a silent default.
 */
public final class OktaSignOnEvaluator implements SignInEvaluator {
  private final List<CompiledPolicy> sessionPolicies;
  private final Map<String, CompiledPolicy> accessPolicies;
  private final Map<String, String> appPolicy;
  private final ZoneIndex zones;
  private final Map<String, Integer> groupCodes;
  private final BitSet everyone;
  private final List<EvaluationProblem> policyProblems;

  /**
   * @param policies every Okta policy of the tenant (types other than OKTA_SIGN_ON and
   *     ACCESS_POLICY are ignored)
   * @param appPolicyIds app id → authentication policy id ({@code _links.accessPolicy})
   * @param zones the tenant's network zones
   * @param everyoneGroupIds ids of the built-in Everyone group, which holds every user
   */
  public OktaSignOnEvaluator(
      List<OktaPolicy> policies,
      Map<String, String> appPolicyIds,
      List<OktaZone> zones,
      Set<String> everyoneGroupIds) {
    requireNonNull(policies, "policies");
    this.appPolicy = Map.copyOf(appPolicyIds);
    this.zones = new ZoneIndex(zones);
    Map<String, Integer> codes = new HashMap<>();
    for (String g : everyoneGroupIds) {
      codes.putIfAbsent(g, codes.size());
    }
    for (OktaPolicy p : policies) {
      for (String g : p.groupsInclude()) {
        codes.putIfAbsent(g, codes.size());
      }
      for (OktaRule r : p.rules()) {
        for (String g : CompiledRule.groupIds(r)) {
          codes.putIfAbsent(g, codes.size());
        }
      }
    }
    this.groupCodes = Map.copyOf(codes);
    this.everyone = new BitSet();
    for (String g : everyoneGroupIds) {
      everyone.set(codes.get(g));
    }
    List<CompiledPolicy> gsp = new ArrayList<>();
    Map<String, CompiledPolicy> access = new HashMap<>();
    for (OktaPolicy p : policies) {
      if (p.type() == OktaPolicyType.OKTA_SIGN_ON) {
        gsp.add(new CompiledPolicy(p, groupCodes, this.zones));
      } else if (p.type() == OktaPolicyType.ACCESS_POLICY) {
        access.put(p.id().value(), new CompiledPolicy(p, groupCodes, this.zones));
      }
    }
    gsp.sort(CompiledPolicy.ORDER);
    this.sessionPolicies = List.copyOf(gsp);
    this.accessPolicies = Map.copyOf(access);
    List<EvaluationProblem> defects = new ArrayList<>();
    for (CompiledPolicy p : gsp) {
      p.rules.forEach(r -> defects.addAll(r.compileProblems));
    }
    for (CompiledPolicy p : access.values()) {
      p.rules.forEach(r -> defects.addAll(r.compileProblems));
    }
    for (OktaZone z : zones) {
      if (z.active() && z.blocklist() && z.dynamic() && z.otherCriteria()) {
        defects.add(
            new EvaluationProblem(
                ProblemCode.NOT_EVALUABLE_FROM_LOG,
                z.id(),
                "blocklist zone '"
                    + z.name()
                    + "' conditions on ASNs, proxy type or IP service categories, which are not"
                    + " evaluated: requests are taken as not blocked by it"));
      }
    }
    this.policyProblems = List.copyOf(defects);
  }

  /**
   * Defects of the policy set found while compiling (unknown zone ids, invalid enum values,
   * unsupported verification methods), independent of any sign-in. An evaluation repeats those of
   * the rule that decided it.
   */
  public List<EvaluationProblem> policyProblems() {
    return policyProblems;
  }

  /**
   * The evaluator for a snapshot's Okta side: its policies, its Okta apps' access policy links, its
   * Okta zones, and its Okta group named {@code Everyone}.
   */
  public static OktaSignOnEvaluator of(TenantSnapshot snapshot) {
    return of(snapshot.oktaPolicies(), snapshot.apps(), snapshot.locations(), snapshot.groups());
  }

  public static OktaSignOnEvaluator of(
      List<OktaPolicy> policies,
      List<App> apps,
      List<NamedLocation> locations,
      List<Group> groups) {
    Map<String, String> links = new HashMap<>();
    for (App a : apps) {
      if (a.source() == Source.OKTA && a.accessPolicyId() != null) {
        links.put(a.id().value(), a.accessPolicyId().value());
      }
    }
    List<OktaZone> zones = new ArrayList<>();
    for (NamedLocation l : locations) {
      if (l.source() == Source.OKTA) {
        zones.add(OktaZone.of(l));
      }
    }
    Set<String> everyone = new LinkedHashSet<>();
    for (Group g : groups) {
      if (g.source() == Source.OKTA && "Everyone".equals(g.name())) {
        everyone.add(g.id().value());
      }
    }
    return new OktaSignOnEvaluator(policies, links, zones, everyone);
  }

  /**
   * Evaluates a sign-in known only through the neutral facts: the session's earlier factors,
   * behaviors, device registration beyond "managed", user type and device assurance are unknown.
   */
  @Override
  public Evaluation evaluate(SignInFacts facts) {
    return evaluate(requestOf(facts)).evaluation();
  }

  /**
   * Whether {@link #evaluate(SignInFacts)} may depend on the sign-in's time ({@link
   * SignInFacts#epochMillis()}): it may not. The time is compared only with the verified factors of
   * a known session, and a request made from facts states an unknown session, which holds none; so
   * the result is a pure function of the other facts (a simulation may evaluate each distinct
   * combination once).
   */
  public boolean readsSignInTime() {
    return false;
  }

  /** Maps neutral facts to an Okta request, leaving unknown what the facts do not carry. */
  public static OktaSignInRequest requestOf(SignInFacts facts) {
    TriState managed = facts.deviceManaged();
    TriState registered = managed.isTrue() ? TriState.TRUE : TriState.UNKNOWN;
    OktaAuthType auth =
        facts.clientApp() == ClientAppType.BROWSER
                || facts.clientApp() == ClientAppType.MOBILE_APPS_AND_DESKTOP_CLIENTS
            ? OktaAuthType.WEB
            : OktaAuthType.UNKNOWN;
    OktaSignInRequest.Builder b =
        OktaSignInRequest.builder(facts.accountId())
            .groups(facts.groupIds())
            .app(facts.appId())
            .country(facts.country())
            .risk(facts.signInRisk())
            .platform(facts.platform())
            .device(registered, managed)
            .authType(auth)
            .session(SessionState.UNKNOWN)
            .at(facts.epochMillis());
    if (facts.ip() != null) {
      b.ip(facts.ip());
    }
    return b.build();
  }

  /** The authentication policy the app links to, when it has one. */
  public Optional<String> accessPolicyOf(String appId) {
    return Optional.ofNullable(appPolicy.get(appId));
  }

  /**
   * The id of the rule with this display name in this policy: OIE app-policy events may carry a
   * redacted rule id and only the name (reference §3.2), and rule names are unique per policy.
   */
  public Optional<String> ruleIdForName(String policyId, String displayName) {
    CompiledPolicy p = accessPolicies.get(policyId);
    if (p == null) {
      for (CompiledPolicy g : sessionPolicies) {
        if (g.policy.id().value().equals(policyId)) {
          p = g;
        }
      }
    }
    if (p == null) {
      return Optional.empty();
    }
    for (OktaRule r : p.policy.rules()) {
      if (r.name().equals(displayName)) {
        return Optional.of(r.id());
      }
    }
    return Optional.empty();
  }

  /** Evaluates one request with the fast path (rule walks stop at the first failed condition). */
  public OktaSignOnResult evaluate(OktaSignInRequest request) {
    return run(request, false);
  }

  /** Evaluates one request and records every condition of every rule walked. */
  public OktaSignOnResult explain(OktaSignInRequest request) {
    return run(request, true);
  }

  private OktaSignOnResult run(OktaSignInRequest request, boolean explain) {
    RequestContext ctx = new RequestContext(request, groupCodes, everyone, zones);
    List<EvaluationProblem> problems = new ArrayList<>();

    // 1. blocklists act before any policy (HELP edit-network-zone)
    List<String> blocked = zones.blockedBy(ctx.chain, request.country());
    if (!blocked.isEmpty()) {
      return new OktaSignOnResult(
          new Evaluation(Decision.BLOCK, List.of(), problems),
          blocked,
          List.of(),
          null,
          "blocked before policy evaluation");
    }
    if (ctx.chain == null && zones.hasActiveBlocklist()) {
      problems.add(
          new EvaluationProblem(
              ProblemCode.NOT_EVALUABLE_FROM_LOG,
              "zones",
              "no client IP: blocklist zones not checked"));
    }

    // 2. global session policy: first applicable policy whose rules match
    List<PolicyTrace> gspTraces = new ArrayList<>();
    Walk gsp = null;
    for (CompiledPolicy p : sessionPolicies) {
      Walk w = p.walk(ctx, explain, true, problems);
      if (explain || w.trace.status() != PolicyTrace.Status.NOT_ASSIGNED) {
        gspTraces.add(w.trace);
      }
      if (w.rule != null) {
        gsp = w;
        break;
      }
    }
    List<PolicyOutcome> outcomes = new ArrayList<>();
    TriState gspMet = TriState.TRUE;
    boolean deny = false;
    boolean undecided = false;
    if (gsp == null) {
      undecided = true;
      problems.add(
          new EvaluationProblem(
              ProblemCode.INVALID_POLICY,
              "OKTA_SIGN_ON",
              "no global session policy applies to user " + request.userId()));
    } else {
      CompiledRule r = gsp.rule;
      if (gsp.trace.status() == PolicyTrace.Status.UNDECIDED) {
        undecided = true;
        outcomes.add(outcome(gsp, PolicyResult.UNKNOWN, r.actions.requiredControls, "undecided"));
      } else if (r.actions.access == RuleActions.Access.DENY) {
        deny = true;
        outcomes.add(outcome(gsp, PolicyResult.DENY, r.actions.requiredControls, "access DENY"));
      } else if (r.actions.access == RuleActions.Access.INVALID) {
        undecided = true;
        outcomes.add(
            outcome(gsp, PolicyResult.UNKNOWN, r.actions.requiredControls, "invalid access"));
      } else {
        RuleActions.Met met = r.actions.sessionFactorMet(request.session(), request.epochMillis());
        gspMet = met.met();
        outcomes.add(outcome(gsp, result(met.met()), r.actions.requiredControls, met.why()));
        if (met.met() == TriState.UNKNOWN) {
          problems.add(notEvaluable(gsp, met.why()));
        }
      }
    }

    // 3. the app's authentication policy (no fall-through between policies)
    PolicyTrace appTrace = null;
    String appNote;
    TriState appMet = TriState.TRUE;
    String appId = request.appId();
    if (appId == null) {
      appNote = "no app: sign-in to Okta only, no authentication policy";
    } else if (deny) {
      appNote =
          "not evaluated: the global session policy denied the sign-in, which denies every app";
    } else {
      String pid = appPolicy.get(appId);
      CompiledPolicy ap = pid == null ? null : accessPolicies.get(pid);
      if (pid == null) {
        appNote = "app " + appId + " has no authentication policy (e.g. an API service app)";
      } else if (ap == null) {
        appNote = "app " + appId + " links to policy " + pid + ", which is not in the snapshot";
        undecided = true;
        problems.add(new EvaluationProblem(ProblemCode.UNKNOWN_REFERENCE, pid, appNote));
      } else {
        appNote =
            "app " + appId + " → authentication policy " + ap.policy.name() + " (" + pid + ")";
        Walk w = ap.walk(ctx, explain, false, problems);
        appTrace = w.trace;
        CompiledRule r = w.rule;
        if (r == null) {
          deny = true;
          problems.add(
              new EvaluationProblem(
                  ProblemCode.INVALID_POLICY,
                  pid,
                  "no rule of authentication policy "
                      + ap.policy.name()
                      + " matched (catch-all missing?): denied"));
          outcomes.add(
              new PolicyOutcome(
                  pid, null, PolicyResult.DENY, List.of("block"), List.of(w.trace.detail())));
        } else if (w.trace.status() == PolicyTrace.Status.UNDECIDED) {
          undecided = true;
          outcomes.add(outcome(w, PolicyResult.UNKNOWN, r.actions.requiredControls, "undecided"));
        } else if (r.actions.access == RuleActions.Access.DENY) {
          deny = true;
          outcomes.add(outcome(w, PolicyResult.DENY, r.actions.requiredControls, "access DENY"));
        } else if (r.actions.access == RuleActions.Access.INVALID) {
          undecided = true;
          outcomes.add(
              outcome(w, PolicyResult.UNKNOWN, r.actions.requiredControls, "invalid access"));
        } else {
          RuleActions.Met met = r.actions.assuranceMet(request.session(), request.epochMillis());
          appMet = met.met();
          outcomes.add(outcome(w, result(met.met()), r.actions.requiredControls, met.why()));
          if (met.met() == TriState.UNKNOWN) {
            problems.add(notEvaluable(w, met.why()));
          }
          // union with the global session policy: PASSWORD_IDP forces a password / IdP step
          if (gsp != null
              && gsp.rule.actions.passwordPrimary
              && gsp.trace.status() == PolicyTrace.Status.APPLIED) {
            RuleActions.Met pw = RuleActions.passwordMet(request.session());
            appMet = and(appMet, pw.met());
            if (pw.met() == TriState.UNKNOWN) {
              problems.add(notEvaluable(gsp, pw.why()));
            }
          }
        }
      }
    }

    Decision decision;
    if (deny) {
      decision = Decision.BLOCK;
    } else if (undecided) {
      decision = Decision.NOT_EVALUABLE;
    } else {
      TriState all = and(gspMet, appMet);
      decision =
          switch (all) {
            case TRUE -> Decision.ALLOW;
            case FALSE -> Decision.REQUIRE_CONTROLS;
            case UNKNOWN -> Decision.NOT_EVALUABLE;
          };
    }
    return new OktaSignOnResult(
        new Evaluation(decision, outcomes, problems), List.of(), gspTraces, appTrace, appNote);
  }

  private static TriState and(TriState a, TriState b) {
    if (a == TriState.FALSE || b == TriState.FALSE) {
      return TriState.FALSE;
    }
    if (a == TriState.UNKNOWN || b == TriState.UNKNOWN) {
      return TriState.UNKNOWN;
    }
    return TriState.TRUE;
  }

  private static PolicyResult result(TriState met) {
    return switch (met) {
      case TRUE -> PolicyResult.ALLOW;
      case FALSE -> PolicyResult.CHALLENGE;
      case UNKNOWN -> PolicyResult.UNKNOWN;
    };
  }

  private static PolicyOutcome outcome(
      Walk w, PolicyResult result, List<String> controls, String why) {
    CompiledRule r = requireNonNull(w.rule, "rule");
    List<String> reasons = new ArrayList<>();
    reasons.add(w.trace.detail());
    reasons.add(why);
    return new PolicyOutcome(w.trace.policyId(), r.rule.id(), result, controls, reasons);
  }

  private static EvaluationProblem notEvaluable(Walk w, String why) {
    CompiledRule r = requireNonNull(w.rule, "rule");
    return new EvaluationProblem(
        ProblemCode.NOT_EVALUABLE_FROM_LOG,
        w.trace.policyId(),
        "rule '" + r.rule.name() + "': " + why);
  }

  /** The result of walking one policy: its trace, and the matched or undecided rule. */
  record Walk(PolicyTrace trace, @Nullable CompiledRule rule) {}

  /** One policy with its rules compiled and sorted (priority ascending, system rules last). */
  static final class CompiledPolicy {
    static final Comparator<CompiledPolicy> ORDER =
        Comparator.<CompiledPolicy, Boolean>comparing(p -> p.policy.system())
            .thenComparingInt(p -> p.policy.priority());
    private static final Comparator<CompiledRule> RULE_ORDER =
        Comparator.<CompiledRule, Boolean>comparing(r -> r.rule.system())
            .thenComparingInt(r -> r.rule.priority());

    final OktaPolicy policy;
    private final List<CompiledRule> rules;
    private final BitSet groups;
    private final boolean assignedToAll;

    CompiledPolicy(OktaPolicy policy, Map<String, Integer> codes, ZoneIndex zones) {
      this.policy = policy;
      List<CompiledRule> rs = new ArrayList<>();
      for (OktaRule r : policy.rules()) {
        rs.add(new CompiledRule(policy.type(), policy.id().value(), r, codes, zones));
      }
      rs.sort(RULE_ORDER);
      this.rules = List.copyOf(rs);
      this.groups = new BitSet();
      for (String g : policy.groupsInclude()) {
        Integer c = codes.get(g);
        if (c != null) {
          groups.set(c);
        }
      }
      // the default policy is assigned to Everyone; with no group list in the data, it still is
      this.assignedToAll = policy.system() && policy.groupsInclude().isEmpty();
    }

    Walk walk(
        RequestContext ctx,
        boolean explain,
        boolean checkAssignment,
        List<EvaluationProblem> problems) {
      String pid = policy.id().value();
      if (!policy.active()) {
        return new Walk(
            trace(PolicyTrace.Status.INACTIVE, "policy is " + policy.status(), List.of(), null),
            null);
      }
      if (rules.isEmpty()) {
        return new Walk(
            trace(
                PolicyTrace.Status.NO_RULES,
                "policy has no rules and is never applied",
                List.of(),
                null),
            null);
      }
      if (checkAssignment && !assignedToAll && !groups.intersects(ctx.groups)) {
        return new Walk(
            trace(
                PolicyTrace.Status.NOT_ASSIGNED,
                explain ? "user is in none of the policy's groups " + policy.groupsInclude() : "",
                List.of(),
                null),
            null);
      }
      List<RuleTrace> walked = new ArrayList<>();
      for (CompiledRule r : rules) {
        OktaRule rule = r.rule;
        if (!rule.active()) {
          if (explain) {
            walked.add(
                new RuleTrace(
                    rule.id(),
                    rule.name(),
                    rule.priority(),
                    rule.system(),
                    RuleTrace.Status.INACTIVE,
                    List.of()));
          }
          continue;
        }
        List<ConditionCheck> checks = explain ? new ArrayList<>() : null;
        Match m = r.test(ctx, checks);
        if (m == Match.NO_MATCH) {
          if (explain) {
            walked.add(
                new RuleTrace(
                    rule.id(),
                    rule.name(),
                    rule.priority(),
                    rule.system(),
                    RuleTrace.Status.NOT_MATCHED,
                    checks));
          }
          continue;
        }
        problems.addAll(r.compileProblems);
        if (m == Match.MATCH) {
          walked.add(
              new RuleTrace(
                  rule.id(),
                  rule.name(),
                  rule.priority(),
                  rule.system(),
                  RuleTrace.Status.MATCHED,
                  checks == null ? List.of() : checks));
          return new Walk(
              trace(
                  PolicyTrace.Status.APPLIED,
                  "rule '" + rule.name() + "' (priority " + rule.priority() + ") matched",
                  walked,
                  rule.id()),
              r);
        }
        List<ConditionCheck> unknown = r.undecided(ctx);
        walked.add(
            new RuleTrace(
                rule.id(),
                rule.name(),
                rule.priority(),
                rule.system(),
                RuleTrace.Status.UNDECIDED,
                checks == null ? unknown : checks));
        for (ConditionCheck c : unknown) {
          ProblemCode code =
              c.condition().equals("elCondition")
                  ? ProblemCode.UNKNOWN_CONDITION
                  : ProblemCode.NOT_EVALUABLE_FROM_LOG;
          problems.add(
              new EvaluationProblem(code, pid, "rule '" + rule.name() + "' undecided: " + c));
        }
        return new Walk(
            trace(
                PolicyTrace.Status.UNDECIDED,
                "rule '"
                    + rule.name()
                    + "' (priority "
                    + rule.priority()
                    + ") could not be decided",
                walked,
                rule.id()),
            r);
      }
      return new Walk(
          trace(PolicyTrace.Status.NO_RULE_MATCHED, "no active rule matched", walked, null), null);
    }

    private PolicyTrace trace(
        PolicyTrace.Status status, String detail, List<RuleTrace> rules, @Nullable String ruleId) {
      return new PolicyTrace(
          policy.id().value(),
          policy.name(),
          policy.type(),
          policy.priority(),
          status,
          detail,
          rules,
          ruleId);
    }
  }
}
