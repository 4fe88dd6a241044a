package dev.least.app.cli;

import dev.least.analysis.AnalysisInput;
import dev.least.connector.report.RoleReportJson;
import dev.least.connector.roles.AssignmentFileException;
import dev.least.connector.roles.AssignmentFileReader;
import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.model.Source;
import dev.least.roles.AssignmentMatrix;
import dev.least.roles.Entitlement;
import dev.least.roles.ExactRoleMiner;
import dev.least.roles.MinedRole;
import dev.least.roles.NearDuplicates;
import dev.least.roles.NoiseTolerantRoleMiner;
import dev.least.roles.RoleMiner;
import dev.least.roles.RoleMiningReport;
import dev.least.roles.RoleSet;
import dev.least.roles.TenantMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code least roles SNAPSHOT|FILE.csv|FILE.txt}: mines the minimal role set of a user ×
 * entitlement matrix (per platform for a snapshot) and proposes consolidations.
 */
@Command(
    name = "roles",
    mixinStandardHelpOptions = true,
    description = {
      "Mine roles: the fewest bundles of entitlements that reproduce every user's access exactly"
          + " (exact mode) or within a noise budget (noise mode), plus near-duplicate"
          + " entitlements and roles to consolidate (Jaccard >= 0.8).",
      "Input: a snapshot folder (groups, app assignments, directory roles per platform), a"
          + " user,permission CSV, or an HP Labs <user> <permission> text file."
    })
public final class RolesCommand implements Callable<Integer> {
  /** Exact or δ-approx mining. */
  enum MiningMode {
    exact,
    noise
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SNAPSHOT|FILE", description = "Snapshot folder or file.")
  Path input = Path.of(".");

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here.")
  @Nullable Path out;

  @Option(names = "--json", description = "Write JSON instead of text.")
  boolean json;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description = "exact (default) or noise.",
      defaultValue = "exact")
  MiningMode mode = MiningMode.exact;

  @Option(
      names = "--noise",
      paramLabel = "DELTA",
      description = "noise mode: fraction of assignments that may stay uncovered (default 0.05).",
      defaultValue = "0.05")
  double noise = 0.05;

  @Option(names = "--timing", description = "Include mining time (ms) in the report.")
  boolean timing;

  @Override
  public Integer call() {
    if (noise < 0 || noise >= 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--noise must be in [0, 1) but was " + noise);
    }
    RoleMiner miner =
        mode == MiningMode.exact
            ? new ExactRoleMiner()
            : new NoiseTolerantRoleMiner(new ExactRoleMiner(), noise);
    List<RoleMiningReport> reports = new ArrayList<>();
    if (Files.isDirectory(input)) {
      reports.addAll(snapshot(miner));
    } else if (Files.isRegularFile(input)) {
      AssignmentMatrix m;
      try {
        m = AssignmentFileReader.read(input);
      } catch (AssignmentFileException e) {
        throw new BadInputException(e.getMessage(), e);
      }
      reports.add(
          RoleMiningReport.of(
              input.getFileName().toString(),
              m,
              m.entitlements(),
              miner,
              NearDuplicates.CONSOLIDATE));
    } else {
      throw new BadInputException(input + ": no such snapshot folder or file");
    }
    double delta = mode == MiningMode.exact ? 0 : noise;
    String text =
        json
            ? RoleReportJson.write(input.toString(), mode.name(), delta, reports, timing)
            : text(reports);
    if (out != null) {
      AtomicOutput.write(out, text);
      spec.commandLine().getErr().println("role report written to " + out);
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
    spec.commandLine().getErr().flush();
    return ExitCodes.OK;
  }

  private List<RoleMiningReport> snapshot(RoleMiner miner) {
    SnapshotOptions options = new SnapshotOptions();
    options.snapshot = input;
    SnapshotReadResult r = options.read(spec.commandLine().getErr()).result();
    AnalysisInput in = AnalysisInput.of(r.snapshot(), r.settings(), Set.of());
    List<RoleMiningReport> out = new ArrayList<>();
    for (Source platform : List.of(Source.ENTRA, Source.OKTA)) {
      TenantMatrix tm =
          TenantMatrix.of(
              r.snapshot(),
              in.directory(),
              platform,
              a -> !in.guardrails().protects(a),
              g -> !in.guardrails().protects(g));
      if (tm.matrix().assignmentCount() > 0) {
        out.add(
            RoleMiningReport.of(
                platform.folder(),
                tm.matrix(),
                tm.entitlements().stream().map(Entitlement::describe).toList(),
                miner,
                NearDuplicates.CONSOLIDATE));
      }
    }
    return out;
  }

  private String text(List<RoleMiningReport> reports) {
    StringBuilder b = new StringBuilder();
    b.append("least roles: ")
        .append(input)
        .append(" (mode ")
        .append(mode.name())
        .append(mode == MiningMode.noise ? String.format(Locale.ROOT, ", noise %.3f", noise) : "")
        .append(")\n");
    if (reports.isEmpty()) {
      b.append("no user has any group, app or role assignment: nothing to mine\n");
    }
    for (RoleMiningReport r : reports) {
      AssignmentMatrix m = r.matrix();
      RoleSet rs = r.roles();
      b.append(
          String.format(
              Locale.ROOT,
              "%s: %d users x %d entitlements, %d assignments -> %d roles (%s; lower bound %d)%s,"
                  + " %d uncovered, %d over-granted%n",
              r.label(),
              m.userCount(),
              m.entitlementCount(),
              m.assignmentCount(),
              rs.size(),
              rs.provenOptimal() ? "proven minimal" : "not proven minimal",
              rs.lowerBound(),
              timing ? " in " + r.millis() + " ms" : "",
              rs.coverage().uncovered(),
              rs.coverage().overGranted()));
      int i = 0;
      for (MinedRole role : rs.roles()) {
        i++;
        b.append(
            String.format(
                Locale.ROOT,
                "  role-%03d  %d users x %d entitlements  [%s]%n    entitlements: %s%n    users: %s%n",
                i,
                role.userCount(),
                role.entitlementCount(),
                role.origin().name().toLowerCase(Locale.ROOT),
                names(role.entitlements(), r.entitlementNames()),
                names(role.users(), m.users())));
      }
      if (!r.similarEntitlements().isEmpty() || !r.similarRoles().isEmpty()) {
        b.append(
            String.format(
                Locale.ROOT,
                "  consolidation proposals (Jaccard >= %.2f):%n",
                NearDuplicates.CONSOLIDATE));
      }
      for (NearDuplicates.Pair p : r.similarEntitlements()) {
        b.append(
            String.format(
                Locale.ROOT,
                "    %s ~ %s: Jaccard %.2f, %d common holders; merging gives %d user(s) new"
                    + " access one way, %d the other%n",
                r.entitlementNames().get(p.first()),
                r.entitlementNames().get(p.second()),
                p.jaccard(),
                p.common(),
                p.onlySecond(),
                p.onlyFirst()));
      }
      for (NearDuplicates.Pair p : r.similarRoles()) {
        b.append(
            String.format(
                Locale.ROOT,
                "    role-%03d ~ role-%03d: Jaccard %.2f of their bundles (%d common entitlements)%n",
                p.first() + 1,
                p.second() + 1,
                p.jaccard(),
                p.common()));
      }
    }
    return b.toString();
  }

  private static String names(BitSet which, List<String> labels) {
    List<String> out = new ArrayList<>();
    for (int i = which.nextSetBit(0); i >= 0; i = which.nextSetBit(i + 1)) {
      if (out.size() == 10) {
        out.add("… " + (which.cardinality() - 10) + " more");
        break;
      }
      out.add(labels.get(i));
    }
    return String.join(", ", out);
  }
}
