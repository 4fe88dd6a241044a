package dev.least.bench;

import dev.least.bench.DuckDbRead.Query;
import dev.least.bench.ResultTable.Row;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in ingest, side by side, in one run over the same files (issue 3).
 *
 * <pre>
 * java -cp least-benchmarks/target/least-benchmarks.jar dev.least.bench.IngestBenchmark \
 *     generate --out bench-data/1m --events 1000000
 * java -Xmx4g -cp least-benchmarks/target/least-benchmarks.jar dev.least.bench.IngestBenchmark \
 *     run --data bench-data/1m --runs 3 --warmup 1
 * java -Xmx2g -cp least-benchmarks/target/least-benchmarks.jar dev.least.bench.IngestBenchmark \
 *     heap --data bench-data/10m
 * </pre>
 *
 * <p>{@code run} measures on one thread: a bare Jackson token walk (the bound), Least's {@code
 * SnapshotFolderReader.defaults().read}, {@code jq -c .} pinned to one core, and DuckDB's {@code
 * read_json} with one thread and with the default thread count; it prints a Markdown table. {@code
 * heap} reads a folder with Least and reports the heap still used, after a full GC, while the
 * snapshot is referenced. Bench-only code: failures end the run with a stack trace.
 */
public final class IngestBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final PrintStream out;

  private IngestBenchmark(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] argv) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (argv.length == 0) {
      out.println(USAGE);
      System.exit(2);
    }
    Map<String, String> opts = options(argv);
    IngestBenchmark b = new IngestBenchmark(out);
    switch (argv[0]) {
      case "generate" -> b.generate(opts);
      case "run" -> b.run(opts);
      case "heap" -> b.heap(opts);
      default -> {
        out.println("unknown command '" + argv[0] + "'\n" + USAGE);
        System.exit(2);
      }
    }
  }

  static final String USAGE =
      """
      usage: IngestBenchmark generate --out DIR [--events N | --entra N --okta N] [--seed S] [--users U]
             IngestBenchmark run  --data DIR [--runs N] [--warmup N] [--jq-runs N] [--skip jq,duckdb,least]
             IngestBenchmark heap --data DIR""";

  private void generate(Map<String, String> o) throws IOException {
    long total = longOpt(o, "events", 1_000_000);
    SignInCorpus.Spec even = SignInCorpus.Spec.ofTotal(total);
    SignInCorpus.Spec spec =
        new SignInCorpus.Spec(
            longOpt(o, "entra", even.entraEvents()),
            longOpt(o, "okta", even.oktaEvents()),
            longOpt(o, "seed", even.seed()),
            (int) longOpt(o, "users", even.users()));
    Path root = Path.of(required(o, "out"));
    long t0 = System.nanoTime();
    SignInCorpus.Written w = SignInCorpus.write(root, spec);
    double s = (System.nanoTime() - t0) / 1e9;
    out.printf(
        Locale.ROOT,
        "wrote %s: %,d Entra sign-ins (%,d bytes, %,.0f B/line), %,d Okta events (%,d bytes,"
            + " %,.0f B/line) in %.1f s%n",
        root,
        spec.entraEvents(),
        w.entraBytes(),
        spec.entraEvents() == 0 ? 0.0 : (double) w.entraBytes() / spec.entraEvents(),
        spec.oktaEvents(),
        w.oktaBytes(),
        spec.oktaEvents() == 0 ? 0.0 : (double) w.oktaBytes() / spec.oktaEvents(),
        s);
  }

  private void run(Map<String, String> o) throws Exception {
    Path root = Path.of(required(o, "data"));
    Path entra = root.resolve(SignInCorpus.ENTRA_FILE);
    Path okta = root.resolve(SignInCorpus.OKTA_FILE);
    int runs = (int) longOpt(o, "runs", 3);
    int warmup = (int) longOpt(o, "warmup", 1);
    int jqRuns = (int) longOpt(o, "jq-runs", 1);
    List<String> skip = List.of(o.getOrDefault("skip", "").split(","));
    long entraBytes = Files.size(entra);
    long oktaBytes = Files.size(okta);
    long bytes = entraBytes + oktaBytes;
    int cores = Runtime.getRuntime().availableProcessors();
    out.println("load average at start: " + loadAverage());
    out.printf(
        Locale.ROOT,
        "data: %s (%,d + %,d bytes); JVM %s, %d processors, max heap %,d MB; runs %d after %d"
            + " warm-up%n",
        root,
        entraBytes,
        oktaBytes,
        Runtime.version(),
        cores,
        Runtime.getRuntime().maxMemory() >> 20,
        runs,
        warmup);

    List<Path> files = List.of(entra, okta);
    long events;
    long normalized;
    long quarantined;
    boolean pending;
    ResultTable table;
    List<Contender> contenders = new ArrayList<>();
    String cpuSummary = "";
    // (a) the bound; also counts the events. Runs first in every round.
    BareWalk.Walked[] walked = new BareWalk.Walked[2];
    contenders.add(
        contender(
            "bare Jackson 3 token walk (bound)",
            "1",
            false,
            () -> Contender.timed(i -> walked[i] = BareWalk.walk(files.get(i)))));
    // (b) Least: its JSON Lines plumbing alone (the floor), then the real read
    contenders.add(
        contender(
            "Least plumbing only: `JsonLines.forEachObject` skipping each object (Least's cursor), no mapping",
            "1",
            false,
            () -> Contender.timed(i -> LineWalk.walk(files.get(i)))));
    // normalized, quarantined of the latest read (not the snapshot: it would stay live)
    long[] last = {-1, 0, 0, 0};
    if (!skip.contains("least")) {
      contenders.add(
          contender(
              "Least `SnapshotFolderReader.defaults(1).read`",
              "1",
              true,
              () -> {
                long t0 = System.nanoTime();
                LeastIngest.Ingested in = LeastIngest.read(root, 1);
                long nanos = System.nanoTime() - t0;
                last[0] = in.normalized();
                last[1] = in.quarantined();
                last[2] = in.entraNormalized();
                last[3] = in.oktaNormalized();
                return new Contender.Pass(in.entraNanos(), in.oktaNanos(), nanos);
              }));
      if (cores > 1) {
        // what `least inspect`/`analyze` do: logs cut into ranges read on every core, joined in
        // order (per-file times are the sum of the ranges' times, so only the total is wall time)
        contenders.add(
            contender(
                "Least `SnapshotFolderReader.defaults().read` (all cores)",
                cores + " (default)",
                false,
                () -> {
                  long t0 = System.nanoTime();
                  LeastIngest.Ingested in = LeastIngest.read(root, cores);
                  return new Contender.Pass(-1, -1, System.nanoTime() - t0);
                }));
      }
    }
    // (c) jq, only in the first jqRuns measured rounds (it is slow and has no JIT to warm)
    Contender jq = null;
    if (!skip.contains("jq")) {
      Optional<JqRun> found = JqRun.find();
      if (found.isEmpty()) {
        out.println("jq: not installed, row left out");
      } else {
        JqRun j = found.get();
        jq =
            contender(
                "`jq -c . > /dev/null`" + (j.pinned() ? " (`taskset -c 0`)" : ""),
                "1",
                false,
                () -> Contender.timed(i -> j.run(files.get(i))));
        contenders.add(jq);
      }
    }
    // (d) DuckDB, one thread and the default (one per core)
    DuckDbRead duck = skip.contains("duckdb") ? null : new DuckDbRead();
    try {
      if (duck != null) {
        out.println("DuckDB " + duck.version());
        for (int threads : cores == 1 ? new int[] {1} : new int[] {1, cores}) {
          for (Query q : Query.values()) {
            contenders.add(
                contender(
                    q == Query.COUNT
                        ? "DuckDB `read_json` → `count(*)`"
                        : "DuckDB `read_json` → temp table of the normalized columns",
                    threads == 1 ? "1" : threads + " (default)",
                    false,
                    () -> {
                      duck.threads(threads);
                      return Contender.timed(i -> duck.run(q, files.get(i), i == 0));
                    }));
          }
        }
      }
      // rounds: every contender once per round, so that changing load on a shared machine
      // falls on all of them alike
      Map<Contender, List<Contender.Pass>> passes = new LinkedHashMap<>();
      // thread CPU time of the readers that run on this thread (not jq, not DuckDB's own threads):
      // on a loaded machine it varies far less than wall time
      List<Contender> onThisThread = contenders.subList(0, skip.contains("least") ? 2 : 3);
      Map<Contender, List<Long>> cpu = new LinkedHashMap<>();
      for (int round = -warmup; round < runs; round++) {
        for (Contender c : contenders) {
          if (c == jq && (round < 0 || round >= jqRuns)) {
            continue;
          }
          long cpu0 = THREADS.getCurrentThreadCpuTime();
          Contender.Pass p = c.once();
          long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu0;
          boolean ownThread = onThisThread.contains(c);
          out.printf(
              Locale.ROOT,
              "  %s %s [%s]: %.2f s (%s + %s)%s%n",
              round < 0 ? "warm-up" : "run " + (round + 1),
              c.label().reader(),
              c.label().threads(),
              p.totalNanos() / 1e9,
              p.entraNanos() < 0 ? "?" : String.format(Locale.ROOT, "%.2f", p.entraNanos() / 1e9),
              p.oktaNanos() < 0 ? "?" : String.format(Locale.ROOT, "%.2f", p.oktaNanos() / 1e9),
              ownThread ? String.format(Locale.ROOT, ", thread CPU %.2f s", cpuNanos / 1e9) : "");
          if (round >= 0) {
            passes.computeIfAbsent(c, k -> new ArrayList<>()).add(p);
            if (ownThread) {
              cpu.computeIfAbsent(c, k -> new ArrayList<>()).add(cpuNanos);
            }
          }
        }
      }
      cpuSummary = cpuSummary(cpu);
      events = walked[0].events() + walked[1].events();
      out.printf(
          Locale.ROOT, "events: %,d Entra + %,d Okta%n", walked[0].events(), walked[1].events());
      normalized = Math.max(0, last[0]);
      quarantined = last[1];
      pending = normalized == 0;
      table = new ResultTable(last[2] == 0, last[3] == 0);
      for (Map.Entry<Contender, List<Contender.Pass>> e : passes.entrySet()) {
        table.add(row(e.getKey().label(), e.getValue(), events, bytes));
      }
    } finally {
      if (duck != null) {
        duck.close();
      }
    }
    out.println("load average at end: " + loadAverage());
    out.print(cpuSummary);
    out.println();
    out.print(table.markdown());
    out.println();
    if (pending) {
      out.printf(
          Locale.ROOT,
          "Least column pending: %,d of %,d events normalized (%,d quarantined); the sign-in"
              + " readers on this build do not produce events yet.%n",
          normalized,
          events,
          quarantined);
    } else {
      out.printf(
          Locale.ROOT,
          "Least normalized %,d of %,d events (%,d Entra, %,d Okta; %,d quarantined).%n",
          normalized,
          events,
          last[2],
          last[3],
          quarantined);
      for (Row r : table.rows()) {
        if (!r.least()) {
          out.printf(
              Locale.ROOT,
              "Least vs %s [%s threads]: Entra %.2f×, Okta %.2f×, total %.2f×%n",
              r.reader(),
              r.threads(),
              table.leastSpeedupEntra(r),
              table.leastSpeedupOkta(r),
              table.leastSpeedup(r));
        }
      }
      out.println("Goals: ≥ 0.8× the bare walk, ≥ 5× jq (one core).");
    }
  }

  private void heap(Map<String, String> o) throws Exception {
    Path root = Path.of(required(o, "data"));
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    fullGc(mem);
    long before = mem.getHeapMemoryUsage().getUsed();
    long t0 = System.nanoTime();
    LeastIngest.Ingested in = LeastIngest.read(root, Runtime.getRuntime().availableProcessors());
    double seconds = (System.nanoTime() - t0) / 1e9;
    fullGc(mem);
    long after = mem.getHeapMemoryUsage().getUsed();
    long held = after - before;
    out.printf(
        Locale.ROOT,
        "| events normalized | quarantined | read s | heap used after full GC | of which the"
            + " snapshot | bytes/event | -Xmx |%n");
    out.println("|---:|---:|---:|---:|---:|---:|---:|");
    out.printf(
        Locale.ROOT,
        "| %,d (%,d Entra + %,d Okta) | %,d | %.1f | %,d MB | %,d MB | %s | %,d MB |%n",
        in.normalized(),
        in.entraNormalized(),
        in.oktaNormalized(),
        in.quarantined(),
        seconds,
        after >> 20,
        held >> 20,
        in.normalized() == 0
            ? "pending"
            : String.format(Locale.ROOT, "%.0f", (double) held / in.normalized()),
        Runtime.getRuntime().maxMemory() >> 20);
    if (in.normalized() == 0) {
      out.println("bytes/event pending: the sign-in readers on this build normalized nothing.");
    }
    // the snapshot must still be referenced when the heap is measured
    Reference.reachabilityFence(in);
  }

  /** Median thread CPU time of each reader that ran on this thread, and its ratio to the first. */
  private static String cpuSummary(Map<Contender, List<Long>> cpu) {
    StringBuilder b = new StringBuilder();
    double first = Double.NaN;
    for (Map.Entry<Contender, List<Long>> e : cpu.entrySet()) {
      double s =
          new Sample(e.getValue().stream().mapToLong(Long::longValue).toArray()).medianSeconds();
      if (Double.isNaN(first)) {
        first = s;
      }
      b.append(
          String.format(
              Locale.ROOT,
              "thread CPU, median: %s: %.2f s (bare walk ÷ this: %.2f)%n",
              e.getKey().label().reader(),
              s,
              first / s));
    }
    return b.toString();
  }

  /**
   * {@code /proc/loadavg} (1, 5, 15 minutes), or "unknown": other work on the machine skews
   * figures.
   */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static Contender contender(
      String reader, String threads, boolean least, ContenderPass pass) {
    Contender.Label label = new Contender.Label(reader, threads, least);
    return new Contender() {
      @Override
      public Label label() {
        return label;
      }

      @Override
      public Pass once() throws Exception {
        return pass.once();
      }
    };
  }

  @FunctionalInterface
  private interface ContenderPass {
    Contender.Pass once() throws Exception;
  }

  /** The row of one contender: median per file (when reported) and of the totals. */
  static Row row(Contender.Label label, List<Contender.Pass> passes, long events, long bytes) {
    long[] e = passes.stream().mapToLong(Contender.Pass::entraNanos).toArray();
    long[] k = passes.stream().mapToLong(Contender.Pass::oktaNanos).toArray();
    long[] t = passes.stream().mapToLong(Contender.Pass::totalNanos).toArray();
    return new Row(
        label.reader(),
        label.threads(),
        Arrays.stream(e).allMatch(x -> x >= 0) ? new Sample(e).medianSeconds() : Double.NaN,
        Arrays.stream(k).allMatch(x -> x >= 0) ? new Sample(k).medianSeconds() : Double.NaN,
        new Sample(t).medianSeconds(),
        events,
        bytes,
        passes.size(),
        label.least());
  }

  private static void fullGc(MemoryMXBean mem) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      mem.gc();
      Thread.sleep(100);
    }
  }

  static Map<String, String> options(String[] argv) {
    Map<String, String> o = new HashMap<>();
    for (int i = 1; i < argv.length; i++) {
      String a = argv[i];
      if (!a.startsWith("--") || i + 1 >= argv.length) {
        throw new IllegalArgumentException("expected --name value but got '" + a + "'\n" + USAGE);
      }
      o.put(a.substring(2), argv[++i]);
    }
    return o;
  }

  private static String required(Map<String, String> o, String name) {
    String v = o.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
    }
    return v;
  }

  private static long longOpt(Map<String, String> o, String name, long dflt) {
    String v = o.get(name);
    return v == null ? dflt : Long.parseLong(v.replace("_", ""));
  }
}
