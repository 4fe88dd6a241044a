package dev.least.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-event parse cost of one generated sign-in (Entra or Okta): a bare token walk, a Jackson tree,
 * and Least's folder read divided by its events. Run:
 *
 * <pre>java -jar least-benchmarks/target/least-benchmarks.jar SignInParseBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SignInParseBenchmark {
  private static final int EVENTS = 2_000;
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @Param({"entra", "okta"})
  public String source = "entra";

  private byte[][] lines = new byte[0][];
  private int next;
  private Path folder = Path.of(".");

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    folder = Files.createTempDirectory("least-parse-bench");
    boolean entra = source.equals("entra");
    SignInCorpus.Written w =
        SignInCorpus.write(
            folder, new SignInCorpus.Spec(entra ? EVENTS : 0, entra ? 0 : EVENTS, 42, 2_000));
    List<String> text = Files.readAllLines(entra ? w.entraFile() : w.oktaFile());
    lines = new byte[text.size()][];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = text.get(i).getBytes(StandardCharsets.UTF_8);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private byte[] nextLine() {
    byte[] line = lines[next];
    next = next + 1 == lines.length ? 0 : next + 1;
    return line;
  }

  /** The bound: every token of one event, nothing kept. */
  @Benchmark
  public long tokenWalk() {
    long tokens = 0;
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), nextLine())) {
      while (p.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }

  /** What a quick mapper does: the whole event as a tree. */
  @Benchmark
  public JsonNode tree() {
    return MAPPER.readTree(nextLine());
  }

  /** Least's snapshot read of {@value #EVENTS} events, reported per event. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long leastPerEvent() {
    return LeastIngest.read(folder, 1).normalized();
  }
}
