package dev.least.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code least inspect SNAPSHOT}: what a snapshot holds and how reading it went. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Read a snapshot folder and report counts per kind and source, the log window,",
      "the HR join rate and unmatched accounts, quarantined records and time per file."
    })
public final class InspectCommand implements Callable<Integer> {
  static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SnapshotOptions snapshot = new SnapshotOptions();

  @Option(names = "--json", description = "Machine-readable JSON instead of text.")
  boolean json;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here, not stdout.")
  @Nullable Path out;

  @Override
  public Integer call() {
    SnapshotOptions.Read read = snapshot.read(spec.commandLine().getErr());
    InspectReport report = InspectReport.of(read);
    String text = json ? JSON.writeValueAsString(report) + "\n" : report.toText();
    if (out != null) {
      AtomicOutput.write(out, text);
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
    return ExitCodes.OK;
  }
}
