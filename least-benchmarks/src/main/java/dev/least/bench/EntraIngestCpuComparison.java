package dev.least.bench;

import dev.least.connector.entra.EntraSignInFiles;
import dev.least.connector.entra.EntraSignInParser;
import dev.least.connector.json.JsonInput;
import dev.least.connector.json.JsonLines;
import dev.least.connector.snapshot.ReadContext;
import dev.least.model.SignInLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The ingest-vs-bare-walk comparison of {@link EntraSignInIngestBenchmark} measured in thread CPU
 * time, best of N interleaved rounds in one JVM: on a shared, overloaded machine wall-clock JMH
 * scores swing by ±50 %, CPU time by a few percent.
 *
 * <p>Run: {@code java -cp <benchmark classpath> dev.least.bench.EntraIngestCpuComparison [events]
 * [rounds]}
 */
public final class EntraIngestCpuComparison {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static long sink;

  private EntraIngestCpuComparison() {}

  public static void main(String[] args) throws IOException {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path dir = Files.createTempDirectory("least-bench");
    Path file = EntraSignInCorpus.write(dir.resolve("signIns.jsonl"), events, 42);
    String[] names = {"bareWalkPerLine", "bareWalkTokensOnly", "parseOnly", "ingest"};
    long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
    for (int r = 0; r < rounds; r++) {
      for (int m = 0; m < names.length; m++) {
        long t0 = CPU.getCurrentThreadCpuTime();
        run(m, file, dir, events);
        best[m] = Math.min(best[m], CPU.getCurrentThreadCpuTime() - t0);
      }
    }
    for (int m = 0; m < names.length; m++) {
      System.out.printf(
          Locale.ROOT,
          "%-20s %8.1f ms cpu  (bareWalkPerLine/this = %.2f, bareWalkTokensOnly/this = %.2f)%n",
          names[m],
          best[m] / 1e6,
          (double) best[0] / best[m],
          (double) best[1] / best[m]);
    }
    Files.delete(file);
    Files.delete(dir);
    if (sink == 42) {
      System.out.println();
    }
  }

  private static void run(int m, Path file, Path dir, int events) throws IOException {
    switch (m) {
      case 0:
        JsonLines.forEachLine(
            file,
            (buf, off, len, line) -> {
              try (JsonParser p = JsonInput.parser(buf, off, len)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                  if (t == JsonToken.VALUE_STRING) {
                    sink += p.getString().length();
                  }
                }
              }
            });
        break;
      case 1:
        JsonLines.forEachLine(
            file,
            (buf, off, len, line) -> {
              try (JsonParser p = JsonInput.parser(buf, off, len)) {
                while (p.nextToken() != null) {
                  sink++;
                }
              }
            });
        break;
      case 2:
        EntraSignInParser parser = new EntraSignInParser();
        JsonLines.forEachLine(
            file,
            (buf, off, len, line) -> {
              try (JsonParser p = JsonInput.parser(buf, off, len)) {
                sink += parser.parse(p).errorCode();
              }
            });
        break;
      default:
        SignInLog.Builder out = SignInLog.builder();
        ReadContext ctx = new ReadContext(dir, q -> {});
        EntraSignInFiles.readLines(ctx, file, out);
        if (ctx.quarantined() != 0 || out.size() != events) {
          throw new IllegalStateException("corpus not fully read");
        }
        sink += out.build().size();
    }
  }
}
