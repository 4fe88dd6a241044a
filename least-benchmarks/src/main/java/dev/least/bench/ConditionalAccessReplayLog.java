package dev.least.bench;

import dev.least.model.Account;
import dev.least.model.AccountId;
import dev.least.model.AccountKind;
import dev.least.model.AccountStatus;
import dev.least.model.ClientAppType;
import dev.least.model.GroupId;
import dev.least.model.GroupMembership;
import dev.least.model.LoggedPolicyResult;
import dev.least.model.Manifest;
import dev.least.model.PolicyResult;
import dev.least.model.Principal;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import dev.least.model.SignInOutcome;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.model.TriState;
import dev.least.policy.CodedEvaluation;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.replay.DirectoryIndex;
import dev.least.replay.SignInFactsResolver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A synthetic Entra directory (10,000 users, 5 % guests, each in 2 to 7 of 200 groups) and columnar
 * sign-in logs over it for the replay benchmark. Sign-ins are drawn from 20,000 templates (account,
 * app, client, platform, IP, country, risk, device and MFA state; about 13,000 distinct IPs), each
 * with a fresh event id and time; a template's logged per-policy results are what the engine
 * decides for it, with one result changed in every 50th template so that replay has disagreements
 * to count and sample.
 */
final class ConditionalAccessReplayLog {
  static final int USERS = 10_000;
  static final int GROUPS = 200;
  static final int TEMPLATES = 20_000;

  private ConditionalAccessReplayLog() {}

  static DirectoryIndex directory(long seed) {
    Random r = new Random(seed);
    List<Account> accounts = new ArrayList<>();
    List<GroupMembership> members = new ArrayList<>();
    for (int u = 0; u < USERS; u++) {
      String id = "user" + u;
      AccountKind kind = r.nextInt(20) == 0 ? AccountKind.GUEST : AccountKind.MEMBER;
      accounts.add(
          new Account(
              new AccountId(id),
              Source.ENTRA,
              id + "@example.com",
              null,
              id,
              AccountStatus.ACTIVE,
              kind,
              null,
              null,
              null,
              null,
              null,
              null));
      Set<Integer> groups = new HashSet<>();
      for (int k = 0, n = 2 + r.nextInt(6); k < n; k++) {
        groups.add(r.nextInt(GROUPS));
      }
      for (int g : groups) {
        members.add(
            new GroupMembership(new GroupId("g" + g), new Principal(PrincipalKind.USER, id)));
      }
    }
    return DirectoryIndex.of(
        new TenantSnapshot(
            new Manifest(
                "bench", Instant.parse("2026-01-01T00:00:00Z"), List.of(Source.ENTRA), null),
            List.of(),
            accounts,
            List.of(),
            List.of(),
            members,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            SignInLog.empty()));
  }

  /** Sign-in templates whose logged results are the engine's (one in 50 with one changed). */
  static List<SignInEvent> templates(
      long seed, ConditionalAccessEvaluator engine, SignInFactsResolver resolver) {
    Random r = new Random(seed);
    ClientAppType[] clients = {
      ClientAppType.BROWSER,
      ClientAppType.BROWSER,
      ClientAppType.MOBILE_APPS_AND_DESKTOP_CLIENTS,
      ClientAppType.EXCHANGE_ACTIVE_SYNC,
      ClientAppType.OTHER
    };
    String[] platforms = {"Windows 10", "Windows10", "MacOs", "iOS 17.1", "Android", "Linux"};
    String[] countries = {"US", "DE", "NO", "BR"};
    RiskLevel[] risks = {
      RiskLevel.NONE, RiskLevel.NONE, RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH
    };
    TriState[] tri = {TriState.TRUE, TriState.FALSE, TriState.UNKNOWN};
    CodedEvaluation coded = engine.newCodedEvaluation();
    List<SignInEvent> out = new ArrayList<>();
    for (int t = 0; t < TEMPLATES; t++) {
      String ip =
          r.nextInt(3) == 0
              ? "10." + r.nextInt(200) + "." + r.nextInt(8) + "." + r.nextInt(8)
              : "203.0." + r.nextInt(64) + "." + r.nextInt(256);
      SignInEvent e =
          new SignInEvent(
              "template-" + t,
              Source.ENTRA,
              0L,
              PrincipalKind.USER,
              "user" + r.nextInt(USERS),
              null,
              "app" + r.nextInt(50),
              null,
              ip,
              countries[r.nextInt(countries.length)],
              null,
              clients[r.nextInt(clients.length)],
              null,
              true,
              platforms[r.nextInt(platforms.length)],
              tri[r.nextInt(3)],
              tri[r.nextInt(3)],
              SignInOutcome.SUCCESS,
              0,
              TriState.UNKNOWN,
              tri[r.nextInt(3)],
              null,
              risks[r.nextInt(risks.length)],
              List.of());
      coded.evaluate(resolver.resolve(e));
      List<LoggedPolicyResult> logged = new ArrayList<>();
      int changed = t % 50 == 0 ? r.nextInt(coded.size()) : -1;
      for (int i = 0; i < coded.size(); i++) {
        PolicyResult result = coded.result(i);
        if (i == changed) {
          result =
              result == PolicyResult.NOT_APPLIED ? PolicyResult.SUCCESS : PolicyResult.NOT_APPLIED;
        }
        logged.add(new LoggedPolicyResult(coded.policyId(i), null, result));
      }
      out.add(withId(e, "template-" + t, 0L, logged));
    }
    return out;
  }

  /** {@code n} sign-ins drawn from the templates, each with its own UUID event id and time. */
  static SignInLog log(long seed, List<SignInEvent> templates, int n) {
    return log(seed, templates, n, false);
  }

  /**
   * As {@link #log(long, List, int)}; with {@code distinct}, every sign-in gets an address of its
   * own (a template's address with its last part replaced by a per-event 10.x.y.z or 203.x.y.z
   * address of the same kind), so that no two sign-ins share a situation and a memo of situations
   * is useless.
   */
  static SignInLog log(long seed, List<SignInEvent> templates, int n, boolean distinct) {
    Random r = new Random(seed);
    SignInLog.Builder b = SignInLog.builder();
    long t0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < n; i++) {
      SignInEvent t = templates.get(r.nextInt(templates.size()));
      String id = new UUID(r.nextLong(), r.nextLong()).toString();
      SignInEvent e = withId(t, id, t0 + i * 250L, t.policyResults());
      if (distinct) {
        String prefix = String.valueOf(e.ip()).startsWith("10.") ? "10." : "203.";
        e = withIp(e, prefix + (i >>> 16) + "." + ((i >>> 8) & 0xFF) + "." + (i & 0xFF));
      }
      b.add(e);
    }
    return b.build();
  }

  private static SignInEvent withIp(SignInEvent e, String ip) {
    return new SignInEvent(
        e.eventId(),
        e.source(),
        e.epochMillis(),
        e.principalKind(),
        e.accountId(),
        e.login(),
        e.appId(),
        e.appName(),
        ip,
        e.country(),
        e.city(),
        e.clientApp(),
        e.clientAppRaw(),
        e.interactive(),
        e.devicePlatform(),
        e.deviceManaged(),
        e.deviceCompliant(),
        e.outcome(),
        e.errorCode(),
        e.mfaRequired(),
        e.mfaPerformed(),
        e.mfaMethod(),
        e.riskLevel(),
        e.policyResults());
  }

  private static SignInEvent withId(
      SignInEvent e, String id, long time, List<LoggedPolicyResult> results) {
    return new SignInEvent(
        id,
        e.source(),
        time,
        e.principalKind(),
        e.accountId(),
        e.login(),
        e.appId(),
        e.appName(),
        e.ip(),
        e.country(),
        e.city(),
        e.clientApp(),
        e.clientAppRaw(),
        e.interactive(),
        e.devicePlatform(),
        e.deviceManaged(),
        e.deviceCompliant(),
        e.outcome(),
        e.errorCode(),
        e.mfaRequired(),
        e.mfaPerformed(),
        e.mfaMethod(),
        e.riskLevel(),
        results);
  }
}
