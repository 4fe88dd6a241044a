package dev.least.bench;

import dev.least.model.ClientAppType;
import dev.least.model.LocationId;
import dev.least.model.LocationKind;
import dev.least.model.NamedLocation;
import dev.least.model.PolicyId;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import dev.least.model.Source;
import dev.least.model.TriState;
import dev.least.policy.CodedEvaluation;
import dev.least.policy.Decision;
import dev.least.policy.Evaluation;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.NaiveConditionalAccessEvaluator;
import dev.least.policy.entra.PolicyState;
import dev.least.replay.DirectoryIndex;
import dev.least.replay.Replay;
import dev.least.replay.ReplayStats;
import dev.least.replay.SignInFactsResolver;
import dev.least.replay.SituationMemo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * runs the replay figures without JMH: {@code java -Xmx3g -cp
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
  private CodedEvaluation codedVector =
      new ConditionalAccessEvaluator(List.of(), List.of()).newCodedEvaluation();

  @Setup
  public void setUp() {
    Random r = new Random(42);
    List<NamedLocation> locations = locations();
    List<ConditionalAccessPolicy> policies = policies(r, POLICIES);
    ConditionalAccessEvaluator engine = new ConditionalAccessEvaluator(policies, locations);
    compiled = engine;
    codedVector = engine.newCodedEvaluation();
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
  public void coded(Blackhole bh) {
    CodedEvaluation c = codedVector;
    for (SignInFacts f : facts) {
      c.evaluate(f);
      bh.consume(c.decision());
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
   * The replay figures side by side in one run. Arguments: events (default 10,000,000), threads
   * (2), record-path sample (1,000,000), naive sample (20,000).
   *
   * <ol>
   *   <li>evaluation only, one thread, over 4,096 pre-resolved sign-ins: the int-coded vector, the
   *       record path ({@code evaluate} building an {@code Evaluation} with 100 {@code
   *       PolicyOutcome}s) and the naive interpreter;
   *   <li>replay of a columnar log of 1M, 3M and {@code events} sign-ins × 100 policies ({@code
   *       Replay.run}: event from the log, facts from the directory, evaluation, comparison with
   *       100 logged results per sign-in) on the fast path with {@code threads} threads; the record
   *       path and the naive interpreter on a prefix of the largest log, extrapolated; a check that
   *       the fast path's statistics equal the record path's on that prefix;
   *   <li>the fast path with 10, 30 and 100 policies on 1M sign-ins.
   * </ol>
   *
   * <p>Section 2 also gives the situation memo's hit rate and the same replay with the memo off;
   * section 2b a log where every sign-in is its own situation (memo on and off). A fifth argument
   * {@code fast-only} runs only section 2's fast-path rows and the goal line.
   *
   * <p>Times are wall and process CPU (all threads, GC and JIT included), with the load average.
   */
  public static void main(String[] args) {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int recordSample = Math.min(events, args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000);
    int naiveSample = Math.min(events, args.length > 3 ? Integer.parseInt(args[3]) : 20_000);
    // "fast-only": just the fast-path replay rows and the goal line (a quick re-run of the goal)
    boolean fastOnly = args.length > 4 && args[4].equals("fast-only");
    System.out.printf(
        "machine: %d processors, %s %s, max heap %,d MB, load average %.2f%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        loadAverage());

    if (!fastOnly) {
      System.out.println(
          "\n1. evaluation only, 1 thread, 4,096 pre-resolved sign-ins x 100 policies");
      ConditionalAccessReplayBenchmark b = new ConditionalAccessReplayBenchmark();
      b.setUp();
      SignInFacts[] fs = b.facts;
      CodedEvaluation c = b.codedVector;
      SignInEvaluator rec = b.compiled;
      SignInEvaluator nai = b.naive;
      evaluationOnly("int-coded vector (fast path)", 3_000_000, fs, f -> decisionOf(c, f));
      evaluationOnly(
          "record path: evaluate() -> Evaluation", 1_000_000, fs, f -> rec.evaluate(f).decision());
      evaluationOnly(
          "naive interpreter (sample)", naiveSample / 2, fs, f -> nai.evaluate(f).decision());
    }

    System.out.printf(
        "%n2. replay of a columnar log x 100 policies (fast path on %d threads)%n", threads);
    DirectoryIndex directory = ConditionalAccessReplayLog.directory(7);
    SignInFactsResolver resolver = new SignInFactsResolver(directory);
    List<NamedLocation> locations = locations();
    List<ConditionalAccessPolicy> policies = policies(new Random(42), POLICIES);
    ConditionalAccessEvaluator engine = new ConditionalAccessEvaluator(policies, locations);
    List<SignInEvent> templates = ConditionalAccessReplayLog.templates(11, engine, resolver);
    SignInLog warm = ConditionalAccessReplayLog.log(12, templates, Math.min(events, 1_000_000));
    Replay.run(engine, resolver, warm, i -> true, 10, threads);
    Replay.run(engine::evaluate, resolver, warm, i -> i < 100_000, 10, 1);
    warm = SignInLog.empty();
    double fastCpuPerSignIn = 0;
    long largestWall = 0;
    for (int n : sizes(events)) {
      SignInLog log = ConditionalAccessReplayLog.log(13, templates, n);
      SituationMemo memo = SituationMemo.enabled();
      Measured<ReplayStats> fast =
          measure(
              "fast path, " + threads + " threads",
              n,
              () -> Replay.run(engine, resolver, log, i -> true, 10, threads, memo));
      System.out.printf(
          "    agreement %.4f, %,d disagreements; situations evaluated %,d of %,d events"
              + " (memo hit rate %.4f)%n",
          fast.value.agreementRate(),
          fast.value.disagreements(),
          memo.evaluated(),
          memo.events(),
          memo.hitRate());
      if (n == events) {
        fastCpuPerSignIn = (double) fast.cpuNanos / n;
        largestWall = fast.wallNanos;
      }
      if (n == events && !fastOnly) {
        Measured<ReplayStats> unmemoized =
            measure(
                "fast path, memo off, " + threads + " threads",
                n,
                () ->
                    Replay.run(
                        engine, resolver, log, i -> true, 10, threads, SituationMemo.disabled()));
        System.out.printf(
            "    statistics equal with the memo on and off: %s%n",
            unmemoized.value.equals(fast.value));
        Measured<ReplayStats> records =
            measure(
                "record path (sample, 1 thread)",
                recordSample,
                () -> Replay.run(engine::evaluate, resolver, log, i -> i < recordSample, 10, 1));
        records.extrapolate(events);
        Measured<ReplayStats> fastSample =
            measure(
                "fast path (same sample, 1 thread)",
                recordSample,
                () -> Replay.run(engine, resolver, log, i -> i < recordSample, 10, 1));
        System.out.printf(
            "    fast path statistics equal the record path's on the sample: %s%n",
            fastSample.value.equals(records.value));
        NaiveConditionalAccessEvaluator naive =
            new NaiveConditionalAccessEvaluator(policies, locations);
        Measured<ReplayStats> naiveRun =
            measure(
                "naive interpreter (sample, 1 thread)",
                naiveSample,
                () -> Replay.run(naive, resolver, log, i -> i < naiveSample, 10, 1));
        naiveRun.extrapolate(events);
      }
    }

    if (fastOnly) {
      printGoal(events, largestWall, fastCpuPerSignIn);
      return;
    }
    System.out.printf(
        "%n2b. all-distinct situations (each sign-in its own address), %,d sign-ins, %d threads%n",
        Math.min(events, 1_000_000), threads);
    SignInLog distinct =
        ConditionalAccessReplayLog.log(13, templates, Math.min(events, 1_000_000), true);
    SituationMemo useless = SituationMemo.enabled();
    Measured<ReplayStats> distinctOn =
        measure(
            "memo on (every situation new)",
            distinct.size(),
            () -> Replay.run(engine, resolver, distinct, i -> true, 10, threads, useless));
    System.out.printf(
        "    situations evaluated %,d of %,d events (memo hit rate %.4f)%n",
        useless.evaluated(), useless.events(), useless.hitRate());
    Measured<ReplayStats> distinctOff =
        measure(
            "memo off",
            distinct.size(),
            () ->
                Replay.run(
                    engine, resolver, distinct, i -> true, 10, threads, SituationMemo.disabled()));
    System.out.printf(
        "    statistics equal with the memo on and off: %s%n",
        distinctOn.value.equals(distinctOff.value));

    System.out.printf(
        "%n3. fast path by number of policies, 1,000,000 sign-ins, %d threads%n", threads);
    int sweepEvents = Math.min(events, 1_000_000);
    for (int p : new int[] {10, 30, 100}) {
      ConditionalAccessEvaluator e =
          new ConditionalAccessEvaluator(policies(new Random(42), p), locations);
      SignInLog log =
          ConditionalAccessReplayLog.log(
              13, ConditionalAccessReplayLog.templates(11, e, resolver), sweepEvents);
      measure(
          p + " policies", sweepEvents, () -> Replay.run(e, resolver, log, i -> true, 10, threads));
    }
    printGoal(events, largestWall, fastCpuPerSignIn);
  }

  private static void printGoal(int events, long largestWall, double fastCpuPerSignIn) {
    System.out.printf(
        "%ngoal 10M x 100 in < 5 s wall on 2 cores: %s for %,d sign-ins: %.2f s wall,"
            + " %.2f us CPU per sign-in (%.2f s of CPU over 2 cores)%n",
        largestWall < 5_000_000_000L && events >= 10_000_000 ? "met" : "see figures",
        events,
        largestWall / 1e9,
        fastCpuPerSignIn / 1000,
        fastCpuPerSignIn * events / 2e9);
  }

  private static Decision decisionOf(CodedEvaluation c, SignInFacts f) {
    c.evaluate(f);
    return c.decision();
  }

  private static int[] sizes(int events) {
    return IntStream.of(1_000_000, 3_000_000, events).filter(n -> n <= events).distinct().toArray();
  }

  private static void evaluationOnly(
      String label,
      int n,
      SignInFacts[] fs,
      java.util.function.Function<SignInFacts, Decision> eval) {
    long blocked = 0;
    for (int i = 0; i < Math.min(n, 200_000); i++) {
      blocked += eval.apply(fs[i % fs.length]) == Decision.BLOCK ? 1 : 0; // warm-up
    }
    long c0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      blocked += eval.apply(fs[i % fs.length]) == Decision.BLOCK ? 1 : 0;
    }
    long cpu = THREADS.getCurrentThreadCpuTime() - c0;
    long wall = System.nanoTime() - t0;
    System.out.printf(
        "  %-44s %,11d sign-ins %,8d ms wall %,8d ms CPU %,8d ns CPU/sign-in  load %.1f"
            + " (%,d blocked)%n",
        label, n, wall / 1_000_000, cpu / 1_000_000, cpu / Math.max(1, n), loadAverage(), blocked);
  }

  private static final class Measured<T> {
    final String label;
    final long n;
    final long wallNanos;
    final long cpuNanos;
    final T value;

    Measured(String label, long n, long wallNanos, long cpuNanos, T value) {
      this.label = label;
      this.n = n;
      this.wallNanos = wallNanos;
      this.cpuNanos = cpuNanos;
      this.value = value;
    }

    void extrapolate(long to) {
      double f = (double) to / n;
      System.out.printf(
          "    -> %s extrapolated to %,d sign-ins: about %.0f s wall, %.0f s CPU%n",
          label, to, wallNanos * f / 1e9, cpuNanos * f / 1e9);
    }
  }

  private static <T> Measured<T> measure(String label, long n, Supplier<T> run) {
    System.gc();
    long c0 = processCpuNanos();
    long t0 = System.nanoTime();
    T value = run.get();
    long wall = System.nanoTime() - t0;
    long cpu = processCpuNanos() - c0;
    System.out.printf(
        "  %-44s %,11d sign-ins %,8d ms wall %,8d ms CPU %,8d ns CPU/sign-in  load %.1f%n",
        label, n, wall / 1_000_000, cpu / 1_000_000, cpu / Math.max(1, n), loadAverage());
    return new Measured<>(label, n, wall, cpu, value);
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return THREADS.getCurrentThreadCpuTime();
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
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
