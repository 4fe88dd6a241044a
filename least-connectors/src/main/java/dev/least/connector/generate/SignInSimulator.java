package dev.least.connector.generate;

import dev.least.model.ClientAppType;
import dev.least.model.PolicyResult;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.RoleAssignment;
import dev.least.model.Source;
import dev.least.model.TriState;
import dev.least.policy.Decision;
import dev.least.policy.Evaluation;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.PolicyState;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaPolicyType;
import dev.least.policy.okta.OktaRule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Plays the planned organisation through the log window, day by day and person by person, and
 * writes every sign-in. Each attempt is put to the platform's policy engine; what the log records
 * per policy, and whether the person is prompted, blocked or let in, follows from its {@link
 * Evaluation}. Planted scenarios (spray, push fatigue, travel, legacy clients, over-prompting) are
 * played on fixed days. Memory is bounded by the directory: events are written as they happen.
 */
final class SignInSimulator {
  private static final long HOUR = 3_600_000L;
  private static final String[] BAD_ENTRA = {
    "{\"id\":\"%s\",\"createdDateTime\":\"2026-13-45T99:00:00Z\",\"userId\":\"%s\"}",
    "{\"createdDateTime\":\"2026-11-01T10:00:00Z\",\"userPrincipalName\":\"nobody@x\"}",
    "{\"id\":\"%s\",\"createdDateTime\":\"2026-11-01T10:00:00Z\",\"userId\":\"%s\",\"status\":",
    "[\"not\",\"an\",\"object\"]"
  };
  private static final String[] BAD_OKTA = {
    "{\"uuid\":\"%s\",\"published\":\"yesterday\",\"eventType\":\"user.session.start\","
        + "\"actor\":{\"id\":\"%s\",\"type\":\"User\"}}",
    "{\"published\":\"2026-11-01T10:00:00.000Z\",\"eventType\":\"user.session.start\"}",
    "{\"uuid\":\"%s\",\"published\":\"2026-11-01T10:00:00.000Z\",\"eventType\":\"user.sess",
    "42"
  };

  private static final int TARGET_SLOTS = 256;

  /**
   * Per ISO day of the week (1 = Monday): the chance in percent that an office worker works at the
   * office (a table rather than a test for Friday, so that the first Friday does not make the
   * compiled simulation deoptimise).
   */
  private static final int[] OFFICE_CHANCE = {0, 85, 85, 85, 85, 50, 85, 85};

  /** Per {@link PolicyResult}: the reason a policy evaluation record gives. */
  private static final String[] EVALUATION_REASONS = new String[PolicyResult.values().length];

  static {
    for (PolicyResult r : PolicyResult.values()) {
      EVALUATION_REASONS[r.ordinal()] = "Sign-on policy evaluation resulted in " + oktaResult(r);
    }
  }

  private final Plan plan;
  private final Ledger ledger;
  private final SignInEvaluator entra;
  private final SignInEvaluator okta;
  private final SplittableRandom rnd;
  private final @Nullable EntraSignInWriter entraOut;
  private final @Nullable OktaLogWriter oktaOut;
  private final List<PlannedUser> users;
  private final List<Set<String>> entraGroups = new ArrayList<>();
  private final List<Set<String>> entraRoles = new ArrayList<>();
  private final List<Set<String>> oktaGroups = new ArrayList<>();
  private final int[][] entraApps;
  private final int[][] oktaApps;
  private final long[] entraCovered;
  private final long[] oktaCovered;
  private final List<PlannedApp> entraAppList;
  private final List<PlannedApp> oktaAppList;
  private final Map<String, OktaPolicy> oktaPolicyById = new HashMap<>();
  private final Map<String, String> oktaRuleName = new HashMap<>();
  private final Map<String, ZoneRules> zones = new HashMap<>();
  private final List<ConditionalAccessPolicy> frequencyPolicies = new ArrayList<>();
  private final BackgroundAudit audit;
  private final long windowStart;
  private final long windowEnd;
  private final long sprayDay;
  private final long fatigueDay;
  private final long travelDay;
  private final long[] badPerDay;
  private final Map<Integer, Integer> fatigueRank = new HashMap<>();
  private final @Nullable List<OktaLogWriter.Target>[] appTargets;
  private final @Nullable List<OktaLogWriter.Target>[] targetLists = newTargetLists(TARGET_SLOTS);
  private final @Nullable String[] targetPolicies = new String[TARGET_SLOTS];
  private final @Nullable String[] targetRules = new String[TARGET_SLOTS];
  private final @Nullable PlannedApp[] targetApps = new PlannedApp[TARGET_SLOTS];

  SignInSimulator(
      Plan plan,
      Ledger ledger,
      SignInEvaluator entra,
      SignInEvaluator okta,
      SplittableRandom rnd,
      @Nullable EntraSignInWriter entraOut,
      @Nullable OktaLogWriter oktaOut,
      BackgroundAudit audit) {
    this.plan = plan;
    this.ledger = ledger;
    this.entra = entra;
    this.okta = okta;
    this.rnd = rnd;
    this.entraOut = entraOut;
    this.oktaOut = oktaOut;
    this.audit = audit;
    this.users = plan.users();
    this.windowStart = plan.firstDay() * 86_400_000L;
    this.windowEnd = plan.capturedAt().toEpochMilli();
    int days = (int) (plan.lastDay() - plan.firstDay() + 1);
    this.sprayDay = plan.firstDay() + days * 2L / 3;
    this.fatigueDay = plan.firstDay() + days / 3;
    this.travelDay = weekday(plan.firstDay() + Math.max(0, days / 2 - 1));
    this.badPerDay = new long[days];
    for (int i = 0; i < plan.options().badRecords(); i++) {
      badPerDay[(int) ((i * 7L + 3) % days)]++;
    }
    entraAppList = plan.apps(Source.ENTRA);
    oktaAppList = plan.apps(Source.OKTA);
    appTargets = newTargetLists(oktaAppList.size());
    int n = users.size();
    Map<String, Integer> appOfGroup = new HashMap<>();
    List<List<Integer>> ea = new ArrayList<>();
    List<List<Integer>> oa = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      entraGroups.add(new HashSet<>());
      entraRoles.add(new HashSet<>());
      oktaGroups.add(new HashSet<>());
      ea.add(new ArrayList<>());
      oa.add(new ArrayList<>());
    }
    Map<String, PlannedGroup> groupById = new HashMap<>();
    for (PlannedGroup g : plan.groups()) {
      groupById.put(g.id(), g);
      for (int m : g.members()) {
        (g.platform() == Source.ENTRA ? entraGroups : oktaGroups).get(m).add(g.id());
      }
    }
    Map<String, Integer> userByEntraId = new HashMap<>();
    for (PlannedUser u : users) {
      if (u.entraId() != null) {
        userByEntraId.put(u.entraId(), u.index());
      }
    }
    for (RoleAssignment ra : plan.roleAssignments()) {
      Integer direct = userByEntraId.get(ra.principalId());
      if (direct != null) {
        entraRoles.get(direct).add(ra.role().value());
      } else if (groupById.containsKey(ra.principalId())) {
        for (int m : groupById.get(ra.principalId()).members()) {
          entraRoles.get(m).add(ra.role().value());
        }
      }
    }
    appOfGroup.clear();
    fillApps(entraAppList, ea, groupById, Source.ENTRA);
    fillApps(oktaAppList, oa, groupById, Source.OKTA);
    entraApps = new int[n][];
    oktaApps = new int[n][];
    for (int i = 0; i < n; i++) {
      entraGroups.set(i, Set.copyOf(entraGroups.get(i)));
      entraRoles.set(i, Set.copyOf(entraRoles.get(i)));
      oktaGroups.set(i, Set.copyOf(oktaGroups.get(i)));
      entraApps[i] = ea.get(i).stream().mapToInt(Integer::intValue).toArray();
      oktaApps[i] = oa.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    for (PlannedUser u : users) {
      if (u.has(Role.MFA_FATIGUE)) {
        fatigueRank.put(u.index(), fatigueRank.size());
      }
    }
    entraCovered = new long[n];
    oktaCovered = new long[n];
    for (OktaPolicy p : plan.oktaPolicies()) {
      oktaPolicyById.put(p.id().value(), p);
      for (OktaRule r : p.rules()) {
        oktaRuleName.put(r.id(), r.name());
      }
    }
    for (ConditionalAccessPolicy p : plan.caPolicies()) {
      if (p.state() == PolicyState.ENABLED
          && p.sessionControls() != null
          && p.sessionControls().signInFrequencyValue() != null) {
        frequencyPolicies.add(p);
      }
    }
  }

  private void fillApps(
      List<PlannedApp> apps,
      List<List<Integer>> out,
      Map<String, PlannedGroup> groupById,
      Source platform) {
    for (int a = 0; a < apps.size(); a++) {
      PlannedApp app = apps.get(a);
      if (app.everyone() && platform == Source.ENTRA) {
        for (PlannedUser u : users) {
          if (u.entraId() != null && u.kind() == UserKind.EMPLOYEE) {
            out.get(u.index()).add(a);
          }
        }
        continue;
      }
      boolean[] seen = new boolean[users.size()];
      for (String gid : app.groups()) {
        PlannedGroup g = groupById.get(gid);
        if (g == null) {
          continue;
        }
        for (int m : g.members()) {
          if (!seen[m]) {
            seen[m] = true;
            out.get(m).add(a);
          }
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static @Nullable List<OktaLogWriter.Target>[] newTargetLists(int n) {
    return (@Nullable List<OktaLogWriter.Target>[]) new List<?>[n];
  }

  private static long weekday(long epochDay) {
    long d = epochDay;
    while (LocalDate.ofEpochDay(d).getDayOfWeek().getValue() >= 6) {
      d++;
    }
    return d;
  }

  void run() {
    for (long day = plan.firstDay(); day <= plan.lastDay(); day++) {
      for (PlannedUser u : users) {
        simulate(u, day);
      }
      if (day == sprayDay) {
        spray(day);
      }
      long bad = badPerDay[(int) (day - plan.firstDay())];
      for (long k = 0; k < bad; k++) {
        badRecord();
      }
    }
  }

  // ------------------------------------------------------------ days

  private ZoneRules zone(String tz) {
    return zones.computeIfAbsent(tz, z -> ZoneId.of(z).getRules());
  }

  /** UTC millis of local seconds-of-day on the given day in the zone. */
  private long at(long day, int localSeconds, String tz) {
    long approx = day * 86_400_000L + localSeconds * 1000L;
    int offset = zone(tz).getOffset(Instant.ofEpochMilli(approx)).getTotalSeconds();
    return approx - offset * 1000L;
  }

  private boolean inWindow(long t) {
    return t >= windowStart && t < windowEnd;
  }

  private void simulate(PlannedUser u, long day) {
    switch (u.activity()) {
      case BREAK_GLASS -> {}
      case SERVICE -> serviceDay(u, day);
      case GUEST -> guestDay(u, day);
      default -> {
        if (u.activeOn(day)) {
          employeeDay(u, day);
        }
      }
    }
    if (u.has(Role.MFA_FATIGUE) && day == fatigueDay) {
      Source s = OrganisationPlanner.fatiguePlatform(plan.options(), fatigueRank.get(u.index()));
      if (s == Source.ENTRA && u.entraId() != null) {
        entraFatigue(u, day);
      } else if (s == Source.OKTA && u.oktaId() != null) {
        oktaFatigue(u, day);
      }
    }
  }

  private boolean allCovered(PlannedUser u) {
    int i = u.index();
    long wantE = 0;
    for (int a : entraApps[i]) {
      if (!skips(u, entraAppList.get(a))) {
        wantE |= 1L << a;
      }
    }
    long wantO = 0;
    for (int a : oktaApps[i]) {
      if (!skips(u, oktaAppList.get(a))) {
        wantO |= 1L << a;
      }
    }
    return (entraCovered[i] & wantE) == wantE && (oktaCovered[i] & wantO) == wantO;
  }

  private boolean skips(PlannedUser u, PlannedApp a) {
    return (u.has(Role.UNUSED_GRANT) && a.name().equals("Contoso ERP"))
        || (u.has(Role.UNUSED_GRANT_OKTA) && a.name().equals("Salesforce"));
  }

  private void employeeDay(PlannedUser u, long day) {
    DayOfWeek dow = LocalDate.ofEpochDay(day).getDayOfWeek();
    boolean weekend = dow.getValue() >= 6;
    boolean covered = allCovered(u);
    boolean retail = u.department() != null && u.department().name().equals("Retail");
    if (weekend && !(covered && !retail && rnd.nextInt(100) < 6)) {
      if (!(weekend && !covered && dow == DayOfWeek.SUNDAY && day - plan.firstDay() < 2)) {
        return;
      }
    }
    boolean travelling =
        day == travelDay
            && (u.has(Role.IMPOSSIBLE_TRAVEL)
                || u.has(Role.PLAUSIBLE_TRAVEL)
                || u.has(Role.NEARBY_HOP));
    if (!weekend && covered && !travelling && rnd.nextInt(100) < 5) {
      return;
    }
    Office office = u.office();
    Where where;
    String tz = office.timeZone();
    boolean inOffice;
    if (u.has(Role.PLAUSIBLE_TRAVEL) && (day == travelDay + 1 || day == travelDay + 2)) {
      Office london = Office.ALL.get(0);
      where =
          new Where(
              "198.51.100.20",
              "London",
              "England",
              "GB",
              "United Kingdom",
              london.lat(),
              london.lon(),
              false);
      tz = london.timeZone();
      inOffice = false;
    } else if (weekend) {
      where = Where.home(office, u.homeIp());
      inOffice = false;
    } else if (retail || u.has(Role.IMPOSSIBLE_TRAVEL) && day == travelDay) {
      inOffice = true;
      where = Where.office(office, 20 + rnd.nextInt(200));
    } else {
      int officeChance = u.remote() ? 5 : OFFICE_CHANCE[dow.getValue()];
      inOffice = rnd.nextInt(100) < officeChance;
      where =
          inOffice ? Where.office(office, 20 + rnd.nextInt(200)) : Where.home(office, u.homeIp());
    }
    int start = 8 * 3600 + rnd.nextInt(90 * 60);
    int end = start + (weekend ? 1800 : 8 * 3600 + rnd.nextInt(3600));
    Session s = new Session(rnd.nextLong());
    long t0 = at(day, start, tz);
    // the morning sign-in, then the day's visits in time order
    int i = u.index();
    if (u.entraId() != null && entraOut != null) {
      List<long[]> visits = new ArrayList<>();
      visits.add(new long[] {t0, 0, 0});
      boolean travelDayForMe = u.has(Role.IMPOSSIBLE_TRAVEL) && day == travelDay;
      if (!weekend && !travelDayForMe) {
        for (int a : entraApps[i]) {
          PlannedApp app = entraAppList.get(a);
          if (skips(u, app)) {
            continue;
          }
          double rate = app.visitsPerDay();
          if (app.name().equals("Timesheets") && isFieldService(u)) {
            rate = 8;
          }
          int count = (int) rate + (rnd.nextDouble() < rate - (int) rate ? 1 : 0);
          if ((entraCovered[i] & (1L << a)) == 0) {
            count = Math.max(count, 1);
          }
          for (int k = 0; k < count; k++) {
            int sec =
                rate >= 8
                    ? start + (int) ((long) (end - start) * k / count) + rnd.nextInt(600)
                    : start + rnd.nextInt(Math.max(1, end - start));
            int phone = (app.everyone() && rnd.nextInt(3) == 0) ? 1 : 0;
            visits.add(new long[] {at(day, sec, tz), a, phone});
          }
        }
      }
      visits.sort((x, y) -> Long.compare(x[0], y[0]));
      for (long[] v : visits) {
        entraVisit(
            u, entraAppList.get((int) v[1]), v[0], where, v[2] == 1, s, RiskLevel.NONE, List.of());
      }
      if (u.has(Role.LEGACY_CLIENT) && inOffice && !weekend) {
        for (int k = 0; k < 2; k++) {
          legacy(u, at(day, start + 600 + rnd.nextInt(7 * 3600), tz), where, "IMAP4");
        }
      }
      if (travelDayForMe) {
        entraVisit(
            u,
            entraAppList.get(0),
            t0 + Travel.impossibleAfterMillis(u),
            Travel.impossible(u),
            false,
            new Session(rnd.nextLong()),
            RiskLevel.MEDIUM,
            List.of("unlikelyTravel"));
      }
      if (u.has(Role.NEARBY_HOP) && day == travelDay) {
        entraVisit(
            u,
            entraAppList.get(0),
            t0 + 20 * 60_000L,
            Travel.nearby(office),
            false,
            new Session(rnd.nextLong()),
            RiskLevel.NONE,
            List.of());
      }
    }
    if (u.oktaId() != null && oktaOut != null && !"DEPROVISIONED".equals(u.oktaStatus())) {
      oktaDay(u, day, where, start, end, tz, weekend);
      if (u.has(Role.IMPOSSIBLE_TRAVEL) && day == travelDay) {
        oktaSession(
            u,
            t0 + Travel.impossibleAfterMillis(u) + 60_000L,
            Travel.impossible(u),
            new Session(rnd.nextLong()),
            "MEDIUM");
      }
      if (u.has(Role.NEARBY_HOP) && day == travelDay) {
        oktaSession(
            u, t0 + 21 * 60_000L, Travel.nearby(office), new Session(rnd.nextLong()), "LOW");
      }
    }
  }

  private boolean isFieldService(PlannedUser u) {
    for (PlannedGroup g : plan.groups()) {
      if (g.platform() == Source.ENTRA && g.name().equals("Field Service")) {
        return Arrays.binarySearch(g.members(), u.index()) >= 0;
      }
    }
    return false;
  }

  private void serviceDay(PlannedUser u, long day) {
    if (entraOut == null || !u.activeOn(day)) {
      return;
    }
    boolean scanner = u.upn().startsWith("svc-scanner@");
    Office london = Office.ALL.get(0);
    Where where =
        scanner
            ? Where.office(london, 250)
            : new Where(
                u.homeIp(), "Amsterdam", "North Holland", "NL", "Netherlands", 52.37, 4.90, false);
    int n = 4 + rnd.nextInt(5);
    PlannedApp spo = entraAppList.get(2);
    for (int k = 0; k < n; k++) {
      long t = day * 86_400_000L + (long) (k * 86_400 / n + rnd.nextInt(3000)) * 1000L;
      if (scanner) {
        legacy(u, t, where, "Authenticated SMTP");
      } else {
        // the two-region job runs in Amsterdam and Singapore in turn (a decoy for travel)
        Where from = u.has(Role.TWO_REGION_SERVICE) && k % 2 == 1 ? Travel.secondRegion() : where;
        entraVisit(u, spo, t, from, false, new Session(0), RiskLevel.NONE, List.of());
      }
    }
  }

  private void guestDay(PlannedUser u, long day) {
    int dow = LocalDate.ofEpochDay(day).getDayOfWeek().getValue();
    boolean covered = (entraCovered[u.index()] != 0);
    if (entraOut == null || !(dow == 2 || dow == 4 || (!covered && dow <= 5))) {
      return;
    }
    Where where = Where.home(u.office(), u.homeIp());
    Session s = new Session(rnd.nextLong());
    long t = at(day, 9 * 3600 + rnd.nextInt(6 * 3600), u.office().timeZone());
    for (int a : entraApps[u.index()]) {
      entraVisit(u, entraAppList.get(a), t, where, false, s, RiskLevel.NONE, List.of());
      t += 60_000L * (5 + rnd.nextInt(60));
    }
  }

  // ------------------------------------------------------------ Entra

  /** A person's sign-in session on one day: when MFA was last done, which apps were opened. */
  private static final class Session {
    final long seed;
    long mfaAt;
    long appsOpened;
    boolean oktaMfa;
    @Nullable String oktaSession;

    Session(long seed) {
      this.seed = seed;
    }
  }

  private String uuid() {
    return IdMint.uuid(rnd);
  }

  /** The same draw as {@link #uuid()}, kept as bits for a log record's encoder to write. */
  private UUID uuidBits() {
    return IdMint.randomUuid(rnd);
  }

  private long frequencyMillis(PlannedUser u, PlannedApp app) {
    long best = Long.MAX_VALUE;
    for (ConditionalAccessPolicy p : frequencyPolicies) {
      List<String> apps = p.applications().includeApplications();
      if (!apps.contains("All") && !apps.contains(app.clientId())) {
        continue;
      }
      ConditionalAccessPolicy.Users pu = p.users();
      boolean in =
          pu.includeUsers().contains("All")
              || (pu.includeUsers().contains("GuestsOrExternalUsers")
                  && u.kind() == UserKind.GUEST);
      for (String g : pu.includeGroups()) {
        in |= entraGroups.get(u.index()).contains(g);
      }
      if (!in) {
        continue;
      }
      ConditionalAccessPolicy.SessionControls sc = p.sessionControls();
      long unit = "days".equals(sc.signInFrequencyType()) ? 24 * HOUR : HOUR;
      best = Math.min(best, sc.signInFrequencyValue() * unit);
    }
    return best;
  }

  private SignInFacts entraFacts(
      PlannedUser u,
      PlannedApp app,
      ClientAppType client,
      @Nullable String platform,
      Where where,
      RiskLevel risk,
      boolean compliant,
      boolean managed,
      boolean mfa,
      boolean interactive,
      long t) {
    return new SignInFacts(
        u.entraId(),
        PrincipalKind.USER,
        u.kind() == UserKind.GUEST,
        entraGroups.get(u.index()),
        entraRoles.get(u.index()),
        app.clientId(),
        client,
        platform,
        where.ip(),
        where.country(),
        risk,
        RiskLevel.NONE,
        TriState.of(compliant),
        TriState.of(managed),
        mfa ? TriState.TRUE : TriState.FALSE,
        interactive,
        t);
  }

  private static String platformOf(String os) {
    if (os.startsWith("Windows")) {
      return "windows";
    }
    return switch (os) {
      case "macOS" -> "macos";
      case "iOS" -> "ios";
      case "Android" -> "android";
      default -> "windows";
    };
  }

  private static boolean demandsMfa(Evaluation e) {
    for (PolicyOutcome o : e.outcomes()) {
      if ((o.result() == PolicyResult.SUCCESS || o.result() == PolicyResult.FAILURE)
          && o.requiredControls().contains("mfa")) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> failedControls(Evaluation e) {
    Set<String> out = new HashSet<>();
    for (PolicyOutcome o : e.outcomes()) {
      if (o.result() == PolicyResult.FAILURE) {
        out.addAll(o.requiredControls());
      }
    }
    return out;
  }

  private void entraVisit(
      PlannedUser u,
      PlannedApp app,
      long t,
      Where where,
      boolean phone,
      Session s,
      RiskLevel risk,
      List<String> riskEvents) {
    if (!inWindow(t) || entraOut == null) {
      return;
    }
    int i = u.index();
    int a = entraAppList.indexOf(app);
    String os = phone ? u.phoneOs() : u.laptopOs();
    boolean service = u.kind() == UserKind.SERVICE;
    boolean managed = u.compliant();
    boolean compliant = u.compliant();
    boolean first = (s.appsOpened & (1L << a)) == 0;
    boolean mfaOk = s.mfaAt > 0 && t - s.mfaAt < frequencyMillis(u, app);
    boolean interactive = !service && (first || !mfaOk && s.mfaAt > 0);
    String client =
        phone || !app.everyone() && rnd.nextBoolean()
            ? "Mobile Apps and Desktop clients"
            : "Browser";
    if (!app.everyone()) {
      client = "Browser";
    }
    ClientAppType type = ClientAppType.fromClientAppUsed(client);
    String browser =
        client.equals("Browser")
            ? (os.equals("macOS")
                ? "Safari 17.5"
                : os.equals("iOS") ? "Mobile Safari" : "Edge 126.0.0")
            : "";
    Evaluation e =
        entra.evaluate(
            entraFacts(
                u,
                app,
                type,
                platformOf(os),
                where,
                risk,
                compliant,
                managed,
                mfaOk,
                interactive,
                t));
    s.appsOpened |= 1L << a;
    String risky = risk == RiskLevel.NONE ? "none" : risk.name().toLowerCase(java.util.Locale.ROOT);
    if (e.decision() == Decision.BLOCK) {
      Set<String> failed = failedControls(e);
      boolean device =
          !failed.contains("block")
              && (failed.contains("compliantDevice") || failed.contains("domainJoinedDevice"));
      emit(
          u,
          app,
          t,
          true,
          client,
          os,
          browser,
          compliant,
          managed,
          where,
          device ? 53000 : 53003,
          device
              ? "Device is not in required device state: compliant. Conditional Access policy "
                  + "requires a compliant device, and the device is not compliant."
              : "Access has been blocked by Conditional Access policies. The access policy does "
                  + "not allow token issuance.",
          null,
          EntraSignIn.Step.PASSWORD,
          risky,
          riskEvents,
          e);
      return;
    }
    if (e.decision() == Decision.REQUIRE_CONTROLS) {
      Set<String> controls = failedControls(e);
      controls.remove("mfa");
      if (!controls.isEmpty()) {
        emit(
            u,
            app,
            t,
            true,
            client,
            os,
            browser,
            compliant,
            managed,
            where,
            53000,
            "Device is not in required device state: compliant. Conditional Access policy "
                + "requires a compliant device, and the device is not compliant.",
            null,
            EntraSignIn.Step.PASSWORD,
            risky,
            riskEvents,
            e);
        return;
      }
      emit(
          u,
          app,
          t,
          true,
          client,
          os,
          browser,
          compliant,
          managed,
          where,
          50074,
          "Strong Authentication is required.",
          "MFA required in Azure AD",
          EntraSignIn.Step.MFA_REQUIRED,
          risky,
          riskEvents,
          e);
      long t2 = t + 12_000L + rnd.nextInt(30_000);
      Evaluation e2 =
          entra.evaluate(
              entraFacts(
                  u, app, type, platformOf(os), where, risk, compliant, managed, true, true, t2));
      s.mfaAt = t2;
      boolean allowed = e2.decision() == Decision.ALLOW || e2.decision() == Decision.NOT_EVALUABLE;
      if (allowed) {
        entraCovered[i] |= 1L << a;
      }
      emit(
          u,
          app,
          t2,
          true,
          client,
          os,
          browser,
          compliant,
          managed,
          where,
          allowed ? 0 : 53003,
          allowed ? null : "Access has been blocked by Conditional Access policies.",
          "MFA completed in Azure AD",
          EntraSignIn.Step.MFA_APPROVED,
          risky,
          riskEvents,
          e2);
      return;
    }
    entraCovered[i] |= 1L << a;
    EntraSignIn.Step step;
    if (demandsMfa(e)) {
      step = interactive ? EntraSignIn.Step.MFA_CLAIM : EntraSignIn.Step.MFA_CLAIM;
    } else {
      step = interactive ? EntraSignIn.Step.PASSWORD : EntraSignIn.Step.TOKEN;
    }
    emit(
        u,
        app,
        t,
        interactive,
        client,
        os,
        browser,
        compliant,
        managed,
        where,
        0,
        null,
        null,
        step,
        risky,
        riskEvents,
        e);
  }

  private void legacy(PlannedUser u, long t, Where where, String client) {
    if (!inWindow(t) || entraOut == null) {
      return;
    }
    PlannedApp exchange = entraAppList.get(0);
    Evaluation e =
        entra.evaluate(
            entraFacts(
                u,
                exchange,
                ClientAppType.fromClientAppUsed(client),
                null,
                where,
                RiskLevel.NONE,
                false,
                false,
                false,
                true,
                t));
    if (e.decision() == Decision.ALLOW || e.decision() == Decision.NOT_EVALUABLE) {
      emit(
          u,
          exchange,
          t,
          true,
          client,
          "",
          "",
          false,
          false,
          where,
          0,
          null,
          null,
          EntraSignIn.Step.PASSWORD,
          "none",
          List.of(),
          e);
    } else {
      emit(
          u,
          exchange,
          t,
          true,
          client,
          "",
          "",
          false,
          false,
          where,
          53003,
          "Access has been blocked by Conditional Access policies.",
          null,
          EntraSignIn.Step.PASSWORD,
          "none",
          List.of(),
          e);
    }
  }

  private void emit(
      PlannedUser u,
      PlannedApp app,
      long t,
      boolean interactive,
      String client,
      String os,
      String browser,
      boolean compliant,
      boolean managed,
      Where where,
      int error,
      @Nullable String reason,
      @Nullable String details,
      EntraSignIn.Step step,
      String risk,
      List<String> riskEvents,
      @Nullable Evaluation e) {
    EntraSignInWriter out = entraOut;
    if (out == null) {
      return;
    }
    List<PolicyOutcome> outcomes = e == null ? List.of() : e.outcomes();
    out.write(
        new EntraSignIn(
            uuidBits(),
            uuidBits(),
            t,
            u,
            app,
            interactive,
            client,
            os,
            browser,
            compliant,
            managed,
            where,
            error,
            reason,
            details,
            step,
            risk,
            riskEvents,
            outcomes));
    ledger.entraEvents++;
    int i = u.index();
    if (interactive) {
      Ledger.max(ledger.entraLastInteractive, i, t);
    } else {
      Ledger.max(ledger.entraLastNonInteractive, i, t);
    }
    if (error == 0) {
      Ledger.max(ledger.entraLastSuccess, i, t);
      audit.success(Source.ENTRA, u, t, where);
    }
  }

  private void entraFatigue(PlannedUser u, long day) {
    Where attacker =
        new Where(
            "203.0.113.45",
            u.office().city(),
            u.office().state(),
            u.office().country(),
            u.office().countryName(),
            u.office().lat(),
            u.office().lon(),
            false);
    // the attacker goes for the CRM: Office 365 would also demand a compliant device
    PlannedApp exchange = entraAppList.get(0);
    for (PlannedApp a : entraAppList) {
      if (a.name().equals("Contoso CRM")) {
        exchange = a;
      }
    }
    long t = day * 86_400_000L + (1 * 3600 + 30 * 60) * 1000L;
    SignInFacts f =
        entraFacts(
            u,
            exchange,
            ClientAppType.BROWSER,
            "windows",
            attacker,
            RiskLevel.NONE,
            false,
            false,
            false,
            true,
            t);
    Evaluation e = entra.evaluate(f);
    for (int k = 0; k < 7; k++) {
      long tk = t + k * 170_000L;
      emit(
          u,
          exchange,
          tk,
          true,
          "Browser",
          "Windows 10",
          "Chrome 126.0.0",
          false,
          false,
          attacker,
          500121,
          "Authentication failed during strong authentication request.",
          k % 3 == 2
              ? "MFA denied; user did not respond to mobile app notification"
              : "MFA denied; user declined the authentication",
          k % 3 == 2 ? EntraSignIn.Step.MFA_TIMEOUT : EntraSignIn.Step.MFA_DENIED,
          "none",
          List.of(),
          e);
    }
    long tok = t + 7 * 170_000L + 40_000L;
    Evaluation ok =
        entra.evaluate(
            entraFacts(
                u,
                exchange,
                ClientAppType.BROWSER,
                "windows",
                attacker,
                RiskLevel.NONE,
                false,
                false,
                true,
                true,
                tok));
    boolean allowed = ok.decision() == Decision.ALLOW || ok.decision() == Decision.NOT_EVALUABLE;
    emit(
        u,
        exchange,
        tok,
        true,
        "Browser",
        "Windows 10",
        "Chrome 126.0.0",
        false,
        false,
        attacker,
        allowed ? 0 : 53003,
        allowed ? null : "Access has been blocked by Conditional Access policies.",
        "MFA completed in Azure AD",
        EntraSignIn.Step.MFA_APPROVED,
        "none",
        List.of(),
        ok);
  }

  // ------------------------------------------------------------ Okta

  private SignInFacts oktaFacts(
      PlannedUser u,
      @Nullable PlannedApp app,
      Where where,
      String os,
      boolean mfa,
      long t,
      RiskLevel risk) {
    boolean compliant = u.compliant();
    return new SignInFacts(
        u.oktaId(),
        PrincipalKind.USER,
        false,
        oktaGroups.get(u.index()),
        Set.of(),
        app == null ? null : app.id(),
        ClientAppType.BROWSER,
        platformOf(os),
        where.ip(),
        where.country(),
        risk,
        RiskLevel.NONE,
        TriState.of(compliant),
        TriState.of(compliant),
        mfa ? TriState.TRUE : TriState.FALSE,
        true,
        t);
  }

  private static String browserOf(String os) {
    return os.equals("macOS") || os.equals("iOS") ? "SAFARI" : "CHROME";
  }

  private void oktaDay(
      PlannedUser u, long day, Where where, int start, int end, String tz, boolean weekend) {
    Session s = new Session(rnd.nextLong());
    long t0 = at(day, start + 120, tz);
    if (!oktaSession(u, t0, where, s, "LOW")) {
      return;
    }
    if (weekend && allCovered(u)) {
      return;
    }
    int i = u.index();
    List<long[]> visits = new ArrayList<>();
    for (int a : oktaApps[i]) {
      PlannedApp app = oktaAppList.get(a);
      if (skips(u, app)) {
        continue;
      }
      double rate = app.visitsPerDay();
      int count = (int) rate + (rnd.nextDouble() < rate - (int) rate ? 1 : 0);
      if ((oktaCovered[i] & (1L << a)) == 0) {
        count = Math.max(count, 1);
      }
      for (int k = 0; k < count; k++) {
        visits.add(
            new long[] {at(day, start + 300 + rnd.nextInt(Math.max(1, end - start)), tz), a});
      }
    }
    visits.sort((x, y) -> Long.compare(x[0], y[0]));
    for (long[] v : visits) {
      oktaApp(u, oktaAppList.get((int) v[1]), v[0], where, s);
    }
  }

  /**
   * The targets of a policy evaluation record: a function of the policy id, the rule id and the
   * app, kept for the instances of the three that recur (the engines' ids are the same strings
   * sign-in after sign-in), so that alike records share one list.
   */
  private List<OktaLogWriter.Target> policyTargets(PolicyOutcome o, @Nullable PlannedApp app) {
    String policy = o.policyId();
    String rule = o.ruleId();
    int slot =
        (31 * (31 * System.identityHashCode(policy) + System.identityHashCode(rule))
                + System.identityHashCode(app))
            & (TARGET_SLOTS - 1);
    List<OktaLogWriter.Target> kept = targetLists[slot];
    if (kept != null
        && targetPolicies[slot] == policy
        && targetRules[slot] == rule
        && targetApps[slot] == app) {
      return kept;
    }
    List<OktaLogWriter.Target> fresh = newPolicyTargets(o, app);
    targetLists[slot] = fresh;
    targetPolicies[slot] = policy;
    targetRules[slot] = rule;
    targetApps[slot] = app;
    return fresh;
  }

  private List<OktaLogWriter.Target> newPolicyTargets(PolicyOutcome o, @Nullable PlannedApp app) {
    OktaPolicy p = oktaPolicyById.get(o.policyId());
    String type = p == null ? "OKTA_SIGN_ON" : p.typeRaw();
    String rule = o.ruleId() == null ? "unknown" : o.ruleId();
    String ruleName = oktaRuleName.getOrDefault(rule, rule);
    String mode = null;
    if (p != null) {
      for (OktaRule r : p.rules()) {
        if (r.id().equals(rule)) {
          mode = r.factorMode();
        }
      }
    }
    if (app == null) {
      return List.of(
          new OktaLogWriter.Target(
              o.policyId(),
              "PolicyEntity",
              o.policyId(),
              p == null ? o.policyId() : p.name(),
              type,
              null),
          new OktaLogWriter.Target(rule, "PolicyRule", o.policyId(), ruleName, type, null));
    }
    return List.of(
        new OktaLogWriter.Target(app.id(), "AppInstance", app.name(), app.name(), null, null),
        new OktaLogWriter.Target(
            rule, "Rule", "unknown", ruleName, type, mode == null ? "1FA" : mode));
  }

  /** The {@code outcome.reason} of a policy evaluation record. */
  private static String evaluationReason(PolicyResult r) {
    return EVALUATION_REASONS[r.ordinal()];
  }

  private static String oktaResult(PolicyResult r) {
    return switch (r) {
      case ALLOW, DENY, CHALLENGE -> r.wire();
      default -> "ALLOW";
    };
  }

  private void okta(
      String type,
      String message,
      PlannedUser u,
      long t,
      Where where,
      String os,
      String result,
      @Nullable String reason,
      List<OktaLogWriter.Target> targets,
      Session s,
      int step,
      @Nullable String factor,
      String risk) {
    OktaLogWriter out = oktaOut;
    if (out == null || !inWindow(t)) {
      return;
    }
    out.write(
        uuidBits(),
        t,
        type,
        message,
        u,
        where,
        os,
        browserOf(os),
        result,
        reason,
        targets,
        sessionId(s),
        step,
        factor,
        risk);
    ledger.oktaEvents++;
    if ("user.session.start".equals(type) && "SUCCESS".equals(result)) {
      Ledger.max(ledger.oktaLastLogin, u.index(), t);
    }
    if ("SUCCESS".equals(result)
        && (type.equals("user.session.start") || type.equals("user.authentication.sso"))) {
      audit.success(Source.OKTA, u, t, where);
    }
  }

  private String sessionId(Session s) {
    if (s.oktaSession == null) {
      s.oktaSession = "102" + Long.toString(s.seed & Long.MAX_VALUE, 36);
    }
    return s.oktaSession;
  }

  /** Starts a session; false when denied. */
  private boolean oktaSession(PlannedUser u, long t, Where where, Session s, String risk) {
    if (!inWindow(t)) {
      return true;
    }
    String os = u.laptopOs();
    Evaluation e = okta.evaluate(oktaFacts(u, null, where, os, false, t, RiskLevel.parse(risk)));
    for (PolicyOutcome o : e.outcomes()) {
      okta(
          "policy.evaluate_sign_on",
          "Evaluation of sign-on policy",
          u,
          t,
          where,
          os,
          oktaResult(o.result()),
          evaluationReason(o.result()),
          policyTargets(o, null),
          s,
          0,
          null,
          risk);
    }
    if (e.decision() == Decision.BLOCK) {
      okta(
          "user.session.start",
          "User login to Okta",
          u,
          t + 500,
          where,
          os,
          "FAILURE",
          "DENIED_BY_POLICY",
          List.of(),
          s,
          0,
          null,
          risk);
      return false;
    }
    long t1 = t + 800;
    if (e.decision() == Decision.REQUIRE_CONTROLS) {
      t1 = t + 9_000 + rnd.nextInt(20_000);
      okta(
          "user.authentication.auth_via_mfa",
          "Authentication of user via MFA",
          u,
          t1,
          where,
          os,
          "SUCCESS",
          null,
          List.of(),
          s,
          1,
          "OKTA_VERIFY_PUSH",
          risk);
      s.oktaMfa = true;
    }
    okta(
        "user.session.start",
        "User login to Okta",
        u,
        t1 + 300,
        where,
        os,
        "SUCCESS",
        null,
        List.of(),
        s,
        0,
        null,
        risk);
    return true;
  }

  private void oktaApp(PlannedUser u, PlannedApp app, long t, Where where, Session s) {
    if (!inWindow(t)) {
      return;
    }
    String os = u.laptopOs();
    Evaluation e = okta.evaluate(oktaFacts(u, app, where, os, s.oktaMfa, t, RiskLevel.LOW));
    int a = oktaAppList.indexOf(app);
    for (PolicyOutcome o : e.outcomes()) {
      OktaPolicy policy = oktaPolicyById.get(o.policyId());
      if (policy != null && policy.type() == OktaPolicyType.OKTA_SIGN_ON) {
        // the global session policy was evaluated (and logged) when the session started
        continue;
      }
      okta(
          "policy.evaluate_sign_on",
          "Evaluation of sign-on policy",
          u,
          t,
          where,
          os,
          oktaResult(o.result()),
          evaluationReason(o.result()),
          policyTargets(o, app),
          s,
          0,
          null,
          "LOW");
    }
    List<OktaLogWriter.Target> appTarget = appTargets[a];
    if (appTarget == null) {
      appTarget =
          List.of(
              new OktaLogWriter.Target(
                  app.id(), "AppInstance", app.name(), app.name(), null, null));
      appTargets[a] = appTarget;
    }
    if (e.decision() == Decision.BLOCK) {
      okta(
          "app.generic.unauth_app_access_attempt",
          "User attempted unauthorized access to app",
          u,
          t + 200,
          where,
          os,
          "FAILURE",
          "User not assigned to app",
          appTarget,
          s,
          0,
          null,
          "LOW");
      return;
    }
    long t1 = t + 400;
    if (e.decision() == Decision.REQUIRE_CONTROLS) {
      t1 = t + 8_000 + rnd.nextInt(15_000);
      okta(
          "user.authentication.auth_via_mfa",
          "Authentication of user via MFA",
          u,
          t1,
          where,
          os,
          "SUCCESS",
          null,
          List.of(),
          s,
          1,
          "OKTA_VERIFY_PUSH",
          "LOW");
      s.oktaMfa = true;
    }
    oktaCovered[u.index()] |= 1L << a;
    okta(
        "user.authentication.sso",
        "User single sign on to app",
        u,
        t1 + 500,
        where,
        os,
        "SUCCESS",
        null,
        appTarget,
        s,
        0,
        null,
        "LOW");
  }

  private void oktaFatigue(PlannedUser u, long day) {
    Where attacker =
        new Where(
            "203.0.113.46",
            u.office().city(),
            u.office().state(),
            u.office().country(),
            u.office().countryName(),
            u.office().lat(),
            u.office().lon(),
            false);
    Session s = new Session(rnd.nextLong());
    long t = day * 86_400_000L + (2 * 3600) * 1000L;
    String os = "Windows";
    Evaluation e = okta.evaluate(oktaFacts(u, null, attacker, os, false, t, RiskLevel.MEDIUM));
    for (PolicyOutcome o : e.outcomes()) {
      okta(
          "policy.evaluate_sign_on",
          "Evaluation of sign-on policy",
          u,
          t,
          attacker,
          os,
          oktaResult(o.result()),
          evaluationReason(o.result()),
          policyTargets(o, null),
          s,
          0,
          null,
          "MEDIUM");
    }
    for (int k = 0; k < 7; k++) {
      long tk = t + 20_000 + k * 160_000L;
      if (k % 3 == 2) {
        okta(
            "user.authentication.auth_via_mfa",
            "Authentication of user via MFA",
            u,
            tk,
            attacker,
            os,
            "FAILURE",
            "VERIFICATION_ERROR",
            List.of(),
            s,
            1,
            "OKTA_VERIFY_PUSH",
            "MEDIUM");
      } else {
        okta(
            "user.mfa.okta_verify.deny_push",
            "User rejected Okta push verify",
            u,
            tk,
            attacker,
            os,
            "FAILURE",
            "User rejected Okta push verify",
            List.of(),
            s,
            1,
            "OKTA_VERIFY_PUSH",
            "MEDIUM");
      }
    }
    long ok = t + 20_000 + 7 * 160_000L + 30_000;
    okta(
        "user.authentication.auth_via_mfa",
        "Authentication of user via MFA",
        u,
        ok,
        attacker,
        os,
        "SUCCESS",
        null,
        List.of(),
        s,
        1,
        "OKTA_VERIFY_PUSH",
        "MEDIUM");
    okta(
        "user.session.start",
        "User login to Okta",
        u,
        ok + 400,
        attacker,
        os,
        "SUCCESS",
        null,
        List.of(),
        s,
        0,
        null,
        "MEDIUM");
  }

  // ------------------------------------------------------------ spray, bad records

  private void spray(long day) {
    Where[] sources = new Where[5];
    for (int k = 0; k < sources.length; k++) {
      sources[k] =
          new Where(
              "192.0.2." + (11 + k * 17), "Moscow", "Moscow", "RU", "Russia", 55.76, 37.62, false);
    }
    long t = day * 86_400_000L + 2 * HOUR;
    int targets = Math.min(users.size(), 240);
    PlannedApp exchange = entraOut == null ? null : entraAppList.get(0);
    int step = Math.max(1, users.size() / targets);
    int k = 0;
    for (int i = 0; i < users.size(); i += step) {
      PlannedUser u = users.get(i);
      Where w = sources[k % sources.length];
      long tk = t + k * 13_000L + rnd.nextInt(5_000);
      k++;
      if (exchange != null && u.entraId() != null && u.kind() != UserKind.SERVICE) {
        boolean locked = k % 40 == 0;
        emit(
            u,
            exchange,
            tk,
            true,
            "Browser",
            "Windows 10",
            "Chrome 126.0.0",
            false,
            false,
            w,
            locked ? 50053 : 50126,
            locked
                ? "Account is locked because user tried to sign in too many times with an "
                    + "incorrect user ID or password."
                : "Error validating credentials due to invalid username or password.",
            null,
            EntraSignIn.Step.PASSWORD_FAILED,
            "medium",
            List.of("passwordSpray"),
            null);
      }
      if (oktaOut != null && u.oktaId() != null) {
        okta(
            "user.session.start",
            "User login to Okta",
            u,
            tk + 1_000,
            w,
            "Windows",
            "FAILURE",
            "INVALID_CREDENTIALS",
            List.of(),
            new Session(rnd.nextLong()),
            0,
            null,
            "HIGH");
      }
    }
  }

  private void badRecord() {
    int kind = rnd.nextInt(4);
    boolean toEntra = entraOut != null && (oktaOut == null || rnd.nextBoolean());
    String id = uuid();
    String who = users.get(0).entraId() == null ? "x" : users.get(0).entraId();
    if (toEntra) {
      entraOut.bad(String.format(BAD_ENTRA[kind], id, who));
    } else if (oktaOut != null) {
      oktaOut.bad(String.format(BAD_OKTA[kind], id, who));
    }
    ledger.badRecords++;
  }
}
