package dev.least.app.workflow;

import static java.util.Objects.requireNonNull;

import dev.least.analysis.Analysis;
import dev.least.analysis.AnalysisInput;
import dev.least.analysis.Analyzers;
import dev.least.app.audit.AuditEntry;
import dev.least.app.audit.AuditLog;
import dev.least.app.store.AnalysisRun;
import dev.least.app.store.RecommendationRepository;
import dev.least.app.store.SnapshotRepository;
import dev.least.app.store.StoredRecommendation;
import dev.least.app.store.StoredSnapshot;
import dev.least.app.store.Tenant;
import dev.least.app.store.TenantRepository;
import dev.least.connector.report.RecommendationsJson;
import dev.least.connector.snapshot.QuarantineFile;
import dev.least.connector.snapshot.SnapshotFolderReader;
import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.model.TenantSettings;
import dev.least.recommend.FeedbackModel;
import dev.least.source.FileStat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a snapshot folder: reads it, computes its checksum, runs the default analyzers and stores
 * snapshot, run and recommendations (state proposed, requested by the importer) in one transaction
 * with one audit row for the run. The snapshot's {@code least.yaml} guardrails are added to the
 * tenant's.
 */
public final class SnapshotImport {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TenantRepository tenants;
  private final SnapshotRepository snapshots;
  private final RecommendationRepository recommendations;
  private final AuditLog audit;
  private final org.springframework.transaction.support.TransactionTemplate tx;
  private final Clock clock;
  private final String engineVersion;

  public SnapshotImport(
      TenantRepository tenants,
      SnapshotRepository snapshots,
      RecommendationRepository recommendations,
      AuditLog audit,
      org.springframework.transaction.support.TransactionTemplate tx,
      Clock clock,
      String engineVersion) {
    this.tenants = requireNonNull(tenants, "tenants");
    this.snapshots = requireNonNull(snapshots, "snapshots");
    this.recommendations = requireNonNull(recommendations, "recommendations");
    this.audit = requireNonNull(audit, "audit");
    this.tx = requireNonNull(tx, "tx");
    this.clock = requireNonNull(clock, "clock");
    this.engineVersion = requireNonNull(engineVersion, "engineVersion");
  }

  /** What an import stored. */
  public record Imported(
      Tenant tenant, StoredSnapshot snapshot, AnalysisRun run, long quarantined) {
    public Imported {
      requireNonNull(tenant, "tenant");
      requireNonNull(snapshot, "snapshot");
      requireNonNull(run, "run");
    }
  }

  /**
   * Imports {@code folder} for {@code tenantName} (the manifest's tenant when blank).
   *
   * @throws dev.least.connector.snapshot.SnapshotException when the folder is not a readable
   *     snapshot
   */
  public Imported importFolder(String tenantName, Path folder, Actor actor) {
    if (!actor.role().atLeast(Role.ANALYST)) {
      throw new TransitionRefused(
          TransitionRefused.Reason.ROLE, "importing a snapshot needs the role analyst or above");
    }
    Instant started = clock.instant();
    String checksum = checksum(folder);
    FolderRead read = read(folder);
    SnapshotReadResult r = read.result();
    long quarantined = read.quarantined();
    Set<String> kinds = r.files().stream().map(FileStat::kind).collect(Collectors.toSet());
    Analysis.Report report =
        new Analysis(Analyzers.defaults()).run(AnalysisInput.of(r.snapshot(), r.settings(), kinds));
    String document =
        RecommendationsJson.write(
            r.snapshot(),
            RecommendationsJson.inputs(r.snapshot(), r.quarantined()),
            report,
            engineVersion);
    JsonNode doc = JSON.readTree(document);
    Instant finished = clock.instant();
    String tenantName0 =
        tenantName.isBlank() ? r.snapshot().manifest().tenant() : tenantName.trim();
    Imported imported =
        tx.execute(
            status -> {
              Tenant tenant = tenants.findOrCreate(tenantName0);
              mergeGuardrails(tenant, r.settings().guardrails());
              StoredSnapshot snap =
                  snapshots.insert(
                      new StoredSnapshot(
                          0,
                          tenant.id(),
                          checksum,
                          folder.toAbsolutePath().normalize().toString(),
                          r.snapshot().manifest().capturedAt(),
                          finished,
                          actor.name(),
                          JSON.writeValueAsString(doc.path("inputs")),
                          JSON.writeValueAsString(r.settings())));
              JsonNode recs = doc.path("recommendations");
              AnalysisRun run =
                  snapshots.insert(
                      new AnalysisRun(
                          0,
                          snap.id(),
                          RecommendationsJson.ENGINE_NAME,
                          engineVersion,
                          RecommendationsJson.MODEL_VERSION,
                          JSON.writeValueAsString(r.settings().thresholds()),
                          JSON.writeValueAsString(summary(doc, r.snapshot())),
                          actor.name(),
                          started,
                          finished,
                          recs.size()));
              List<StoredRecommendation> rows = new ArrayList<>(recs.size());
              for (JsonNode rec : recs) {
                rows.add(row(rec, run, tenant, actor, finished));
              }
              FeedbackModel feedback = FeedbackModel.fit(recommendations.feedback(tenant.id()));
              List<FeedbackModel.Adjustment> adjustments = new ArrayList<>(rows.size());
              for (StoredRecommendation row : rows) {
                adjustments.add(
                    feedback.adjust(
                        row.type(), row.targetKind(), row.targetName(), row.confidence()));
              }
              recommendations.insertRanked(rows, adjustments);
              audit.append(
                  new AuditEntry(
                      actor.name(),
                      "analysis",
                      "analysis_run",
                      Long.toString(run.id()),
                      null,
                      RecommendationState.PROPOSED.wire(),
                      checksum,
                      engineVersion,
                      RecommendationsJson.MODEL_VERSION,
                      recs.size()
                          + " recommendation(s) proposed from snapshot "
                          + snap.id()
                          + " ("
                          + snap.source()
                          + ")"));
              return new Imported(tenant, snap, run, quarantined);
            });
    return requireNonNull(imported, "imported");
  }

  /** A snapshot folder as read, with the count of quarantined records. */
  public record FolderRead(SnapshotReadResult result, long quarantined) {
    public FolderRead {
      requireNonNull(result, "result");
    }
  }

  /**
   * Reads a snapshot folder; bad records go to a temporary quarantine file that is counted, then
   * deleted.
   *
   * @throws dev.least.connector.snapshot.SnapshotException when the folder is not a readable
   *     snapshot
   */
  public static FolderRead read(Path folder) {
    try {
      Path q = Files.createTempFile("least-import-quarantine-", ".jsonl");
      try (QuarantineFile quarantine = new QuarantineFile(q)) {
        SnapshotReadResult r = SnapshotFolderReader.defaults().read(folder, quarantine);
        return new FolderRead(r, quarantine.count());
      } finally {
        Files.deleteIfExists(q);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the import's quarantine file", e);
    }
  }

  private void mergeGuardrails(Tenant tenant, TenantSettings.Guardrails fromSnapshot) {
    TenantSettings.Guardrails current = tenants.guardrails(tenant.id());
    tenants.replaceGuardrails(
        tenant.id(),
        new TenantSettings.Guardrails(
            union(current.protectedUsers(), fromSnapshot.protectedUsers()),
            union(current.protectedGroups(), fromSnapshot.protectedGroups()),
            union(current.protectedPolicies(), fromSnapshot.protectedPolicies())));
  }

  private static List<String> union(List<String> a, List<String> b) {
    Set<String> s = new LinkedHashSet<>(a);
    s.addAll(b);
    return List.copyOf(s);
  }

  private static JsonNode summary(JsonNode doc, dev.least.model.TenantSnapshot snapshot) {
    var s = JSON.createObjectNode();
    s.set("overview", RunOverview.toJson(snapshot, doc.path("recommendations")));
    s.set("engine", doc.path("engine"));
    s.set("snapshot", doc.path("snapshot"));
    s.set("skipped", doc.path("skipped"));
    s.set("protected", doc.path("protected"));
    return s;
  }

  private static StoredRecommendation row(
      JsonNode rec, AnalysisRun run, Tenant tenant, Actor actor, Instant at) {
    JsonNode target = rec.path("target");
    JsonNode name = target.get("name");
    return new StoredRecommendation(
        0,
        run.id(),
        tenant.id(),
        rec.path("id").asString(),
        rec.path("type").asString(),
        rec.path("platform").asString(),
        rec.path("risk").asString(),
        rec.path("confidence").asDouble(),
        rec.path("mode").asString(),
        target.path("kind").asString(),
        target.path("id").asString(),
        name == null ? null : name.asString(),
        RecommendationState.PROPOSED,
        0,
        actor.name(),
        at,
        at,
        JSON.writeValueAsString(rec),
        null);
  }

  /**
   * SHA-256 over the folder's regular files in sorted relative-path order ({@code /} separators):
   * for each, the path, a NUL, the decimal size, a NUL, then the bytes. Renaming, adding, removing
   * or editing a file changes it; where the folder lives does not.
   */
  public static String checksum(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new dev.least.connector.snapshot.SnapshotException(
          folder.toString(), "the snapshot folder does not exist or is not a folder");
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      List<Path> files =
          walk.filter(Files::isRegularFile)
              .sorted((a, b) -> rel(folder, a).compareTo(rel(folder, b)))
              .toList();
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (Path f : files) {
        d.update(rel(folder, f).getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(Long.toString(Files.size(f)).getBytes(StandardCharsets.US_ASCII));
        d.update((byte) 0);
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), d)) {
          while (in.read(buf) >= 0) {
            // the digest stream hashes as it reads
          }
        }
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read snapshot folder " + folder, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  private static String rel(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }
}
