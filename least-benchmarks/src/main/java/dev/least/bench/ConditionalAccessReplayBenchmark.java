package dev.least.bench;

import dev.least.model.ClientAppType;
import dev.least.model.LocationId;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.model.PolicyId;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.Source;
import dev.least.model.TriState;
import dev.least.policy.Decision;
import dev.least.policy.Evaluation;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.NaiveConditionalAccessEvaluator;
import dev.least.policy.entra.PolicyState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Conditional Access evaluation of one sign-in against 100 policies: the compiled evaluator versus
 * the naive interpreter, over a synthetic tenant (10,000 users in 200 groups, 50 apps, 10 named
 * locations, policies mixing groups, exclusions, apps, client apps, platforms, locations, risk and
 * device filters). Scores are per sign-in.
 *
 * <p>Run: {@code ./mvnw -B -q -pl least-benchmarks -am package -DskipTests && java -jar
 * least-benchmarks/target/least-benchmarks.jar ConditionalAccessReplayBenchmark}. {@link #main}
 * runs the 10M-sign-in replay figure without JMH: {@code java -cp
 * least-benchmarks/target/least-benchmarks.jar dev.least.bench.ConditionalAccessReplayBenchmark
 * 10000000 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConditionalAccessReplayBenchmark {
  static final int POLICIES = 100;
  static final int FACTS = 4096;
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private SignInFacts[] facts = new SignInFacts[0];
  private SignInEvaluator compiled = f -> new Evaluation(Decision.ALLOW, List.of(), List.of());
  private SignInEvaluator naive = compiled;

  @Setup
  public void setUp() {
    Random r = new Random(42);
    List<NamedLocation> locations = locations();
    List<ConditionalAccessPolicy> policies = policies(r, POLICIES);
    compiled = new ConditionalAccessEvaluator(policies, locations);
    naive = new NaiveConditionalAccessEvaluator(policies, locations);
    facts = new SignInFacts[FACTS];
    for (int i = 0; i < FACTS; i++) {
      facts[i] = facts(r);
    }
  }

  @Benchmark
  @OperationsPerInvocation(FACTS)
  public void compiled(Blackhole bh) {
    for (SignInFacts f : facts) {
      bh.consume(compiled.evaluate(f));
    }
  }

  @Benchmark
  @OperationsPerInvocation(FACTS)
  public void naive(Blackhole bh) {
    for (SignInFacts f : facts) {
      bh.consume(naive.evaluate(f));
    }
  }

  /**
   * Replays {@code args[0]} sign-ins (default 10M) through the compiled evaluator on {@code
   * args[1]} threads (default 2) and prints the wall time.
   */
  public static void main(String[] args) {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    ConditionalAccessReplayBenchmark b = new ConditionalAccessReplayBenchmark();
    b.setUp();
    SignInEvaluator e = b.compiled;
    SignInFacts[] fs = b.facts;
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      long[] cpu = new long[threads];
      long blocked =
          IntStream.range(0, threads)
              .parallel()
              .mapToLong(
                  t -> {
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long count = 0;
                    for (long i = t; i < n; i += threads) {
                      if (e.evaluate(fs[(int) (i % fs.length)]).decision() == Decision.BLOCK) {
                        count++;
                      }
                    }
                    cpu[t] = THREADS.getCurrentThreadCpuTime() - c0;
                    return count;
                  })
              .sum();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      long cpuNs = java.util.Arrays.stream(cpu).sum();
      System.out.printf(
          "round %d: %,d sign-ins x %d policies on %d threads in %,d ms wall, %,d ms CPU"
              + " (%,d ns CPU per sign-in; %,d blocked)%n",
          round, n, POLICIES, threads, ms, cpuNs / 1_000_000, cpuNs / n, blocked);
    }
  }

  // ------------------------------------------------------------------ synthetic tenant

  static List<NamedLocation> locations() {
    List<NamedLocation> out = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      List<String> ranges = new ArrayList<>();
      for (int j = 0; j < 20; j++) {
        ranges.add("10." + (i * 20 + j) + ".0.0/16");
      }
      out.add(
          new NamedLocation(
              new LocationId("loc" + i),
              Source.ENTRA,
              "site " + i,
              LocationKind.IP,
              i < 4,
              ranges,
              List.of(),
              false,
              false,
              true));
    }
    out.add(
        new NamedLocation(
            new LocationId("v6"),
            Source.ENTRA,
            "v6",
            LocationKind.IP,
            true,
            List.of("2001:db8::/32"),
            List.of(),
            false,
            false,
            true));
    out.add(
        new NamedLocation(
            new LocationId("countries"),
            Source.ENTRA,
            "allowed",
            LocationKind.COUNTRY,
            false,
            List.of(),
            List.of("US", "CA", "GB", "NO"),
            false,
            false,
            true));
    return out;
  }

  static List<ConditionalAccessPolicy> policies(Random r, int n) {
    List<ConditionalAccessPolicy> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> incUsers = List.of("All");
      List<String> incGroups = List.of();
      if (r.nextInt(3) == 0) {
        incUsers = List.of();
        incGroups = List.of("g" + r.nextInt(200), "g" + r.nextInt(200));
      }
      List<String> excUsers = List.of("breakglass1", "breakglass2");
      List<String> excGroups = r.nextBoolean() ? List.of("g" + r.nextInt(200)) : List.of();
      List<String> apps =
          r.nextInt(3) == 0
              ? List.of("app" + r.nextInt(50), "app" + r.nextInt(50))
              : r.nextInt(4) == 0 ? List.of("Office365") : List.of("All");
      List<String> clients =
          r.nextInt(5) == 0 ? List.of("exchangeActiveSync", "other") : List.of("all");
      List<String> platforms = r.nextInt(5) == 0 ? List.of("android", "iOS") : List.of();
      List<String> incLoc = List.of();
      List<String> excLoc = List.of();
      if (r.nextInt(4) == 0) {
        incLoc = List.of("All");
        excLoc = List.of(r.nextBoolean() ? "AllTrusted" : "countries");
      }
      List<String> risk = r.nextInt(6) == 0 ? List.of("medium", "high") : List.of();
      ConditionalAccessPolicy.DeviceFilter filter =
          r.nextInt(10) == 0
              ? new ConditionalAccessPolicy.DeviceFilter(
                  "exclude", "device.trustType -eq \"ServerAD\" -or device.isCompliant -eq True")
              : null;
      String[] controls = {"mfa", "compliantDevice", "block", "mfa", "domainJoinedDevice"};
      List<String> grant =
          r.nextInt(4) == 0
              ? List.of(controls[r.nextInt(controls.length)], "compliantDevice")
              : List.of(controls[r.nextInt(controls.length)]);
      PolicyState state =
          r.nextInt(5) == 0
              ? PolicyState.REPORT_ONLY
              : r.nextInt(10) == 0 ? PolicyState.DISABLED : PolicyState.ENABLED;
      out.add(
          new ConditionalAccessPolicy(
              new PolicyId("policy-" + i),
              "Policy " + i,
              state,
              null,
              null,
              new ConditionalAccessPolicy.Users(
                  incUsers, excUsers, incGroups, excGroups, List.of(), List.of(), null, null),
              new ConditionalAccessPolicy.Applications(apps, List.of(), List.of(), List.of()),
              clients,
              new ConditionalAccessPolicy.Platforms(platforms, List.of()),
              new ConditionalAccessPolicy.Locations(incLoc, excLoc),
              risk,
              List.of(),
              filter,
              new ConditionalAccessPolicy.GrantControls(
                  r.nextBoolean() ? "AND" : "OR", grant, List.of(), List.of(), null, null),
              null,
              List.of(),
              "{}"));
    }
    return out;
  }

  static SignInFacts facts(Random r) {
    Set<String> groups = new HashSet<>();
    for (int i = 0, k = 2 + r.nextInt(6); i < k; i++) {
      groups.add("g" + r.nextInt(200));
    }
    ClientAppType[] clients = {
      ClientAppType.BROWSER,
      ClientAppType.BROWSER,
      ClientAppType.MOBILE_APPS_AND_DESKTOP_CLIENTS,
      ClientAppType.EXCHANGE_ACTIVE_SYNC,
      ClientAppType.OTHER
    };
    String[] platforms = {"windows", "windows", "macos", "ios", "android", "linux"};
    String ip =
        r.nextInt(3) == 0
            ? "10." + r.nextInt(200) + "." + r.nextInt(256) + "." + r.nextInt(256)
            : "203.0." + r.nextInt(256) + "." + r.nextInt(256);
    String[] countries = {"US", "DE", "NO", "BR"};
    RiskLevel[] risks = {
      RiskLevel.NONE, RiskLevel.NONE, RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH
    };
    TriState[] tri = {TriState.TRUE, TriState.FALSE};
    return new SignInFacts(
        "user" + r.nextInt(10_000),
        PrincipalKind.USER,
        r.nextInt(20) == 0,
        groups,
        Set.of(),
        "app" + r.nextInt(50),
        clients[r.nextInt(clients.length)],
        platforms[r.nextInt(platforms.length)],
        ip,
        countries[r.nextInt(countries.length)],
        risks[r.nextInt(risks.length)],
        RiskLevel.NONE,
        tri[r.nextInt(2)],
        tri[r.nextInt(2)],
        tri[r.nextInt(2)],
        true,
        0L,
        "dev" + r.nextInt(1000),
        r.nextBoolean() ? "AzureAD" : "ServerAD",
        "Windows",
        Set.of(),
        null,
        Set.of());
  }
}
