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
      "Write the bundled sample tenant snapshot to DIR, inspect it, analyze it and write",
      "recommendations.json, recommendations.csv and report.html beside it.",
      "(Generation and the dashboard join this command as they land.)"
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

  @Override
  public Integer call() {
    Path written = extract(dir);
    spec.commandLine().getErr().println("demo snapshot written to " + written);
    List<String> args = json ? List.of(written.toString(), "--json") : List.of(written.toString());
    CommandLine parent = spec.parent().commandLine();
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
    if (code == ExitCodes.OK) {
      spec.commandLine().getErr().println("open the report: " + html.toUri());
    }
    return code;
  }

  /** Copies the bundled snapshot to {@code target}, replacing files of the same name. */
  static Path extract(Path target) {
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
