package dev.least.bench;

import dev.least.bench.DuckDbRead.Query;
import dev.least.bench.ResultTable.Row;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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

    // (a) the bound; also counts the events and warms the page cache
    BareWalk.Walked[] walked = new BareWalk.Walked[2];
    PerFile walk =
        measure(
            "bare Jackson walk",
            warmup,
            runs,
            entra,
            okta,
            (f, i) -> {
              walked[i] = BareWalk.walk(f);
              return walked[i].events();
            });
    long events = walked[0].events() + walked[1].events();
    out.printf(
        Locale.ROOT, "events: %,d Entra + %,d Okta%n", walked[0].events(), walked[1].events());

    // (b) Least
    Row leastRow = null;
    long normalized = 0;
    long quarantined = 0;
    if (!skip.contains("least")) {
      long[] total = new long[runs];
      long[] e = new long[runs];
      long[] k = new long[runs];
      for (int i = -warmup; i < runs; i++) {
        long t0 = System.nanoTime();
        LeastIngest.Ingested in = LeastIngest.read(root);
        long nanos = System.nanoTime() - t0;
        normalized = in.normalized();
        quarantined = in.quarantined();
        out.printf(
            Locale.ROOT,
            "  Least %s: %.2f s, %,d normalized, %,d quarantined%n",
            i < 0 ? "warm-up" : "run " + (i + 1),
            nanos / 1e9,
            normalized,
            quarantined);
        if (i >= 0) {
          total[i] = nanos;
          e[i] = in.entraNanos();
          k[i] = in.oktaNanos();
        }
      }
      leastRow =
          new Row(
              "Least `SnapshotFolderReader.defaults().read`",
              "1",
              e[0] < 0 ? Double.NaN : new Sample(e).medianSeconds(),
              k[0] < 0 ? Double.NaN : new Sample(k).medianSeconds(),
              new Sample(total).medianSeconds(),
              events,
              bytes,
              runs,
              true);
    }
    boolean pending = leastRow == null || normalized == 0;
    ResultTable table = new ResultTable(pending);
    if (leastRow != null) {
      table.add(leastRow);
    }
    table.add(walk.row("bare Jackson 3 token walk (bound)", "1", events, bytes, false));

    // (c) jq
    if (!skip.contains("jq")) {
      Optional<JqRun> jq = JqRun.find();
      if (jq.isEmpty()) {
        out.println("jq: not installed, row left out");
      } else {
        JqRun j = jq.get();
        PerFile jqTimes = measure("jq", 0, jqRuns, entra, okta, (f, i) -> j.run(f));
        table.add(
            jqTimes.row(
                "`jq -c . > /dev/null`" + (j.pinned() ? " (`taskset -c 0`)" : ""),
                "1",
                events,
                bytes,
                false));
      }
    }

    // (d) DuckDB
    if (!skip.contains("duckdb")) {
      try (DuckDbRead duck = new DuckDbRead()) {
        out.println("DuckDB " + duck.version());
        for (int threads : cores == 1 ? new int[] {1} : new int[] {1, cores}) {
          duck.threads(threads);
          for (Query q : Query.values()) {
            PerFile t =
                measure(
                    "DuckDB " + q + " threads=" + threads,
                    warmup,
                    runs,
                    entra,
                    okta,
                    (f, i) -> duck.run(q, f, i == 0));
            String what =
                q == Query.COUNT
                    ? "DuckDB `read_json` → `count(*)`"
                    : "DuckDB `read_json` → temp table of the normalized columns";
            table.add(
                t.row(what, threads == 1 ? "1" : threads + " (default)", events, bytes, false));
          }
        }
      }
    }

    out.println("load average at end: " + loadAverage());
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
          "Least normalized %,d of %,d events (%,d quarantined).%n",
          normalized,
          events,
          quarantined);
      for (Row r : table.rows()) {
        if (!r.least()) {
          out.printf(
              Locale.ROOT,
              "Least vs %s [%s threads]: %.2f×%n",
              r.reader(),
              r.threads(),
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
    LeastIngest.Ingested in = LeastIngest.read(root);
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
        "| %,d | %,d | %.1f | %,d MB | %,d MB | %s | %,d MB |%n",
        in.normalized(),
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

  private static void fullGc(MemoryMXBean mem) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      mem.gc();
      Thread.sleep(100);
    }
  }

  /** Reads one file; {@code index} is 0 for Entra, 1 for Okta. Returns events (unused here). */
  @FunctionalInterface
  private interface FileTask {
    long apply(Path file, int index) throws Exception;
  }

  /** Median times per file and for both files together. */
  private record PerFile(Sample entra, Sample okta, Sample total) {
    Row row(String reader, String threads, long events, long bytes, boolean least) {
      return new Row(
          reader,
          threads,
          entra.medianSeconds(),
          okta.medianSeconds(),
          total.medianSeconds(),
          events,
          bytes,
          total.runs(),
          least);
    }
  }

  private PerFile measure(String name, int warmup, int runs, Path entra, Path okta, FileTask task)
      throws Exception {
    long[] e = new long[runs];
    long[] k = new long[runs];
    long[] t = new long[runs];
    for (int i = -warmup; i < runs; i++) {
      long t0 = System.nanoTime();
      task.apply(entra, 0);
      long t1 = System.nanoTime();
      task.apply(okta, 1);
      long t2 = System.nanoTime();
      out.printf(
          Locale.ROOT,
          "  %s %s: %.2f s + %.2f s%n",
          name,
          i < 0 ? "warm-up" : "run " + (i + 1),
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9);
      if (i >= 0) {
        e[i] = t1 - t0;
        k[i] = t2 - t1;
        t[i] = t2 - t0;
      }
    }
    return new PerFile(new Sample(e), new Sample(k), new Sample(t));
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
