package dev.least.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.Account;
import dev.least.model.AccountId;
import dev.least.model.AccountKind;
import dev.least.model.AccountStatus;
import dev.least.model.ClientAppType;
import dev.least.model.ConditionalAccessStatus;
import dev.least.model.GroupId;
import dev.least.model.GroupMembership;
import dev.least.model.LoggedPolicyResult;
import dev.least.model.Manifest;
import dev.least.model.PolicyResult;
import dev.least.model.Principal;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.RoleAssignment;
import dev.least.model.RoleDefinition;
import dev.least.model.RoleId;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import dev.least.model.SignInOutcome;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.model.TriState;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.RandomTenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;

/**
 * Replay with the situation memo equals replay without it: over random policies and random logs
 * whose every column the resolver reads varies on its own over a small domain (so that situations
 * repeat and differ in one attribute at a time), the figures, the disagreement ranking and the
 * sampled event ids are the same as evaluating every event on the coded path, and the figures the
 * same as the record path's.
 */
public class SituationMemoPropertiesTest {
  private static final String[] ACCOUNTS = {"u1", "u2", "u3", "u4", "stranger"};
  private static final @Nullable String[] APPS = {
    "a1", "a2", "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", null
  };
  private static final @Nullable String[] IPS = {
    "10.1.2.3", "10.9.9.9", "203.0.113.9", "198.51.100.1", "2001:db8::5", "not an ip", null
  };
  private static final @Nullable String[] COUNTRIES = {"US", "CA", "DE", "", null};
  private static final @Nullable String[] PLATFORMS = {
    "Windows 10", "iOS 17.1", "Android", "MacOs", "Linux", "Unknown", "Plan 9", null
  };
  private static final @Nullable String[] MFA_METHODS = {null, null, "", " ", "Authenticator app"};
  private static final @Nullable String[] DEVICE_IDS = {null, "", "d1", "d2", "d9"};
  private static final @Nullable String[] TRUST_TYPES = {
    null, "Azure AD joined", "Hybrid Azure AD joined", "Azure AD registered", "odd"
  };

  @Property(tries = 300)
  void memoizedReplayEqualsEvaluatingEveryEvent(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 8) int policyCount,
      @ForAll @IntRange(min = 1, max = 1500) int events,
      @ForAll @IntRange(min = 0, max = 4) int topN) {
    Random r = new Random(seed);
    List<ConditionalAccessPolicy> policies = RandomTenant.policies(r, policyCount);
    ConditionalAccessEvaluator ev =
        new ConditionalAccessEvaluator(policies, RandomTenant.LOCATIONS);
    SignInFactsResolver resolver = new SignInFactsResolver(directory());
    SignInLog log = log(r, policies, events);

    SituationMemo memo = SituationMemo.enabled();
    ReplayStats memoized = Replay.run(ev, resolver, log, i -> i % 7 != 3, topN, 1, memo);
    ReplayStats each =
        Replay.run(ev, resolver, log, i -> i % 7 != 3, topN, 1, SituationMemo.disabled());
    SignInEvaluator records = ev::evaluate;
    ReplayStats viaRecords = Replay.run(records, resolver, log, i -> i % 7 != 3, topN, 1);

    assertThat(memoized).isEqualTo(each);
    // the record path ranks disagreements of equal count and policy in another order (as before
    // the memo); every figure else is the same
    assertThat(memoized)
        .usingRecursiveComparison()
        .ignoringFields("topDisagreements")
        .isEqualTo(viaRecords);
    assertThat(memo.events()).isEqualTo(memoized.events());
  }

  /** The memo is used (situations repeat) and does not hide events: every one is counted. */
  @Property(tries = 50)
  void memoEvaluatesEachSituationOnce(@ForAll long seed) {
    Random r = new Random(seed);
    List<ConditionalAccessPolicy> policies = RandomTenant.policies(r, 5);
    ConditionalAccessEvaluator ev =
        new ConditionalAccessEvaluator(policies, RandomTenant.LOCATIONS);
    SignInLog one = log(r, policies, 40);
    SignInLog.Builder b = SignInLog.builder();
    for (int copy = 0; copy < 25; copy++) {
      for (int i = 0; i < one.size(); i++) {
        SignInEvent e = one.get(i);
        b.add(Events.withId(e, e.eventId() + "-" + copy, e.epochMillis() + copy));
      }
    }
    SignInLog log = b.build();
    SituationMemo memo = SituationMemo.enabled();
    ReplayStats s =
        Replay.run(ev, new SignInFactsResolver(directory()), log, i -> true, 5, 1, memo);
    assertThat(s.events()).isEqualTo(1000);
    assertThat(memo.events()).isEqualTo(1000);
    assertThat(memo.evaluated()).isLessThanOrEqualTo(40);
  }

  /** u1–u3 members in some of g1–g3 (g3 nested in g2) holding roles r1/r2; u4 a guest. */
  public static DirectoryIndex directory() {
    List<Account> accounts = new ArrayList<>();
    for (String id : new String[] {"u1", "u2", "u3", "u4"}) {
      accounts.add(
          new Account(
              new AccountId(id),
              Source.ENTRA,
              id + "@example.com",
              null,
              id,
              AccountStatus.ACTIVE,
              id.equals("u4") ? AccountKind.GUEST : AccountKind.MEMBER,
              null,
              null,
              null,
              null,
              null,
              null));
    }
    List<GroupMembership> members =
        List.of(
            member("g1", PrincipalKind.USER, "u1"),
            member("g2", PrincipalKind.USER, "u2"),
            member("g3", PrincipalKind.USER, "u3"),
            member("g2", PrincipalKind.GROUP, "g3"),
            member("g1", PrincipalKind.USER, "u4"));
    List<RoleDefinition> roles =
        List.of(
            new RoleDefinition(new RoleId("role-1"), "Role one", "r1", true, true),
            new RoleDefinition(new RoleId("role-2"), "Role two", "r2", true, true));
    List<RoleAssignment> assignments =
        List.of(
            new RoleAssignment("ra1", new RoleId("role-1"), "u1", "/"),
            new RoleAssignment("ra2", new RoleId("role-2"), "g2", "/"));
    return DirectoryIndex.of(
        new TenantSnapshot(
            new Manifest("t", Instant.parse("2026-01-01T00:00:00Z"), List.of(Source.ENTRA), null),
            List.of(),
            accounts,
            List.of(),
            List.of(),
            members,
            List.of(),
            List.of(),
            roles,
            assignments,
            List.of(),
            List.of(),
            List.of(),
            SignInLog.empty()));
  }

  private static GroupMembership member(String group, PrincipalKind kind, String id) {
    return new GroupMembership(new GroupId(group), new Principal(kind, id));
  }

  /**
   * Random sign-ins; their logged results are drawn from a few lists (some empty, some naming a
   * policy the tenant does not have, some with unknown results) so that lists repeat.
   */
  public static SignInLog log(Random r, List<ConditionalAccessPolicy> policies, int n) {
    List<List<LoggedPolicyResult>> lists = new ArrayList<>();
    lists.add(List.of());
    PolicyResult[] results = PolicyResult.values();
    for (int k = 0; k < 6; k++) {
      List<LoggedPolicyResult> l = new ArrayList<>();
      for (ConditionalAccessPolicy p : policies) {
        if (r.nextInt(5) != 0) {
          l.add(new LoggedPolicyResult(p.id().value(), null, results[r.nextInt(results.length)]));
        }
      }
      if (r.nextInt(4) == 0) {
        l.add(new LoggedPolicyResult("not-in-tenant", null, PolicyResult.SUCCESS));
      }
      if (!l.isEmpty() && r.nextInt(4) == 0) {
        l.add(l.get(0)); // a policy logged twice
      }
      lists.add(l);
    }
    // a few base situations; each event is one of them, half the time with one attribute redrawn
    int[] sizes = {
      3,
      ACCOUNTS.length,
      APPS.length,
      IPS.length,
      COUNTRIES.length,
      ClientAppType.values().length,
      2,
      PLATFORMS.length,
      3,
      3,
      3,
      MFA_METHODS.length,
      RiskLevel.values().length,
      lists.size(),
      DEVICE_IDS.length,
      TRUST_TYPES.length
    };
    List<int[]> bases = new ArrayList<>();
    for (int k = 0, m = 1 + r.nextInt(30); k < m; k++) {
      int[] c = new int[sizes.length];
      for (int f = 0; f < sizes.length; f++) {
        c[f] = r.nextInt(sizes[f]);
      }
      bases.add(c);
    }
    PrincipalKind[] kinds = {
      PrincipalKind.USER, PrincipalKind.SERVICE_PRINCIPAL, PrincipalKind.OTHER
    };
    TriState[] tris = TriState.values();
    SignInLog.Builder b = SignInLog.builder();
    for (int i = 0; i < n; i++) {
      int[] c = bases.get(r.nextInt(bases.size())).clone();
      if (r.nextBoolean()) {
        int f = r.nextInt(sizes.length);
        c[f] = r.nextInt(sizes[f]);
      }
      b.add(
          new SignInEvent(
              "e" + i,
              Source.ENTRA,
              1_700_000_000_000L + r.nextInt(1_000_000),
              kinds[c[0]],
              ACCOUNTS[c[1]],
              null,
              APPS[c[2]],
              null,
              IPS[c[3]],
              COUNTRIES[c[4]],
              null,
              ClientAppType.values()[c[5]],
              null,
              c[6] == 1,
              PLATFORMS[c[7]],
              tris[c[8]],
              tris[c[9]],
              SignInOutcome.SUCCESS,
              0,
              TriState.UNKNOWN,
              tris[c[10]],
              MFA_METHODS[c[11]],
              RiskLevel.values()[c[12]],
              lists.get(c[13]),
              Double.NaN,
              Double.NaN,
              DEVICE_IDS[c[14]],
              TRUST_TYPES[c[15]],
              null,
              null,
              ConditionalAccessStatus.NOT_LOGGED));
    }
    return b.build();
  }
}
