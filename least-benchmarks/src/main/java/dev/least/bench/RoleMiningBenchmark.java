package dev.least.bench;

import dev.least.connector.roles.AssignmentFileReader;
import dev.least.roles.AssignmentMatrix;
import dev.least.roles.ExactRoleMiner;
import dev.least.roles.RoleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Role mining on the HP Labs datasets (Ene et al., SACMAT 2008): |U|, |P|, |UP|, roles found,
 * published minimum, whether our lower bound proves the count minimal, and wall time (first run in
 * this JVM, and the best of {@code runs}). Prints a Markdown table.
 *
 * <p>Run: {@code ./mvnw -B -q -pl least-benchmarks -am package -DskipTests && java -cp
 * least-benchmarks/target/least-benchmarks-*.jar dev.least.bench.RoleMiningBenchmark
 * ../shared/datasets/role-mining/hp-labs 3}
 */
public final class RoleMiningBenchmark {
  /** Dataset file stem and the published minimal role count (-1: none published here). */
  record Dataset(String name, int published) {}

  static final List<Dataset> DATASETS =
      List.of(
          new Dataset("americas_large", 398),
          new Dataset("americas_small", 178),
          new Dataset("apj", 453),
          new Dataset("customer", -1),
          new Dataset("domino", 20),
          new Dataset("emea", 34),
          new Dataset("fire1", 64),
          new Dataset("fire2", 10),
          new Dataset("hc", 14));

  private RoleMiningBenchmark() {}

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/datasets/role-mining/hp-labs");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<String> rows = new ArrayList<>();
    rows.add(
        "| dataset | \\|U\\| | \\|P\\| | \\|UP\\| | roles found | published minimum | lower bound |"
            + " proven minimal | exact cover | first run (s) | best of "
            + runs
            + " (s) |");
    rows.add("|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|");
    for (Dataset d : DATASETS) {
      Path f = dir.resolve(d.name() + ".txt");
      if (!Files.isRegularFile(f)) {
        System.err.println("skipping " + f + ": not found");
        continue;
      }
      AssignmentMatrix m = AssignmentFileReader.read(f);
      RoleSet rs = null;
      long first = 0;
      long best = Long.MAX_VALUE;
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        RoleSet r = new ExactRoleMiner().mine(m);
        long ns = System.nanoTime() - t0;
        if (i == 0) {
          first = ns;
          rs = r;
        } else if (r.size() != rs.size()) {
          throw new IllegalStateException("mining is not deterministic on " + d.name());
        }
        best = Math.min(best, ns);
      }
      if (rs == null) {
        throw new IllegalArgumentException("runs must be >= 1");
      }
      rows.add(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d | %s | %d | %s | %s | %.2f | %.2f |",
              d.name(),
              m.userCount(),
              m.entitlementCount(),
              m.assignmentCount(),
              rs.size(),
              d.published() < 0 ? "–" : String.valueOf(d.published()),
              rs.lowerBound(),
              rs.provenOptimal() ? "yes" : "no",
              rs.coverage().exact() ? "yes" : "NO",
              first / 1e9,
              best / 1e9));
      System.err.println(d.name() + " done");
    }
    rows.forEach(System.out::println);
  }
}
