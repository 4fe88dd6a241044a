package dev.least.app.cli;

import dev.least.connector.generate.GenerationResult;
import dev.least.connector.generate.GeneratorOptions;
import dev.least.connector.generate.PlatformChoice;
import dev.least.connector.generate.PolicyEngines;
import dev.least.connector.generate.TenantGenerator;
import dev.least.connector.generate.VendorPolicyEngines;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code least generate}: a synthetic tenant with planted truth. Writes the snapshot folder into a
 * temporary sibling and renames it at the end, so a folder at {@code --out} is always complete;
 * {@code truth.json} goes beside it.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a realistic synthetic tenant (Entra ID, Okta, HR) as a snapshot folder, with",
      "planted scenarios and decoys recorded in truth.json beside the folder. Same seed, same bytes."
    })
public final class GenerateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "The snapshot folder to create (must not exist).")
  Path out;

  @Option(
      names = "--users",
      paramLabel = "N",
      description = "Accounts (default: ${DEFAULT-VALUE}).")
  int users = 1000;

  @Option(
      names = "--days",
      paramLabel = "D",
      description = "Log window (default: ${DEFAULT-VALUE}).")
  int days = 30;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(
      names = "--platform",
      paramLabel = "entra|okta|both",
      description = "Identity platforms (default: ${DEFAULT-VALUE}).")
  String platform = "both";

  @Option(
      names = "--bad-records",
      paramLabel = "N",
      description = "Malformed log records to mix in, for quarantine tests (default: 0).")
  int badRecords = 0;

  @Option(
      names = "--tenant",
      paramLabel = "NAME",
      description = "Tenant name, also the mail domain (default: ${DEFAULT-VALUE}).")
  String tenant = "contoso";

  PolicyEngines engines = new VendorPolicyEngines();

  @Override
  public Integer call() {
    GeneratorOptions options;
    try {
      options =
          new GeneratorOptions(
              users, days, seed, PlatformChoice.parse(platform), badRecords, tenant);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    Path target = out.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--out " + out + " already exists; choose a new folder");
    }
    Path parent = target.getParent();
    Path truth = parent.resolve("truth.json");
    Path temp = parent.resolve("." + target.getFileName() + ".partial");
    Path tempTruth = parent.resolve(".truth.json.partial");
    PrintWriter err = spec.commandLine().getErr();
    try {
      deleteTree(temp);
      Files.deleteIfExists(tempTruth);
      TenantGenerator generator =
          new TenantGenerator(
              engines,
              line -> {
                err.println("least generate: " + line);
                err.flush();
              });
      GenerationResult r = generator.generate(options, temp, tempTruth);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      Files.move(tempTruth, truth, StandardCopyOption.REPLACE_EXISTING);
      PrintWriter o = spec.commandLine().getOut();
      o.println("snapshot: " + target);
      o.println("truth:    " + truth);
      o.printf(
          Locale.ROOT,
          "accounts: %d; sign-ins: %d Entra, %d Okta; bad records: %d; %.1f s%n",
          r.users(),
          r.entraEvents(),
          r.oktaEvents(),
          r.badRecords(),
          r.nanos() / 1e9);
      o.printf(
          Locale.ROOT,
          "planted: %d scenarios, %d decoys%n",
          r.truthDocument().scenarios().size(),
          r.truthDocument().decoys().size());
      o.flush();
      return ExitCodes.OK;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    } finally {
      try {
        deleteTree(temp);
        Files.deleteIfExists(tempTruth);
      } catch (IOException e) {
        err.println("least generate: could not remove " + temp + ": " + e.getMessage());
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
