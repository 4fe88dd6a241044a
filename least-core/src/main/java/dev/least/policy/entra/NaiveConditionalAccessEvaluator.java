package dev.least.policy.entra;

import static java.util.Objects.requireNonNull;

import dev.least.model.ClientAppType;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.model.PolicyResult;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.policy.Decision;
import dev.least.policy.Evaluation;
import dev.least.policy.EvaluationProblem;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.ProblemCode;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reference interpreter: evaluates the parsed policies straight from their string lists on
 * every call (case-insensitive comparisons, CIDR parsing, device-filter parsing each time) and
 * records every condition's verdict. It is the tracer behind {@link #explain}, the baseline the
 * benchmark compares {@link ConditionalAccessEvaluator} against, and the oracle of the differential
 * property test. Semantics and sources: {@code
 * shared/reference/entra-conditional-access-semantics.md}.
 */
public final class NaiveConditionalAccessEvaluator implements SignInEvaluator {
  /** MFA trusted IPs as community tooling names them; part of AllTrusted when present. */
  public static final String MFA_TRUSTED_IPS_ID = "00000000-0000-0000-0000-000000000000";

  private final List<ConditionalAccessPolicy> policies;
  private final List<NamedLocation> locations;
  private final ConditionalAccessStatus.Rule statusRule;

  public NaiveConditionalAccessEvaluator(
      List<ConditionalAccessPolicy> policies, List<NamedLocation> locations) {
    this(policies, locations, ConditionalAccessStatus.Rule.USER_AND_APP_MATCH);
  }

  public NaiveConditionalAccessEvaluator(
      List<ConditionalAccessPolicy> policies,
      List<NamedLocation> locations,
      ConditionalAccessStatus.Rule statusRule) {
    this.policies = List.copyOf(policies);
    this.locations = List.copyOf(locations);
    this.statusRule = requireNonNull(statusRule, "statusRule");
  }

  @Override
  public Evaluation evaluate(SignInFacts facts) {
    Explanation e = explain(facts);
    List<PolicyOutcome> outcomes = new ArrayList<>();
    for (PolicyTrace t : e.policies()) {
      List<String> reasons = new ArrayList<>();
      for (ConditionVerdict c : t.conditions()) {
        reasons.add(c.toString());
      }
      outcomes.add(
          new PolicyOutcome(t.policyId(), null, t.result(), t.requiredControls(), reasons));
    }
    return new Evaluation(e.decision(), outcomes, e.problems());
  }

  /** Evaluates every policy with a full trace. */
  public Explanation explain(SignInFacts f) {
    List<PolicyTrace> traces = new ArrayList<>();
    List<EvaluationProblem> problems = new ArrayList<>();
    boolean block = false;
    boolean unknown = false;
    boolean prompt = false;
    for (ConditionalAccessPolicy p : policies) {
      PolicyTrace t = trace(p, f);
      traces.add(t);
      problems.addAll(t.problems());
      ControlState effect =
          Enforcement.effect(
              p.state(), t.applicability(), t.grant(), !PolicyValidator.invalidities(p).isEmpty());
      block |= effect == ControlState.UNSATISFIABLE;
      unknown |= effect == ControlState.UNKNOWN;
      prompt |= effect == ControlState.NEEDS_USER_ACTION;
    }
    Decision d = Enforcement.decide(block, unknown, prompt);
    return new Explanation(d, Explanation.status(traces, statusRule), traces, problems);
  }

  private PolicyTrace trace(ConditionalAccessPolicy p, SignInFacts f) {
    String id = p.id().value();
    List<EvaluationProblem> problems = new ArrayList<>(PolicyValidator.invalidities(p));
    boolean invalid = !problems.isEmpty();
    problems.addAll(PolicyValidator.gaps(p));
    List<ConditionVerdict> cs = new ArrayList<>();
    if (p.state() == PolicyState.DISABLED) {
      cs.add(new ConditionVerdict(Condition.STATE, Verdict.NO_MATCH, "policy is disabled"));
      return new PolicyTrace(
          id,
          p.displayName(),
          p.state(),
          cs,
          Verdict.NO_MATCH,
          ControlState.SATISFIED,
          PolicyResult.NOT_ENABLED,
          List.of(),
          problems);
    }
    cs.add(users(p, f));
    cs.add(applications(p, f));
    cs.add(clientApps(p, f));
    cs.add(platforms(p, f));
    cs.add(locations(p, f, problems));
    cs.add(risk(Condition.SIGN_IN_RISK, p.signInRiskLevels(), f.signInRisk()));
    cs.add(risk(Condition.USER_RISK, p.userRiskLevels(), f.userRisk()));
    cs.add(deviceFilter(p, f, problems));
    List<String> conditionGaps =
        p.unknownValues().stream().filter(v -> !PolicyValidator.isGrantValue(v)).toList();
    if (!conditionGaps.isEmpty()) {
      cs.add(
          new ConditionVerdict(
              Condition.UNSUPPORTED, Verdict.UNKNOWN, String.join(", ", conditionGaps)));
    }
    Verdict applicability = Verdict.MATCH;
    for (ConditionVerdict c : cs) {
      applicability = applicability.and(c.verdict());
    }
    Grant grant = Grant.of(p.grantControls());
    ControlState g = grant.state(f);
    if (p.unknownValues().stream().anyMatch(PolicyValidator::isGrantValue)) {
      g = g.and(ControlState.UNKNOWN);
    }
    PolicyResult result = Enforcement.result(p.state(), applicability, g, invalid);
    if (result == PolicyResult.UNKNOWN && !invalid) {
      problems.add(
          new EvaluationProblem(
              ProblemCode.NOT_EVALUABLE_FROM_LOG, id, unknownParts(cs, applicability, g)));
    }
    List<String> required =
        applicability == Verdict.MATCH ? grant.requiredControls() : List.<String>of();
    return new PolicyTrace(
        id, p.displayName(), p.state(), cs, applicability, g, result, required, problems);
  }

  private static String unknownParts(List<ConditionVerdict> cs, Verdict app, ControlState g) {
    List<String> parts = new ArrayList<>();
    for (ConditionVerdict c : cs) {
      if (c.verdict() == Verdict.UNKNOWN) {
        parts.add(c.condition().label() + " (" + c.detail() + ")");
      }
    }
    if (app == Verdict.MATCH && g == ControlState.UNKNOWN) {
      parts.add("grant controls");
    }
    return "not evaluable from the sign-in record: " + String.join("; ", parts);
  }

  // ---------------------------------------------------------------- users

  private static ConditionVerdict users(ConditionalAccessPolicy p, SignInFacts f) {
    ConditionalAccessPolicy.Users u = p.users();
    boolean targetsUsers =
        !u.includeUsers().isEmpty()
            || !u.includeGroups().isEmpty()
            || !u.includeRoles().isEmpty()
            || u.includeGuestsOrExternalUserTypes() != null;
    if (f.principalKind() == PrincipalKind.SERVICE_PRINCIPAL) {
      if (targetsUsers) {
        return verdict(Condition.USERS, Verdict.NO_MATCH, "user policy, workload identity sign-in");
      }
      return verdict(
          Condition.USERS, Verdict.UNKNOWN, "workload identity conditions are not modelled");
    }
    if (!targetsUsers) {
      return verdict(Condition.USERS, Verdict.NO_MATCH, "policy targets no users");
    }
    String user = f.accountId();
    // exclusions first: "The exclude action overrides the include action"
    if (containsIgnoreCase(u.excludeUsers(), user)) {
      return verdict(Condition.USERS, Verdict.NO_MATCH, "excluded as user " + user);
    }
    if (f.guest() && containsIgnoreCase(u.excludeUsers(), "GuestsOrExternalUsers")) {
      return verdict(Condition.USERS, Verdict.NO_MATCH, "excluded as guest or external user");
    }
    String g = firstShared(u.excludeGroups(), f.groupIds());
    if (g != null) {
      return verdict(Condition.USERS, Verdict.NO_MATCH, "excluded by group " + g);
    }
    String r = firstShared(u.excludeRoles(), f.roleTemplateIds());
    if (r != null) {
      return verdict(Condition.USERS, Verdict.NO_MATCH, "excluded by role " + r);
    }
    if (guestTypeMatches(u.excludeGuestsOrExternalUserTypes(), f.guest())) {
      return verdict(Condition.USERS, Verdict.NO_MATCH, "excluded as guest type");
    }
    if (containsIgnoreCase(u.includeUsers(), "None")
        && u.includeUsers().size() == 1
        && u.includeGroups().isEmpty()
        && u.includeRoles().isEmpty()
        && u.includeGuestsOrExternalUserTypes() == null) {
      return verdict(Condition.USERS, Verdict.NO_MATCH, "includes None");
    }
    if (containsIgnoreCase(u.includeUsers(), "All")) {
      return verdict(Condition.USERS, Verdict.MATCH, "included as All users");
    }
    if (containsIgnoreCase(u.includeUsers(), user)) {
      return verdict(Condition.USERS, Verdict.MATCH, "included as user " + user);
    }
    if (f.guest() && containsIgnoreCase(u.includeUsers(), "GuestsOrExternalUsers")) {
      return verdict(Condition.USERS, Verdict.MATCH, "included as guest or external user");
    }
    if (containsIgnoreCase(u.includeGroups(), "All")) {
      return verdict(Condition.USERS, Verdict.MATCH, "included by All groups");
    }
    g = firstShared(u.includeGroups(), f.groupIds());
    if (g != null) {
      return verdict(Condition.USERS, Verdict.MATCH, "included by group " + g);
    }
    r = firstShared(u.includeRoles(), f.roleTemplateIds());
    if (r != null) {
      return verdict(Condition.USERS, Verdict.MATCH, "included by role " + r);
    }
    if (guestTypeMatches(u.includeGuestsOrExternalUserTypes(), f.guest())) {
      return verdict(Condition.USERS, Verdict.MATCH, "included as guest type");
    }
    return verdict(Condition.USERS, Verdict.NO_MATCH, "not included");
  }

  /**
   * A directory guest counts as a {@code b2bCollaborationGuest}; the record cannot tell the other
   * external user types apart, and members never match.
   */
  static boolean guestTypeMatches(@Nullable String flags, boolean guest) {
    if (flags == null || !guest) {
      return false;
    }
    for (String part : flags.split(",", -1)) {
      if (part.trim().equalsIgnoreCase("b2bCollaborationGuest")) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- applications

  private static ConditionVerdict applications(ConditionalAccessPolicy p, SignInFacts f) {
    ConditionalAccessPolicy.Applications a = p.applications();
    if (!a.includeUserActions().isEmpty()) {
      String action = f.userAction();
      if (action == null) {
        return verdict(Condition.APPLICATIONS, Verdict.NO_MATCH, "not a user action request");
      }
      for (String ua : a.includeUserActions()) {
        if (normalizeUserAction(ua).equals(normalizeUserAction(action))) {
          return verdict(Condition.APPLICATIONS, Verdict.MATCH, "user action " + ua);
        }
      }
      return verdict(Condition.APPLICATIONS, Verdict.NO_MATCH, "other user action " + action);
    }
    if (!a.includeAuthenticationContextClassReferences().isEmpty()) {
      for (String acr : a.includeAuthenticationContextClassReferences()) {
        if (f.authContexts().stream().anyMatch(x -> x.equalsIgnoreCase(acr))) {
          return verdict(Condition.APPLICATIONS, Verdict.MATCH, "authentication context " + acr);
        }
      }
      return verdict(
          Condition.APPLICATIONS, Verdict.NO_MATCH, "authentication context not requested");
    }
    if (f.userAction() != null) {
      return verdict(Condition.APPLICATIONS, Verdict.NO_MATCH, "user action, not a resource");
    }
    List<String> targets = new ArrayList<>();
    if (f.appId() != null) {
      targets.add(f.appId());
    }
    targets.addAll(f.audiences());
    boolean all = containsIgnoreCase(a.includeApplications(), "All");
    if (targets.isEmpty()) {
      if (all && a.excludeApplications().isEmpty()) {
        return verdict(Condition.APPLICATIONS, Verdict.MATCH, "All resources");
      }
      if (a.includeApplications().stream().allMatch(x -> x.equalsIgnoreCase("None"))) {
        return verdict(Condition.APPLICATIONS, Verdict.NO_MATCH, "includes None");
      }
      return verdict(Condition.APPLICATIONS, Verdict.UNKNOWN, "no resource in the record");
    }
    String excludedBy = null;
    for (String t : targets) {
      String inc = appListHit(a.includeApplications(), t, true);
      String exc = appListHit(a.excludeApplications(), t, false);
      if (inc != null && exc == null) {
        return verdict(
            Condition.APPLICATIONS, Verdict.MATCH, "resource " + t + " included by " + inc);
      }
      if (exc != null) {
        excludedBy = "resource " + t + " excluded by " + exc;
      }
    }
    return verdict(
        Condition.APPLICATIONS,
        Verdict.NO_MATCH,
        excludedBy != null ? excludedBy : "resource not included");
  }

  private static @Nullable String appListHit(List<String> list, String appId, boolean include) {
    for (String v : list) {
      if (include && v.equalsIgnoreCase("All")) {
        return "All";
      }
      if (v.equalsIgnoreCase(appId)) {
        return appId;
      }
      AppSuite suite = AppSuite.ofKeyword(v);
      if (suite != null && suite.contains(appId)) {
        return suite.keyword();
      }
    }
    return null;
  }

  /** Lower case, with the longer spelling some tools use mapped to the Graph one. */
  static String normalizeUserAction(String action) {
    String a = action.trim().toLowerCase(Locale.ROOT);
    return a.equals("urn:user:registersecurityinformation") ? "urn:user:registersecurityinfo" : a;
  }

  // ---------------------------------------------------------------- client apps

  private static ConditionVerdict clientApps(ConditionalAccessPolicy p, SignInFacts f) {
    List<String> types = p.clientAppTypes();
    if (types.isEmpty() || types.contains("all")) {
      return verdict(Condition.CLIENT_APPS, Verdict.MATCH, "all client apps");
    }
    boolean unknownValue = false;
    for (String t : types) {
      ClientAppType c = ClientAppType.fromPolicyValue(t);
      if (c == ClientAppType.UNKNOWN) {
        unknownValue = true;
      } else if (c == f.clientApp()) {
        return verdict(Condition.CLIENT_APPS, Verdict.MATCH, "client app " + t);
      }
    }
    if (f.clientApp() == ClientAppType.UNKNOWN) {
      return verdict(Condition.CLIENT_APPS, Verdict.UNKNOWN, "client app not in the record");
    }
    if (unknownValue) {
      return verdict(
          Condition.CLIENT_APPS, Verdict.UNKNOWN, "policy lists an unknown client app type");
    }
    return verdict(
        Condition.CLIENT_APPS, Verdict.NO_MATCH, "client app " + f.clientApp() + " not listed");
  }

  // ---------------------------------------------------------------- platforms

  private static ConditionVerdict platforms(ConditionalAccessPolicy p, SignInFacts f) {
    List<String> inc = p.platforms().includePlatforms();
    List<String> exc = p.platforms().excludePlatforms();
    if (inc.isEmpty()) {
      return verdict(Condition.PLATFORMS, Verdict.MATCH, "not configured");
    }
    String platform = f.platform();
    if (platform == null) {
      return verdict(Condition.PLATFORMS, Verdict.UNKNOWN, "platform not in the record");
    }
    boolean all = containsIgnoreCase(inc, "all");
    if (platform.equalsIgnoreCase("unknown")) {
      // an undetected platform matches only "all" and is never removed by a named exclusion
      return verdict(
          Condition.PLATFORMS,
          Verdict.of(all),
          all ? "undetected platform, all" : "undetected platform");
    }
    if (containsIgnoreCase(exc, platform)) {
      return verdict(Condition.PLATFORMS, Verdict.NO_MATCH, "excluded platform " + platform);
    }
    if (all || containsIgnoreCase(inc, platform)) {
      return verdict(Condition.PLATFORMS, Verdict.MATCH, "included platform " + platform);
    }
    return verdict(Condition.PLATFORMS, Verdict.NO_MATCH, "platform " + platform + " not included");
  }

  // ---------------------------------------------------------------- locations

  private ConditionVerdict locations(
      ConditionalAccessPolicy p, SignInFacts f, List<EvaluationProblem> problems) {
    List<String> inc = p.locations().includeLocations();
    if (inc.isEmpty()) {
      return verdict(Condition.LOCATIONS, Verdict.MATCH, "not configured");
    }
    Verdict included = Verdict.NO_MATCH;
    String incHit = "";
    for (String ref : inc) {
      Verdict v = inLocation(ref, f, p, problems);
      if (v == Verdict.MATCH && included != Verdict.MATCH) {
        incHit = ref;
      }
      included = included.or(v);
    }
    Verdict excluded = Verdict.NO_MATCH;
    String excHit = "";
    for (String ref : p.locations().excludeLocations()) {
      Verdict v = inLocation(ref, f, p, problems);
      if (v == Verdict.MATCH && excluded != Verdict.MATCH) {
        excHit = ref;
      }
      excluded = excluded.or(v);
    }
    Verdict v = included.and(excluded.not());
    String detail =
        excluded == Verdict.MATCH
            ? "excluded location " + excHit
            : included == Verdict.MATCH
                ? "included location "
                    + incHit
                    + (excluded == Verdict.UNKNOWN ? ", exclusion unknown" : "")
                : included == Verdict.NO_MATCH
                    ? "not in an included location"
                    : "location not in the record";
    return verdict(Condition.LOCATIONS, v, detail);
  }

  private Verdict inLocation(
      String ref, SignInFacts f, ConditionalAccessPolicy p, List<EvaluationProblem> problems) {
    if (ref.equalsIgnoreCase("All")) {
      return Verdict.MATCH;
    }
    if (ref.equalsIgnoreCase("AllTrusted")) {
      Verdict v = Verdict.NO_MATCH;
      for (NamedLocation l : locations) {
        if (l.trusted()) {
          v = v.or(inNamed(l, f));
        }
      }
      return v;
    }
    for (NamedLocation l : locations) {
      if (l.id().value().equalsIgnoreCase(ref)) {
        return inNamed(l, f);
      }
    }
    if (ref.equals(MFA_TRUSTED_IPS_ID)) {
      return f.ip() == null ? Verdict.UNKNOWN : Verdict.NO_MATCH; // none configured
    }
    EvaluationProblem missing =
        new EvaluationProblem(
            ProblemCode.UNKNOWN_REFERENCE,
            p.id().value(),
            "named location " + ref + " not in snapshot");
    if (!problems.contains(missing)) {
      problems.add(missing);
    }
    return Verdict.UNKNOWN;
  }

  private static Verdict inNamed(NamedLocation l, SignInFacts f) {
    if (l.kind() == LocationKind.IP) {
      String ip = f.ip();
      if (ip == null) {
        return Verdict.UNKNOWN;
      }
      Optional<IpAddress> addr = IpAddress.parse(ip);
      if (addr.isEmpty()) {
        return Verdict.UNKNOWN;
      }
      for (String r : l.ranges()) {
        Optional<IpRange> range = IpRange.parse(r);
        if (range.isPresent() && range.get().contains(addr.get())) {
          return Verdict.MATCH;
        }
      }
      return Verdict.NO_MATCH;
    }
    if (l.kind() == LocationKind.COUNTRY) {
      String country = f.country();
      if (country == null) {
        return Verdict.UNKNOWN;
      }
      if (country.isEmpty()) {
        return Verdict.of(l.includeUnknownCountries());
      }
      return Verdict.of(containsIgnoreCase(l.countries(), country));
    }
    return Verdict.UNKNOWN; // compliant network and others: not in the sign-in record
  }

  // ---------------------------------------------------------------- risk

  private static ConditionVerdict risk(Condition c, List<String> levels, RiskLevel level) {
    if (levels.isEmpty()) {
      return verdict(c, Verdict.MATCH, "not configured");
    }
    String name = level.name().toLowerCase(Locale.ROOT);
    if (containsIgnoreCase(levels, name) && level != RiskLevel.UNKNOWN) {
      return verdict(c, Verdict.MATCH, "risk " + name + " listed");
    }
    if (level == RiskLevel.UNKNOWN || level == RiskLevel.HIDDEN) {
      return verdict(c, Verdict.UNKNOWN, "risk " + name + " in the record");
    }
    return verdict(c, Verdict.NO_MATCH, "risk " + name + " not listed");
  }

  // ---------------------------------------------------------------- device filter

  private static ConditionVerdict deviceFilter(
      ConditionalAccessPolicy p, SignInFacts f, List<EvaluationProblem> problems) {
    ConditionalAccessPolicy.DeviceFilter df = p.deviceFilter();
    if (df == null) {
      return verdict(Condition.DEVICE_FILTER, Verdict.MATCH, "not configured");
    }
    DeviceFilterRule.Parse parse = DeviceFilterRule.parse(df.rule());
    if (parse instanceof DeviceFilterRule.Unparsable u) {
      problems.add(
          new EvaluationProblem(
              ProblemCode.DEVICE_FILTER_NOT_EVALUABLE,
              p.id().value(),
              u.reason() + " in " + df.rule()));
      return verdict(Condition.DEVICE_FILTER, Verdict.UNKNOWN, "rule not evaluable");
    }
    DeviceFilterRule rule = ((DeviceFilterRule.Parsed) parse).rule();
    Verdict r = rule.evaluate(f);
    boolean exclude = df.mode().equalsIgnoreCase("exclude");
    Verdict v = exclude ? r.not() : r;
    return verdict(Condition.DEVICE_FILTER, v, df.mode() + " rule " + r);
  }

  // ---------------------------------------------------------------- helpers

  private static ConditionVerdict verdict(Condition c, Verdict v, String detail) {
    return new ConditionVerdict(c, v, detail);
  }

  private static boolean containsIgnoreCase(List<String> list, String value) {
    for (String s : list) {
      if (s.equalsIgnoreCase(value)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String firstShared(List<String> policyIds, Set<String> factIds) {
    for (String id : policyIds) {
      for (String f : factIds) {
        if (f.equalsIgnoreCase(id)) {
          return id;
        }
      }
    }
    return null;
  }
}
