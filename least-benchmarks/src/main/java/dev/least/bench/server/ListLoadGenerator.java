package dev.least.bench.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * An open-loop load generator for {@code GET /api/v1/recommendations}: request {@code i} is due at
 * {@code start + i / rate} whatever happened to earlier ones, and its latency is measured from that
 * intended send time, so a stalled server is charged for every request that waited behind a slow
 * one (no coordinated omission). Bounded: at most {@code --max-in-flight} requests are outstanding;
 * a request due while that many are open is not sent and counts as an error. A warm-up at the same
 * rate precedes the measured window. Requests follow {@link ListRequestMix}.
 *
 * <p>Reports p50/p90/p99/max per request kind and overall, errors, the achieved rate, this
 * process's CPU time and the server's heap (actuator {@code jvm.memory.used}, when exposed). Exit 0
 * when p99 is under {@code --p99-goal-ms} with no errors, 1 otherwise, 2 on bad usage. Run:
 *
 * <pre>
 * java -cp least-benchmarks/target/least-benchmarks.jar dev.least.bench.server.ListLoadGenerator \
 *     --url http://127.0.0.1:8080 --token lst_… --min-id 1 --max-id 1000000 \
 *     [--rate 200] [--duration 60] [--warmup 20] [--max-in-flight 400] [--p99-goal-ms 50]
 * </pre>
 */
public final class ListLoadGenerator {
  /** The first measurement's value in an actuator metric response. */
  private static final Pattern METRIC_VALUE =
      Pattern.compile("\"measurements\"\\s*:\\s*\\[\\s*\\{[^}]*\"value\"\\s*:\\s*([-0-9.eE+]+)");

  private static final long MAX_TRACKED_NANOS = TimeUnit.SECONDS.toNanos(120);

  /** Latencies of one phase (warm-up or measured), per kind and overall. Thread-safe. */
  static final class Stats {
    final Histogram all = new Histogram(MAX_TRACKED_NANOS, 3);
    final Map<String, Histogram> byKind = new LinkedHashMap<>();
    final Map<String, Long> errors = new TreeMap<>();
    long bytes;
    long lastCompletion;

    Stats() {
      for (String k : ListRequestMix.KINDS) {
        byKind.put(k, new Histogram(MAX_TRACKED_NANOS, 3));
      }
    }

    synchronized void ok(String kind, long latencyNanos, long bodyBytes, long at) {
      long v = Math.min(latencyNanos, MAX_TRACKED_NANOS);
      all.recordValue(v);
      byKind.get(kind).recordValue(v);
      bytes += bodyBytes;
      lastCompletion = Math.max(lastCompletion, at);
    }

    synchronized void error(String what, long at) {
      errors.merge(what, 1L, Long::sum);
      lastCompletion = Math.max(lastCompletion, at);
    }

    synchronized long errorCount() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("--url", "http://127.0.0.1:8080");
    o.put("--token", "");
    o.put("--min-id", "1");
    o.put("--max-id", "1000000");
    o.put("--rate", "200");
    o.put("--duration", "60");
    o.put("--warmup", "20");
    o.put("--max-in-flight", "400");
    o.put("--timeout", "10");
    o.put("--p99-goal-ms", "50");
    o.put("--seed", "11");
    for (int i = 0; i < args.length; i += 2) {
      if (!o.containsKey(args[i]) || i + 1 >= args.length) {
        System.err.println("usage: ListLoadGenerator " + String.join(" <v> ", o.keySet()) + " <v>");
        System.exit(2);
      }
      o.put(args[i], args[i + 1]);
    }
    if (o.get("--token").isBlank()) {
      System.err.println("ListLoadGenerator: --token is required (an API token, lst_…)");
      System.exit(2);
    }
    double rate = Double.parseDouble(o.get("--rate"));
    int duration = Integer.parseInt(o.get("--duration"));
    int warmup = Integer.parseInt(o.get("--warmup"));
    String base = o.get("--url");
    String auth = "Bearer " + o.get("--token");
    ListRequestMix mix =
        new ListRequestMix(
            Long.parseLong(o.get("--seed")),
            Long.parseLong(o.get("--min-id")),
            Long.parseLong(o.get("--max-id")));
    Duration timeout = Duration.ofSeconds(Long.parseLong(o.get("--timeout")));
    int maxInFlight = Integer.parseInt(o.get("--max-in-flight"));
    URI baseUri = URI.create(base);
    String prefix = baseUri.getRawPath() == null ? "" : baseUri.getRawPath().replaceAll("/$", "");
    String host = baseUri.getHost();
    int port = baseUri.getPort() < 0 ? 80 : baseUri.getPort();
    String headers = "Authorization: " + auth + "\nAccept: application/json";
    int timeoutMillis = Math.toIntExact(timeout.toMillis());
    // idle keep-alive connections, most recently used first; a request takes one or opens one, so
    // there are as many connections as requests were ever in flight at once
    ConcurrentLinkedDeque<HttpGetConnection> idle = new ConcurrentLinkedDeque<>();
    ExecutorService senders =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "sender");
              t.setDaemon(true);
              return t;
            });

    Stats warm = new Stats();
    Stats measured = new Stats();
    long warmCount = Math.round(rate * warmup);
    long total = warmCount + Math.round(rate * duration);
    double periodNanos = 1e9 / rate;
    AtomicInteger inFlight = new AtomicInteger();
    Phaser outstanding = new Phaser(1);
    long cpu0 = cpuNanos();
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    long measuredStart = start + Math.round(warmCount * periodNanos);
    long lateSends = 0;
    long maxSendLagNanos = 0;
    System.err.printf(
        Locale.ROOT,
        "== %d s warm-up then %d s measured at %.0f req/s against %s%n",
        warmup,
        duration,
        rate,
        base);
    for (long i = 0; i < total; i++) {
      long intended = start + Math.round(i * periodNanos);
      long wait;
      while ((wait = intended - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      long lag = System.nanoTime() - intended;
      maxSendLagNanos = Math.max(maxSendLagNanos, i >= warmCount ? lag : 0);
      if (lag > TimeUnit.MILLISECONDS.toNanos(5)) {
        lateSends++;
      }
      if (i == warmCount) {
        System.err.println("== measured window starts");
      }
      Stats stats = i < warmCount ? warm : measured;
      ListRequestMix.Request rq = mix.next();
      if (inFlight.get() >= maxInFlight) {
        stats.error("not sent: " + maxInFlight + " in flight", System.nanoTime());
        continue;
      }
      inFlight.incrementAndGet();
      outstanding.register();
      senders.execute(
          () -> {
            HttpGetConnection c = idle.pollFirst();
            if (c == null) {
              c = new HttpGetConnection(host, port, headers, 5_000, timeoutMillis);
            }
            try {
              HttpGetConnection.Response resp = c.get(prefix + rq.pathAndQuery());
              long now = System.nanoTime();
              if (resp.status() != 200) {
                stats.error("HTTP " + resp.status(), now);
              } else {
                stats.ok(rq.kind(), now - intended, resp.bodyBytes(), now);
              }
              idle.offerFirst(c);
            } catch (IOException | RuntimeException ex) {
              c.close();
              stats.error(errorName(ex), System.nanoTime());
            } finally {
              inFlight.decrementAndGet();
              outstanding.arriveAndDeregister();
            }
          });
    }
    long sendEnd = System.nanoTime();
    try {
      outstanding.awaitAdvanceInterruptibly(
          outstanding.arrive(), timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      measured.error("still open at the end", System.nanoTime());
    }
    long cpu = cpuNanos() - cpu0;
    senders.shutdown();
    for (HttpGetConnection c; (c = idle.pollFirst()) != null; ) {
      c.close();
    }
    @Nullable String heap =
        serverHeap(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build(),
            base,
            auth);

    long sent = total - warmCount;
    long done = measured.all.getTotalCount();
    double window = (Math.max(measured.lastCompletion, sendEnd) - measuredStart) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%-12s %7s %8s %8s %8s %8s%n",
        "kind",
        "n",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms");
    for (Map.Entry<String, Histogram> e : measured.byKind.entrySet()) {
      row(e.getKey(), e.getValue());
    }
    row("all", measured.all);
    long errors = measured.errorCount();
    double p99 = measured.all.getValueAtPercentile(99) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "result: rate=%.0f/s duration=%ds sent=%d ok=%d errors=%d achieved=%.1f req/s"
            + " p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms avgBody=%.1fKB lateSends=%d"
            + " maxSendLag=%.1fms generatorCpu=%.1fs serverHeap=%s warmupP99=%.2fms"
            + " completedWithWarmup=%d%n",
        rate,
        duration,
        sent,
        done,
        errors,
        done / window,
        measured.all.getValueAtPercentile(50) / 1e6,
        measured.all.getValueAtPercentile(90) / 1e6,
        p99,
        measured.all.getMaxValue() / 1e6,
        done == 0 ? 0.0 : measured.bytes / 1024.0 / done,
        lateSends,
        maxSendLagNanos / 1e6,
        cpu / 1e9,
        heap == null ? "n/a" : heap,
        warm.all.getValueAtPercentile(99) / 1e6,
        done + warm.all.getTotalCount());
    if (errors > 0) {
      System.out.println("errors: " + measured.errors);
    }
    double goal = Double.parseDouble(o.get("--p99-goal-ms"));
    boolean met = errors == 0 && p99 < goal && done == sent;
    System.out.println(
        "goal p99 < "
            + o.get("--p99-goal-ms")
            + " ms with zero errors: "
            + (met ? "met" : "NOT met"));
    System.exit(met ? 0 : 1);
  }

  private static void row(String kind, Histogram h) {
    if (h.getTotalCount() == 0) {
      System.out.printf(Locale.ROOT, "%-12s %7d%n", kind, 0);
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "%-12s %7d %8.2f %8.2f %8.2f %8.2f%n",
        kind,
        h.getTotalCount(),
        h.getValueAtPercentile(50) / 1e6,
        h.getValueAtPercentile(90) / 1e6,
        h.getValueAtPercentile(99) / 1e6,
        h.getMaxValue() / 1e6);
  }

  private static String errorName(Throwable ex) {
    return ex instanceof SocketTimeoutException ? "timeout" : ex.getClass().getSimpleName();
  }

  /**
   * The server's used and committed heap from the actuator metrics endpoint ({@code
   * management.endpoints.web.exposure.include} must list {@code metrics}); null when not exposed.
   */
  static @Nullable String serverHeap(HttpClient client, String base, String auth)
      throws InterruptedException {
    Map<String, Double> mb = new LinkedHashMap<>();
    for (String metric :
        new String[] {"jvm.memory.used", "jvm.memory.committed", "jvm.memory.max"}) {
      try {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(
                        URI.create(base + "/actuator/metrics/" + metric + "?tag=area:heap"))
                    .header("Authorization", auth)
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          return null;
        }
        Matcher value = METRIC_VALUE.matcher(r.body());
        if (!value.find()) {
          return null;
        }
        mb.put(
            metric.substring("jvm.memory.".length()),
            Double.parseDouble(value.group(1)) / (1024 * 1024));
      } catch (IOException e) {
        return null;
      }
    }
    return String.format(
        Locale.ROOT,
        "used %.0fMB/committed %.0fMB/max %.0fMB",
        mb.get("used"),
        mb.get("committed"),
        mb.get("max"));
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
