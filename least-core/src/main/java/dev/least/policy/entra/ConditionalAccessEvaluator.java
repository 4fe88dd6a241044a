package dev.least.policy.entra;

import static java.util.Objects.requireNonNull;

import dev.least.model.ClientAppType;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.model.PolicyResult;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.policy.CodedEvaluation;
import dev.least.policy.CodedSignInEvaluator;
import dev.least.policy.Decision;
import dev.least.policy.Evaluation;
import dev.least.policy.EvaluationProblem;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.ProblemCode;
import dev.least.policy.SignInFacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft Entra Conditional Access, compiled: every policy is turned once into predicates over
 * interned ids (users, groups, roles, apps as int codes; groups and roles of a sign-in as a bitset;
 * platforms, client apps and risk levels as bit masks; named locations pre-parsed), so evaluating a
 * sign-in does no string parsing. Same semantics as {@link NaiveConditionalAccessEvaluator}, which
 * is the oracle of the differential tests and the tracer ({@link #explain}).
 *
 * <p>All policies are evaluated; exclusions beat inclusions; an applicable enabled block policy
 * blocks; every applicable enabled policy's grant must hold; report-only and disabled policies
 * never change the decision. One {@link PolicyOutcome} per tenant policy, in the sign-in log's
 * {@code appliedConditionalAccessPolicies[].result} vocabulary; what the record cannot tell is
 * {@link PolicyResult#UNKNOWN} with a {@link ProblemCode#NOT_EVALUABLE_FROM_LOG} problem.
 */
public final class ConditionalAccessEvaluator implements CodedSignInEvaluator {
  private static final Condition[] CONDITION_VALUES = Condition.values();
  private static final int CONDITIONS = CONDITION_VALUES.length;
  private static final int CONTROLS = GrantControl.values().length;
  private static final PolicyResult[] RESULTS = PolicyResult.values();

  /** Result codes: the result's ordinal times K plus the decisive condition (CONDITIONS: none). */
  private static final int K = CONDITIONS + 1;

  private final Map<String, Integer> codes = new HashMap<>();
  private int[] suiteMaskOfCode = new int[0];
  private final Map<String, Integer> platformBits = new HashMap<>();
  private final Location[] locations;
  private final int[] trustedLocations;
  private final Compiled[] policies;
  private final int groupWords;
  private final NaiveConditionalAccessEvaluator tracer;
  private final Index index;
  private final Map<Grant, Integer> grantShapes = new HashMap<>();
  private final int[] noMatchBase;
  private final byte[] initialDecisive;
  // evaluate() is thread-safe: each thread evaluates into its own buffers and caches
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  public ConditionalAccessEvaluator(
      List<ConditionalAccessPolicy> policies, List<NamedLocation> namedLocations) {
    this(policies, namedLocations, ConditionalAccessStatus.Rule.USER_AND_APP_MATCH);
  }

  public ConditionalAccessEvaluator(
      List<ConditionalAccessPolicy> policies,
      List<NamedLocation> namedLocations,
      ConditionalAccessStatus.Rule statusRule) {
    requireNonNull(policies, "policies");
    requireNonNull(namedLocations, "namedLocations");
    this.tracer = new NaiveConditionalAccessEvaluator(policies, namedLocations, statusRule);
    for (AppSuite s : AppSuite.values()) {
      for (String app : s.appIds()) {
        int c = intern(app);
        suiteMaskOfCode[c] |= 1 << s.ordinal();
      }
    }
    this.locations = new Location[namedLocations.size()];
    Map<String, Integer> locationIndex = new HashMap<>();
    List<Integer> trusted = new ArrayList<>();
    for (int i = 0; i < namedLocations.size(); i++) {
      NamedLocation l = namedLocations.get(i);
      locations[i] = new Location(l);
      locationIndex.putIfAbsent(l.id().value().toLowerCase(Locale.ROOT), i);
      if (l.trusted()) {
        trusted.add(i);
      }
    }
    this.trustedLocations = trusted.stream().mapToInt(Integer::intValue).toArray();
    this.policies = new Compiled[policies.size()];
    for (int i = 0; i < policies.size(); i++) {
      this.policies[i] = new Compiled(policies.get(i), locationIndex);
    }
    this.groupWords = (codes.size() + 63) >>> 6;
    this.index = new Index();
    int n = this.policies.length;
    this.noMatchBase = new int[n];
    this.initialDecisive = new byte[n];
    for (int i = 0; i < n; i++) {
      Compiled p = this.policies[i];
      if (p.state == PolicyState.DISABLED) {
        noMatchBase[i] = PolicyResult.NOT_ENABLED.ordinal() * K;
        initialDecisive[i] = (byte) Condition.STATE.ordinal();
      } else {
        PolicyResult r =
            Enforcement.result(p.state, Verdict.NO_MATCH, ControlState.SATISFIED, p.invalid);
        noMatchBase[i] = r.ordinal() * K;
        initialDecisive[i] = (byte) CONDITIONS;
      }
    }
  }

  /** The full condition-by-condition trace for one sign-in (the naive interpreter's). */
  public Explanation explain(SignInFacts facts) {
    return tracer.explain(facts);
  }

  @Override
  public Evaluation evaluate(SignInFacts facts) {
    Scratch s = scratch.get();
    s.evaluate(facts);
    int n = policies.length;
    PolicyOutcome[] out = new PolicyOutcome[n];
    List<EvaluationProblem> problems = List.of();
    for (int i = 0; i < n; i++) {
      Compiled p = policies[i];
      int code = s.codes[i];
      out[i] = p.outcomes[code / K][code % K];
      List<EvaluationProblem> add =
          p.state == PolicyState.DISABLED ? p.disabledProblems : p.activeProblems;
      boolean notEvaluable = code / K == PolicyResult.UNKNOWN.ordinal() && !p.invalid;
      if (!add.isEmpty() || notEvaluable) {
        if (problems.isEmpty()) {
          problems = new ArrayList<>();
        }
        problems.addAll(add);
        if (notEvaluable) {
          // all conditions held (the grant is what is unknown) exactly when none was decisive
          Verdict applicability = code % K == CONDITIONS ? Verdict.MATCH : Verdict.UNKNOWN;
          problems.add(
              new EvaluationProblem(
                  ProblemCode.NOT_EVALUABLE_FROM_LOG,
                  p.id,
                  p.unknownDetail(s.event(), applicability)));
        }
      }
    }
    return new Evaluation(s.decision, Arrays.asList(out), problems);
  }

  @Override
  public CodedEvaluation newCodedEvaluation() {
    return new Scratch();
  }

  /** No condition or grant control reads the sign-in's time (session controls are not enforced). */
  @Override
  public boolean readsSignInTime() {
    return false;
  }

  /**
   * The policies inverted: for each value a sign-in can have (a user, a group, an app, a client app
   * type, a platform, a risk level), the bitset of policies it rules out or leaves unknown. A
   * sign-in is then evaluated per condition with a few word-wide operations instead of per policy.
   */
  private final class Index {
    final int words;
    final long[] active;
    // users
    final long[] targetsUsers;
    final long[] includedAlways;
    final long[] includedIfGuest;
    final long[] excludedIfGuest;
    final long[][] incUser;
    final long[][] excUser;
    final long[][] incGroup;
    final long[][] excGroup;
    final long[][] incRole;
    final long[][] excRole;
    // applications
    final long[] appsMode;
    final long[] allAppsNoExclusion;
    final long[] incAllApps;
    final long[] incOnlyNone;
    final long[][] incApp;
    final long[][] excApp;
    final long[][] incSuite;
    final long[][] excSuite;
    final Map<String, long[]> userAction = new HashMap<>();
    final Map<String, long[]> authContext = new HashMap<>();
    // client apps, platforms, risk, gaps: by value
    final long[][] clientNo;
    final long[][] clientUnk;
    final long[] platformConfigured;
    final long[] platformNotAll;
    final long[][] platformNo;
    final long[][] signInRiskNo;
    final long[][] signInRiskUnk;
    final long[][] userRiskNo;
    final long[][] userRiskUnk;
    final long[] conditionGap;
    final int[] withLocations;
    final int[] withFilter;

    Index() {
      int n = policies.length;
      words = Math.max(1, (n + 63) >>> 6);
      int codeCount = codes.size();
      active = new long[words];
      targetsUsers = new long[words];
      includedAlways = new long[words];
      includedIfGuest = new long[words];
      excludedIfGuest = new long[words];
      incUser = new long[codeCount][];
      excUser = new long[codeCount][];
      incGroup = new long[codeCount][];
      excGroup = new long[codeCount][];
      incRole = new long[codeCount][];
      excRole = new long[codeCount][];
      appsMode = new long[words];
      allAppsNoExclusion = new long[words];
      incAllApps = new long[words];
      incOnlyNone = new long[words];
      incApp = new long[codeCount][];
      excApp = new long[codeCount][];
      incSuite = new long[AppSuite.values().length][words];
      excSuite = new long[AppSuite.values().length][words];
      ClientAppType[] clients = ClientAppType.values();
      clientNo = new long[clients.length][words];
      clientUnk = new long[clients.length][words];
      platformConfigured = new long[words];
      platformNotAll = new long[words];
      platformNo = new long[platformBits.size()][words];
      RiskLevel[] risks = RiskLevel.values();
      signInRiskNo = new long[risks.length][words];
      signInRiskUnk = new long[risks.length][words];
      userRiskNo = new long[risks.length][words];
      userRiskUnk = new long[risks.length][words];
      conditionGap = new long[words];
      List<Integer> loc = new ArrayList<>();
      List<Integer> filt = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Compiled p = policies[i];
        int w = i >>> 6;
        long bit = 1L << i;
        if (p.state != PolicyState.DISABLED) {
          active[w] |= bit;
        }
        if (p.targetsUsers) {
          targetsUsers[w] |= bit;
        }
        if (!p.includeNoneOnly && (p.incAllUsers || p.incAllGroups)) {
          includedAlways[w] |= bit;
        }
        if (!p.includeNoneOnly && (p.incGuestsKeyword || p.incGuestType)) {
          includedIfGuest[w] |= bit;
        }
        if (p.excGuestsKeyword || p.excGuestType) {
          excludedIfGuest[w] |= bit;
        }
        if (!p.includeNoneOnly) {
          set(incUser, p.incUsers, i);
          set(incGroup, p.incGroups, i);
          set(incRole, p.incRoles, i);
        }
        set(excUser, p.excUsers, i);
        set(excGroup, p.excGroups, i);
        set(excRole, p.excRoles, i);
        switch (p.appMode) {
          case USER_ACTIONS -> {
            for (String a : p.userActions) {
              userAction.computeIfAbsent(a, k -> new long[words])[w] |= bit;
            }
          }
          case AUTH_CONTEXT -> {
            for (String a : p.acrs) {
              authContext.computeIfAbsent(a, k -> new long[words])[w] |= bit;
            }
          }
          case APPS -> {
            appsMode[w] |= bit;
            if (p.incAllApps) {
              incAllApps[w] |= bit;
              if (p.excAppsEmpty) {
                allAppsNoExclusion[w] |= bit;
              }
            }
            if (p.incOnlyNone) {
              incOnlyNone[w] |= bit;
            }
            set(incApp, p.incApps, i);
            set(excApp, p.excApps, i);
            for (AppSuite suite : AppSuite.values()) {
              if ((p.incSuites & (1 << suite.ordinal())) != 0) {
                incSuite[suite.ordinal()][w] |= bit;
              }
              if ((p.excSuites & (1 << suite.ordinal())) != 0) {
                excSuite[suite.ordinal()][w] |= bit;
              }
            }
          }
        }
        if (p.clientAppsConfigured) {
          for (ClientAppType c : clients) {
            boolean listed =
                c != ClientAppType.UNKNOWN && (p.clientAppMask & (1 << c.ordinal())) != 0;
            if (!listed) {
              if (c == ClientAppType.UNKNOWN || p.clientAppUnknownValue) {
                clientUnk[c.ordinal()][w] |= bit;
              } else {
                clientNo[c.ordinal()][w] |= bit;
              }
            }
          }
        }
        if (p.platformsConfigured) {
          platformConfigured[w] |= bit;
          if (!p.platformAll) {
            platformNotAll[w] |= bit;
          }
          for (int b = 0; b < platformNo.length; b++) {
            long pb = 1L << b;
            if ((p.platformExc & pb) != 0 || !(p.platformAll || (p.platformInc & pb) != 0)) {
              platformNo[b][w] |= bit;
            }
          }
        }
        for (RiskLevel r : risks) {
          riskCell(p.signInRisk, r, signInRiskNo, signInRiskUnk, w, bit);
          riskCell(p.userRisk, r, userRiskNo, userRiskUnk, w, bit);
        }
        if (p.conditionGap) {
          conditionGap[w] |= bit;
        }
        if (p.locationsConfigured) {
          loc.add(i);
        }
        if (p.filterConfigured) {
          filt.add(i);
        }
      }
      withLocations = loc.stream().mapToInt(Integer::intValue).toArray();
      withFilter = filt.stream().mapToInt(Integer::intValue).toArray();
    }

    private void set(long[][] table, int[] policyCodes, int i) {
      for (int c : policyCodes) {
        if (table[c] == null) {
          table[c] = new long[words];
        }
        table[c][i >>> 6] |= 1L << i;
      }
    }

    private void riskCell(int mask, RiskLevel r, long[][] no, long[][] unk, int w, long bit) {
      if (mask == -1) {
        return;
      }
      if (r != RiskLevel.UNKNOWN && (mask & (1 << r.ordinal())) != 0) {
        return;
      }
      if (r == RiskLevel.UNKNOWN || r == RiskLevel.HIDDEN) {
        unk[r.ordinal()][w] |= bit;
      } else {
        no[r.ordinal()][w] |= bit;
      }
    }

    private void or(long[] into, long @Nullable [] from) {
      if (from != null) {
        for (int w = 0; w < words; w++) {
          into[w] |= from[w];
        }
      }
    }

    /**
     * Fills the policies this condition rules out ({@code s.cNo}) or cannot decide ({@code
     * s.cUnk}); both arrive cleared.
     */
    void condition(Condition c, Event ev, Scratch s) {
      long[] no = s.cNo;
      long[] unk = s.cUnk;
      switch (c) {
        case USERS -> s.users(ev);
        case APPLICATIONS -> s.applications(ev);
        case CLIENT_APPS -> {
          System.arraycopy(clientNo[ev.clientApp], 0, no, 0, words);
          System.arraycopy(clientUnk[ev.clientApp], 0, unk, 0, words);
        }
        case PLATFORMS -> {
          if (ev.platformState == 1) {
            System.arraycopy(platformConfigured, 0, unk, 0, words);
          } else if (ev.platformState == 2 || ev.platform == 0) {
            System.arraycopy(platformNotAll, 0, no, 0, words);
          } else {
            System.arraycopy(platformNo[Long.numberOfTrailingZeros(ev.platform)], 0, no, 0, words);
          }
        }
        case LOCATIONS -> {
          for (int i : withLocations) {
            Verdict v = policies[i].locations(ev);
            if (v == Verdict.NO_MATCH) {
              no[i >>> 6] |= 1L << i;
            } else if (v == Verdict.UNKNOWN) {
              unk[i >>> 6] |= 1L << i;
            }
          }
        }
        case SIGN_IN_RISK -> {
          int r = ev.facts.signInRisk().ordinal();
          System.arraycopy(signInRiskNo[r], 0, no, 0, words);
          System.arraycopy(signInRiskUnk[r], 0, unk, 0, words);
        }
        case USER_RISK -> {
          int r = ev.facts.userRisk().ordinal();
          System.arraycopy(userRiskNo[r], 0, no, 0, words);
          System.arraycopy(userRiskUnk[r], 0, unk, 0, words);
        }
        case DEVICE_FILTER -> {
          for (int i : withFilter) {
            Verdict v = policies[i].deviceFilter(ev);
            if (v == Verdict.NO_MATCH) {
              no[i >>> 6] |= 1L << i;
            } else if (v == Verdict.UNKNOWN) {
              unk[i >>> 6] |= 1L << i;
            }
          }
        }
        case UNSUPPORTED -> System.arraycopy(conditionGap, 0, unk, 0, words);
        case STATE -> {}
      }
    }

    /** The users condition for one account, kind and guest flag, into {@code no}/{@code unk}. */
    void users(Event ev, Scratch s, long[] no, long[] unk) {
      if (ev.facts.principalKind() == PrincipalKind.SERVICE_PRINCIPAL) {
        for (int w = 0; w < words; w++) {
          no[w] = targetsUsers[w];
          unk[w] = ~targetsUsers[w];
        }
        return;
      }
      long[] inc = s.inc;
      long[] exc = s.exc;
      Arrays.fill(inc, 0);
      Arrays.fill(exc, 0);
      or(inc, includedAlways);
      if (ev.facts.guest()) {
        or(inc, includedIfGuest);
        or(exc, excludedIfGuest);
      }
      if (ev.user >= 0) {
        or(inc, incUser[ev.user]);
        or(exc, excUser[ev.user]);
      }
      for (int g : ev.account.groupCodes) {
        or(inc, incGroup[g]);
        or(exc, excGroup[g]);
      }
      for (int r : ev.account.roleCodes) {
        or(inc, incRole[r]);
        or(exc, excRole[r]);
      }
      for (int w = 0; w < words; w++) {
        no[w] = ~(targetsUsers[w] & inc[w] & ~exc[w]);
        unk[w] = 0;
      }
    }

    /** The applications condition into {@code s.cNo}/{@code s.cUnk} (cleared on entry). */
    void applications(Event ev, Scratch s) {
      long[] no = s.cNo;
      long[] unk = s.cUnk;
      long[] match = s.match;
      Arrays.fill(match, 0);
      if (ev.userAction != null) {
        or(match, userAction.get(ev.userAction));
      }
      for (String a : ev.acrs) {
        or(match, authContext.get(a));
      }
      if (ev.userAction == null) {
        int[] targets = ev.targets();
        if (targets.length == 0) {
          for (int w = 0; w < words; w++) {
            match[w] |= allAppsNoExclusion[w];
            unk[w] = appsMode[w] & ~allAppsNoExclusion[w] & ~incOnlyNone[w];
          }
        } else {
          long[] inc = s.inc;
          long[] exc = s.exc;
          for (int t : targets) {
            Arrays.fill(inc, 0);
            Arrays.fill(exc, 0);
            or(inc, incAllApps);
            if (t >= 0) {
              or(inc, incApp[t]);
              or(exc, excApp[t]);
              int suites = suiteMaskOfCode[t];
              for (int k = 0; suites != 0; k++, suites >>>= 1) {
                if ((suites & 1) != 0) {
                  or(inc, incSuite[k]);
                  or(exc, excSuite[k]);
                }
              }
            }
            for (int w = 0; w < words; w++) {
              match[w] |= appsMode[w] & inc[w] & ~exc[w];
            }
          }
        }
      }
      for (int w = 0; w < words; w++) {
        no[w] = ~match[w] & ~unk[w];
      }
    }
  }

  /** Number of compiled policies. */
  public int size() {
    return policies.length;
  }

  // ------------------------------------------------------------------ interning

  private int intern(String value) {
    String key = value.toLowerCase(Locale.ROOT);
    Integer c = codes.get(key);
    if (c != null) {
      return c;
    }
    int next = codes.size();
    codes.put(key, next);
    if (next >= suiteMaskOfCode.length) {
      suiteMaskOfCode = Arrays.copyOf(suiteMaskOfCode, Math.max(64, next * 2));
    }
    return next;
  }

  private int code(@Nullable String value) {
    if (value == null) {
      return -1;
    }
    Integer c = codes.get(value.toLowerCase(Locale.ROOT));
    return c == null ? -1 : c;
  }

  private int[] internAll(List<String> values) {
    return values.stream().mapToInt(this::intern).sorted().distinct().toArray();
  }

  private long platformMask(List<String> values) {
    long m = 0;
    for (String v : values) {
      String k = v.toLowerCase(Locale.ROOT);
      if (k.equals("all")) {
        continue;
      }
      Integer bit = platformBits.get(k);
      if (bit == null) {
        bit = platformBits.size();
        if (bit >= 63) {
          throw new IllegalArgumentException("more than 63 distinct platform names: " + k);
        }
        platformBits.put(k, bit);
      }
      m |= 1L << bit;
    }
    return m;
  }

  private static boolean has(int[] sorted, int code) {
    return code >= 0 && Arrays.binarySearch(sorted, code) >= 0;
  }

  private static boolean anyBit(int[] codes, long[] bits) {
    for (int c : codes) {
      int w = c >>> 6;
      if (w < bits.length && (bits[w] & (1L << c)) != 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsIgnoreCase(List<String> list, String value) {
    for (String s : list) {
      if (s.equalsIgnoreCase(value)) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ named locations

  private static final class Location {
    final LocationKind kind;
    final IpRange[] ranges;
    final Set<String> countries;
    final boolean includeUnknown;

    Location(NamedLocation l) {
      this.kind = l.kind();
      List<IpRange> rs = new ArrayList<>();
      for (String r : l.ranges()) {
        IpRange.parse(r).ifPresent(rs::add);
      }
      this.ranges = rs.toArray(new IpRange[0]);
      Set<String> cs = new HashSet<>();
      for (String c : l.countries()) {
        cs.add(c.toLowerCase(Locale.ROOT));
      }
      this.countries = Set.copyOf(cs);
      this.includeUnknown = l.includeUnknownCountries();
    }

    /** Whether an address is in this location (only IP locations can say). */
    Verdict ofIp(@Nullable IpAddress ip) {
      if (kind != LocationKind.IP) {
        return Verdict.UNKNOWN;
      }
      if (ip == null) {
        return Verdict.UNKNOWN;
      }
      for (IpRange r : ranges) {
        if (r.contains(ip)) {
          return Verdict.MATCH;
        }
      }
      return Verdict.NO_MATCH;
    }

    /** Whether a country is in this location (only country locations can say). */
    Verdict ofCountry(@Nullable String country) {
      if (kind != LocationKind.COUNTRY || country == null) {
        return Verdict.UNKNOWN;
      }
      if (country.isEmpty()) {
        return Verdict.of(includeUnknown);
      }
      return Verdict.of(countries.contains(country.toLowerCase(Locale.ROOT)));
    }
  }

  // ------------------------------------------------------------------ one sign-in, prepared

  /**
   * One sign-in prepared for the compiled policies. What depends on one value only (an account's
   * groups and roles, an address's or a country's named locations, a platform name) comes from the
   * {@link Scratch}'s caches, so a log whose accounts and addresses repeat resolves each once.
   */
  private final class Event {
    final SignInFacts facts;
    final Scratch scratch;
    final AccountPart account;
    final int user;
    final long[] groups;
    final long[] roles;
    final long platform; // bit of the platform, 0 when not referenced; see platformState
    final int platformState; // 0 known, 1 not in record, 2 undetected
    final int clientApp;
    final @Nullable String userAction;
    final Set<String> acrs;
    private int @Nullable [] targets;
    private Verdict @Nullable [] ipVerdicts;
    private Verdict @Nullable [] countryVerdicts;
    private byte trustedCache;
    private final byte[] controlCache;
    private final byte[] grantCache;

    Event(SignInFacts f, Scratch s) {
      this.facts = f;
      this.scratch = s;
      this.account = s.account(f);
      this.user = account.user;
      this.groups = account.groups;
      this.roles = account.roles;
      long p = s.platform(f.platform());
      if (p == PLATFORM_NOT_IN_RECORD) {
        platformState = 1;
        platform = 0;
      } else if (p == PLATFORM_UNDETECTED) {
        platformState = 2;
        platform = 0;
      } else {
        platformState = 0;
        platform = p;
      }
      this.clientApp = f.clientApp().ordinal();
      String ua = f.userAction();
      this.userAction = ua == null ? null : NaiveConditionalAccessEvaluator.normalizeUserAction(ua);
      if (f.authContexts().isEmpty()) {
        this.acrs = Set.of();
      } else {
        Set<String> a = new HashSet<>();
        for (String acr : f.authContexts()) {
          a.add(acr.toLowerCase(Locale.ROOT));
        }
        this.acrs = a;
      }
      this.controlCache = s.controlCache;
      this.grantCache = s.grantCache;
      Arrays.fill(controlCache, (byte) 0);
      Arrays.fill(grantCache, (byte) 0);
    }

    /** The app id and the further audiences as codes (-1 for an id no policy names). */
    int[] targets() {
      int[] t = targets;
      if (t == null) {
        int n = (facts.appId() != null ? 1 : 0) + facts.audiences().size();
        t = new int[n];
        int k = 0;
        String app = facts.appId();
        if (app != null) {
          t[k++] = code(app);
        }
        for (String a : facts.audiences()) {
          t[k++] = code(a);
        }
        targets = t;
      }
      return t;
    }

    Verdict location(int idx) {
      LocationKind kind = locations[idx].kind;
      if (kind == LocationKind.IP) {
        Verdict[] v = ipVerdicts;
        if (v == null) {
          v = scratch.ipVerdicts(facts.ip());
          ipVerdicts = v;
        }
        return v[idx];
      }
      if (kind == LocationKind.COUNTRY) {
        Verdict[] v = countryVerdicts;
        if (v == null) {
          v = scratch.countryVerdicts(facts.country());
          countryVerdicts = v;
        }
        return v[idx];
      }
      return Verdict.UNKNOWN;
    }

    Verdict trusted() {
      if (trustedCache == 0) {
        Verdict v = Verdict.NO_MATCH;
        for (int i : trustedLocations) {
          v = v.or(location(i));
        }
        trustedCache = (byte) (v.ordinal() + 1);
      }
      return VERDICTS[trustedCache - 1];
    }

    ControlState control(GrantControl c, String strengthId) {
      if (c == GrantControl.AUTHENTICATION_STRENGTH) {
        return c.stateFor(facts, strengthId);
      }
      int o = c.ordinal();
      byte cached = controlCache[o];
      if (cached == 0) {
        ControlState s = c.stateFor(facts, strengthId);
        controlCache[o] = (byte) (s.ordinal() + 1);
        return s;
      }
      return CONTROL_STATES[cached - 1];
    }

    /** The grant's state, computed once per distinct grant per sign-in. */
    ControlState grant(Compiled p) {
      byte cached = grantCache[p.grantShape];
      if (cached != 0) {
        return CONTROL_STATES[cached - 1];
      }
      ControlState s = computeGrant(p.grant);
      grantCache[p.grantShape] = (byte) (s.ordinal() + 1);
      return s;
    }

    private ControlState computeGrant(Grant g) {
      if (g.blocks()) {
        return ControlState.UNSATISFIABLE;
      }
      ControlState acc = null;
      for (GrantControl c : g.controls()) {
        ControlState s = control(c, g.strengthId());
        acc = acc == null ? s : g.requireAll() ? acc.and(s) : acc.or(s);
      }
      return requireNonNull(acc);
    }
  }

  private static final long PLATFORM_NOT_IN_RECORD = -1;
  private static final long PLATFORM_UNDETECTED = -2;

  /**
   * What an account brings to a sign-in: its id, group and role codes, and the users condition for
   * the last principal kind and guest flag it was asked with. Valid for facts with the same account
   * id, groups and roles.
   */
  private final class AccountPart {
    final Set<String> groupIds;
    final Set<String> roleIds;
    final int user;
    final int[] groupCodes;
    final int[] roleCodes;
    final long[] groups;
    final long[] roles;
    final long[] usersNo;
    final long[] usersUnk;
    int usersKey = -1;

    AccountPart(SignInFacts f, int words) {
      this.groupIds = f.groupIds();
      this.roleIds = f.roleTemplateIds();
      this.user = code(f.accountId());
      this.groupCodes = codesOf(groupIds);
      this.roleCodes = codesOf(roleIds);
      this.groups = bits(groupCodes);
      this.roles = bits(roleCodes);
      this.usersNo = new long[words];
      this.usersUnk = new long[words];
    }

    boolean fits(SignInFacts f) {
      return (groupIds == f.groupIds() || groupIds.equals(f.groupIds()))
          && (roleIds == f.roleTemplateIds() || roleIds.equals(f.roleTemplateIds()));
    }

    private int[] codesOf(Set<String> ids) {
      int[] out = new int[ids.size()];
      int k = 0;
      for (String id : ids) {
        int c = code(id);
        if (c >= 0) {
          out[k++] = c;
        }
      }
      return k == out.length ? out : Arrays.copyOf(out, k);
    }

    private long[] bits(int[] codes) {
      long[] b = new long[groupWords];
      for (int c : codes) {
        b[c >>> 6] |= 1L << c;
      }
      return b;
    }
  }

  /** Entries a {@link Scratch} cache holds before it starts over (bounds its memory). */
  private static final int CACHE_LIMIT = 1 << 16;

  /**
   * The evaluation buffers of one thread ({@link CodedEvaluation}): condition bitsets, the decisive
   * condition and the result code of every policy, and caches of what depends on one value only
   * (account, app, address, country, platform name).
   */
  private final class Scratch implements CodedEvaluation {
    final long[] no;
    final long[] unk;
    final long[] cNo;
    final long[] cUnk;
    final long[] inc;
    final long[] exc;
    final long[] match;
    final byte[] decisive;
    final int[] codes;
    final byte[] controlCache = new byte[CONTROLS];
    final byte[] grantCache = new byte[grantShapes.size()];
    Decision decision = Decision.ALLOW;
    private @Nullable Event last;
    private final Map<String, AccountPart> accounts = new HashMap<>();
    private final Map<String, long[]> apps = new HashMap<>();
    private long @Nullable [] noApp;
    private final Map<String, Verdict[]> ips = new HashMap<>();
    private final Map<String, Verdict[]> countries = new HashMap<>();
    private final Map<String, Long> platforms = new HashMap<>();
    private final Verdict[] allUnknown;

    Scratch() {
      int words = index.words;
      no = new long[words];
      unk = new long[words];
      cNo = new long[words];
      cUnk = new long[words];
      inc = new long[words];
      exc = new long[words];
      match = new long[words];
      decisive = new byte[policies.length];
      codes = new int[policies.length];
      allUnknown = new Verdict[locations.length];
      Arrays.fill(allUnknown, Verdict.UNKNOWN);
    }

    @Override
    public void evaluate(SignInFacts facts) {
      Event ev = new Event(facts, this);
      last = ev;
      Index x = index;
      int n = policies.length;
      int words = x.words;
      System.arraycopy(initialDecisive, 0, decisive, 0, n);
      Arrays.fill(no, 0);
      Arrays.fill(unk, 0);
      for (int c = Condition.USERS.ordinal(); c < CONDITIONS; c++) {
        Arrays.fill(cNo, 0);
        Arrays.fill(cUnk, 0);
        x.condition(CONDITION_VALUES[c], ev, this);
        for (int w = 0; w < words; w++) {
          long live = x.active[w] & ~no[w];
          long newNo = cNo[w] & live;
          long newUnk = cUnk[w] & live & ~newNo & ~unk[w];
          no[w] |= newNo;
          unk[w] |= newUnk;
          for (long b = newNo | newUnk; b != 0; b &= b - 1) {
            decisive[(w << 6) + Long.numberOfTrailingZeros(b)] = (byte) c;
          }
        }
      }
      for (int i = 0; i < n; i++) {
        codes[i] = noMatchBase[i] + decisive[i];
      }
      boolean block = false;
      boolean unknown = false;
      boolean prompt = false;
      for (int w = 0; w < words; w++) {
        for (long b = x.active[w] & ~no[w]; b != 0; b &= b - 1) {
          int bit = Long.numberOfTrailingZeros(b);
          int i = (w << 6) + bit;
          Compiled p = policies[i];
          Verdict applicability = (unk[w] & (1L << bit)) != 0 ? Verdict.UNKNOWN : Verdict.MATCH;
          ControlState grant = p.hasControls ? ev.grant(p) : ControlState.SATISFIED;
          if (p.grantGap) {
            grant = grant.and(ControlState.UNKNOWN);
          }
          PolicyResult result = Enforcement.result(p.state, applicability, grant, p.invalid);
          codes[i] = result.ordinal() * K + decisive[i];
          ControlState effect = Enforcement.effect(p.state, applicability, grant, p.invalid);
          block |= effect == ControlState.UNSATISFIABLE;
          unknown |= effect == ControlState.UNKNOWN;
          prompt |= effect == ControlState.NEEDS_USER_ACTION;
        }
      }
      decision = Enforcement.decide(block, unknown, prompt);
    }

    Event event() {
      return requireNonNull(last, "no sign-in evaluated yet");
    }

    @Override
    public Decision decision() {
      return decision;
    }

    @Override
    public int size() {
      return policies.length;
    }

    @Override
    public String policyId(int i) {
      return policies[i].id;
    }

    @Override
    public int code(int i) {
      return codes[i];
    }

    @Override
    public int codeCount() {
      return RESULTS.length * K;
    }

    @Override
    public PolicyResult result(int i) {
      return RESULTS[codes[i] / K];
    }

    @Override
    public PolicyOutcome outcome(int i) {
      int code = codes[i];
      return policies[i].outcomes[code / K][code % K];
    }

    AccountPart account(SignInFacts f) {
      AccountPart a = accounts.get(f.accountId());
      if (a == null || !a.fits(f)) {
        a = new AccountPart(f, index.words);
        remember(accounts, f.accountId(), a);
      }
      return a;
    }

    /** The users condition into {@code cNo}/{@code cUnk}, once per account, kind and guest flag. */
    void users(Event ev) {
      AccountPart a = ev.account;
      int key = ev.facts.principalKind().ordinal() * 2 + (ev.facts.guest() ? 1 : 0);
      if (a.usersKey != key) {
        index.users(ev, this, a.usersNo, a.usersUnk);
        a.usersKey = key;
      }
      System.arraycopy(a.usersNo, 0, cNo, 0, cNo.length);
      System.arraycopy(a.usersUnk, 0, cUnk, 0, cUnk.length);
    }

    /**
     * The applications condition into {@code cNo}/{@code cUnk}; a plain resource request (one app
     * id, no audiences, user action or authentication context) is computed once per app id.
     */
    void applications(Event ev) {
      SignInFacts f = ev.facts;
      if (f.userAction() != null || !f.authContexts().isEmpty() || !f.audiences().isEmpty()) {
        index.applications(ev, this);
        return;
      }
      String app = f.appId();
      long[] m = app == null ? noApp : apps.get(app);
      int words = cNo.length;
      if (m == null) {
        index.applications(ev, this);
        m = new long[2 * words];
        System.arraycopy(cNo, 0, m, 0, words);
        System.arraycopy(cUnk, 0, m, words, words);
        if (app == null) {
          noApp = m;
        } else {
          remember(apps, app, m);
        }
      } else {
        System.arraycopy(m, 0, cNo, 0, words);
        System.arraycopy(m, words, cUnk, 0, words);
      }
    }

    /** The platform's bit, or {@link #PLATFORM_NOT_IN_RECORD} / {@link #PLATFORM_UNDETECTED}. */
    long platform(@Nullable String p) {
      if (p == null) {
        return PLATFORM_NOT_IN_RECORD;
      }
      Long cached = platforms.get(p);
      if (cached != null) {
        return cached;
      }
      long v;
      if (p.equalsIgnoreCase("unknown")) {
        v = PLATFORM_UNDETECTED;
      } else {
        Integer bit = platformBits.get(p.toLowerCase(Locale.ROOT));
        v = bit == null ? 0 : 1L << bit;
      }
      remember(platforms, p, v);
      return v;
    }

    /** Every IP location's verdict for an address (other kinds' entries unused). */
    Verdict[] ipVerdicts(@Nullable String ip) {
      if (ip == null) {
        return allUnknown;
      }
      Verdict[] v = ips.get(ip);
      if (v == null) {
        IpAddress parsed = IpAddress.parse(ip).orElse(null);
        v = new Verdict[locations.length];
        for (int i = 0; i < v.length; i++) {
          v[i] = locations[i].ofIp(parsed);
        }
        remember(ips, ip, v);
      }
      return v;
    }

    /** Every country location's verdict for a country (other kinds' entries unused). */
    Verdict[] countryVerdicts(@Nullable String country) {
      if (country == null) {
        return allUnknown;
      }
      Verdict[] v = countries.get(country);
      if (v == null) {
        v = new Verdict[locations.length];
        for (int i = 0; i < v.length; i++) {
          v[i] = locations[i].ofCountry(country);
        }
        remember(countries, country, v);
      }
      return v;
    }
  }

  private static <V> void remember(Map<String, V> cache, String key, V value) {
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(key, value);
  }

  private static final Verdict[] VERDICTS = Verdict.values();
  private static final ControlState[] CONTROL_STATES = ControlState.values();

  // ------------------------------------------------------------------ one policy, compiled

  private enum AppMode {
    USER_ACTIONS,
    AUTH_CONTEXT,
    APPS
  }

  private final class Compiled {
    final String id;
    final PolicyState state;
    final boolean invalid;
    final List<EvaluationProblem> disabledProblems;
    final List<EvaluationProblem> activeProblems;
    final PolicyOutcome[][] outcomes;

    // users
    final boolean targetsUsers;
    final int[] excUsers;
    final boolean excGuestsKeyword;
    final int[] excGroups;
    final int[] excRoles;
    final boolean excGuestType;
    final boolean includeNoneOnly;
    final boolean incAllUsers;
    final int[] incUsers;
    final boolean incGuestsKeyword;
    final boolean incAllGroups;
    final int[] incGroups;
    final int[] incRoles;
    final boolean incGuestType;
    // applications
    final AppMode appMode;
    final Set<String> userActions;
    final Set<String> acrs;
    final boolean incAllApps;
    final boolean incOnlyNone;
    final boolean excAppsEmpty;
    final int[] incApps;
    final int incSuites;
    final int[] excApps;
    final int excSuites;
    // client apps
    final boolean clientAppsConfigured;
    final int clientAppMask;
    final boolean clientAppUnknownValue;
    // platforms
    final boolean platformsConfigured;
    final boolean platformAll;
    final long platformInc;
    final long platformExc;
    // locations
    final boolean locationsConfigured;
    final LocationRefs incLoc;
    final LocationRefs excLoc;
    // risk
    final int signInRisk; // -1 not configured, else mask over RiskLevel ordinals
    final int userRisk;
    // device filter
    final boolean filterConfigured;
    final @Nullable DeviceFilterRule filter;
    final boolean filterExclude;
    // gaps
    final boolean conditionGap;
    final boolean grantGap;
    final Grant grant;
    final boolean hasControls;
    final int grantShape;

    Compiled(ConditionalAccessPolicy p, Map<String, Integer> locationIndex) {
      this.id = p.id().value();
      this.state = p.state();
      List<EvaluationProblem> invalidities = PolicyValidator.invalidities(p);
      this.invalid = !invalidities.isEmpty();
      List<EvaluationProblem> base = new ArrayList<>(invalidities);
      base.addAll(PolicyValidator.gaps(p));
      this.disabledProblems = List.copyOf(base);

      ConditionalAccessPolicy.Users u = p.users();
      targetsUsers =
          !u.includeUsers().isEmpty()
              || !u.includeGroups().isEmpty()
              || !u.includeRoles().isEmpty()
              || u.includeGuestsOrExternalUserTypes() != null;
      excUsers = internAll(u.excludeUsers());
      excGuestsKeyword = containsIgnoreCase(u.excludeUsers(), "GuestsOrExternalUsers");
      excGroups = internAll(u.excludeGroups());
      excRoles = internAll(u.excludeRoles());
      excGuestType =
          NaiveConditionalAccessEvaluator.guestTypeMatches(
              u.excludeGuestsOrExternalUserTypes(), true);
      includeNoneOnly =
          containsIgnoreCase(u.includeUsers(), "None")
              && u.includeUsers().size() == 1
              && u.includeGroups().isEmpty()
              && u.includeRoles().isEmpty()
              && u.includeGuestsOrExternalUserTypes() == null;
      incAllUsers = containsIgnoreCase(u.includeUsers(), "All");
      incUsers = internAll(u.includeUsers());
      incGuestsKeyword = containsIgnoreCase(u.includeUsers(), "GuestsOrExternalUsers");
      incAllGroups = containsIgnoreCase(u.includeGroups(), "All");
      incGroups = internAll(u.includeGroups());
      incRoles = internAll(u.includeRoles());
      incGuestType =
          NaiveConditionalAccessEvaluator.guestTypeMatches(
              u.includeGuestsOrExternalUserTypes(), true);

      ConditionalAccessPolicy.Applications a = p.applications();
      if (!a.includeUserActions().isEmpty()) {
        appMode = AppMode.USER_ACTIONS;
      } else if (!a.includeAuthenticationContextClassReferences().isEmpty()) {
        appMode = AppMode.AUTH_CONTEXT;
      } else {
        appMode = AppMode.APPS;
      }
      Set<String> uas = new HashSet<>();
      for (String x : a.includeUserActions()) {
        uas.add(NaiveConditionalAccessEvaluator.normalizeUserAction(x));
      }
      userActions = Set.copyOf(uas);
      Set<String> cs = new HashSet<>();
      for (String x : a.includeAuthenticationContextClassReferences()) {
        cs.add(x.toLowerCase(Locale.ROOT));
      }
      acrs = Set.copyOf(cs);
      incAllApps = containsIgnoreCase(a.includeApplications(), "All");
      incOnlyNone = a.includeApplications().stream().allMatch(x -> x.equalsIgnoreCase("None"));
      excAppsEmpty = a.excludeApplications().isEmpty();
      incApps = internAll(a.includeApplications());
      excApps = internAll(a.excludeApplications());
      incSuites = suites(a.includeApplications());
      excSuites = suites(a.excludeApplications());

      List<String> types = p.clientAppTypes();
      clientAppsConfigured = !(types.isEmpty() || types.contains("all"));
      int mask = 0;
      boolean unknownType = false;
      for (String t : types) {
        ClientAppType c = ClientAppType.fromPolicyValue(t);
        if (c == ClientAppType.UNKNOWN) {
          unknownType = true;
        } else {
          mask |= 1 << c.ordinal();
        }
      }
      clientAppMask = mask;
      clientAppUnknownValue = unknownType;

      platformsConfigured = !p.platforms().includePlatforms().isEmpty();
      platformAll = containsIgnoreCase(p.platforms().includePlatforms(), "all");
      platformInc = platformMask(p.platforms().includePlatforms());
      platformExc = platformMask(p.platforms().excludePlatforms());

      List<EvaluationProblem> active = new ArrayList<>(base);
      locationsConfigured = !p.locations().includeLocations().isEmpty();
      incLoc = new LocationRefs(id, p.locations().includeLocations(), locationIndex, active);
      excLoc = new LocationRefs(id, p.locations().excludeLocations(), locationIndex, active);
      if (!locationsConfigured) {
        active.removeIf(x -> x.code() == ProblemCode.UNKNOWN_REFERENCE);
      }

      signInRisk = riskMask(p.signInRiskLevels());
      userRisk = riskMask(p.userRiskLevels());

      ConditionalAccessPolicy.DeviceFilter df = p.deviceFilter();
      filterConfigured = df != null;
      DeviceFilterRule rule = null;
      boolean exclude = false;
      if (df != null) {
        exclude = df.mode().equalsIgnoreCase("exclude");
        DeviceFilterRule.Parse parse = DeviceFilterRule.parse(df.rule());
        if (parse instanceof DeviceFilterRule.Parsed ok) {
          rule = ok.rule();
        } else if (parse instanceof DeviceFilterRule.Unparsable bad) {
          active.add(
              new EvaluationProblem(
                  ProblemCode.DEVICE_FILTER_NOT_EVALUABLE, id, bad.reason() + " in " + df.rule()));
        }
      }
      filter = rule;
      filterExclude = exclude;
      activeProblems = List.copyOf(active);

      conditionGap = p.unknownValues().stream().anyMatch(v -> !PolicyValidator.isGrantValue(v));
      grantGap = p.unknownValues().stream().anyMatch(PolicyValidator::isGrantValue);
      grant = Grant.of(p.grantControls());
      hasControls = !grant.controls().isEmpty();
      grantShape = grantShapes.computeIfAbsent(grant, g -> grantShapes.size());
      outcomes = precomputeOutcomes();
    }

    private int suites(List<String> values) {
      int m = 0;
      for (String v : values) {
        AppSuite s = AppSuite.ofKeyword(v);
        if (s != null) {
          m |= 1 << s.ordinal();
        }
      }
      return m;
    }

    private int riskMask(List<String> levels) {
      if (levels.isEmpty()) {
        return -1;
      }
      int m = 0;
      for (RiskLevel r : RiskLevel.values()) {
        if (r != RiskLevel.UNKNOWN && containsIgnoreCase(levels, r.name())) {
          m |= 1 << r.ordinal();
        }
      }
      return m;
    }

    private PolicyOutcome[][] precomputeOutcomes() {
      PolicyOutcome[][] o = new PolicyOutcome[RESULTS.length][CONDITIONS + 1];
      List<String> required = grant.requiredControls();
      for (PolicyResult r : RESULTS) {
        for (int c = 0; c <= CONDITIONS; c++) {
          String reason;
          if (c == CONDITIONS) {
            reason =
                r == PolicyResult.UNKNOWN ? "grant controls not evaluable" : "all conditions match";
          } else {
            String verdict = r == PolicyResult.UNKNOWN ? "not evaluable" : "not met";
            reason = CONDITION_VALUES[c].label() + " " + verdict;
          }
          // what the policy demands whenever all its conditions hold, whatever its state says
          o[r.ordinal()][c] =
              new PolicyOutcome(
                  id, null, r, c == CONDITIONS ? required : List.of(), List.of(reason));
        }
      }
      return o;
    }

    Verdict condition(int c, Event ev) {
      return switch (CONDITION_VALUES[c]) {
        case STATE -> Verdict.MATCH;
        case USERS -> users(ev);
        case APPLICATIONS -> applications(ev);
        case CLIENT_APPS -> clientApps(ev);
        case PLATFORMS -> platforms(ev);
        case LOCATIONS -> locations(ev);
        case SIGN_IN_RISK -> risk(signInRisk, ev.facts.signInRisk());
        case USER_RISK -> risk(userRisk, ev.facts.userRisk());
        case DEVICE_FILTER -> deviceFilter(ev);
        case UNSUPPORTED -> conditionGap ? Verdict.UNKNOWN : Verdict.MATCH;
      };
    }

    private Verdict users(Event ev) {
      if (ev.facts.principalKind() == PrincipalKind.SERVICE_PRINCIPAL) {
        return targetsUsers ? Verdict.NO_MATCH : Verdict.UNKNOWN;
      }
      if (!targetsUsers) {
        return Verdict.NO_MATCH;
      }
      boolean guest = ev.facts.guest();
      if (has(excUsers, ev.user)
          || (guest && (excGuestsKeyword || excGuestType))
          || anyBit(excGroups, ev.groups)
          || anyBit(excRoles, ev.roles)) {
        return Verdict.NO_MATCH;
      }
      if (includeNoneOnly) {
        return Verdict.NO_MATCH;
      }
      boolean in =
          incAllUsers
              || has(incUsers, ev.user)
              || (guest && (incGuestsKeyword || incGuestType))
              || incAllGroups
              || anyBit(incGroups, ev.groups)
              || anyBit(incRoles, ev.roles);
      return Verdict.of(in);
    }

    private Verdict applications(Event ev) {
      switch (appMode) {
        case USER_ACTIONS:
          return Verdict.of(ev.userAction != null && userActions.contains(ev.userAction));
        case AUTH_CONTEXT:
          for (String a : ev.acrs) {
            if (acrs.contains(a)) {
              return Verdict.MATCH;
            }
          }
          return Verdict.NO_MATCH;
        case APPS:
        default:
          break;
      }
      if (ev.userAction != null) {
        return Verdict.NO_MATCH;
      }
      if (ev.targets().length == 0) {
        if (incAllApps && excAppsEmpty) {
          return Verdict.MATCH;
        }
        return incOnlyNone ? Verdict.NO_MATCH : Verdict.UNKNOWN;
      }
      for (int t : ev.targets()) {
        int suitesOfT = t >= 0 ? suiteMaskOfCode[t] : 0;
        boolean inc = incAllApps || has(incApps, t) || (suitesOfT & incSuites) != 0;
        boolean exc = has(excApps, t) || (suitesOfT & excSuites) != 0;
        if (inc && !exc) {
          return Verdict.MATCH;
        }
      }
      return Verdict.NO_MATCH;
    }

    private Verdict clientApps(Event ev) {
      if (!clientAppsConfigured) {
        return Verdict.MATCH;
      }
      if (ev.clientApp != ClientAppType.UNKNOWN.ordinal()
          && (clientAppMask & (1 << ev.clientApp)) != 0) {
        return Verdict.MATCH;
      }
      if (ev.clientApp == ClientAppType.UNKNOWN.ordinal() || clientAppUnknownValue) {
        return Verdict.UNKNOWN;
      }
      return Verdict.NO_MATCH;
    }

    private Verdict platforms(Event ev) {
      if (!platformsConfigured) {
        return Verdict.MATCH;
      }
      if (ev.platformState == 1) {
        return Verdict.UNKNOWN;
      }
      if (ev.platformState == 2) {
        return Verdict.of(platformAll);
      }
      if ((platformExc & ev.platform) != 0) {
        return Verdict.NO_MATCH;
      }
      return Verdict.of(platformAll || (platformInc & ev.platform) != 0);
    }

    private Verdict locations(Event ev) {
      if (!locationsConfigured) {
        return Verdict.MATCH;
      }
      return incLoc.in(ev).and(excLoc.in(ev).not());
    }

    private Verdict risk(int mask, RiskLevel level) {
      if (mask == -1) {
        return Verdict.MATCH;
      }
      if (level != RiskLevel.UNKNOWN && (mask & (1 << level.ordinal())) != 0) {
        return Verdict.MATCH;
      }
      if (level == RiskLevel.UNKNOWN || level == RiskLevel.HIDDEN) {
        return Verdict.UNKNOWN;
      }
      return Verdict.NO_MATCH;
    }

    private Verdict deviceFilter(Event ev) {
      if (!filterConfigured) {
        return Verdict.MATCH;
      }
      DeviceFilterRule r = filter;
      if (r == null) {
        return Verdict.UNKNOWN;
      }
      Verdict v = r.evaluate(ev.facts);
      return filterExclude ? v.not() : v;
    }

    String unknownDetail(Event ev, Verdict applicability) {
      List<String> parts = new ArrayList<>();
      for (int c = Condition.USERS.ordinal(); c < CONDITIONS; c++) {
        if (condition(c, ev) == Verdict.UNKNOWN) {
          parts.add(CONDITION_VALUES[c].label());
        }
      }
      if (applicability == Verdict.MATCH) {
        parts.add("grant controls");
      }
      return "not evaluable from the sign-in record: " + String.join("; ", parts);
    }
  }

  /** A list of location references (ids, All, AllTrusted), resolved to indexes once. */
  private final class LocationRefs {
    final boolean all;
    final boolean allTrusted;
    final int[] indexes;
    final boolean mfaTrustedIpsMissing;
    final boolean missing;

    LocationRefs(
        String policyId,
        List<String> refs,
        Map<String, Integer> index,
        List<EvaluationProblem> problems) {
      boolean a = false;
      boolean t = false;
      boolean mfa = false;
      boolean miss = false;
      List<Integer> idx = new ArrayList<>();
      for (String ref : refs) {
        if (ref.equalsIgnoreCase("All")) {
          a = true;
        } else if (ref.equalsIgnoreCase("AllTrusted")) {
          t = true;
        } else {
          Integer i = index.get(ref.toLowerCase(Locale.ROOT));
          if (i != null) {
            idx.add(i);
          } else if (ref.equals(NaiveConditionalAccessEvaluator.MFA_TRUSTED_IPS_ID)) {
            mfa = true;
          } else {
            miss = true;
            EvaluationProblem pr =
                new EvaluationProblem(
                    ProblemCode.UNKNOWN_REFERENCE,
                    policyId,
                    "named location " + ref + " not in snapshot");
            if (!problems.contains(pr)) {
              problems.add(pr);
            }
          }
        }
      }
      this.all = a;
      this.allTrusted = t;
      this.indexes = idx.stream().mapToInt(Integer::intValue).toArray();
      this.mfaTrustedIpsMissing = mfa;
      this.missing = miss;
    }

    Verdict in(Event ev) {
      if (all) {
        return Verdict.MATCH;
      }
      Verdict v = Verdict.NO_MATCH;
      if (allTrusted) {
        v = v.or(ev.trusted());
      }
      for (int i : indexes) {
        v = v.or(ev.location(i));
      }
      if (mfaTrustedIpsMissing) {
        v = v.or(ev.facts.ip() == null ? Verdict.UNKNOWN : Verdict.NO_MATCH);
      }
      if (missing) {
        v = v.or(Verdict.UNKNOWN);
      }
      return v;
    }
  }
}
