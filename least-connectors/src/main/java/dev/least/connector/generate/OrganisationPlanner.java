package dev.least.connector.generate;

import dev.least.model.GroupKind;
import dev.least.model.LocationId;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.model.PolicyId;
import dev.least.model.RoleAssignment;
import dev.least.model.RoleDefinition;
import dev.least.model.RoleId;
import dev.least.model.Source;
import dev.least.model.WorkerStatus;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.PolicyState;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaPolicyType;
import dev.least.policy.okta.OktaRule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Plans an organisation from the options: people, departments, managers, offices, HR history,
 * groups, apps, roles, policies, and the planted scenarios and decoys with their truth. Everything
 * random comes from one {@link SplittableRandom} seeded from the options, consumed in a fixed
 * order.
 */
final class OrganisationPlanner {
  /** Capture time of every generated snapshot; never the wall clock. */
  static final Instant CAPTURED_AT = Instant.parse("2026-11-20T00:00:00Z");

  static final String GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";
  static final String EXCHANGE_ADMIN = "29232cdf-9323-42fd-ade2-1d097af3e4de";
  static final String HELPDESK_ADMIN = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
  static final String SECURITY_READER = "5d6b6bb7-de71-4623-b4af-96380a352509";

  /** Built-in roles: template id, name, privileged. */
  private static final String[][] ROLES = {
    {GLOBAL_ADMIN, "Global Administrator", "true"},
    {"e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator", "true"},
    {"194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator", "true"},
    {"b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", "Conditional Access Administrator", "true"},
    {"fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator", "true"},
    {"f28a1f50-f6e7-4571-818b-6a12f2af6b6c", "SharePoint Administrator", "true"},
    {HELPDESK_ADMIN, "Helpdesk Administrator", "true"},
    {EXCHANGE_ADMIN, "Exchange Administrator", "true"},
    {SECURITY_READER, "Security Reader", "false"},
    {"f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader", "false"}
  };

  private static final String[] FIRST = {
    "Ada",
    "Alan",
    "Grace",
    "Linus",
    "Margaret",
    "Katherine",
    "Tim",
    "Barbara",
    "Edsger",
    "Frances",
    "Donald",
    "Radia",
    "Ken",
    "Dennis",
    "Bjarne",
    "Guido",
    "James",
    "Anita",
    "John",
    "Hedy",
    "Claude",
    "Sophie",
    "Niklaus",
    "Leslie",
    "Shafi",
    "Silvio",
    "Whitfield",
    "Martin",
    "Ivan",
    "Jean",
    "Tony",
    "Joan",
    "Fran",
    "Adele",
    "Ruth",
    "Mary",
    "Carol",
    "Jon",
    "Lynn",
    "Yukihiro",
    "Rasmus",
    "Larry",
    "Brendan",
    "Anders",
    "Susan",
    "Karen",
    "Liskov",
    "Peter",
    "Olga",
    "Priya",
    "Wei",
    "Aisha",
    "Mateo",
    "Chloe",
    "Noah",
    "Amara",
    "Kenji",
    "Elena",
    "Omar",
    "Freya"
  };
  private static final String[] LAST = {
    "Lovelace",
    "Turing",
    "Hopper",
    "Torvalds",
    "Hamilton",
    "Johnson",
    "Berners-Lee",
    "Liskov",
    "Dijkstra",
    "Allen",
    "Knuth",
    "Perlman",
    "Thompson",
    "Ritchie",
    "Stroustrup",
    "van Rossum",
    "Gosling",
    "Borg",
    "McCarthy",
    "Lamarr",
    "Shannon",
    "Wilson",
    "Wirth",
    "Lamport",
    "Goldwasser",
    "Micali",
    "Diffie",
    "Hellman",
    "Sutherland",
    "Sammet",
    "Hoare",
    "Clarke",
    "Bilas",
    "Goldberg",
    "Lichterman",
    "Keller",
    "Shaw",
    "Postel",
    "Conway",
    "Matsumoto",
    "Lerdorf",
    "Wall",
    "Eich",
    "Hejlsberg",
    "Kare",
    "Jones",
    "Miller",
    "Patel",
    "Chen",
    "Okafor",
    "Garcia",
    "Martin",
    "Singh",
    "Tanaka",
    "Rossi",
    "Haddad",
    "Nielsen",
    "Kowalski",
    "Novak",
    "Silva"
  };

  private final GeneratorOptions o;
  private final SplittableRandom rnd;
  private final IdMint ids;
  private final long captureDay;
  private final long firstDay;
  private final Set<String> logins = new HashSet<>();
  private final List<Truth.Scenario> scenarios = new ArrayList<>();
  private final List<Truth.Decoy> decoys = new ArrayList<>();

  OrganisationPlanner(GeneratorOptions options, SplittableRandom rnd) {
    this.o = options;
    this.rnd = rnd;
    this.ids = new IdMint(rnd);
    this.captureDay = CAPTURED_AT.getEpochSecond() / 86_400;
    this.firstDay = captureDay - options.days();
  }

  Plan plan() {
    List<PlannedUser> users = planPeople();
    users = assignRoles(users);
    List<PlannedGroup> groups = new ArrayList<>();
    List<PlannedApp> apps = new ArrayList<>();
    List<RoleDefinition> roleDefs = new ArrayList<>();
    List<RoleAssignment> roleAssignments = new ArrayList<>();
    List<NamedLocation> locations = new ArrayList<>();
    List<ConditionalAccessPolicy> ca = new ArrayList<>();
    List<OktaPolicy> okta = new ArrayList<>();
    List<String> protectedPolicies = new ArrayList<>();
    if (o.platform().entra()) {
      planEntra(users, groups, apps, roleDefs, roleAssignments, locations, ca, protectedPolicies);
    }
    if (o.platform().okta()) {
      planOkta(users, groups, apps, locations, okta);
    }
    planUserScenarios(users, groups);
    planStaleGrants(users, groups, apps);
    List<String> protectedUsers = new ArrayList<>();
    for (PlannedUser u : users) {
      if (u.kind() == UserKind.BREAK_GLASS) {
        protectedUsers.add(u.upn());
      }
    }
    List<String> protectedGroups = new ArrayList<>();
    List<Plan.SodRule> sod = new ArrayList<>();
    if (o.platform().entra()) {
      protectedGroups.add("Break Glass Accounts");
      sod.add(
          new Plan.SodRule(
              "SOD-AP-01",
              "Create vendor and approve payment",
              List.of("AP-Vendor-Maintenance"),
              List.of("AP-Payment-Approval")));
    }
    return new Plan(
        o,
        CAPTURED_AT,
        firstDay,
        captureDay - 1,
        users,
        groups,
        apps,
        roleDefs,
        roleAssignments,
        locations,
        ca,
        okta,
        scenarios,
        decoys,
        new Plan.Settings(protectedUsers, protectedGroups, protectedPolicies, sod));
  }

  // ---------------------------------------------------------------- people

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private List<PlannedUser> planPeople() {
    int n = o.users();
    boolean entra = o.platform().entra();
    int breakGlass = entra ? 2 : 0;
    int service = entra ? clamp(n / 400, 2, 200) : 0;
    int guests = entra ? clamp(n * 2 / 100, 3, 5000) : 0;
    int employees = n - breakGlass - service - guests;
    // department of each employee: 0 is the CEO, then one head per department, then weighted
    List<Department> depts = Department.ALL;
    int totalWeight = 0;
    for (Department d : depts) {
      totalWeight += d.weight();
    }
    Department[] deptOf = new Department[employees];
    deptOf[0] = Department.named("Operations");
    for (int i = 1; i <= depts.size(); i++) {
      deptOf[i] = depts.get(i - 1);
    }
    for (int i = depts.size() + 1; i < employees; i++) {
      int r = rnd.nextInt(totalWeight);
      for (Department d : depts) {
        r -= d.weight();
        if (r < 0) {
          deptOf[i] = d;
          break;
        }
      }
    }
    // managers: every tenth member of a department (after the head) manages
    List<List<Integer>> managersOf = new ArrayList<>();
    List<Integer> countOf = new ArrayList<>();
    for (int d = 0; d < depts.size(); d++) {
      managersOf.add(new ArrayList<>());
      countOf.add(0);
    }
    int[] deptIndex = new int[employees];
    List<PlannedUser> users = new ArrayList<>(n);
    // activity budget among ordinary employees
    int stale = clamp(n / 300, 2, 40);
    int orphans = clamp(n / 400, 2, 30);
    int leave = clamp(n / 100, 2, 500);
    int newHires = clamp(n / 120, 2, 500);
    int left = n * 3 / 100;
    for (int i = 0; i < employees; i++) {
      Department d = deptOf[i];
      int di = depts.indexOf(d);
      deptIndex[i] = di;
      int seen = countOf.get(di);
      countOf.set(di, seen + 1);
      String title;
      int manager;
      if (i == 0) {
        title = "Chief Executive Officer";
        manager = -1;
      } else if (i <= depts.size()) {
        title = d.headTitle();
        manager = 0;
        managersOf.get(di).add(i);
      } else if (seen % 10 == 1) {
        title = d.managerTitle();
        manager = managersOf.get(di).get(0);
        managersOf.get(di).add(i);
      } else {
        title = d.titles().get(2 + rnd.nextInt(d.titles().size() - 2));
        List<Integer> ms = managersOf.get(di);
        manager = ms.get(rnd.nextInt(ms.size()));
      }
      Office office = pickOffice(d);
      boolean special = i > depts.size() + 10 && !d.name().equals("IT");
      Activity act = Activity.NORMAL;
      if (special) {
        // draw from the budgets in a fixed order so small tenants still get each kind
        int r = rnd.nextInt(100);
        if (stale > 0 && r < 3) {
          act = Activity.STALE;
          stale--;
        } else if (orphans > 0 && r >= 3 && r < 6) {
          act = Activity.ORPHAN;
          orphans--;
        } else if (leave > 0 && r >= 6 && r < 9) {
          act = Activity.LEAVE;
          leave--;
        } else if (newHires > 0 && r >= 9 && r < 12) {
          act = Activity.NEW_HIRE;
          newHires--;
        } else if (left > 0 && r >= 12 && r < 18) {
          act = Activity.LEFT;
          left--;
        }
      }
      users.add(employee(i, d, title, manager, office, act));
    }
    // guarantee at least two of each planted kind in small tenants
    ensureActivity(users, Activity.STALE, 2);
    ensureActivity(users, Activity.ORPHAN, 2);
    ensureActivity(users, Activity.LEAVE, 2);
    ensureActivity(users, Activity.NEW_HIRE, 2);
    int idx = employees;
    for (int i = 0; i < breakGlass; i++) {
      users.add(
          special(
              idx++,
              UserKind.BREAK_GLASS,
              "breakglass" + (i + 1),
              "Emergency",
              "Access " + (i + 1),
              Activity.BREAK_GLASS));
    }
    String[] svc = {"svc-backup", "svc-scanner", "svc-hr-sync", "svc-build", "svc-reporting"};
    for (int i = 0; i < service; i++) {
      String name = i < svc.length ? svc[i] : "svc-job" + i;
      users.add(special(idx++, UserKind.SERVICE, name, "Service", name, Activity.SERVICE));
    }
    for (int i = 0; i < guests; i++) {
      users.add(guest(idx++));
    }
    return users;
  }

  private void ensureActivity(List<PlannedUser> users, Activity want, int min) {
    int have = 0;
    for (PlannedUser u : users) {
      if (u.activity() == want) {
        have++;
      }
    }
    for (int i = users.size() - 1; i > Department.ALL.size() + 10 && have < min; i--) {
      PlannedUser u = users.get(i);
      if (u.activity() == Activity.NORMAL
          && u.department() != null
          && !u.department().name().equals("IT")) {
        users.set(i, employee(u.index(), u.department(), u.title(), u.manager(), u.office(), want));
        have++;
      }
    }
  }

  private Office pickOffice(Department d) {
    if (d.name().equals("Retail")) {
      // stores report through the regional offices' networks
      return Office.ALL.get(rnd.nextInt(3) == 0 ? 2 : 0);
    }
    int r = rnd.nextInt(100);
    for (Office off : Office.ALL) {
      r -= off.weight();
      if (r < 0) {
        return off;
      }
    }
    return Office.ALL.get(0);
  }

  private String login(String first, String last, String domain) {
    String base =
        (first + "." + last).toLowerCase(java.util.Locale.ROOT).replace(" ", "").replace("'", "");
    String l = base + "@" + domain;
    int k = 2;
    while (!logins.add(l)) {
      l = base + k++ + "@" + domain;
    }
    return l;
  }

  private String domain() {
    return o.tenant() + ".com";
  }

  static String homeIp(int index, int host) {
    if (index < 16_384) {
      return "100." + (64 + (index >> 8)) + "." + (index & 255) + "." + host;
    }
    int j = index - 16_384;
    return (240 + (j >> 16)) + "." + ((j >> 8) & 255) + "." + (j & 255) + "." + host;
  }

  private Instant dayStart(long epochDay) {
    return Instant.ofEpochSecond(epochDay * 86_400);
  }

  private PlannedUser employee(
      int i, Department d, @Nullable String title, int manager, Office office, Activity act) {
    String first = FIRST[(i * 7 + rnd.nextInt(FIRST.length)) % FIRST.length];
    String last = LAST[rnd.nextInt(LAST.length)];
    String upn = login(first, last, domain());
    boolean remote = rnd.nextInt(100) < 25;
    String home = homeIp(i, 2 + rnd.nextInt(250));
    long hireDay = captureDay - 200 - rnd.nextInt(3000);
    LocalDate termination = null;
    WorkerStatus status = WorkerStatus.ACTIVE;
    long from = firstDay;
    long until = captureDay - 1;
    Instant lastBefore = null;
    boolean entraEnabled = true;
    String oktaStatus = "ACTIVE";
    switch (act) {
      case STALE -> {
        until = firstDay - 1;
        lastBefore = dayStart(captureDay - 120 - rnd.nextInt(280)).plusSeconds(9 * 3600 + 600);
      }
      case LEAVE -> {
        status = WorkerStatus.LEAVE;
        until = firstDay - 1;
        lastBefore = dayStart(captureDay - 95 - rnd.nextInt(100)).plusSeconds(10 * 3600);
      }
      case ORPHAN -> {
        status = WorkerStatus.TERMINATED;
        long t = captureDay - 3 - rnd.nextInt(Math.max(1, Math.min(40, o.days() - 3) + 1));
        termination = LocalDate.ofEpochDay(t);
        until = t - 1;
        lastBefore = dayStart(Math.min(t - 1, firstDay - 1)).plusSeconds(15 * 3600);
      }
      case LEFT -> {
        status = WorkerStatus.TERMINATED;
        long t = captureDay - 30 - rnd.nextInt(360);
        termination = LocalDate.ofEpochDay(t);
        until = t - 1;
        lastBefore = dayStart(t - 1).plusSeconds(16 * 3600);
        entraEnabled = false;
        oktaStatus = "DEPROVISIONED";
      }
      case NEW_HIRE -> {
        // half started days ago, half start next week with a pre-provisioned account
        hireDay = rnd.nextBoolean() ? captureDay - 3 - rnd.nextInt(9) : captureDay + 3;
        from = Math.max(firstDay, hireDay);
      }
      default -> {}
    }
    Instant created =
        dayStart(act == Activity.NEW_HIRE ? Math.min(hireDay, captureDay) - 5 : hireDay)
            .plusSeconds(8 * 3600 + rnd.nextInt(3600));
    boolean retail = d.name().equals("Retail");
    String laptop = retail ? "Android" : rnd.nextInt(10) < 7 ? "Windows 11" : "macOS";
    String phone = retail ? "Android" : rnd.nextInt(10) < 6 ? "iOS" : "Android";
    return new PlannedUser(
        i,
        UserKind.EMPLOYEE,
        "E" + (100_000 + i), // six digits or more, as "E%06d" wrote it
        first,
        last,
        upn,
        d,
        title,
        manager,
        office,
        remote,
        home,
        status,
        LocalDate.ofEpochDay(hireDay),
        termination,
        rnd.nextInt(20) == 0 ? "Contractor" : "Employee",
        created,
        act,
        from,
        until,
        lastBefore,
        entraEnabled,
        oktaStatus,
        o.platform().entra() ? ids.uuid() : null,
        o.platform().okta() ? ids.okta("00u") : null,
        laptop,
        phone,
        !retail,
        Role.none());
  }

  private PlannedUser special(
      int i, UserKind kind, String name, String first, String last, Activity act) {
    String upn = name + "@" + domain();
    logins.add(upn);
    Instant created = dayStart(captureDay - 700 - rnd.nextInt(800)).plusSeconds(10 * 3600);
    Instant lastBefore =
        act == Activity.BREAK_GLASS
            ? dayStart(captureDay - 150 - rnd.nextInt(100)).plusSeconds(11 * 3600)
            : null;
    Office dc = Office.ALL.get(0);
    return new PlannedUser(
        i,
        kind,
        null,
        first,
        last,
        upn,
        null,
        null,
        -1,
        dc,
        false,
        "198.19.0." + (10 + (i % 200)),
        null,
        LocalDate.ofEpochDay(captureDay - 700),
        null,
        "Service",
        created,
        act,
        act == Activity.SERVICE ? firstDay : captureDay,
        act == Activity.SERVICE ? captureDay - 1 : firstDay - 1,
        lastBefore,
        true,
        "ACTIVE",
        ids.uuid(),
        null,
        "Windows Server 2022",
        "Windows Server 2022",
        false,
        Role.none());
  }

  private PlannedUser guest(int i) {
    String first = FIRST[rnd.nextInt(FIRST.length)];
    String last = LAST[rnd.nextInt(LAST.length)];
    String mail = login(first, last, "fabrikam.example");
    String upn = mail.replace("@", "_") + "#EXT#@" + o.tenant() + ".onmicrosoft.com";
    Instant created = dayStart(captureDay - 150 - rnd.nextInt(600)).plusSeconds(14 * 3600);
    Office partner =
        new Office(
            "Partner",
            "Paris",
            "Ile-de-France",
            "FR",
            "France",
            "Europe/Paris",
            "198.18.90.0/24",
            48.86,
            2.35,
            false,
            0);
    return new PlannedUser(
        i,
        UserKind.GUEST,
        null,
        first,
        last,
        upn,
        null,
        null,
        -1,
        partner,
        true,
        homeIp(i, 2 + rnd.nextInt(250)),
        null,
        LocalDate.ofEpochDay(captureDay - 300),
        null,
        "Guest",
        created,
        Activity.GUEST,
        firstDay,
        captureDay - 1,
        null,
        true,
        "ACTIVE",
        ids.uuid(),
        null,
        "Windows 10",
        "iOS",
        false,
        Role.none());
  }

  // ------------------------------------------------------------- roles

  /** Marks the accounts that play a planted or decoy part. */
  private List<PlannedUser> assignRoles(List<PlannedUser> users) {
    List<PlannedUser> out = new ArrayList<>(users);
    IntPredicate normal =
        i -> {
          PlannedUser u = out.get(i);
          return u.kind() == UserKind.EMPLOYEE
              && u.activity() == Activity.NORMAL
              && u.roles().isEmpty()
              && u.index() > Department.ALL.size()
              // store staff fail most Office 365 sign-ins (planted friction): no other part
              && !isDept(u, "Retail");
        };
    mark(
        out,
        Role.IMPOSSIBLE_TRAVEL,
        2,
        normal.and(i -> !out.get(i).remote() && out.get(i).office().name().equals("London office")),
        normal);
    mark(out, Role.NEARBY_HOP, 2, normal.and(i -> !out.get(i).remote()), normal);
    mark(
        out,
        Role.TWO_REGION_SERVICE,
        1,
        i ->
            out.get(i).kind() == UserKind.SERVICE
                && out.get(i).roles().isEmpty()
                && !out.get(i).upn().startsWith("svc-scanner@"),
        i -> false);
    mark(
        out,
        Role.PLAUSIBLE_TRAVEL,
        1,
        normal.and(
            i -> !out.get(i).remote() && out.get(i).office().name().equals("New York office")),
        normal);
    mark(out, Role.MFA_FATIGUE, 2, normal.and(i -> !isDept(out.get(i), "Retail")), normal);
    mark(
        out,
        Role.LEGACY_CLIENT,
        2,
        normal.and(
            i ->
                !out.get(i).remote()
                    && out.get(i).office().listed()
                    && !isDept(out.get(i), "Retail")),
        normal);
    mark(out, Role.UNCOVERED_ADMIN, 1, normal.and(i -> isDept(out.get(i), "IT")), normal);
    mark(out, Role.SOD_BOTH_SIDES, 1, normal.and(i -> isDept(out.get(i), "Finance")), normal);
    return out;
  }

  private static boolean isDept(PlannedUser u, String name) {
    return u.department() != null && u.department().name().equals(name);
  }

  private void mark(
      List<PlannedUser> users, Role role, int count, IntPredicate want, IntPredicate fallback) {
    int done = 0;
    for (IntPredicate p : List.of(want, fallback)) {
      for (int i = users.size() - 1; i >= 0 && done < count; i--) {
        if (p.test(i)) {
          Set<Role> r = EnumSet.of(role);
          users.set(i, users.get(i).withRoles(r));
          done++;
        }
      }
    }
  }

  // ------------------------------------------------------------- Entra

  private Instant ago(int days) {
    return CAPTURED_AT.minusSeconds(days * 86_400L);
  }

  private int[] members(List<PlannedUser> users, IntPredicate p) {
    return java.util.stream.IntStream.range(0, users.size()).filter(p).toArray();
  }

  private static boolean onEntra(PlannedUser u) {
    return u.entraId() != null;
  }

  private PlannedGroup entraGroup(
      String name,
      String description,
      GroupKind kind,
      @Nullable String rule,
      int[] members,
      boolean roleAssignable,
      int ageDays) {
    return new PlannedGroup(
        Source.ENTRA,
        ids.uuid(),
        name,
        description,
        kind,
        rule,
        null,
        members,
        roleAssignable,
        false,
        ago(ageDays));
  }

  private void planEntra(
      List<PlannedUser> users,
      List<PlannedGroup> groups,
      List<PlannedApp> apps,
      List<RoleDefinition> roleDefs,
      List<RoleAssignment> roleAssignments,
      List<NamedLocation> locations,
      List<ConditionalAccessPolicy> ca,
      List<String> protectedPolicies) {
    String p = "entra";
    // department groups: dynamic, except Legal, kept static with exactly the department (planted)
    for (Department d : Department.ALL) {
      int[] m = members(users, i -> onEntra(users.get(i)) && isDept(users.get(i), d.name()));
      if (d.name().equals("Legal")) {
        PlannedGroup g =
            entraGroup(
                "Legal Department",
                "Legal team (maintained by hand)",
                GroupKind.STATIC,
                null,
                m,
                false,
                900);
        groups.add(g);
        scenarios.add(
            new Truth.Scenario(
                "dynamic_group_rule",
                p,
                ref("group", g),
                List.of(),
                "static group whose members are exactly user.department -eq \"Legal\""));
      } else {
        groups.add(
            entraGroup(
                "All " + d.name(),
                d.name() + " department (dynamic)",
                GroupKind.DYNAMIC,
                "(user.department -eq \"" + d.name() + "\")",
                m,
                false,
                1200));
      }
    }
    // a static group that merely correlates with a department (decoy)
    int[] londonSales = londonSales(users);
    PlannedGroup ls =
        entraGroup(
            "London Sales", "Sales floor, London", GroupKind.STATIC, null, londonSales, false, 700);
    groups.add(ls);
    decoys.add(
        new Truth.Decoy("group", ls.id(), ls.name(), p, "must not recommend dynamic_group_rule"));
    // field service: technicians plus two logistics coordinators who also do field work
    int[] fieldService = fieldService(users);
    PlannedGroup fs =
        entraGroup(
            "Field Service",
            "Field technicians and coordinators",
            GroupKind.STATIC,
            null,
            fieldService,
            false,
            800);
    groups.add(fs);
    // app access groups
    int[] erp =
        members(
            users,
            i ->
                onEntra(users.get(i))
                    && (isDept(users.get(i), "Finance")
                        || (isDept(users.get(i), "Operations") && i % 3 == 0)
                        || users.get(i).index() == 0));
    PlannedGroup erpGroup =
        entraGroup(
            "APP-ERP-Users", "Access to Contoso ERP", GroupKind.STATIC, null, erp, false, 1000);
    groups.add(erpGroup);
    int[] crm =
        members(
            users,
            i ->
                onEntra(users.get(i))
                    && (isDept(users.get(i), "Sales")
                        || isDept(users.get(i), "Customer Support")
                        || (isDept(users.get(i), "Marketing") && i % 4 == 0)));
    PlannedGroup crmGroup =
        entraGroup(
            "APP-CRM-Users", "Access to Contoso CRM", GroupKind.STATIC, null, crm, false, 1000);
    groups.add(crmGroup);
    // identical groups (planted)
    int[] phoenix =
        members(
            users,
            i ->
                onEntra(users.get(i))
                    && users.get(i).activity() == Activity.NORMAL
                    && users.get(i).roles().isEmpty()
                    && (isDept(users.get(i), "Engineering") || isDept(users.get(i), "Marketing"))
                    && i % 13 == 5);
    phoenix = java.util.Arrays.copyOf(phoenix, Math.min(phoenix.length, 12));
    for (int i = users.size() - 1; i > Department.ALL.size() && phoenix.length < 3; i--) {
      PlannedUser u = users.get(i);
      if (onEntra(u)
          && u.activity() == Activity.NORMAL
          && u.roles().isEmpty()
          && (isDept(u, "Engineering") || isDept(u, "Marketing"))) {
        phoenix = with(phoenix, i);
      }
    }
    PlannedGroup ph1 =
        entraGroup(
            "Project Phoenix", "Phoenix programme", GroupKind.STATIC, null, phoenix, false, 400);
    PlannedGroup ph2 =
        entraGroup(
            "Phoenix Core Team", "Phoenix core team", GroupKind.STATIC, null, phoenix, false, 380);
    groups.add(ph1);
    groups.add(ph2);
    scenarios.add(
        new Truth.Scenario(
            "merge_groups",
            p,
            ref("group", ph1),
            List.of(ref("group", ph2)),
            "same members, same purpose (Phoenix programme)"));
    // separation of duties: AP groups; one person in both (planted)
    int sodUser = indexWith(users, Role.SOD_BOTH_SIDES);
    int[] vendorMaint =
        members(
            users,
            i ->
                onEntra(users.get(i))
                    && users.get(i).activity() == Activity.NORMAL
                    && "Accounts Payable Specialist".equals(users.get(i).title())
                    && i % 2 == 0);
    // procurement in Operations maintains vendors too (the COO when there is no analyst)
    int procurement = firstOf(users, "Operations Analyst");
    vendorMaint =
        with(with(vendorMaint, sodUser), procurement >= 0 ? procurement : firstOf(users, "COO"));
    int[] approval =
        members(
            users,
            i ->
                onEntra(users.get(i))
                    && users.get(i).activity() == Activity.NORMAL
                    && ("Finance Manager".equals(users.get(i).title())
                        || "CFO".equals(users.get(i).title())));
    // the CEO co-approves payment runs, so the group is never just a slice of Finance
    approval = with(with(approval, sodUser), 0);
    PlannedGroup vm =
        entraGroup(
            "AP-Vendor-Maintenance",
            "Create and change vendors",
            GroupKind.STATIC,
            null,
            vendorMaint,
            false,
            900);
    PlannedGroup pa =
        entraGroup(
            "AP-Payment-Approval",
            "Approve payment runs",
            GroupKind.STATIC,
            null,
            approval,
            false,
            900);
    groups.add(vm);
    groups.add(pa);
    scenarios.add(
        new Truth.Scenario(
            "sod_conflict",
            p,
            userRef(users.get(sodUser), Source.ENTRA),
            List.of(ref("group", vm), ref("group", pa)),
            "holds both sides of SOD-AP-01"));
    // exclusion and administrative groups
    int[] svcAccounts = members(users, i -> users.get(i).kind() == UserKind.SERVICE);
    PlannedGroup svcEx =
        entraGroup(
            "CA-Exclusion-Service-Accounts",
            "Service accounts excluded from MFA policies",
            GroupKind.STATIC,
            null,
            svcAccounts,
            false,
            900);
    groups.add(svcEx);
    int uncovered = indexWith(users, Role.UNCOVERED_ADMIN);
    int[] vendorEx = new int[] {uncovered, svcAccounts[0]};
    PlannedGroup vendorGroup =
        entraGroup(
            "CA-Exclusion-Vendor-Integration",
            "Temporary exclusion for the mail-flow vendor integration",
            GroupKind.STATIC,
            null,
            vendorEx,
            false,
            500);
    groups.add(vendorGroup);
    int[] breakGlass = members(users, i -> users.get(i).kind() == UserKind.BREAK_GLASS);
    PlannedGroup bg =
        entraGroup(
            "Break Glass Accounts",
            "Emergency access accounts",
            GroupKind.STATIC,
            null,
            breakGlass,
            false,
            900);
    groups.add(bg);
    int[] serviceDesk =
        members(
            users,
            i ->
                onEntra(users.get(i))
                    && "Service Desk Analyst".equals(users.get(i).title())
                    && users.get(i).activity() == Activity.NORMAL
                    && !users.get(i).has(Role.UNCOVERED_ADMIN));
    PlannedGroup sd =
        entraGroup(
            "IT Service Desk",
            "Service desk (role-assignable)",
            GroupKind.STATIC,
            null,
            with(serviceDesk, firstOf(users, "IT Manager")),
            true,
            900);
    groups.add(sd);
    int[] pilot =
        members(
            users,
            i ->
                onEntra(users.get(i))
                    && isDept(users.get(i), "Marketing")
                    && users.get(i).activity() == Activity.NORMAL
                    && i % 7 == 3);
    pilot =
        with(java.util.Arrays.copyOf(pilot, Math.min(3, pilot.length)), firstOf(users, "Designer"));
    PlannedGroup pilotGroup =
        entraGroup(
            "Pilot - Device Compliance",
            "Pilot ring for device compliance",
            GroupKind.STATIC,
            null,
            pilot,
            false,
            8);
    groups.add(pilotGroup);
    PlannedGroup lockdown =
        entraGroup(
            "Emergency Lockdown",
            "Accounts to lock down in an incident",
            GroupKind.STATIC,
            null,
            new int[0],
            false,
            600);
    groups.add(lockdown);
    int[] guestIdx = members(users, i -> users.get(i).kind() == UserKind.GUEST);
    PlannedGroup partners =
        entraGroup(
            "Partners (guests)",
            "B2B guests from Fabrikam",
            GroupKind.STATIC,
            null,
            guestIdx,
            false,
            600);
    groups.add(partners);
    // applications
    String ex = "00000002-0000-0ff1-ce00-000000000000";
    String spo = "00000003-0000-0ff1-ce00-000000000000";
    String teams = "1fec8e78-bce4-4aaf-ab1b-5451cc387264";
    String azure = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
    apps.add(entraApp("Office 365 Exchange Online", ex, List.of(), true, 2.0));
    apps.add(entraApp("Microsoft Teams", teams, List.of(), true, 1.5));
    apps.add(entraApp("Office 365 SharePoint Online", spo, List.of(), true, 0.8));
    PlannedGroup itGroup = groupNamed(groups, "All IT");
    apps.add(entraApp("Microsoft Azure Management", azure, List.of(itGroup.id()), false, 1.2));
    PlannedApp erpApp = entraApp("Contoso ERP", ids.uuid(), List.of(erpGroup.id()), false, 1.5);
    apps.add(erpApp);
    PlannedApp crmApp = entraApp("Contoso CRM", ids.uuid(), List.of(crmGroup.id()), false, 2.0);
    apps.add(crmApp);
    PlannedApp timesheets =
        entraApp(
            "Timesheets",
            ids.uuid(),
            List.of(
                groupNamed(groups, "All Operations").id(),
                groupNamed(groups, "All Retail").id(),
                groupNamed(groups, "All Customer Support").id()),
            false,
            0.6);
    apps.add(timesheets);
    apps.add(
        entraApp(
            "Partner Portal",
            ids.uuid(),
            // Project Phoenix holds the app assignment, so it is the group to keep when merging
            List.of(partners.id(), groupNamed(groups, "All Sales").id(), ph1.id()),
            false,
            0.4));
    PlannedApp legacyExpenses = entraApp("Legacy Expenses", ids.uuid(), List.of(), false, 0.0);
    apps.add(legacyExpenses);
    // roles
    for (String[] r : ROLES) {
      roleDefs.add(
          new RoleDefinition(new RoleId(r[0]), r[1], r[0], true, Boolean.parseBoolean(r[2])));
    }
    List<String> adminRoles = new ArrayList<>();
    for (String[] r : ROLES) {
      if (Boolean.parseBoolean(r[2]) && !r[0].equals(EXCHANGE_ADMIN)) {
        adminRoles.add(r[0]);
      }
    }
    for (int b : breakGlass) {
      roleAssignments.add(roleAssignment(GLOBAL_ADMIN, users.get(b).entraId()));
    }
    int it = 0;
    for (PlannedUser u : users) {
      if (!onEntra(u)
          || !isDept(u, "IT")
          || u.activity() != Activity.NORMAL
          || u.has(Role.UNCOVERED_ADMIN)) {
        continue;
      }
      String t = u.title();
      if ("CIO".equals(t)) {
        roleAssignments.add(roleAssignment(ROLES[1][0], u.entraId()));
      } else if ("Security Engineer".equals(t)) {
        roleAssignments.add(
            roleAssignment(it++ % 2 == 0 ? ROLES[2][0] : SECURITY_READER, u.entraId()));
      } else if ("Systems Administrator".equals(t) && it++ % 3 == 0) {
        roleAssignments.add(roleAssignment(it % 2 == 0 ? ROLES[4][0] : ROLES[5][0], u.entraId()));
      }
    }
    roleAssignments.add(roleAssignment(HELPDESK_ADMIN, sd.id()));
    PlannedUser gap = users.get(uncovered);
    roleAssignments.add(roleAssignment(EXCHANGE_ADMIN, gap.entraId()));
    scenarios.add(
        new Truth.Scenario(
            "mfa_coverage_gap",
            p,
            userRef(gap, Source.ENTRA),
            List.of(),
            "holds Exchange Administrator (privileged); CA001 does not include the role and "
                + "CA-Exclusion-Vendor-Integration excludes the account from CA003, so no "
                + "enabled all-apps MFA policy covers it"));
    for (int b : breakGlass) {
      PlannedUser u = users.get(b);
      decoys.add(
          new Truth.Decoy("user", u.entraId(), u.upn(), p, "must not recommend mfa_coverage_gap"));
      decoys.add(
          new Truth.Decoy(
              "user", u.entraId(), u.upn(), p, "must not recommend disable_stale_account"));
    }
    // named locations: every listed office; Manchester's range is missing (planted)
    for (Office off : Office.ALL) {
      if (off.listed()) {
        locations.add(
            new NamedLocation(
                new LocationId(ids.uuid()),
                Source.ENTRA,
                off.name(),
                LocationKind.IP,
                true,
                List.of(off.cidr()),
                List.of(),
                false,
                false,
                true));
      }
    }
    locations.add(
        new NamedLocation(
            new LocationId(ids.uuid()),
            Source.ENTRA,
            "Countries we operate in",
            LocationKind.COUNTRY,
            false,
            List.of(),
            List.of("AU", "DE", "FR", "GB", "NL", "SG", "US"),
            false,
            false,
            true));
    // Conditional Access
    List<String> bgIds = idsOf(users, breakGlass);
    CaBuilder b = new CaBuilder();
    ConditionalAccessPolicy ca001 =
        b.name("CA001 Require MFA for administrators")
            .state(PolicyState.ENABLED)
            .age(700, 200)
            .roles(adminRoles)
            .excludeUsers(bgIds)
            .grant("mfa")
            .build();
    ConditionalAccessPolicy ca002 =
        b.name("CA002 Block legacy authentication")
            .state(PolicyState.REPORT_ONLY)
            .age(650, 400)
            .includeUsers(List.of("All"))
            .excludeUsers(bgIds)
            .clientApps(List.of("exchangeActiveSync", "other"))
            .grant("block")
            .build();
    ConditionalAccessPolicy ca003 =
        b.name("CA003 Require MFA outside trusted locations")
            .state(PolicyState.ENABLED)
            .age(690, 120)
            .includeUsers(List.of("All"))
            .excludeUsers(bgIds)
            .excludeGroups(List.of(svcEx.id(), vendorGroup.id()))
            .locations(List.of("All"), List.of("AllTrusted"))
            .grant("mfa")
            .build();
    ConditionalAccessPolicy ca004 =
        b.name("CA004 Block high sign-in risk")
            .state(PolicyState.ENABLED)
            .age(600, 300)
            .includeUsers(List.of("All"))
            .excludeUsers(bgIds)
            .signInRisk(List.of("high"))
            .grant("block")
            .build();
    ConditionalAccessPolicy ca005 =
        b.name("CA005 Require compliant device for Office 365")
            .state(PolicyState.ENABLED)
            .age(500, 90)
            .includeUsers(List.of("All"))
            .excludeUsers(bgIds)
            .excludeGroups(List.of(svcEx.id(), partners.id()))
            .apps(List.of(ex, spo, teams))
            .clientApps(List.of("browser", "mobileAppsAndDesktopClients"))
            .grant("compliantDevice")
            .build();
    ConditionalAccessPolicy ca006 =
        b.name("CA006 Require MFA for guests")
            .state(PolicyState.ENABLED)
            .age(480, 200)
            .includeUsers(List.of("GuestsOrExternalUsers"))
            .grant("mfa")
            .frequency(1, "days")
            .build();
    ConditionalAccessPolicy ca007 =
        b.name("CA007 Timesheets: re-authenticate every hour")
            .state(PolicyState.ENABLED)
            .age(300, 250)
            .groups(List.of(fs.id()))
            .apps(List.of(timesheets.clientId()))
            .grant("mfa")
            .frequency(1, "hours")
            .build();
    ConditionalAccessPolicy ca008 =
        b.name("CA008 Require MFA for Legacy Expenses")
            .state(PolicyState.REPORT_ONLY)
            .age(420, 260)
            .includeUsers(List.of("All"))
            .excludeUsers(bgIds)
            .apps(List.of(legacyExpenses.clientId()))
            .grant("mfa")
            .build();
    ConditionalAccessPolicy ca009 =
        b.name("CA009 Require MFA for Finance on ERP")
            .state(PolicyState.ENABLED)
            .age(410, 180)
            .groups(List.of(groupNamed(groups, "All Finance").id()))
            .apps(List.of(erpApp.clientId()))
            .grant("mfa")
            .build();
    ConditionalAccessPolicy ca010 =
        b.name("CA010 Require MFA for Operations on ERP")
            .state(PolicyState.ENABLED)
            .age(260, 180)
            .groups(List.of(groupNamed(groups, "All Operations").id()))
            .apps(List.of(erpApp.clientId()))
            .grant("mfa")
            .build();
    ConditionalAccessPolicy ca011 =
        b.name("CA011 Pilot: compliant device for Azure management")
            .state(PolicyState.REPORT_ONLY)
            .age(6, 6)
            .groups(List.of(pilotGroup.id()))
            .apps(List.of(azure))
            .grant("compliantDevice")
            .build();
    ConditionalAccessPolicy ca012 =
        b.name("CA012 Emergency lockdown")
            .state(PolicyState.DISABLED)
            .age(600, 600)
            .groups(List.of(lockdown.id()))
            .grant("block")
            .build();
    ConditionalAccessPolicy ca013 =
        b.name("CA013 Require MFA for Azure management")
            .state(PolicyState.ENABLED)
            .age(640, 300)
            .includeUsers(List.of("All"))
            .excludeUsers(bgIds)
            .apps(List.of(azure))
            .grant("mfa")
            .frequency(12, "hours")
            .build();
    ca.addAll(
        List.of(
            ca001, ca002, ca003, ca004, ca005, ca006, ca007, ca008, ca009, ca010, ca011, ca012,
            ca013));
    protectedPolicies.add(ca012.displayName());
    PlannedGroup retail = groupNamed(groups, "All Retail");
    scenarios.add(
        new Truth.Scenario(
            "policy_exclusion",
            p,
            policyRef(ca005),
            List.of(ref("group", retail)),
            "store staff sign in on shared non-compliant Android tablets and fail CA005 on most "
                + "Office 365 sign-ins"));
    scenarios.add(
        new Truth.Scenario(
            "retire_policy",
            p,
            policyRef(ca008),
            List.of(),
            "report-only for 420 days; Legacy Expenses has no sign-ins, so it applied to none"));
    scenarios.add(
        new Truth.Scenario(
            "consolidate_policies",
            p,
            policyRef(ca009),
            List.of(policyRef(ca010)),
            "same app, same control; differ only in the group included"));
    scenarios.add(
        new Truth.Scenario(
            "relax_mfa_frequency",
            p,
            policyRef(ca007),
            List.of(ref("group", fs)),
            "field staff re-prompted for MFA every hour on Timesheets, a low-risk app"));
    decoys.add(
        new Truth.Decoy(
            "policy",
            ca011.id().value(),
            ca011.displayName(),
            p,
            "must not recommend retire_policy"));
    decoys.add(
        new Truth.Decoy(
            "policy",
            ca012.id().value(),
            ca012.displayName(),
            p,
            "must not recommend retire_policy"));
    scenarios.add(
        new Truth.Scenario(
            "add_trusted_location",
            p,
            new Truth.Ref("network", Office.unlisted().cidr(), Office.unlisted().name()),
            userRefs(
                users,
                i ->
                    users.get(i).office() == Office.unlisted()
                        && !users.get(i).remote()
                        && users.get(i).activity() == Activity.NORMAL
                        && onEntra(users.get(i))
                        && users.get(i).kind() == UserKind.EMPLOYEE,
                Source.ENTRA),
            "Manchester office range is not a named location; its staff complete MFA there daily"));
    scenarios.add(
        new Truth.Scenario(
            "role_candidate",
            p,
            new Truth.Ref("tenant", o.tenant(), o.tenant()),
            userRefs(
                users,
                i ->
                    isDept(users.get(i), "Sales")
                        && onEntra(users.get(i))
                        && users.get(i).activity() == Activity.NORMAL,
                Source.ENTRA),
            "Sales: All Sales + APP-CRM-Users + Partner Portal, shared by the whole department"));
    // unused access (planted): some Operations members of APP-ERP-Users never open the ERP
    markUnused(users, erpGroup, i -> isDept(users.get(i), "Operations"));
    scenarios.add(
        new Truth.Scenario(
            "remove_unused_access",
            p,
            ref("group", erpGroup),
            userRefs(
                users,
                i -> users.get(i).has(Role.UNUSED_GRANT) && onEntra(users.get(i)),
                Source.ENTRA),
            "members who never opened Contoso ERP in the window while their peers did"));
    keepDistinct(
        users,
        groups,
        Source.ENTRA,
        List.of(
            "Field Service",
            "APP-ERP-Users",
            "APP-CRM-Users",
            "AP-Vendor-Maintenance",
            "AP-Payment-Approval",
            "London Sales",
            "Pilot - Device Compliance"));
    for (ConditionalAccessPolicy c : ca) {
      if (c.state() == PolicyState.DISABLED && !protectedPolicies.contains(c.displayName())) {
        throw new IllegalStateException("unplanned disabled policy " + c.displayName());
      }
    }
  }

  private void markUnused(List<PlannedUser> users, PlannedGroup g, IntPredicate eligible) {
    int want = clamp(g.members().length / 15, 2, 25);
    for (int m : g.members()) {
      PlannedUser u = users.get(m);
      if (want > 0
          && eligible.test(m)
          && u.activity() == Activity.NORMAL
          && u.roles().isEmpty()
          && m > Department.ALL.size()) {
        users.set(m, u.withRoles(EnumSet.of(Role.UNUSED_GRANT)));
        want--;
      }
    }
  }

  private int[] londonSales(List<PlannedUser> users) {
    List<Integer> m = new ArrayList<>();
    int dropped = 0;
    for (PlannedUser u : users) {
      if (isDept(u, "Sales")
          && u.office().name().equals("London office")
          && (u.entraId() != null)) {
        if (dropped == 0 && u.index() > Department.ALL.size()) {
          dropped++;
          continue;
        }
        m.add(u.index());
      }
    }
    int extra = firstOf(users, "Marketing Specialist");
    if (extra >= 0) {
      m.add(extra);
    }
    return m.stream().mapToInt(Integer::intValue).toArray();
  }

  private int[] fieldService(List<PlannedUser> users) {
    List<Integer> m = new ArrayList<>();
    int coordinators = 0;
    for (PlannedUser u : users) {
      if (u.entraId() == null || u.activity() != Activity.NORMAL || !u.roles().isEmpty()) {
        continue;
      }
      if ("Field Service Technician".equals(u.title())) {
        m.add(u.index());
      } else if ("Logistics Coordinator".equals(u.title()) && coordinators < 2) {
        m.add(u.index());
        coordinators++;
      }
    }
    int[] out = m.stream().mapToInt(Integer::intValue).toArray();
    return java.util.Arrays.copyOf(out, Math.min(out.length, 60));
  }

  private static int firstOf(List<PlannedUser> users, String title) {
    for (PlannedUser u : users) {
      if (title.equals(u.title()) && u.activity() == Activity.NORMAL && u.roles().isEmpty()) {
        return u.index();
      }
    }
    return -1;
  }

  private static int[] with(int[] a, int x) {
    if (x < 0) {
      return a;
    }
    for (int v : a) {
      if (v == x) {
        return a;
      }
    }
    int[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = x;
    return out;
  }

  private static int indexWith(List<PlannedUser> users, Role r) {
    for (PlannedUser u : users) {
      if (u.has(r)) {
        return u.index();
      }
    }
    throw new IllegalStateException("no user plays " + r);
  }

  private static PlannedGroup groupNamed(List<PlannedGroup> groups, String name) {
    for (PlannedGroup g : groups) {
      if (g.name().equals(name)) {
        return g;
      }
    }
    throw new IllegalArgumentException("no group " + name);
  }

  private static List<String> idsOf(List<PlannedUser> users, int[] idx) {
    List<String> out = new ArrayList<>();
    for (int i : idx) {
      out.add(users.get(i).entraId());
    }
    return out;
  }

  private RoleAssignment roleAssignment(String role, @Nullable String principal) {
    return new RoleAssignment(
        ids.uuid(),
        new RoleId(role),
        java.util.Objects.requireNonNull(principal, "principal"),
        "/");
  }

  private PlannedApp entraApp(
      String name, String appId, List<String> groups, boolean everyone, double visits) {
    return new PlannedApp(
        Source.ENTRA, ids.uuid(), appId, name, groups, everyone, visits, null, "");
  }

  static Truth.Ref ref(String kind, PlannedGroup g) {
    return new Truth.Ref(kind, g.id(), g.name());
  }

  static Truth.Ref policyRef(ConditionalAccessPolicy c) {
    return new Truth.Ref("policy", c.id().value(), c.displayName());
  }

  static Truth.Ref userRef(PlannedUser u, Source platform) {
    String id = platform == Source.ENTRA ? u.entraId() : u.oktaId();
    return new Truth.Ref("user", java.util.Objects.requireNonNull(id, "id"), u.upn());
  }

  private static List<Truth.Ref> userRefs(
      List<PlannedUser> users, IntPredicate p, Source platform) {
    List<Truth.Ref> out = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      if (p.test(i)) {
        out.add(userRef(users.get(i), platform));
      }
    }
    return out;
  }

  /** Builds CA policies with fixed ids minted in call order. */
  private final class CaBuilder {
    private String name = "";
    private PolicyState state = PolicyState.ENABLED;
    private Instant created = CAPTURED_AT;
    private Instant modified = CAPTURED_AT;
    private List<String> includeUsers = List.of();
    private List<String> excludeUsers = List.of();
    private List<String> includeGroups = List.of();
    private List<String> excludeGroups = List.of();
    private List<String> includeRoles = List.of();
    private List<String> apps = List.of("All");
    private List<String> clientApps = List.of("all");
    private List<String> includeLocations = List.of();
    private List<String> excludeLocations = List.of();
    private List<String> signInRisk = List.of();
    private String grant = "mfa";
    private @Nullable Integer frequency;
    private @Nullable String frequencyType;

    CaBuilder name(String n) {
      name = n;
      return this;
    }

    CaBuilder state(PolicyState s) {
      state = s;
      return this;
    }

    CaBuilder age(int createdDaysAgo, int modifiedDaysAgo) {
      created = ago(createdDaysAgo).minusSeconds(3600L * 7);
      modified = ago(modifiedDaysAgo).minusSeconds(3600L * 5);
      return this;
    }

    CaBuilder includeUsers(List<String> v) {
      includeUsers = v;
      return this;
    }

    CaBuilder excludeUsers(List<String> v) {
      excludeUsers = v;
      return this;
    }

    CaBuilder groups(List<String> v) {
      includeGroups = v;
      return this;
    }

    CaBuilder excludeGroups(List<String> v) {
      excludeGroups = v;
      return this;
    }

    CaBuilder roles(List<String> v) {
      includeRoles = v;
      return this;
    }

    CaBuilder apps(List<String> v) {
      apps = v;
      return this;
    }

    CaBuilder clientApps(List<String> v) {
      clientApps = v;
      return this;
    }

    CaBuilder locations(List<String> include, List<String> exclude) {
      includeLocations = include;
      excludeLocations = exclude;
      return this;
    }

    CaBuilder signInRisk(List<String> v) {
      signInRisk = v;
      return this;
    }

    CaBuilder grant(String g) {
      grant = g;
      return this;
    }

    CaBuilder frequency(int value, String type) {
      frequency = value;
      frequencyType = type;
      return this;
    }

    ConditionalAccessPolicy build() {
      ConditionalAccessPolicy.SessionControls session =
          frequency == null
              ? null
              : new ConditionalAccessPolicy.SessionControls(
                  frequency, frequencyType, null, null, false, false);
      ConditionalAccessPolicy draft =
          new ConditionalAccessPolicy(
              new PolicyId(ids.uuid()),
              name,
              state,
              created,
              modified,
              new ConditionalAccessPolicy.Users(
                  includeUsers,
                  excludeUsers,
                  includeGroups,
                  excludeGroups,
                  includeRoles,
                  List.of(),
                  null,
                  null),
              new ConditionalAccessPolicy.Applications(apps, List.of(), List.of(), List.of()),
              clientApps,
              new ConditionalAccessPolicy.Platforms(List.of(), List.of()),
              new ConditionalAccessPolicy.Locations(includeLocations, excludeLocations),
              signInRisk,
              List.of(),
              null,
              new ConditionalAccessPolicy.GrantControls(
                  "OR", List.of(grant), List.of(), List.of(), null, null),
              session,
              List.of(),
              "");
      ConditionalAccessPolicy done = EntraJson.withRaw(draft);
      // reset for the next policy
      includeUsers = List.of();
      excludeUsers = List.of();
      includeGroups = List.of();
      excludeGroups = List.of();
      includeRoles = List.of();
      apps = List.of("All");
      clientApps = List.of("all");
      includeLocations = List.of();
      excludeLocations = List.of();
      signInRisk = List.of();
      frequency = null;
      frequencyType = null;
      return done;
    }
  }

  // ------------------------------------------------------------- Okta

  private static boolean onOkta(PlannedUser u) {
    return u.oktaId() != null && !"DEPROVISIONED".equals(u.oktaStatus());
  }

  private PlannedGroup oktaGroup(
      String name,
      String description,
      @Nullable String rule,
      int[] members,
      boolean builtIn,
      int ageDays) {
    return new PlannedGroup(
        Source.OKTA,
        ids.okta("00g"),
        name,
        description,
        rule == null ? GroupKind.STATIC : GroupKind.DYNAMIC,
        rule,
        rule == null ? null : ids.okta("0pr"),
        members,
        false,
        builtIn,
        ago(ageDays));
  }

  private void planOkta(
      List<PlannedUser> users,
      List<PlannedGroup> groups,
      List<PlannedApp> apps,
      List<NamedLocation> locations,
      List<OktaPolicy> policies) {
    String p = "okta";
    List<String> officeZones = new ArrayList<>();
    for (Office off : Office.ALL) {
      if (off.listed()) {
        String id = ids.okta("nzo");
        officeZones.add(id);
        locations.add(
            new NamedLocation(
                new LocationId(id),
                Source.OKTA,
                off.name(),
                LocationKind.IP,
                true,
                List.of(off.cidr()),
                List.of(),
                false,
                false,
                true));
      }
    }
    locations.add(
        new NamedLocation(
            new LocationId(ids.okta("nzo")),
            Source.OKTA,
            "BlockedIpZone",
            LocationKind.IP,
            false,
            List.of("192.0.2.240-192.0.2.250"),
            List.of(),
            false,
            true,
            true));
    PlannedGroup everyone =
        oktaGroup(
            "Everyone",
            "All users in your organization",
            null,
            members(users, i -> onOkta(users.get(i))),
            true,
            2000);
    groups.add(everyone);
    for (Department d : Department.ALL) {
      // the planted static Legal group holds every Legal account, deprovisioned ones included,
      // exactly as the attribute does
      int[] m =
          d.name().equals("Legal")
              ? members(users, i -> users.get(i).oktaId() != null && isDept(users.get(i), "Legal"))
              : members(users, i -> onOkta(users.get(i)) && isDept(users.get(i), d.name()));
      if (d.name().equals("Legal")) {
        PlannedGroup g = oktaGroup("Legal", "Legal team", null, m, false, 900);
        groups.add(g);
        scenarios.add(
            new Truth.Scenario(
                "dynamic_group_rule",
                p,
                ref("group", g),
                List.of(),
                "static group whose members are exactly user.department==\"Legal\""));
      } else {
        groups.add(
            oktaGroup(
                "Dept-" + d.name(),
                d.name() + " (group rule)",
                "user.department==\"" + d.name() + "\"",
                m,
                false,
                1100));
      }
    }
    int[] sf =
        members(
            users,
            i ->
                onOkta(users.get(i))
                    && (isDept(users.get(i), "Sales")
                        || isDept(users.get(i), "Customer Support")
                        || (isDept(users.get(i), "Marketing") && i % 4 == 1)));
    PlannedGroup sfUsers =
        oktaGroup("Salesforce Users", "Salesforce licence holders", null, sf, false, 1000);
    groups.add(sfUsers);
    int[] admins =
        members(
            users,
            i ->
                onOkta(users.get(i))
                    && isDept(users.get(i), "IT")
                    && users.get(i).activity() == Activity.NORMAL
                    && ("IT Manager".equals(users.get(i).title())
                        || "CIO".equals(users.get(i).title())
                        || "Security Engineer".equals(users.get(i).title())));
    PlannedGroup oktaAdmins =
        oktaGroup("Okta Admins", "Okta administrators", null, admins, false, 1000);
    groups.add(oktaAdmins);
    int[] approvers =
        members(
            users,
            i ->
                onOkta(users.get(i))
                    && users.get(i).activity() == Activity.NORMAL
                    && ("Finance Manager".equals(users.get(i).title())
                        || "CFO".equals(users.get(i).title())
                        || "Operations Manager".equals(users.get(i).title())));
    PlannedGroup ap1 = oktaGroup("Finance Approvers", "Approve spend", null, approvers, false, 700);
    PlannedGroup ap2 = oktaGroup("AP Approvers", "Approve spend (AP)", null, approvers, false, 300);
    groups.add(ap1);
    groups.add(ap2);
    scenarios.add(
        new Truth.Scenario(
            "merge_groups",
            p,
            ref("group", ap1),
            List.of(ref("group", ap2)),
            "same members, same purpose (spend approval)"));
    // access policies first: apps link to them
    String defaultAccess = ids.okta("rst");
    String sfAccess = ids.okta("rst");
    String engAccess = ids.okta("rst");
    PlannedGroup eng = groupNamed(groups, "Dept-Engineering");
    PlannedGroup support = groupNamed(groups, "Dept-Customer Support");
    apps.add(oktaApp("Slack", "slack", List.of(everyone.id()), true, 1.0, defaultAccess));
    apps.add(oktaApp("Zoom", "zoomus", List.of(everyone.id()), true, 0.5, defaultAccess));
    // Finance Approvers holds the approver assignment, so it is the group to keep when merging
    apps.add(
        oktaApp("Workday", "workday", List.of(everyone.id(), ap1.id()), true, 0.2, defaultAccess));
    PlannedApp salesforce =
        oktaApp("Salesforce", "salesforce", List.of(sfUsers.id()), false, 1.5, sfAccess);
    apps.add(salesforce);
    apps.add(oktaApp("GitHub", "github_enterprise", List.of(eng.id()), false, 1.5, engAccess));
    apps.add(
        oktaApp("Jira", "jira_onprem", List.of(eng.id(), support.id()), false, 1.0, engAccess));
    // sign-on (global session) policies
    OktaPolicy adminSession =
        OktaJson.withRaw(
            new OktaPolicy(
                new PolicyId(ids.okta("00p")),
                "Admin session policy",
                OktaPolicyType.OKTA_SIGN_ON,
                "OKTA_SIGN_ON",
                "ACTIVE",
                1,
                false,
                List.of(oktaAdmins.id()),
                List.of(
                    signOnRule(
                        "Admins: MFA every sign-in",
                        1,
                        false,
                        "ANYWHERE",
                        List.of(),
                        true,
                        "ALWAYS"),
                    signOnRule("Default Rule", 2, true, "ANYWHERE", List.of(), true, "SESSION")),
                ""));
    OktaPolicy defaultSession =
        OktaJson.withRaw(
            new OktaPolicy(
                new PolicyId(ids.okta("00p")),
                "Default Policy",
                OktaPolicyType.OKTA_SIGN_ON,
                "OKTA_SIGN_ON",
                "ACTIVE",
                2,
                true,
                List.of(everyone.id()),
                List.of(
                    signOnRule("MFA off network", 1, false, "ZONE", officeZones, true, "SESSION"),
                    signOnRule("Default Rule", 2, true, "ANYWHERE", List.of(), false, null)),
                ""));
    OktaPolicy sfPolicy =
        OktaJson.withRaw(
            new OktaPolicy(
                new PolicyId(sfAccess),
                "Salesforce access",
                OktaPolicyType.ACCESS_POLICY,
                "ACCESS_POLICY",
                "ACTIVE",
                1,
                false,
                List.of(),
                List.of(
                    accessRule(
                        "Salesforce users: 2FA", 0, false, List.of(sfUsers.id()), "ALLOW", "2FA"),
                    accessRule("Catch-all Rule", 99, true, List.of(), "DENY", "2FA")),
                ""));
    OktaPolicy engPolicy =
        OktaJson.withRaw(
            new OktaPolicy(
                new PolicyId(engAccess),
                "Engineering tools",
                OktaPolicyType.ACCESS_POLICY,
                "ACCESS_POLICY",
                "ACTIVE",
                2,
                false,
                List.of(),
                List.of(
                    accessRule(
                        "Engineering and Support: 2FA",
                        0,
                        false,
                        List.of(eng.id(), support.id()),
                        "ALLOW",
                        "2FA"),
                    accessRule("Catch-all Rule", 99, true, List.of(), "DENY", "2FA")),
                ""));
    OktaPolicy defPolicy =
        OktaJson.withRaw(
            new OktaPolicy(
                new PolicyId(defaultAccess),
                "Default Policy",
                OktaPolicyType.ACCESS_POLICY,
                "ACCESS_POLICY",
                "ACTIVE",
                3,
                true,
                List.of(),
                List.of(accessRule("Catch-all Rule", 99, true, List.of(), "ALLOW", "1FA")),
                ""));
    OktaPolicy enroll =
        OktaJson.withRaw(
            new OktaPolicy(
                new PolicyId(ids.okta("00p")),
                "Default Policy",
                OktaPolicyType.MFA_ENROLL,
                "MFA_ENROLL",
                "ACTIVE",
                1,
                true,
                List.of(everyone.id()),
                List.of(),
                ""));
    OktaPolicy password =
        OktaJson.withRaw(
            new OktaPolicy(
                new PolicyId(ids.okta("00p")),
                "Default Policy",
                OktaPolicyType.PASSWORD,
                "PASSWORD",
                "ACTIVE",
                1,
                true,
                List.of(everyone.id()),
                List.of(),
                ""));
    policies.addAll(
        List.of(adminSession, defaultSession, sfPolicy, engPolicy, defPolicy, enroll, password));
    plantOktaRetirements(policies, adminSession, officeZones, groupNamed(groups, "Dept-Sales"));
    markUnusedOkta(users, sfUsers);
    keepDistinct(users, groups, Source.OKTA, List.of("Salesforce Users"));
    scenarios.add(
        new Truth.Scenario(
            "remove_unused_access",
            p,
            ref("group", sfUsers),
            userRefs(
                users,
                i -> users.get(i).has(Role.UNUSED_GRANT_OKTA) && onOkta(users.get(i)),
                Source.OKTA),
            "members who never opened Salesforce in the window while their peers did"));
    scenarios.add(
        new Truth.Scenario(
            "add_trusted_location",
            p,
            new Truth.Ref("network", Office.unlisted().cidr(), Office.unlisted().name()),
            userRefs(
                users,
                i ->
                    users.get(i).office() == Office.unlisted()
                        && !users.get(i).remote()
                        && users.get(i).activity() == Activity.NORMAL
                        && onOkta(users.get(i)),
                Source.OKTA),
            "Manchester office range is not a network zone; its staff complete MFA there daily"));
    scenarios.add(
        new Truth.Scenario(
            "role_candidate",
            p,
            new Truth.Ref("tenant", o.tenant(), o.tenant()),
            userRefs(
                users,
                i ->
                    isDept(users.get(i), "Engineering")
                        && onOkta(users.get(i))
                        && users.get(i).activity() == Activity.NORMAL,
                Source.OKTA),
            "Engineering: Dept-Engineering + GitHub + Jira, shared by the whole department"));
  }

  /**
   * Small tenants can make a hand-kept group accidentally equal to another group or to everyone
   * with one department, title or city. Such a group gets one more ordinary member until it is
   * neither, so the background holds no unplanted merge_groups or dynamic_group_rule instance.
   */
  private void keepDistinct(
      List<PlannedUser> users, List<PlannedGroup> groups, Source platform, List<String> mixable) {
    List<java.util.function.Function<PlannedUser, String>> attributes =
        List.of(
            u -> u.department() == null ? null : u.department().name(),
            PlannedUser::title,
            u -> u.kind() == UserKind.EMPLOYEE ? u.office().city() : null);
    for (int round = 0; round < 20; round++) {
      boolean changed = false;
      for (int gi = 0; gi < groups.size(); gi++) {
        PlannedGroup g = groups.get(gi);
        if (g.platform() != platform || !mixable.contains(g.name())) {
          continue;
        }
        boolean clash = false;
        for (PlannedGroup other : groups) {
          clash |=
              other != g
                  && other.platform() == platform
                  && java.util.Arrays.equals(other.members(), g.members());
        }
        for (java.util.function.Function<PlannedUser, String> attr : attributes) {
          java.util.Map<String, List<Integer>> byValue = new java.util.TreeMap<>();
          for (PlannedUser u : users) {
            String v = attr.apply(u);
            boolean on = platform == Source.ENTRA ? u.entraId() != null : u.oktaId() != null;
            if (on && v != null) {
              byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(u.index());
            }
          }
          for (List<Integer> holders : byValue.values()) {
            clash |=
                java.util.Arrays.equals(
                    holders.stream().mapToInt(Integer::intValue).toArray(), g.members());
          }
        }
        if (!clash) {
          continue;
        }
        for (int i = users.size() - 1; i > Department.ALL.size(); i--) {
          PlannedUser u = users.get(i);
          boolean on = platform == Source.ENTRA ? onEntra(u) : onOkta(u);
          if (on
              && u.kind() == UserKind.EMPLOYEE
              && u.activity() == Activity.NORMAL
              && u.roles().isEmpty()
              && !isDept(u, "Retail")
              && java.util.Arrays.binarySearch(g.members(), i) < 0) {
            groups.set(
                gi,
                new PlannedGroup(
                    g.platform(),
                    g.id(),
                    g.name(),
                    g.description(),
                    g.kind(),
                    g.rule(),
                    g.ruleId(),
                    with(g.members(), i),
                    g.roleAssignable(),
                    g.builtIn(),
                    g.created()));
            changed = true;
            break;
          }
        }
      }
      if (!changed) {
        return;
      }
    }
  }

  private void markUnusedOkta(List<PlannedUser> users, PlannedGroup g) {
    int want = clamp(g.members().length / 15, 2, 25);
    for (int m : g.members()) {
      PlannedUser u = users.get(m);
      if (want > 0
          && isDept(u, "Customer Support")
          && u.activity() == Activity.NORMAL
          && u.roles().isEmpty()
          && m > Department.ALL.size()) {
        users.set(m, u.withRoles(EnumSet.of(Role.UNUSED_GRANT_OKTA)));
        want--;
      }
    }
  }

  private PlannedApp oktaApp(
      String label,
      String name,
      List<String> groups,
      boolean everyone,
      double visits,
      String accessPolicy) {
    String id = ids.okta("0oa");
    return new PlannedApp(Source.OKTA, id, id, label, groups, everyone, visits, accessPolicy, name);
  }

  /**
   * retire_policy (Okta): a rule of the admin session policy below its catch-all rule (so it can
   * never match), and an inactive policy. Neither changes any decision. Their ids come from a
   * random of their own, so every other object of the tenant stays as it was without them.
   */
  private void plantOktaRetirements(
      List<OktaPolicy> policies,
      OktaPolicy adminSession,
      List<String> officeZones,
      PlannedGroup formerContractors) {
    String p = "okta";
    IdMint own = new IdMint(new SplittableRandom(o.seed() ^ 0x7e71e5L));
    List<OktaRule> rules = new ArrayList<>(adminSession.rules());
    rules.add(
        signOnRule(
            own.okta("0pr"),
            "Admins: off network, password only",
            2,
            false,
            "ZONE",
            officeZones,
            false,
            null));
    OktaPolicy withShadowed = OktaJson.withRaw(adminSession.withRules(rules));
    policies.set(policies.indexOf(adminSession), withShadowed);
    OktaPolicy inactive =
        OktaJson.withRaw(
            new OktaPolicy(
                new PolicyId(own.okta("00p")),
                "Sales contractors session policy (2023)",
                OktaPolicyType.OKTA_SIGN_ON,
                "OKTA_SIGN_ON",
                "INACTIVE",
                2,
                false,
                List.of(formerContractors.id()),
                List.of(
                    signOnRule(
                        own.okta("0pr"),
                        "Contractors: MFA every sign-in",
                        1,
                        false,
                        "ANYWHERE",
                        List.of(),
                        true,
                        "ALWAYS")),
                ""));
    policies.add(inactive);
    scenarios.add(
        new Truth.Scenario(
            "retire_policy",
            p,
            new Truth.Ref("policy", withShadowed.id().value(), withShadowed.name()),
            List.of(),
            "rule 'Admins: off network, password only' sits below 'Admins: MFA every sign-in',"
                + " which has no condition, so it never matches"));
    scenarios.add(
        new Truth.Scenario(
            "retire_policy",
            p,
            new Truth.Ref("policy", inactive.id().value(), inactive.name()),
            List.of(),
            "INACTIVE since the contractor programme ended; evaluated for no sign-in"));
    for (OktaPolicy x : policies) {
      if (x.system() && x.type() == OktaPolicyType.OKTA_SIGN_ON) {
        decoys.add(
            new Truth.Decoy(
                "policy", x.id().value(), x.name(), p, "must not recommend retire_policy"));
      }
    }
  }

  private OktaRule signOnRule(
      String name,
      int priority,
      boolean system,
      String connection,
      List<String> zonesExclude,
      boolean requireFactor,
      @Nullable String promptMode) {
    return signOnRule(
        ids.okta("0pr"),
        name,
        priority,
        system,
        connection,
        zonesExclude,
        requireFactor,
        promptMode);
  }

  private OktaRule signOnRule(
      String id,
      String name,
      int priority,
      boolean system,
      String connection,
      List<String> zonesExclude,
      boolean requireFactor,
      @Nullable String promptMode) {
    OktaRule r =
        new OktaRule(
            id,
            name,
            "ACTIVE",
            priority,
            system,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            connection,
            List.of(),
            zonesExclude,
            null,
            List.of(),
            null,
            null,
            "ALLOW",
            requireFactor,
            promptMode,
            requireFactor ? 720 : null,
            null,
            null,
            null,
            "");
    return OktaJson.withRaw(r, OktaPolicyType.OKTA_SIGN_ON);
  }

  private OktaRule accessRule(
      String name,
      int priority,
      boolean system,
      List<String> groups,
      String access,
      String factorMode) {
    OktaRule r =
        new OktaRule(
            ids.okta("0pr"),
            name,
            "ACTIVE",
            priority,
            system,
            List.of(),
            List.of(),
            groups,
            List.of(),
            "ANYWHERE",
            List.of(),
            List.of(),
            "ANY",
            List.of(),
            null,
            null,
            access,
            false,
            null,
            null,
            "ASSURANCE",
            factorMode,
            "PT12H",
            "");
    return OktaJson.withRaw(r, OktaPolicyType.ACCESS_POLICY);
  }

  // ---------------------------------------------------- user-level truth

  private void planUserScenarios(List<PlannedUser> users, List<PlannedGroup> groups) {
    List<Source> platforms = new ArrayList<>();
    if (o.platform().entra()) {
      platforms.add(Source.ENTRA);
    }
    if (o.platform().okta()) {
      platforms.add(Source.OKTA);
    }
    int fatigue = 0;
    for (PlannedUser u : users) {
      for (Source s : platforms) {
        String id = s == Source.ENTRA ? u.entraId() : u.oktaId();
        if (id == null) {
          continue;
        }
        String p = s.folder();
        Truth.Ref me = userRef(u, s);
        switch (u.activity()) {
          case STALE ->
              scenarios.add(
                  new Truth.Scenario(
                      "disable_stale_account",
                      p,
                      me,
                      List.of(),
                      "enabled, created years ago, last sign-in " + u.lastSignInBefore()));
          case ORPHAN ->
              scenarios.add(
                  new Truth.Scenario(
                      "deprovision_orphan",
                      p,
                      me,
                      List.of(),
                      "HR terminated on " + u.terminationDate() + "; account still enabled"));
          case LEAVE -> {
            decoys.add(
                new Truth.Decoy(
                    "user", id, u.upn(), p, "must not recommend disable_stale_account"));
            decoys.add(
                new Truth.Decoy("user", id, u.upn(), p, "must not recommend remove_unused_access"));
          }
          case NEW_HIRE ->
              decoys.add(
                  new Truth.Decoy(
                      "user", id, u.upn(), p, "must not recommend disable_stale_account"));
          case SERVICE ->
              decoys.add(
                  new Truth.Decoy(
                      "user", id, u.upn(), p, "must not recommend disable_stale_account"));
          default -> {}
        }
        if (u.has(Role.IMPOSSIBLE_TRAVEL)) {
          scenarios.add(
              new Truth.Scenario("impossible_travel", p, me, List.of(), Travel.impossibleNote(u)));
        }
        if (u.has(Role.PLAUSIBLE_TRAVEL)
            || u.has(Role.NEARBY_HOP)
            || u.has(Role.TWO_REGION_SERVICE)) {
          decoys.add(
              new Truth.Decoy("user", id, u.upn(), p, "must not recommend impossible_travel"));
        }
      }
      if (u.has(Role.MFA_FATIGUE)) {
        Source s = fatiguePlatform(o, fatigue++);
        if ((s == Source.ENTRA ? u.entraId() : u.oktaId()) != null) {
          scenarios.add(
              new Truth.Scenario(
                  "mfa_fatigue",
                  s.folder(),
                  userRef(u, s),
                  List.of(),
                  "seven push prompts denied or ignored in 20 minutes, then approved"));
        }
      }
    }
    for (Source s : platforms) {
      scenarios.add(
          new Truth.Scenario(
              "restrict_location",
              s.folder(),
              new Truth.Ref("country", SPRAY_COUNTRY, "Russia"),
              List.of(),
              "password spray from 192.0.2.0/24; nobody signs in from there legitimately"));
    }
    if (o.platform().entra()) {
      scenarios.add(
          new Truth.Scenario(
              "block_legacy_auth",
              "entra",
              new Truth.Ref("tenant", o.tenant(), o.tenant()),
              userRefs(
                  users,
                  i ->
                      (users.get(i).has(Role.LEGACY_CLIENT)
                              || users.get(i).upn().startsWith("svc-scanner@"))
                          && users.get(i).entraId() != null,
                  Source.ENTRA),
              "IMAP4 and SMTP sign-ins succeed; CA002 blocks legacy clients in report-only only"));
    }
  }

  /**
   * A stale account's app grants are unused too while its peers use them: recorded, so that an
   * analyzer reporting them (instead of folding them into disable_stale_account) is not penalised.
   */
  private void planStaleGrants(
      List<PlannedUser> users, List<PlannedGroup> groups, List<PlannedApp> apps) {
    for (Source s : List.of(Source.ENTRA, Source.OKTA)) {
      java.util.Set<String> seen = new java.util.LinkedHashSet<>();
      for (PlannedApp a : apps) {
        if (a.platform() != s) {
          continue;
        }
        for (String gid : a.groups()) {
          if (!seen.add(gid)) {
            continue;
          }
          PlannedGroup g = groupNamed(groups, nameOf(groups, gid));
          List<Truth.Ref> subjects = new ArrayList<>();
          for (int m : g.members()) {
            PlannedUser u = users.get(m);
            if (u.activity() == Activity.STALE) {
              subjects.add(userRef(u, s));
            }
          }
          if (!subjects.isEmpty()) {
            scenarios.add(
                new Truth.Scenario(
                    "remove_unused_access",
                    s.folder(),
                    ref("group", g),
                    subjects,
                    "stale accounts (see disable_stale_account): their grant is unused as well;"
                        + " folding this into disabling the account is equally right"));
          }
        }
      }
    }
  }

  private static String nameOf(List<PlannedGroup> groups, String id) {
    for (PlannedGroup g : groups) {
      if (g.id().equals(id)) {
        return g.name();
      }
    }
    throw new IllegalArgumentException("no group " + id);
  }

  static final String SPRAY_COUNTRY = "RU";

  /** Which platform carries the {@code n}-th fatigue victim's attack (alternating when both). */
  static Source fatiguePlatform(GeneratorOptions o, int n) {
    if (!o.platform().okta()) {
      return Source.ENTRA;
    }
    if (!o.platform().entra()) {
      return Source.OKTA;
    }
    return n % 2 == 0 ? Source.ENTRA : Source.OKTA;
  }
}
