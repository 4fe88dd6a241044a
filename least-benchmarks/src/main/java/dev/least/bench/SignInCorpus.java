package dev.least.bench;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a snapshot folder of generated sign-in logs (contract:
 * shared/contracts/snapshot-format.md): {@code manifest.json}, {@code
 * entra/auditLogs/signIns.jsonl} (newest first, as Graph lists) and {@code okta/logs.jsonl} (oldest
 * first, as Okta lists). Events are streamed to disk, never held in memory, so ten million are as
 * cheap in heap as ten. The same spec writes the same bytes.
 */
public final class SignInCorpus {
  static final String ENTRA_FILE = "entra/auditLogs/signIns.jsonl";
  static final String OKTA_FILE = "okta/logs.jsonl";
  static final Instant CAPTURED_AT = Instant.parse("2026-11-20T00:00:00Z");
  static final Duration WINDOW = Duration.ofDays(30);

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .rootValueSeparator("\n")
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  /**
   * What to generate.
   *
   * @param users distinct people (each has an Entra and an Okta account)
   */
  public record Spec(long entraEvents, long oktaEvents, long seed, int users) {
    public Spec {
      if (entraEvents < 0) {
        throw new IllegalArgumentException("entraEvents must be >= 0 but was " + entraEvents);
      }
      if (oktaEvents < 0) {
        throw new IllegalArgumentException("oktaEvents must be >= 0 but was " + oktaEvents);
      }
      if (users < 1) {
        throw new IllegalArgumentException("users must be >= 1 but was " + users);
      }
    }

    /** {@code total} events split evenly between Entra and Okta, 20k users, seed 42. */
    public static Spec ofTotal(long total) {
      return new Spec(total - total / 2, total / 2, 42L, 20_000);
    }

    public long total() {
      return entraEvents + oktaEvents;
    }
  }

  /** What was written. */
  public record Written(Path root, Path entraFile, long entraBytes, Path oktaFile, long oktaBytes) {
    public Written {
      requireNonNull(root, "root");
      requireNonNull(entraFile, "entraFile");
      requireNonNull(oktaFile, "oktaFile");
    }

    public long bytes() {
      return entraBytes + oktaBytes;
    }
  }

  private SignInCorpus() {}

  /** Writes the folder at {@code root}, replacing the three files if present. */
  public static Written write(Path root, Spec spec) throws IOException {
    SyntheticTenant tenant = SyntheticTenant.create(spec.seed(), spec.users());
    Files.createDirectories(root);
    Files.writeString(
        root.resolve("manifest.json"),
        "{\"tenant\": \"bench-"
            + spec.seed()
            + "\", \"capturedAt\": \""
            + CAPTURED_AT
            + "\", \"sources\": [\"entra\", \"okta\"], \"generator\": \"least-benchmarks"
            + " SignInCorpus entra="
            + spec.entraEvents()
            + " okta="
            + spec.oktaEvents()
            + " users="
            + spec.users()
            + "\"}\n",
        StandardCharsets.UTF_8);
    Path entra = root.resolve(ENTRA_FILE);
    Path okta = root.resolve(OKTA_FILE);
    EntraSignInWriter entraWriter = new EntraSignInWriter(tenant);
    OktaLogEventWriter oktaWriter = new OktaLogEventWriter(tenant);
    long entraBytes =
        writeLines(
            entra,
            spec.entraEvents(),
            new SplittableRandom(spec.seed() * 31 + 1),
            true,
            entraWriter::write);
    long oktaBytes =
        writeLines(
            okta,
            spec.oktaEvents(),
            new SplittableRandom(spec.seed() * 31 + 2),
            false,
            oktaWriter::write);
    return new Written(root, entra, entraBytes, okta, oktaBytes);
  }

  @FunctionalInterface
  interface EventWriter {
    void write(JsonGenerator g, SplittableRandom r, long epochMillis);
  }

  private static long writeLines(
      Path file, long count, SplittableRandom r, boolean newestFirst, EventWriter writer)
      throws IOException {
    Path dir = file.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    long end = CAPTURED_AT.toEpochMilli();
    long start = end - WINDOW.toMillis();
    double step = count == 0 ? 0 : (double) (end - start) / count;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        JsonGenerator g =
            JSON.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
      for (long i = 0; i < count; i++) {
        long slot = newestFirst ? count - 1 - i : i;
        long t = start + (long) (slot * step) + r.nextLong(Math.max(1L, (long) step));
        writer.write(g, r, Math.min(t, end - 1));
      }
      if (count > 0) {
        g.writeRaw('\n');
      }
    }
    return Files.size(file);
  }
}
