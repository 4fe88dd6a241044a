package dev.least.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.LocationId;
import dev.least.model.NamedLocation;
import dev.least.model.SignInLog;
import dev.least.model.Source;
import dev.least.policy.Evaluation;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.RandomTenant;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaPolicyBuilder;
import dev.least.policy.okta.OktaRuleBuilder;
import dev.least.policy.okta.OktaSignOnEvaluator;
import dev.least.policy.okta.OktaZone;
import dev.least.replay.DirectoryIndex;
import dev.least.replay.SignInFactsResolver;
import dev.least.replay.SituationMemoPropertiesTest;
import dev.least.replay.SituationTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Sign-ins {@link SituationKeys} gives one key evaluate alike: over random Conditional Access
 * policies (with and without device filters) and random logs whose every column the resolver reads
 * varies on its own (accounts that are members, guests, role holders or unknown to the directory;
 * device ids absent, empty or present; MFA methods null, blank or named), the decision and every
 * policy's result and demanded controls are the same for any two sign-ins of one key, and whether
 * the directory knows the account too (retire_policy skips unknown accounts).
 */
class SituationKeysPropertiesTest {
  @Property(tries = 300)
  void signInsOfOneKeyEvaluateAlike(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 8) int policyCount,
      @ForAll boolean withoutDeviceFilters) {
    Random r = new Random(seed);
    List<ConditionalAccessPolicy> policies = new ArrayList<>(RandomTenant.policies(r, policyCount));
    if (withoutDeviceFilters) {
      policies.removeIf(p -> p.deviceFilter() != null);
    }
    ConditionalAccessEvaluator engine =
        new ConditionalAccessEvaluator(policies, RandomTenant.LOCATIONS);
    DirectoryIndex directory = SituationMemoPropertiesTest.directory();
    SignInFactsResolver resolver = new SignInFactsResolver(directory);
    SignInLog log = SituationMemoPropertiesTest.log(r, policies, 600);
    SituationKeys keys = new SituationKeys(directory, policies, List.of(), RandomTenant.LOCATIONS);

    Map<List<Long>, List<Object>> first = new HashMap<>();
    Map<List<Long>, Integer> firstEvent = new HashMap<>();
    Set<List<Long>> columns = new HashSet<>();
    for (int i = 0; i < log.size(); i++) {
      List<Long> key = List.of(keys.a(log, i), keys.b(log, i), keys.c(log, i), keys.d(log, i));
      columns.add(
          List.of(
              SituationTable.keyA(log, i),
              SituationTable.keyB(log, i),
              SituationTable.keyC(log, i),
              SituationTable.keyD(log, i)));
      List<Object> seen = summary(engine.evaluate(resolver.resolve(log, i)), resolver, log, i);
      List<Object> before = first.putIfAbsent(key, seen);
      firstEvent.putIfAbsent(key, i);
      if (before != null) {
        assertThat(seen).as("event %d vs event %d", i, firstEvent.get(key)).isEqualTo(before);
      }
    }
    assertThat(first.size()).isLessThanOrEqualTo(columns.size());
  }

  /**
   * The same for the Okta engine: random global session policies and an app's authentication policy
   * whose policies and rules name the directory's users (one in another letter case) and groups, or
   * the Everyone group, in their people conditions, and the zones (the Conditional Access test's
   * locations as Okta zones) in their network conditions, over random logs.
   */
  @Property(tries = 300)
  void signInsOfOneKeyEvaluateAlikeUnderOkta(@ForAll long seed) {
    Random r = new Random(seed);
    List<OktaPolicy> policies = randomOktaPolicies(r);
    OktaSignOnEvaluator engine =
        new OktaSignOnEvaluator(
            policies,
            Map.of("a1", "rstApp"),
            OKTA_ZONES.stream().map(OktaZone::of).toList(),
            Set.of(OktaPolicyBuilder.EVERYONE));
    DirectoryIndex directory = SituationMemoPropertiesTest.directory();
    SignInFactsResolver resolver = new SignInFactsResolver(directory);
    SignInLog log = SituationMemoPropertiesTest.log(r, List.of(), 600);
    SituationKeys keys = new SituationKeys(directory, List.of(), policies, OKTA_ZONES);

    Map<List<Long>, List<Object>> first = new HashMap<>();
    Map<List<Long>, Integer> firstEvent = new HashMap<>();
    for (int i = 0; i < log.size(); i++) {
      List<Long> key = List.of(keys.a(log, i), keys.b(log, i), keys.c(log, i), keys.d(log, i));
      List<Object> seen = summary(engine.evaluate(resolver.resolve(log, i)), resolver, log, i);
      List<Object> before = first.putIfAbsent(key, seen);
      firstEvent.putIfAbsent(key, i);
      if (before != null) {
        assertThat(seen).as("event %d vs event %d", i, firstEvent.get(key)).isEqualTo(before);
      }
    }
  }

  private static final String[] OKTA_USERS = {"u1", "u2", "u3", "u4", "stranger", "U2"};
  private static final String[] OKTA_GROUPS = {"g1", "g2", "g3"};

  /** The Conditional Access test's locations as Okta zones. */
  private static final List<NamedLocation> OKTA_ZONES =
      RandomTenant.LOCATIONS.stream()
          .map(
              l ->
                  new NamedLocation(
                      new LocationId("nzo" + l.id().value()),
                      Source.OKTA,
                      l.name(),
                      l.kind(),
                      l.trusted(),
                      l.ranges(),
                      l.countries(),
                      l.includeUnknownCountries(),
                      l.blocklist(),
                      l.active()))
          .toList();

  private static final String[] OKTA_ZONE_IDS =
      OKTA_ZONES.stream().map(l -> l.id().value()).toArray(String[]::new);

  private static List<OktaPolicy> randomOktaPolicies(Random r) {
    List<OktaPolicy> out = new ArrayList<>();
    for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
      List<String> groups = new ArrayList<>(List.of(some(r, OKTA_GROUPS)));
      if (r.nextInt(3) == 0) {
        groups.add(OktaPolicyBuilder.EVERYONE);
      }
      OktaPolicyBuilder p =
          OktaPolicyBuilder.signOn("00p" + k).priority(k + 1).groups(groups.toArray(String[]::new));
      for (int j = 0, m = 1 + r.nextInt(3); j < m; j++) {
        p.rule(randomOktaRule(r, "0pr" + k + "x" + j, j + 1));
      }
      out.add(p.build());
    }
    OktaPolicyBuilder app = OktaPolicyBuilder.access("rstApp");
    for (int j = 0, m = 1 + r.nextInt(3); j < m; j++) {
      app.rule(randomOktaRule(r, "rul" + j, j + 1));
    }
    out.add(app.build());
    out.add(OktaPolicyBuilder.defaultSignOn());
    return out;
  }

  private static OktaRuleBuilder randomOktaRule(Random r, String id, int priority) {
    OktaRuleBuilder b =
        OktaRuleBuilder.rule(id)
            .priority(priority)
            .usersInclude(some(r, OKTA_USERS))
            .usersExclude(some(r, OKTA_USERS))
            .groupsInclude(some(r, OKTA_GROUPS))
            .groupsExclude(some(r, OKTA_GROUPS))
            .action(r.nextInt(3) == 0 ? "DENY" : "ALLOW");
    if (r.nextBoolean()) {
      b.mfa("ALWAYS", null);
    }
    if (r.nextInt(3) == 0) {
      b.zonesInclude(some(r, OKTA_ZONE_IDS));
    } else if (r.nextInt(3) == 0) {
      b.zonesExclude(some(r, OKTA_ZONE_IDS));
    }
    return b;
  }

  /** Up to two distinct elements of {@code from}. */
  private static String[] some(Random r, String[] from) {
    List<String> out = new ArrayList<>();
    for (int k = 0, n = r.nextInt(3); k < n; k++) {
      String s = from[r.nextInt(from.length)];
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out.toArray(String[]::new);
  }

  /** Without policies naming anyone, the accounts of a log fall into few classes. */
  @Property(tries = 20)
  void keysCollapseWhatNoPolicyReads(@ForAll long seed) {
    Random r = new Random(seed);
    DirectoryIndex directory = SituationMemoPropertiesTest.directory();
    SignInLog log = SituationMemoPropertiesTest.log(r, List.of(), 400);
    SituationKeys keys = new SituationKeys(directory, List.of(), List.of(), List.of());
    Set<Long> accountKeys = new HashSet<>();
    Set<Long> deviceKeys = new HashSet<>();
    for (int i = 0; i < log.size(); i++) {
      accountKeys.add(keys.a(log, i) >>> 32);
      deviceKeys.add(keys.c(log, i) & 0xFFFFFFFFL);
    }
    // u1–u3 members, u4 a guest, "stranger" unknown: three classes at most
    assertThat(accountKeys.size()).isLessThanOrEqualTo(3);
    // device id absent, empty or present, times five trust types: at most 15 classes
    assertThat(deviceKeys.size()).isLessThanOrEqualTo(15);
  }

  /** What a simulation compares (decision, each policy's result and controls), and the account. */
  private static List<Object> summary(
      Evaluation e, SignInFactsResolver resolver, SignInLog log, int i) {
    List<Object> out = new ArrayList<>();
    out.add(e.decision());
    for (PolicyOutcome o : e.outcomes()) {
      out.add(List.of(o.policyId(), o.result(), o.requiredControls()));
    }
    out.add(resolver.knows(String.valueOf(log.accountId(i))));
    return out;
  }
}
