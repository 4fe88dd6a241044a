package dev.least.bench.server;

import static java.util.Objects.requireNonNull;

import dev.least.analysis.Analysis;
import dev.least.analysis.AnalysisInput;
import dev.least.analysis.Analyzers;
import dev.least.connector.generate.GeneratorOptions;
import dev.least.connector.generate.PlatformChoice;
import dev.least.connector.generate.TenantGenerator;
import dev.least.connector.generate.VendorPolicyEngines;
import dev.least.connector.report.RecommendationsJson;
import dev.least.connector.snapshot.SnapshotFolderReader;
import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.source.FileStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recommendations the engine really writes, to copy into a large database: a tenant is generated
 * ({@link TenantGenerator}), read and analyzed with the default analyzers, and each recommendation
 * of the resulting document becomes a {@link Template} (its filter columns and its full JSON, as
 * {@code least serve} stores them on import).
 */
public final class RecommendationTemplates {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RecommendationTemplates() {}

  /**
   * One recommendation of the engine's output. {@code bodyJson} is its JSON exactly as an import
   * stores it; {@code patchJson} its {@code patch} (what "apply" records).
   */
  public record Template(
      String key,
      String type,
      String platform,
      String risk,
      double confidence,
      String mode,
      String targetKind,
      String targetId,
      @Nullable String targetName,
      String bodyJson,
      String patchJson) {
    public Template {
      requireNonNull(key, "key");
      requireNonNull(type, "type");
      requireNonNull(platform, "platform");
      requireNonNull(risk, "risk");
      requireNonNull(mode, "mode");
      requireNonNull(targetKind, "targetKind");
      requireNonNull(targetId, "targetId");
      requireNonNull(bodyJson, "bodyJson");
      requireNonNull(patchJson, "patchJson");
      if (!bodyJson.startsWith("{\"id\":\"" + key + "\"")) {
        throw new IllegalArgumentException(
            "Expected the body to start with its id '" + key + "' but was " + bodyJson);
      }
    }

    /** The body with its id replaced by {@code newKey} (the id is the body's first field). */
    public String bodyWithKey(String newKey) {
      return "{\"id\":\"" + newKey + bodyJson.substring(7 + key.length());
    }
  }

  /**
   * Generates a tenant of {@code users} users over {@code days} days (both platforms) in a
   * temporary folder, analyzes it and returns the engine's recommendations document (read it with
   * {@link #parse}); the folder is deleted afterwards.
   */
  public static String generate(int users, int days, long seed, Consumer<String> progress)
      throws IOException {
    Path dir = Files.createTempDirectory("least-rec-templates");
    try {
      Path snapshot = dir.resolve("snapshot");
      new TenantGenerator(new VendorPolicyEngines(), progress)
          .generate(
              GeneratorOptions.defaults()
                  .withUsers(users)
                  .withDays(days)
                  .withSeed(seed)
                  .withPlatform(PlatformChoice.BOTH),
              snapshot,
              dir.resolve("truth.json"));
      SnapshotReadResult r = SnapshotFolderReader.defaults().read(snapshot, q -> {});
      Set<String> kinds = r.files().stream().map(FileStat::kind).collect(Collectors.toSet());
      Analysis.Report report =
          new Analysis(Analyzers.defaults())
              .run(AnalysisInput.of(r.snapshot(), r.settings(), kinds));
      return RecommendationsJson.write(
          r.snapshot(), RecommendationsJson.inputs(r.snapshot(), 0), report, "bench");
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** The recommendations of one recommendations document (the analyze/import output). */
  public static List<Template> parse(String document) {
    List<Template> out = new ArrayList<>();
    for (JsonNode rec : JSON.readTree(document).path("recommendations")) {
      JsonNode target = rec.path("target");
      JsonNode name = target.get("name");
      out.add(
          new Template(
              rec.path("id").asString(),
              rec.path("type").asString(),
              rec.path("platform").asString(),
              rec.path("risk").asString(),
              rec.path("confidence").asDouble(),
              rec.path("mode").asString(),
              target.path("kind").asString(),
              target.path("id").asString(),
              name == null || name.isNull() ? null : name.asString(),
              JSON.writeValueAsString(rec),
              JSON.writeValueAsString(rec.path("patch"))));
    }
    return out;
  }
}
