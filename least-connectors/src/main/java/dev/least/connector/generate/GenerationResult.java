package dev.least.connector.generate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * What one generation produced.
 *
 * @param entraEvents lines written to {@code entra/auditLogs/signIns.jsonl} (bad records excluded)
 * @param oktaEvents lines written to {@code okta/logs.jsonl} (bad records excluded)
 */
public record GenerationResult(
    Path snapshot,
    Path truth,
    Truth truthDocument,
    int users,
    long entraEvents,
    long oktaEvents,
    long badRecords,
    long nanos) {
  public GenerationResult {
    requireNonNull(snapshot, "snapshot");
    requireNonNull(truth, "truth");
    requireNonNull(truthDocument, "truthDocument");
  }

  public long events() {
    return entraEvents + oktaEvents;
  }
}
