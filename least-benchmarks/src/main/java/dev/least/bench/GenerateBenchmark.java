package dev.least.bench;

import dev.least.connector.generate.GenerationResult;
import dev.least.connector.generate.GeneratorOptions;
import dev.least.connector.generate.PlatformChoice;
import dev.least.connector.generate.TenantGenerator;
import dev.least.connector.generate.VendorPolicyEngines;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Generates a large tenant to a temporary folder and reports events per second and peak heap (issue
 * 5: 100k users and 10M sign-ins in under 1 GB of heap), the process's CPU time and the CPU time of
 * the simulating thread (the critical path: the two log streams are encoded on their own threads).
 * Not JMH: one long run is the measurement. Run:
 *
 * <pre>
 * ./mvnw -B -q -pl least-benchmarks -am package -DskipTests
 * java -Xmx1g -cp least-benchmarks/target/least-benchmarks.jar dev.least.bench.GenerateBenchmark \
 *     [users=100000] [days=10] [platform=both] [dir=/tmp] [keep=false]
 * </pre>
 */
public final class GenerateBenchmark {
  private GenerateBenchmark() {}

  public static void main(String[] args) throws IOException {
    int users = 100_000;
    int days = 10;
    PlatformChoice platform = PlatformChoice.BOTH;
    Path base = Path.of(System.getProperty("java.io.tmpdir"));
    boolean keep = false;
    for (String a : args) {
      String v = a.substring(a.indexOf('=') + 1);
      switch (a.substring(0, a.indexOf('='))) {
        case "users" -> users = Integer.parseInt(v);
        case "days" -> days = Integer.parseInt(v);
        case "platform" -> platform = PlatformChoice.parse(v);
        case "dir" -> base = Path.of(v);
        case "keep" -> keep = Boolean.parseBoolean(v);
        default -> throw new IllegalArgumentException("Unknown argument '" + a + "'");
      }
    }
    Path dir = Files.createTempDirectory(base, "least-generate-bench");
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
    GeneratorOptions o =
        GeneratorOptions.defaults().withUsers(users).withDays(days).withPlatform(platform);
    long cpu0 = processCpuNanos();
    long main0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    GenerationResult r =
        new TenantGenerator(new VendorPolicyEngines(), line -> System.err.println("  " + line))
            .generate(o, dir.resolve("snapshot"), dir.resolve("truth.json"));
    long cpu = processCpuNanos() - cpu0;
    long mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - main0;
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    long bytes = size(dir);
    double secs = r.nanos() / 1e9;
    System.out.printf(
        Locale.ROOT,
        "users=%d days=%d platform=%s events=%d (entra %d, okta %d) wall=%.1fs events/s=%.0f"
            + " cpu=%.1fs events/cpu-s=%.0f simulationThreadCpu=%.1fs peakHeap=%dMB maxHeap=%dMB"
            + " written=%.1fGB load=%s%n",
        users,
        days,
        platform.wire(),
        r.events(),
        r.entraEvents(),
        r.oktaEvents(),
        secs,
        r.events() / secs,
        cpu / 1e9,
        r.events() / (cpu / 1e9),
        mainCpu / 1e9,
        peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20,
        bytes / 1e9,
        loadAverage());
    if (!keep) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  /** CPU time of the whole process (the simulation and the two log encoder threads). */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** The 1, 5 and 15 minute load averages, to read the wall time against. */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + "/" + f[1] + "/" + f[2];
    } catch (IOException e) {
      return String.format(
          Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      long total = 0;
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        total += Files.size(f);
      }
      return total;
    }
  }
}
