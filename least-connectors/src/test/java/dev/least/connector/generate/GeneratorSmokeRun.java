package dev.least.connector.generate;

import java.nio.file.Path;

/** Manual run: generates a tenant into the given folder with the interim engines. */
final class GeneratorSmokeRun {
  private GeneratorSmokeRun() {}

  public static void main(String[] args) {
    GeneratorOptions o =
        GeneratorOptions.defaults()
            .withUsers(Integer.parseInt(args[1]))
            .withDays(Integer.parseInt(args[2]))
            .withBadRecords(args.length > 3 ? Integer.parseInt(args[3]) : 0);
    Path out = Path.of(args[0]);
    GenerationResult r =
        new TenantGenerator(new InterimPolicyEngines(), System.err::println)
            .generate(o, out.resolve("snapshot"), out.resolve("truth.json"));
    System.err.println(r.events() + " events in " + r.nanos() / 1_000_000 + " ms");
  }
}
