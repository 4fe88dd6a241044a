package dev.least.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.least.model.ClientAppType;
import dev.least.model.ConditionalAccessStatus;
import dev.least.model.LocationId;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import dev.least.model.SignInOutcome;
import dev.least.model.Source;
import dev.least.model.TriState;
import dev.least.policy.Evaluation;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.SignInFacts;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.RandomTenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jspecify.annotations.Nullable;

/**
 * Sign-ins whose addresses {@link AddressClasses} puts in one class evaluate alike: over random
 * Conditional Access policies and named locations (with random extra ranges) and addresses inside
 * and outside them, in every notation the engines read differently (IPv6, an IPv4-mapped IPv6
 * address, padding, leading zeros, not an address at all), the decision and every policy's result
 * and demanded controls are the same for any two addresses of a class.
 */
class AddressClassesPropertiesTest {
  private static final String[] RANGES = {
    "10.1.0.0/16",
    "10.1.2.0/24",
    "198.51.100.0/25",
    "192.0.2.7/32",
    "192.0.2.0-192.0.2.20",
    "2001:db8:1::/48",
    "bogus",
    "203.0.113.128/25"
  };

  private static final @Nullable String[] FIXED = {
    null,
    "not an ip",
    "",
    " 10.1.2.3",
    "010.1.2.3",
    "::ffff:10.1.2.3",
    "2001:db8::5",
    "2001:db8:1::9",
    "fe80::1",
    "10.1.2.3",
    "203.0.113.9",
    "192.0.2.7",
    "192.0.2.15"
  };

  @Property(tries = 200)
  void addressesOfOneClassEvaluateAlike(@ForAll long seed) {
    Random r = new Random(seed);
    List<NamedLocation> locations = new ArrayList<>(RandomTenant.LOCATIONS);
    List<String> extra = new ArrayList<>();
    for (int k = 0; k < 1 + r.nextInt(3); k++) {
      extra.add(RANGES[r.nextInt(RANGES.length)]);
    }
    locations.add(
        new NamedLocation(
            new LocationId("X"),
            Source.ENTRA,
            "extra",
            LocationKind.IP,
            r.nextBoolean(),
            extra,
            List.of(),
            false,
            false,
            true));
    List<ConditionalAccessPolicy> policies = RandomTenant.policies(r, 1 + r.nextInt(8));
    ConditionalAccessEvaluator engine = new ConditionalAccessEvaluator(policies, locations);
    SignInLog log = log(r, 200);
    AddressClasses classes = new AddressClasses(locations);

    Set<String> distinct = new HashSet<>();
    for (int base = 0; base < 3; base++) {
      String account = "u" + (1 + r.nextInt(3));
      Set<String> groups = r.nextBoolean() ? Set.of("g1") : Set.of("g2", "g3");
      String app = r.nextBoolean() ? "a1" : "a2";
      String country = r.nextBoolean() ? "US" : "DE";
      Map<Integer, List<String>> byClass = new HashMap<>();
      Map<Integer, Evaluation> first = new HashMap<>();
      for (int i = 0; i < log.size(); i++) {
        String ip = log.ip(i);
        distinct.add(String.valueOf(ip));
        int c = classes.of(log, i);
        assertThat(c < 0).as("class of %s", ip).isEqualTo(ip == null);
        Evaluation e = engine.evaluate(facts(account, groups, app, ip, country));
        Evaluation seen = first.putIfAbsent(c, e);
        byClass.computeIfAbsent(c, k -> new ArrayList<>()).add(String.valueOf(ip));
        if (seen != null) {
          assertThat(summary(e)).as("%s vs %s", ip, byClass.get(c).get(0)).isEqualTo(summary(seen));
        }
      }
    }
    assertThat(classes.size()).isLessThan(distinct.size());
  }

  /** What a simulation compares: the decision and each policy's result and demanded controls. */
  private static List<Object> summary(Evaluation e) {
    List<Object> out = new ArrayList<>();
    out.add(e.decision());
    for (PolicyOutcome o : e.outcomes()) {
      out.add(List.of(o.policyId(), o.result(), o.requiredControls()));
    }
    return out;
  }

  private static SignInFacts facts(
      String account, Set<String> groups, String app, @Nullable String ip, String country) {
    return new SignInFacts(
        account,
        PrincipalKind.USER,
        false,
        groups,
        Set.of(),
        app,
        ClientAppType.BROWSER,
        "windows",
        ip,
        country,
        RiskLevel.NONE,
        RiskLevel.UNKNOWN,
        TriState.UNKNOWN,
        TriState.FALSE,
        TriState.FALSE,
        true,
        0L,
        null,
        null,
        null,
        Set.of(),
        null,
        Set.of());
  }

  /** Sign-ins from fixed addresses in every notation and random ones in and around the ranges. */
  private static SignInLog log(Random r, int n) {
    SignInLog.Builder b = SignInLog.builder();
    for (int i = 0; i < n; i++) {
      String ip =
          i < FIXED.length
              ? FIXED[i]
              : switch (r.nextInt(5)) {
                case 0 -> "10.1." + r.nextInt(4) + "." + r.nextInt(256);
                case 1 -> "198.51.100." + r.nextInt(256);
                case 2 -> "192.0.2." + r.nextInt(30);
                case 3 -> "203.0.113." + r.nextInt(256);
                default -> "2001:db8:" + Integer.toHexString(r.nextInt(3)) + "::" + r.nextInt(99);
              };
      b.add(
          new SignInEvent(
              "e" + i,
              Source.ENTRA,
              1_700_000_000_000L + i,
              PrincipalKind.USER,
              "u1",
              null,
              "a1",
              null,
              ip,
              "US",
              null,
              ClientAppType.BROWSER,
              null,
              true,
              null,
              TriState.UNKNOWN,
              TriState.UNKNOWN,
              SignInOutcome.SUCCESS,
              0,
              TriState.UNKNOWN,
              TriState.UNKNOWN,
              null,
              RiskLevel.NONE,
              List.of(),
              Double.NaN,
              Double.NaN,
              null,
              null,
              null,
              null,
              ConditionalAccessStatus.values()[0]));
    }
    return b.build();
  }
}
