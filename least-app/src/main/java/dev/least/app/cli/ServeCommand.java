package dev.least.app.cli;

import dev.least.app.config.LeastServerApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code least serve}: the only command that starts Spring. Data lives under {@code --data-dir} (H2
 * file database in {@code db/}, snapshot imports read from {@code imports/}); {@code --db-url} (or
 * {@code LEAST_DB_URL}, with {@code LEAST_DB_USER} / {@code LEAST_DB_PASSWORD}) points it at
 * PostgreSQL instead.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the Least server: the dashboard at /, REST API under /api/v1 (OpenAPI at",
      "/api/v1/openapi).",
      "First start creates user 'admin' (password from LEAST_ADMIN_PASSWORD, else printed once)."
    })
public final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(
      names = "--db-url",
      paramLabel = "JDBC-URL",
      description = "Database (default: H2 file under --data-dir; env LEAST_DB_URL).")
  @Nullable String dbUrl = System.getenv("LEAST_DB_URL");

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the server keeps its data (default: ${DEFAULT-VALUE}).")
  Path dataDir = Path.of(System.getProperty("user.home"), ".least");

  @Override
  public Integer call() throws InterruptedException {
    Running server = start(port, dataDir, dbUrl, List.of());
    spec.commandLine().getErr().println("least serve: listening on port " + server.port());
    spec.commandLine().getErr().flush();
    server.awaitClose();
    return ExitCodes.OK;
  }

  /** A started server: its context, and a latch that opens when the context closes. */
  record Running(ConfigurableApplicationContext context, CountDownLatch closed) {
    /** The port the server listens on (the actual one when started with port 0). */
    int port() {
      return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

    /** Blocks until the server stops (Ctrl-C runs Spring's shutdown hook). */
    void awaitClose() throws InterruptedException {
      if (context.isActive()) {
        closed.await();
      }
    }
  }

  /**
   * Starts the server. {@code extra} are further Spring arguments ({@code --name=value}); they take
   * precedence over application.properties.
   */
  static Running start(int port, Path dataDir, @Nullable String dbUrl, List<String> extra) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + port);
    args.add("--least.data-dir=" + dataDir.toAbsolutePath());
    if (dbUrl != null && !dbUrl.isBlank()) {
      args.add("--spring.datasource.url=" + dbUrl);
      args.add("--spring.datasource.username=" + env("LEAST_DB_USER", ""));
      args.add("--spring.datasource.password=" + env("LEAST_DB_PASSWORD", ""));
      if (dbUrl.startsWith("jdbc:postgresql:")) {
        // list queries' best index depends on the filter values (states and types are skewed);
        // a cached generic plan, chosen without them, can scan a million index entries
        args.add(
            "--spring.datasource.hikari.connection-init-sql=SET plan_cache_mode = force_custom_plan");
      }
    }
    args.addAll(extra);
    SpringApplication app = new SpringApplication(LeastServerApplication.class);
    CountDownLatch closed = new CountDownLatch(1);
    app.addListeners(
        event -> {
          if (event instanceof ContextClosedEvent) {
            closed.countDown();
          }
        });
    return new Running(app.run(args.toArray(String[]::new)), closed);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null ? fallback : v;
  }
}
