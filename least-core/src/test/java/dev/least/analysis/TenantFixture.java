package dev.least.analysis;

import dev.least.model.Account;
import dev.least.model.AccountId;
import dev.least.model.AccountKind;
import dev.least.model.AccountStatus;
import dev.least.model.App;
import dev.least.model.AppAssignment;
import dev.least.model.AppId;
import dev.least.model.ClientAppType;
import dev.least.model.ConditionalAccessStatus;
import dev.least.model.Group;
import dev.least.model.GroupId;
import dev.least.model.GroupKind;
import dev.least.model.GroupMembership;
import dev.least.model.HrWorker;
import dev.least.model.Manifest;
import dev.least.model.Principal;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import dev.least.model.SignInOutcome;
import dev.least.model.Source;
import dev.least.model.TenantSettings;
import dev.least.model.TenantSnapshot;
import dev.least.model.TriState;
import dev.least.model.WorkerStatus;
import dev.least.source.IdentityJoin;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Builds small tenants for analyzer tests, with real model values (no mocks). */
final class TenantFixture {
  static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");

  final List<HrWorker> workers = new ArrayList<>();
  final List<Account> accounts = new ArrayList<>();
  final List<Group> groups = new ArrayList<>();
  final List<GroupMembership> memberships = new ArrayList<>();
  final List<App> apps = new ArrayList<>();
  final List<AppAssignment> assignments = new ArrayList<>();
  final SignInLog.Builder log = SignInLog.builder();
  TenantSettings settings = TenantSettings.defaults();
  private int events;

  Account account(String id, String login, int createdDaysAgo, String department) {
    return account(id, login, createdDaysAgo, department, Source.ENTRA, AccountStatus.ACTIVE);
  }

  Account account(
      String id,
      String login,
      int createdDaysAgo,
      String department,
      Source src,
      AccountStatus st) {
    Account a =
        new Account(
            new AccountId(id),
            src,
            login,
            login,
            login,
            st,
            AccountKind.MEMBER,
            null,
            department,
            null,
            null,
            NOW.minusSeconds(86_400L * createdDaysAgo),
            null);
    accounts.add(a);
    return a;
  }

  HrWorker worker(String employeeId, String email, WorkerStatus status) {
    HrWorker w =
        new HrWorker(
            employeeId,
            email,
            "F",
            "L",
            status,
            LocalDate.parse("2020-01-01"),
            status == WorkerStatus.TERMINATED ? LocalDate.parse("2026-09-30") : null,
            "Sales",
            "AE",
            null,
            null,
            null,
            "Employee");
    workers.add(w);
    return w;
  }

  Group group(String id, String name, String... members) {
    Group g = new Group(new GroupId(id), Source.ENTRA, name, GroupKind.STATIC, null, true);
    groups.add(g);
    for (String m : members) {
      memberships.add(new GroupMembership(g.id(), new Principal(PrincipalKind.USER, m)));
    }
    return g;
  }

  App app(String id, String name, String... principals) {
    App a = new App(new AppId(id), Source.ENTRA, name, id, null, true);
    apps.add(a);
    for (String p : principals) {
      assignments.add(new AppAssignment(a.id(), new Principal(PrincipalKind.USER, p)));
    }
    return a;
  }

  String signIn(
      String account, int daysAgo, String country, ClientAppType client, SignInOutcome outcome) {
    String id = new UUID(0xabcL, events++).toString();
    log.add(
        new SignInEvent(
            id,
            Source.ENTRA,
            NOW.minusSeconds(86_400L * daysAgo).toEpochMilli(),
            PrincipalKind.USER,
            account,
            account + "@contoso.com",
            "app",
            "App",
            "198.51.100.1",
            country,
            null,
            client,
            null,
            true,
            "Windows 10",
            TriState.UNKNOWN,
            TriState.UNKNOWN,
            outcome,
            outcome == SignInOutcome.SUCCESS ? 0 : 50126,
            TriState.FALSE,
            TriState.FALSE,
            null,
            RiskLevel.NONE,
            List.of()));
    return id;
  }

  /** A sign-in with coordinates at an exact time; returns its event id. */
  String signInAt(
      Source src,
      String account,
      Instant at,
      String city,
      String country,
      double lat,
      double lon,
      SignInOutcome outcome) {
    return signInAt(src, account, at, city, country, lat, lon, outcome, true);
  }

  /** As above, interactive or not. */
  String signInAt(
      Source src,
      String account,
      Instant at,
      String city,
      String country,
      double lat,
      double lon,
      SignInOutcome outcome,
      boolean interactive) {
    String id = new UUID(0xabcL, events++).toString();
    log.add(
        new SignInEvent(
            id,
            src,
            at.toEpochMilli(),
            PrincipalKind.USER,
            account,
            account + "@contoso.com",
            "app",
            "App",
            "198.51.100." + (events % 250),
            country,
            city,
            ClientAppType.BROWSER,
            "Browser",
            interactive,
            "Windows 10",
            TriState.UNKNOWN,
            TriState.UNKNOWN,
            outcome,
            outcome == SignInOutcome.SUCCESS ? 0 : 50126,
            TriState.FALSE,
            TriState.FALSE,
            null,
            RiskLevel.NONE,
            List.of(),
            lat,
            lon,
            null,
            null,
            null,
            null,
            ConditionalAccessStatus.NOT_LOGGED));
    return id;
  }

  /** A non-human account (AccountKind.SERVICE). */
  Account serviceAccount(String id, String login) {
    Account a =
        new Account(
            new AccountId(id),
            Source.ENTRA,
            login,
            null,
            login,
            AccountStatus.ACTIVE,
            AccountKind.SERVICE,
            null,
            null,
            null,
            null,
            NOW.minusSeconds(86_400L * 400),
            null);
    accounts.add(a);
    return a;
  }

  AnalysisInput input() {
    IdentityJoin.Result join = IdentityJoin.join(workers, accounts);
    TenantSnapshot s =
        new TenantSnapshot(
            new Manifest("contoso", NOW, List.of(Source.ENTRA, Source.HR), "test"),
            workers,
            accounts,
            join.people(),
            groups,
            memberships,
            apps,
            assignments,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            log.build());
    return AnalysisInput.of(s, settings, Set.of("users", "signIns", "workers"));
  }
}
