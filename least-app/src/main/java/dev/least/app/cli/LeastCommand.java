package dev.least.app.cli;

import dev.least.connector.snapshot.SnapshotException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code least} command. Subcommands are registered explicitly here. */
@Command(
    name = "least",
    mixinStandardHelpOptions = true,
    versionProvider = LeastCommand.Version.class,
    description = "Least: tighter, less annoying identity access policies (Entra ID, Okta).",
    subcommands = {
      InspectCommand.class,
      ReplayCommand.class,
      SimulateCommand.class,
      AnalyzeCommand.class,
      CheckAccessCommand.class,
      ReviewCommand.class,
      RolesCommand.class,
      DemoCommand.class,
      ServeCommand.class,
      AuditCommand.class,
      GenerateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class LeastCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /**
   * A configured command line: exit codes and error messages as documented in {@link ExitCodes}.
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new LeastCommand());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (ex instanceof SnapshotException || ex instanceof BadInputException) {
            err.println("least: error: " + ex.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
          }
          throw ex;
        });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Version from the jar manifest, else "dev". */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = LeastCommand.class.getPackage().getImplementationVersion();
      return new String[] {"least " + (v == null ? "dev" : v)};
    }
  }
}
