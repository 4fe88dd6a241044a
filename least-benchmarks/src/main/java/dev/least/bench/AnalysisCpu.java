package dev.least.bench;

import dev.least.analysis.AnalysisInput;
import dev.least.analysis.Analyzer;
import dev.least.analysis.Analyzers;
import dev.least.analysis.PolicyChangeAnalyzer;
import dev.least.analysis.Proposal;
import dev.least.analysis.SimulatedImpact;
import dev.least.connector.snapshot.SnapshotFolderReader;
import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.source.FileStat;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The analysis of {@code least analyze} without the reading, warm: reads a snapshot once, then runs
 * every analyzer and the impact simulation {@code runs} times on this one thread and prints each
 * one's thread CPU time per run (seconds), so two builds can be compared on a loaded machine.
 *
 * <p>Run: {@code ./mvnw -B -q -o -pl least-benchmarks -am package -DskipTests && java -Xmx2g -cp
 * least-benchmarks/target/least-benchmarks-*.jar dev.least.bench.AnalysisCpu SNAPSHOT 5}
 */
public final class AnalysisCpu {
  private AnalysisCpu() {}

  public static void main(String[] args) {
    Path root = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String only = args.length > 2 ? args[2] : null;
    SnapshotReadResult r = SnapshotFolderReader.defaults().read(root, record -> {});
    Set<String> kinds = r.files().stream().map(FileStat::kind).collect(Collectors.toSet());
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    for (int run = 0; run < runs; run++) {
      long t = mx.getCurrentThreadCpuTime();
      AnalysisInput in = AnalysisInput.of(r.snapshot(), r.settings(), kinds);
      t = add(cpu, "(input)", mx, t);
      List<Proposal> proposals = new ArrayList<>();
      int recs = 0;
      for (Analyzer a : Analyzers.defaults()) {
        if (only != null && !only.contains(a.type().wire())) {
          continue;
        }
        if (a.skipReason(in).isPresent()) {
          continue;
        }
        if (a instanceof PolicyChangeAnalyzer p) {
          proposals.addAll(p.propose(in));
        } else {
          recs += a.analyze(in).size();
        }
        t = add(cpu, a.type().wire(), mx, t);
      }
      if (only == null || only.contains("impact")) {
        recs += SimulatedImpact.apply(in, proposals).size();
        add(cpu, "(impact simulation)", mx, t);
      }
      System.err.printf(Locale.ROOT, "run %d: %d recommendations%n", run + 1, recs);
    }
    double[] total = new double[runs];
    for (Map.Entry<String, List<Double>> e : cpu.entrySet()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-24s", e.getKey()));
      for (int i = 0; i < e.getValue().size(); i++) {
        line.append(String.format(Locale.ROOT, " %6.2f", e.getValue().get(i)));
        total[i] += e.getValue().get(i);
      }
      System.out.println(line);
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-24s", "total"));
    for (double v : total) {
      line.append(String.format(Locale.ROOT, " %6.2f", v));
    }
    System.out.println(line);
  }

  private static long add(Map<String, List<Double>> cpu, String name, ThreadMXBean mx, long t0) {
    long t = mx.getCurrentThreadCpuTime();
    cpu.computeIfAbsent(name, k -> new ArrayList<>()).add((t - t0) / 1e9);
    return t;
  }
}
