package dev.least.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code least demo}: the main job on embedded defaults. Today it writes the bundled sample tenant
 * (Entra, Okta and HR) to a folder, inspects and analyzes it; the generator and dashboard extend it
 * as they land.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a demo tenant (Entra, Okta, HR; planted truth in truth.json) to DIR, inspect",
      "it, analyze it and write recommendations.json, recommendations.csv and report.html",
      "beside it, then serve the dashboard with the tenant imported (Ctrl-C stops it).",
      "--sample uses the small hand-made tenant bundled in the jar instead; --no-serve stops",
      "after the report (for scripts)."
    })
public final class DemoCommand implements Callable<Integer> {
  static final String RESOURCE = "/dev/least/app/demo-snapshot/";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where to write the demo snapshot (default: ${DEFAULT-VALUE}).")
  Path dir = Path.of(".least", "demo", "snapshot");

  @Option(names = "--json", description = "Print the inspection as JSON.")
  boolean json;

  @Option(
      names = "--sample",
      description =
          "Use the small hand-made sample tenant bundled in the jar instead of generating.")
  boolean sample;

  @Option(
      names = "--users",
      defaultValue = "300",
      description = "Users to generate (default ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--days",
      defaultValue = "14",
      description = "Days of sign-ins (default ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Generator seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--no-serve",
      description = "Stop after writing the report; do not start the dashboard.")
  boolean noServe;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port of the demo dashboard (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  /**
   * Removes a demo folder written by an earlier run; refuses a folder that is not a snapshot, so a
   * mistyped --dir never deletes someone's files.
   */
  static void clearPreviousDemo(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
      throw new BadInputException(
          "--dir " + dir + " exists and is not a snapshot folder; choose another --dir");
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the previous demo in " + dir, e);
    }
  }

  @Override
  public Integer call() {
    CommandLine parent = spec.parent().commandLine();
    clearPreviousDemo(dir);
    Path written;
    if (sample) {
      written = extract(dir);
      spec.commandLine().getErr().println("bundled sample tenant written to " + written);
    } else {
      // the generator's summary is progress here: keep stdout for the inspection (--json)
      CommandLine generate = parent.getSubcommands().get("generate");
      java.io.PrintWriter out = generate.getOut();
      generate.setOut(spec.commandLine().getErr());
      int generated;
      try {
        generated =
            generate.execute(
                "--out", dir.toString(),
                "--users", String.valueOf(users),
                "--days", String.valueOf(days),
                "--seed", String.valueOf(seed));
      } finally {
        generate.setOut(out);
      }
      if (generated != ExitCodes.OK) {
        return generated;
      }
      written = dir;
    }
    List<String> args = json ? List.of(written.toString(), "--json") : List.of(written.toString());
    int code = parent.getSubcommands().get("inspect").execute(args.toArray(String[]::new));
    if (code != ExitCodes.OK) {
      return code;
    }
    Path base = dir.toAbsolutePath().getParent();
    Path recs = base.resolve("recommendations.json");
    Path html = base.resolve("report.html");
    code =
        parent
            .getSubcommands()
            .get("analyze")
            .execute(
                written.toString(),
                "--out",
                recs.toString(),
                "--html",
                html.toString(),
                "--csv",
                base.resolve("recommendations.csv").toString());
    if (code != ExitCodes.OK) {
      return code;
    }
    spec.commandLine().getErr().println("open the report: " + html.toUri());
    return noServe ? code : serve(written, base.resolve("server"));
  }

  /**
   * Starts the server on a fresh database under {@code dataDir} with a new admin password, imports
   * the demo snapshot as the user {@code least-demo} (so the admin, a second person, may approve),
   * prints the URL and the password, and serves until stopped.
   */
  private int serve(Path snapshot, Path dataDir) {
    clearPreviousServer(dataDir);
    String password = System.getenv("LEAST_ADMIN_PASSWORD");
    if (password == null || password.isBlank()) {
      byte[] raw = new byte[15];
      new java.security.SecureRandom().nextBytes(raw);
      password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
    java.io.PrintWriter err = spec.commandLine().getErr();
    err.println("starting the dashboard …");
    err.flush();
    ServeCommand.Running server =
        ServeCommand.start(
            port,
            dataDir,
            null,
            List.of(
                "--LEAST_ADMIN_PASSWORD=" + password,
                "--least.import-roots=" + snapshot.toAbsolutePath().getParent()));
    var imported =
        server
            .context()
            .getBean(dev.least.app.workflow.SnapshotImport.class)
            .importFolder(
                "",
                snapshot.toAbsolutePath(),
                new dev.least.app.workflow.Actor(
                    "least-demo", dev.least.app.workflow.Role.ANALYST));
    err.println(
        "dashboard: http://localhost:"
            + server.port()
            + "/  (user admin, password "
            + password
            + ")");
    err.println(
        "tenant "
            + imported.tenant().name()
            + ": "
            + imported.run().recommendations()
            + " recommendation(s) proposed by least-demo; stop with Ctrl-C");
    err.flush();
    try {
      server.awaitClose();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCodes.OK;
  }

  /** The demo server starts on a fresh database each time; refuses a folder that is not one. */
  static void clearPreviousServer(Path dataDir) {
    if (!Files.exists(dataDir)) {
      return;
    }
    try (java.util.stream.Stream<Path> top = Files.list(dataDir)) {
      for (Path p : top.toList()) {
        String name = p.getFileName().toString();
        if (!name.equals("db") && !name.equals("uploads") && !name.equals("imports")) {
          throw new BadInputException(
              dataDir + " holds " + name + ": not a demo server folder; remove it yourself");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dataDir, e);
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(dataDir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the previous demo server in " + dataDir, e);
    }
  }

  /** Copies the bundled snapshot to {@code target}, replacing files of the same name. */
  public static Path extract(Path target) {
    try (InputStream index = DemoCommand.class.getResourceAsStream(RESOURCE + "INDEX")) {
      if (index == null) {
        throw new IllegalStateException("the demo snapshot is missing from this build");
      }
      List<String> files =
          new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      for (String f : files) {
        Path out = target.resolve(f);
        Files.createDirectories(out.getParent());
        try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCE + f)) {
          if (in == null) {
            throw new IllegalStateException("demo snapshot file missing: " + f);
          }
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo snapshot to " + target, e);
    }
  }
}
