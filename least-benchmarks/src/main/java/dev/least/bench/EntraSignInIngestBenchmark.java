package dev.least.bench;

import dev.least.connector.entra.EntraSignInFiles;
import dev.least.connector.entra.EntraSignInParser;
import dev.least.connector.json.JsonInput;
import dev.least.connector.json.JsonLines;
import dev.least.connector.snapshot.ReadContext;
import dev.least.model.SignInLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Sign-in ingest against bare Jackson token walks of the same JSON Lines file. The target: {@code
 * parseOnly} and {@code ingest} at ≥ 0.8 × the throughput of {@code bareWalkPerLine} (same line
 * splitting, one parser per line, every token visited, nothing mapped).
 *
 * <p>Run: {@code ./mvnw -B -q -pl least-benchmarks -am package -DskipTests && java -jar
 * least-benchmarks/target/least-benchmarks.jar EntraSignInIngest}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EntraSignInIngestBenchmark {
  @Param({"20000"})
  public int events;

  private Path dir;
  private Path file;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("least-bench");
    file = EntraSignInCorpus.write(dir.resolve("signIns.jsonl"), events, 42);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Baseline: the lines of the file, one parser each, every token read, strings materialized. */
  @Benchmark
  public long bareWalkPerLine(Blackhole bh) throws IOException {
    long[] tokens = {0};
    JsonLines.forEachLine(
        file,
        (buf, off, len, line) -> {
          try (JsonParser p = JsonInput.parser(buf, off, len)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
              if (t == JsonToken.VALUE_STRING) {
                bh.consume(p.getString());
              }
              tokens[0]++;
            }
          }
        });
    return tokens[0];
  }

  /** Baseline 1b: as {@link #bareWalkPerLine} without materializing strings (tokens only). */
  @Benchmark
  public long bareWalkPerLineTokensOnly() throws IOException {
    long[] tokens = {0};
    JsonLines.forEachLine(
        file,
        (buf, off, len, line) -> {
          try (JsonParser p = JsonInput.parser(buf, off, len)) {
            while (p.nextToken() != null) {
              tokens[0]++;
            }
          }
        });
    return tokens[0];
  }

  /** Baseline 2: one parser over the whole file (root values separated by newlines). */
  @Benchmark
  public long bareWalkWholeFile(Blackhole bh) throws IOException {
    long tokens = 0;
    try (InputStream in = JsonInput.openBytes(file);
        JsonParser p =
            JsonInput.FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_STRING) {
          bh.consume(p.getString());
        }
        tokens++;
      }
    }
    return tokens;
  }

  /** The Entra parser per line, events discarded. */
  @Benchmark
  public long parseOnly(Blackhole bh) throws IOException {
    EntraSignInParser parser = new EntraSignInParser();
    long[] n = {0};
    JsonLines.forEachLine(
        file,
        (buf, off, len, line) -> {
          try (JsonParser p = JsonInput.parser(buf, off, len)) {
            bh.consume(parser.parse(p));
            n[0]++;
          }
        });
    return n[0];
  }

  /** Full ingest: parse, quarantine handling, file stats, columnar {@link SignInLog}. */
  @Benchmark
  public SignInLog ingest() {
    SignInLog.Builder out = SignInLog.builder();
    ReadContext ctx = new ReadContext(dir, r -> {});
    EntraSignInFiles.readLines(ctx, file, out);
    if (ctx.quarantined() != 0 || out.size() != events) {
      throw new IllegalStateException(
          "corpus not fully read: " + ctx.quarantined() + " quarantined");
    }
    return out.build();
  }
}
