package dev.least.app.cli;

import dev.least.model.SignInLog;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.okta.OktaSignOnEvaluator;
import dev.least.replay.DirectoryIndex;
import dev.least.replay.Replay;
import dev.least.replay.ReplayStats;
import dev.least.replay.SignInFactsResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code least replay SNAPSHOT}: every logged sign-in that carries per-policy results is evaluated
 * by Least's engine and compared with what the identity provider logged.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replay the snapshot's sign-ins through the policies and compare Least's per-policy",
      "results with the logged ones: agreement overall and per policy, a confusion table,",
      "the top disagreement reasons with sample event ids; 'not evaluable from the log' is",
      "counted apart from 'wrong'."
    })
public final class ReplayCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SnapshotOptions snapshot = new SnapshotOptions();

  @Option(names = "--json", description = "Machine-readable JSON.")
  boolean json;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here.")
  @Nullable Path out;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many disagreement reasons to list (default ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() {
    SnapshotOptions.Read read = snapshot.read(spec.commandLine().getErr());
    TenantSnapshot s = read.result().snapshot();
    SignInFactsResolver resolver = new SignInFactsResolver(DirectoryIndex.of(s));
    Map<String, ReplayStats> bySource = new LinkedHashMap<>();
    if (!s.conditionalAccessPolicies().isEmpty()) {
      spec.commandLine().getErr().println("replaying Entra sign-ins …");
      bySource.put(
          "entra",
          run(
              new ConditionalAccessEvaluator(s.conditionalAccessPolicies(), s.locations()),
              resolver,
              s.signIns(),
              Source.ENTRA));
    }
    if (!s.oktaPolicies().isEmpty()) {
      spec.commandLine().getErr().println("replaying Okta sign-ins …");
      bySource.put("okta", run(OktaSignOnEvaluator.of(s), resolver, s.signIns(), Source.OKTA));
    }
    String text = json ? InspectCommand.JSON.writeValueAsString(bySource) + "\n" : text(bySource);
    if (out != null) {
      AtomicOutput.write(out, text);
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
    return ExitCodes.OK;
  }

  private ReplayStats run(
      SignInEvaluator evaluator, SignInFactsResolver resolver, SignInLog log, Source source) {
    return Replay.run(
        evaluator,
        resolver,
        log,
        i -> log.source(i) == source,
        top,
        Runtime.getRuntime().availableProcessors());
  }

  static String text(Map<String, ReplayStats> bySource) {
    if (bySource.isEmpty()) {
      return "No policies in the snapshot: nothing to replay.\n";
    }
    StringBuilder b = new StringBuilder();
    bySource.forEach(
        (source, st) -> {
          b.append(source.toUpperCase(Locale.ROOT)).append('\n');
          b.append(
              String.format(
                  Locale.ROOT,
                  "  sign-ins %d, with logged policy results %d, without %d, account not in"
                      + " directory %d%n",
                  st.events(),
                  st.scored(),
                  st.withoutResults(),
                  st.accountsNotInDirectory()));
          b.append(
              String.format(
                  Locale.ROOT,
                  "  per-policy comparisons %d: agree %d, disagree %d, not evaluable from the log"
                      + " %d, logged unknown %d, policy not in the snapshot %d%n",
                  st.comparisons(),
                  st.agreements(),
                  st.disagreements(),
                  st.notEvaluable(),
                  st.loggedUnknown(),
                  st.policyNotEvaluated()));
          b.append(
              String.format(
                  Locale.ROOT,
                  "  agreement %.2f %% (of comparisons Least could decide)%n",
                  st.agreementRate() * 100));
          if (!st.perPolicy().isEmpty()) {
            b.append("  per policy (compared / agreed / not evaluable / disagreed)\n");
            for (ReplayStats.PolicyAgreement p : st.perPolicy()) {
              b.append(
                  String.format(
                      Locale.ROOT,
                      "    %-40s %7d %7d %7d %7d%n",
                      p.policyId(),
                      p.compared(),
                      p.agreed(),
                      p.notEvaluable(),
                      p.disagreed()));
            }
          }
          List<String> cells = new ArrayList<>();
          for (ReplayStats.ConfusionCell c : st.confusion()) {
            cells.add(c.logged().wire() + "→" + c.ours().wire() + " " + c.count());
          }
          if (!cells.isEmpty()) {
            b.append("  confusion (logged→ours): ").append(String.join(", ", cells)).append('\n');
          }
          for (ReplayStats.Disagreement d : st.topDisagreements()) {
            b.append("  disagreement ")
                .append(d.policyId())
                .append(": logged ")
                .append(d.logged().wire())
                .append(", Least ")
                .append(d.ours().wire())
                .append(" ×")
                .append(d.count())
                .append(" — ")
                .append(d.reason())
                .append(" e.g. ")
                .append(String.join(", ", d.sampleEventIds()))
                .append('\n');
          }
        });
    return b.toString();
  }
}
