package dev.least.analysis;

import static java.util.Objects.requireNonNull;

import dev.least.model.TenantSettings;
import dev.least.model.TenantSnapshot;
import dev.least.replay.DirectoryIndex;
import java.util.Set;

/**
 * Everything an analyzer reads, prepared once: the snapshot, its settings, the resolved directory,
 * the guardrails, per-account activity, and which snapshot files were present.
 *
 * @param presentKinds file kinds read (e.g. {@code users}, {@code signIns}, {@code workers}), so
 *     analyzers can say what is missing
 */
public record AnalysisInput(
    TenantSnapshot snapshot,
    TenantSettings settings,
    DirectoryIndex directory,
    Guardrails guardrails,
    AccountActivity activity,
    Set<String> presentKinds) {
  public AnalysisInput {
    requireNonNull(snapshot, "snapshot");
    requireNonNull(settings, "settings");
    requireNonNull(directory, "directory");
    requireNonNull(guardrails, "guardrails");
    requireNonNull(activity, "activity");
    presentKinds = Set.copyOf(presentKinds);
  }

  public static AnalysisInput of(
      TenantSnapshot snapshot, TenantSettings settings, Set<String> presentKinds) {
    return new AnalysisInput(
        snapshot,
        settings,
        DirectoryIndex.of(snapshot),
        new Guardrails(settings.guardrails()),
        AccountActivity.of(snapshot.signIns()),
        presentKinds);
  }

  /** "Now": the manifest's capture time, in epoch millis. */
  public long nowMillis() {
    return snapshot.manifest().capturedAt().toEpochMilli();
  }

  public int threshold(String name, int defaultValue) {
    return settings.thresholds().getInt(name, defaultValue);
  }
}
