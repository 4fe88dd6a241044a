package dev.least.policy.okta;

import dev.least.model.RiskLevel;
import dev.least.model.TriState;
import dev.least.policy.EvaluationProblem;
import dev.least.policy.ProblemCode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One rule with its conditions compiled: group ids to a BitSet of codes, zone ids to zone indexes,
 * enum strings checked once. Actions are kept in {@link RuleActions}.
 */
final class CompiledRule {
  /**
   * The pseudo zone id older docs and the Terraform provider use for "in any zone" [unverified].
   */
  static final String ALL_ZONES = "ALL_ZONES";

  private static final Set<String> MOBILE_OS = Set.of("IOS", "ANDROID");
  private static final Set<String> DESKTOP_OS = Set.of("MACOS", "WINDOWS", "CHROMEOS", "LINUX");

  enum Connection {
    ANYWHERE,
    ZONE,
    ON_NETWORK,
    OFF_NETWORK
  }

  final OktaRule rule;
  final String policyId;
  final RuleActions actions;
  final List<EvaluationProblem> compileProblems;

  private final Set<String> usersInclude;
  private final Set<String> usersExclude;
  private final BitSet groupsInclude;
  private final BitSet groupsExclude;
  private final boolean peopleAnyone;
  private final Connection connection;
  private final int[] zonesIn;
  private final int[] zonesOut;
  private final boolean allZones;
  private final boolean includeList;
  private final int[] trustedZones;
  private final @Nullable RiskLevel riskLevel;
  private final List<String> behaviors;
  private final List<PlatformSpec> platformIn;
  private final List<PlatformSpec> platformOut;
  private final @Nullable Boolean registered;
  private final @Nullable Boolean managed;
  private final List<String> assurances;
  private final List<String> userTypesIn;
  private final List<String> userTypesOut;
  private final @Nullable OktaAuthType authType;
  private final @Nullable String elCondition;
  private final boolean elMalformed;

  CompiledRule(
      OktaPolicyType policyType,
      String policyId,
      OktaRule rule,
      Map<String, Integer> groupCodes,
      ZoneIndex zones) {
    this.rule = rule;
    this.policyId = policyId;
    List<EvaluationProblem> problems = new ArrayList<>();
    OktaRuleDetail d = rule.detail();
    usersInclude = Set.copyOf(rule.usersInclude());
    usersExclude = Set.copyOf(rule.usersExclude());
    groupsInclude = bits(rule.groupsInclude(), groupCodes);
    groupsExclude = bits(rule.groupsExclude(), groupCodes);
    peopleAnyone = rule.usersInclude().isEmpty() && rule.groupsInclude().isEmpty();

    Connection conn;
    try {
      conn = Connection.valueOf(rule.networkConnection().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          problem(
              ProblemCode.INVALID_POLICY,
              "network.connection '%s' is not one of ANYWHERE, ZONE, ON_NETWORK, OFF_NETWORK; treated as ANYWHERE",
              rule.networkConnection()));
      conn = Connection.ANYWHERE;
    }
    boolean all = false;
    List<Integer> in = new ArrayList<>();
    for (String z : rule.zonesInclude()) {
      if (ALL_ZONES.equals(z)) {
        all = true;
        problems.add(
            problem(
                ProblemCode.UNKNOWN_REFERENCE,
                "network.include uses the unverified pseudo-id %s; read as 'in any active zone'",
                ALL_ZONES));
        continue;
      }
      addZone(z, zones, in, problems);
    }
    List<Integer> out = new ArrayList<>();
    for (String z : rule.zonesExclude()) {
      addZone(z, zones, out, problems);
    }
    if (conn == Connection.ZONE && rule.zonesInclude().isEmpty() && rule.zonesExclude().isEmpty()) {
      problems.add(
          problem(
              ProblemCode.INVALID_POLICY,
              "network.connection ZONE needs an include or exclude list; treated as ANYWHERE"));
      conn = Connection.ANYWHERE;
    }
    connection = conn;
    allZones = all;
    includeList = !rule.zonesInclude().isEmpty();
    zonesIn = in.stream().mapToInt(Integer::intValue).toArray();
    zonesOut = out.stream().mapToInt(Integer::intValue).toArray();
    List<Integer> trusted = new ArrayList<>();
    for (int i = 0; i < zones.size(); i++) {
      OktaZone z = zones.zone(i);
      if (z.trusted() && !z.blocklist()) {
        trusted.add(i);
      }
    }
    trustedZones = trusted.stream().mapToInt(Integer::intValue).toArray();

    RiskLevel risk = null;
    if (rule.riskLevel() != null && !"ANY".equalsIgnoreCase(rule.riskLevel())) {
      risk = RiskLevel.parse(rule.riskLevel());
      if (risk != RiskLevel.LOW && risk != RiskLevel.MEDIUM && risk != RiskLevel.HIGH) {
        problems.add(
            problem(
                ProblemCode.INVALID_POLICY,
                "riskScore.level '%s' is not ANY, LOW, MEDIUM or HIGH",
                rule.riskLevel()));
      }
    }
    riskLevel = risk;
    behaviors = d.riskBehaviors();
    if (!d.platformInclude().isEmpty()) {
      platformIn = upper(d.platformInclude());
    } else {
      List<PlatformSpec> specs = new ArrayList<>();
      for (String os : rule.platforms()) {
        specs.add(PlatformSpec.os(os));
      }
      platformIn = upper(specs);
    }
    platformOut = upper(d.platformExclude());
    registered = rule.deviceRegistered();
    managed = rule.deviceManaged();
    if (Boolean.TRUE.equals(managed) && !Boolean.TRUE.equals(registered)) {
      problems.add(
          problem(ProblemCode.INVALID_POLICY, "device.managed needs device.registered=true"));
    }
    assurances = d.deviceAssuranceInclude();
    userTypesIn = d.userTypesInclude();
    userTypesOut = d.userTypesExclude();
    OktaAuthType auth = null;
    if (d.authType() != null && !"ANY".equalsIgnoreCase(d.authType())) {
      try {
        auth = OktaAuthType.valueOf(d.authType().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(
            problem(
                ProblemCode.INVALID_POLICY,
                "authContext.authType '%s' is not ANY, RADIUS or LDAP_INTERFACE",
                d.authType()));
        auth = OktaAuthType.UNKNOWN;
      }
    }
    authType = auth;
    elCondition = d.elCondition();
    elMalformed = elCondition != null && malformed(elCondition);
    if (elMalformed) {
      problems.add(
          problem(
              ProblemCode.INVALID_POLICY,
              "elCondition '%s' is malformed; a malformed expression never matches",
              String.valueOf(elCondition)));
    }
    actions = RuleActions.compile(policyType, rule, problems, this::problem);
    compileProblems = List.copyOf(problems);
  }

  private void addZone(
      String id, ZoneIndex zones, List<Integer> into, List<EvaluationProblem> problems) {
    int idx = zones.indexOf(id);
    if (idx < 0) {
      problems.add(
          problem(
              ProblemCode.UNKNOWN_REFERENCE,
              "zone %s is not in the snapshot; it matches nothing",
              id));
    } else {
      into.add(idx);
    }
  }

  EvaluationProblem problem(ProblemCode code, String format, Object... args) {
    return new EvaluationProblem(
        code,
        policyId,
        "rule '"
            + rule.name()
            + "' ("
            + rule.id()
            + "): "
            + String.format(Locale.ROOT, format, args));
  }

  private static BitSet bits(List<String> ids, Map<String, Integer> codes) {
    BitSet b = new BitSet();
    for (String id : ids) {
      Integer c = codes.get(id);
      if (c != null) {
        b.set(c);
      }
    }
    return b;
  }

  private static List<PlatformSpec> upper(List<PlatformSpec> specs) {
    List<PlatformSpec> out = new ArrayList<>();
    for (PlatformSpec s : specs) {
      String os = s.osType().toUpperCase(Locale.ROOT);
      if (os.equals("OSX")) {
        os = "MACOS";
      }
      out.add(new PlatformSpec(s.type().toUpperCase(Locale.ROOT), os));
    }
    return List.copyOf(out);
  }

  /** Unbalanced quotes or parentheses, or an empty expression. */
  static boolean malformed(String el) {
    if (el.isBlank()) {
      return true;
    }
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < el.length(); i++) {
      char c = el.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (--depth < 0) {
          return true;
        }
      }
    }
    return depth != 0 || quote != 0;
  }

  /**
   * Tests every condition (all are ANDed; an absent condition means "any"). With a null {@code
   * trace} the test stops at the first condition that fails.
   */
  Match test(RequestContext ctx, @Nullable List<ConditionCheck> trace) {
    Match m = people(ctx, trace);
    if (m == Match.NO_MATCH && trace == null) {
      return m;
    }
    m = m.and(network(ctx, trace));
    if (m == Match.NO_MATCH && trace == null) {
      return m;
    }
    m = m.and(risk(ctx, trace));
    if (m == Match.NO_MATCH && trace == null) {
      return m;
    }
    m = m.and(platform(ctx, trace));
    if (m == Match.NO_MATCH && trace == null) {
      return m;
    }
    m = m.and(device(ctx, trace));
    if (m == Match.NO_MATCH && trace == null) {
      return m;
    }
    m = m.and(userType(ctx, trace));
    if (m == Match.NO_MATCH && trace == null) {
      return m;
    }
    m = m.and(authContext(ctx, trace));
    if (m == Match.NO_MATCH && trace == null) {
      return m;
    }
    return m.and(el(trace));
  }

  private static Match note(
      @Nullable List<ConditionCheck> trace, String condition, Match m, Supplier<String> detail) {
    if (trace != null) {
      trace.add(new ConditionCheck(condition, m, detail.get()));
    }
    return m;
  }

  private Match people(RequestContext ctx, @Nullable List<ConditionCheck> trace) {
    String user = ctx.request.userId();
    if (usersExclude.contains(user)) {
      return note(
          trace, "people.users.exclude", Match.NO_MATCH, () -> "user " + user + " is excluded");
    }
    if (groupsExclude.intersects(ctx.groups)) {
      return note(
          trace,
          "people.groups.exclude",
          Match.NO_MATCH,
          () -> "user is in excluded group " + firstOf(rule.groupsExclude(), ctx));
    }
    if (peopleAnyone) {
      return note(trace, "people", Match.MATCH, () -> "no include list: anyone not excluded");
    }
    if (usersInclude.contains(user)) {
      return note(
          trace, "people.users.include", Match.MATCH, () -> "user " + user + " is included");
    }
    if (groupsInclude.intersects(ctx.groups)) {
      return note(
          trace,
          "people.groups.include",
          Match.MATCH,
          () -> "user is in included group " + firstOf(rule.groupsInclude(), ctx));
    }
    return note(
        trace,
        "people",
        Match.NO_MATCH,
        () -> "user is neither an included user nor in an included group");
  }

  private static String firstOf(List<String> groupIds, RequestContext ctx) {
    for (String g : groupIds) {
      if (ctx.request.groupIds().contains(g)) {
        return g;
      }
    }
    return groupIds.isEmpty() ? "?" : groupIds.get(0) + " (Everyone)";
  }

  private Match network(RequestContext ctx, @Nullable List<ConditionCheck> trace) {
    switch (connection) {
      case ANYWHERE:
        return note(trace, "network", Match.MATCH, () -> "ANYWHERE");
      case ON_NETWORK:
      case OFF_NETWORK:
        {
          Match on = Match.NO_MATCH;
          for (int z : trustedZones) {
            on = on.or(ctx.inZone(z));
          }
          Match inTrusted = on;
          Match m = connection == Connection.ON_NETWORK ? on : on.not();
          return note(
              trace,
              "network",
              m,
              () -> connection + ": " + ipText(ctx) + " in a trusted zone = " + inTrusted);
        }
      case ZONE:
      default:
        {
          Match m = Match.MATCH;
          Match in = Match.MATCH;
          Match anyOut = Match.NO_MATCH;
          int inHit = -1;
          int outHit = -1;
          if (includeList) {
            in = Match.NO_MATCH;
            if (allZones) {
              for (int z = 0; z < ctx.inZoneCount(); z++) {
                in = in.or(ctx.inZone(z));
              }
            }
            for (int z : zonesIn) {
              Match zm = ctx.inZone(z);
              if (zm == Match.MATCH && inHit < 0) {
                inHit = z;
              }
              in = in.or(zm);
            }
            m = m.and(in);
          }
          for (int z : zonesOut) {
            Match zm = ctx.inZone(z);
            if (zm == Match.MATCH && outHit < 0) {
              outHit = z;
            }
            anyOut = anyOut.or(zm);
          }
          m = m.and(anyOut.not());
          if (trace != null) {
            List<String> why = new ArrayList<>();
            if (includeList) {
              why.add(
                  in == Match.MATCH
                      ? "in included zone " + (inHit < 0 ? "(any)" : ctx.zoneName(inHit))
                      : in == Match.UNKNOWN
                          ? "membership of included zones unknown for " + ipText(ctx)
                          : "in none of the included zones");
            }
            if (zonesOut.length > 0) {
              why.add(
                  anyOut == Match.MATCH
                      ? "in excluded zone " + ctx.zoneName(outHit)
                      : anyOut == Match.UNKNOWN
                          ? "membership of excluded zones unknown for " + ipText(ctx)
                          : "in none of the excluded zones");
            }
            trace.add(new ConditionCheck("network", m, String.join("; ", why)));
          }
          return m;
        }
    }
  }

  private static String ipText(RequestContext ctx) {
    return ctx.request.ipChain().isEmpty() ? "unknown IP" : "IP chain " + ctx.request.ipChain();
  }

  private Match risk(RequestContext ctx, @Nullable List<ConditionCheck> trace) {
    Match m = Match.MATCH;
    if (riskLevel != null) {
      RiskLevel actual = ctx.request.risk();
      boolean known =
          actual == RiskLevel.LOW || actual == RiskLevel.MEDIUM || actual == RiskLevel.HIGH;
      Match r = known ? Match.of(actual == riskLevel) : Match.UNKNOWN;
      note(
          trace,
          "riskScore.level",
          r,
          () -> "rule wants exactly " + riskLevel + ", request is " + (known ? actual : "unknown"));
      m = r;
    }
    if (!behaviors.isEmpty()) {
      Set<String> seen = ctx.request.behaviors();
      Match b;
      if (seen == null) {
        b = Match.UNKNOWN;
      } else {
        b = Match.NO_MATCH;
        for (String x : behaviors) {
          if (seen.contains(x)) {
            b = Match.MATCH;
            break;
          }
        }
      }
      note(
          trace,
          "risk.behaviors",
          b,
          () ->
              "any of " + behaviors + " detected; detected = " + (seen == null ? "unknown" : seen));
      m = m.and(b);
    }
    return m;
  }

  private Match platform(RequestContext ctx, @Nullable List<ConditionCheck> trace) {
    if (platformIn.isEmpty() && platformOut.isEmpty()) {
      return Match.MATCH;
    }
    String os = ctx.os;
    if (os == null) {
      return note(trace, "platform", Match.UNKNOWN, () -> "device platform unknown");
    }
    boolean in = platformIn.isEmpty();
    for (PlatformSpec s : platformIn) {
      in |= matches(s, os);
    }
    boolean out = false;
    for (PlatformSpec s : platformOut) {
      out |= matches(s, os);
    }
    Match m = Match.of(in && !out);
    String why = out ? " is excluded" : in ? " is included" : " is not included";
    return note(trace, "platform", m, () -> os + why);
  }

  private static boolean matches(PlatformSpec s, String os) {
    boolean typeOk =
        switch (s.type()) {
          case "MOBILE" -> MOBILE_OS.contains(os);
          case "DESKTOP" -> DESKTOP_OS.contains(os);
          case "OTHER" -> !MOBILE_OS.contains(os) && !DESKTOP_OS.contains(os);
          default -> true;
        };
    boolean osOk = s.osType().equals("ANY") || s.osType().equals(os);
    return typeOk && osOk;
  }

  private Match device(RequestContext ctx, @Nullable List<ConditionCheck> trace) {
    Match m = Match.MATCH;
    if (registered != null) {
      Match r = equal(registered, ctx.request.deviceRegistered());
      note(
          trace,
          "device.registered",
          r,
          () -> "rule wants " + registered + ", device is " + ctx.request.deviceRegistered());
      m = m.and(r);
    }
    if (managed != null) {
      Match r = equal(managed, ctx.request.deviceManaged());
      note(
          trace,
          "device.managed",
          r,
          () -> "rule wants " + managed + ", device is " + ctx.request.deviceManaged());
      m = m.and(r);
    }
    if (!assurances.isEmpty()) {
      Set<String> met = ctx.request.deviceAssurances();
      Match a;
      if (met == null) {
        a = Match.UNKNOWN;
      } else {
        a = Match.NO_MATCH;
        for (String x : assurances) {
          if (met.contains(x)) {
            a = Match.MATCH;
            break;
          }
        }
      }
      note(
          trace,
          "device.assurance.include",
          a,
          () -> "any of " + assurances + "; device satisfies " + (met == null ? "unknown" : met));
      m = m.and(a);
    }
    return m;
  }

  private static Match equal(boolean wanted, TriState actual) {
    if (actual == TriState.UNKNOWN) {
      return Match.UNKNOWN;
    }
    return Match.of(actual.isTrue() == wanted);
  }

  private Match userType(RequestContext ctx, @Nullable List<ConditionCheck> trace) {
    if (userTypesIn.isEmpty() && userTypesOut.isEmpty()) {
      return Match.MATCH;
    }
    String t = ctx.request.userTypeId();
    if (t == null) {
      return note(trace, "userType", Match.UNKNOWN, () -> "user type unknown");
    }
    Match m =
        Match.of((userTypesIn.isEmpty() || userTypesIn.contains(t)) && !userTypesOut.contains(t));
    return note(trace, "userType", m, () -> "user type " + t);
  }

  private Match authContext(RequestContext ctx, @Nullable List<ConditionCheck> trace) {
    if (authType == null) {
      return Match.MATCH;
    }
    OktaAuthType actual = ctx.request.authType();
    Match m =
        actual == OktaAuthType.UNKNOWN || authType == OktaAuthType.UNKNOWN
            ? Match.UNKNOWN
            : Match.of(actual == authType);
    return note(
        trace,
        "authContext.authType",
        m,
        () -> "rule wants " + authType + ", request is " + actual);
  }

  private Match el(@Nullable List<ConditionCheck> trace) {
    if (elCondition == null) {
      return Match.MATCH;
    }
    if (elMalformed) {
      return note(trace, "elCondition", Match.NO_MATCH, () -> "malformed expression never matches");
    }
    return note(
        trace,
        "elCondition",
        Match.UNKNOWN,
        () -> "Okta Expression Language is not evaluated: " + elCondition);
  }

  /** Which of the rule's conditions the request leaves undecided, for a problem message. */
  List<ConditionCheck> undecided(RequestContext ctx) {
    List<ConditionCheck> all = new ArrayList<>();
    test(ctx, all);
    List<ConditionCheck> out = new ArrayList<>();
    for (ConditionCheck c : all) {
      if (c.match() == Match.UNKNOWN) {
        out.add(c);
      }
    }
    return out;
  }

  /** Group ids named anywhere in the rule, for the evaluator's code table. */
  static Set<String> groupIds(OktaRule r) {
    Set<String> s = new HashSet<>(r.groupsInclude());
    s.addAll(r.groupsExclude());
    return s;
  }
}
