package dev.least.app.cli;

import dev.least.app.audit.AuditLog;
import dev.least.app.audit.Verification;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code least audit}: checks on the server's audit log, without starting the server. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Audit log checks.",
    subcommands = {AuditCommand.Verify.class})
public final class AuditCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /**
   * {@code least audit verify}: walks the hash chain; exit 0 when intact, 1 naming the first broken
   * row.
   */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Prove the audit chain: every row's hash covers the row before it.",
        "Exit 0 when intact, 1 when broken (the first broken row is named)."
      })
  public static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--db-url",
        paramLabel = "JDBC-URL",
        description = "Database (default: the H2 file under --data-dir; env LEAST_DB_URL).")
    @Nullable String dbUrl = System.getenv("LEAST_DB_URL");

    @Option(names = "--db-user", description = "Database user (env LEAST_DB_USER).")
    @Nullable String dbUser = System.getenv("LEAST_DB_USER");

    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        description = "The server's data folder (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of(System.getProperty("user.home"), ".least");

    @Override
    public Integer call() {
      String url = dbUrl;
      String user = dbUser;
      if (url == null || url.isBlank()) {
        Path db = dataDir.toAbsolutePath().resolve("db").resolve("least");
        url = "jdbc:h2:file:" + db + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE";
        user = user == null ? "sa" : user;
      }
      String pw = System.getenv("LEAST_DB_PASSWORD");
      DriverManagerDataSource ds =
          new DriverManagerDataSource(url, user == null ? "" : user, pw == null ? "" : pw);
      Verification v;
      try {
        v = new AuditLog(ds, Clock.systemUTC()).verify();
      } catch (org.springframework.dao.DataAccessException e) {
        throw new BadInputException(
            "cannot read the audit log at " + url + ": " + e.getMostSpecificCause().getMessage(),
            e);
      }
      if (v instanceof Verification.Broken b) {
        spec.commandLine()
            .getOut()
            .println("audit chain BROKEN at row " + b.seq() + ": " + b.reason());
        spec.commandLine().getOut().flush();
        return ExitCodes.CHECK_FAILED;
      }
      spec.commandLine()
          .getOut()
          .println("audit chain intact: " + ((Verification.Intact) v).rows() + " row(s)");
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }
}
