package dev.least.app.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One analysis of a snapshot: which engine and model, with which settings, what it found. */
public record AnalysisRun(
    long id,
    long snapshotId,
    String engineName,
    String engineVersion,
    String modelVersion,
    String settingsJson,
    String summaryJson,
    String startedBy,
    Instant startedAt,
    Instant finishedAt,
    int recommendations) {
  public AnalysisRun {
    requireNonNull(engineName, "engineName");
    requireNonNull(engineVersion, "engineVersion");
    requireNonNull(modelVersion, "modelVersion");
    requireNonNull(settingsJson, "settingsJson");
    requireNonNull(summaryJson, "summaryJson");
    requireNonNull(startedBy, "startedBy");
    requireNonNull(startedAt, "startedAt");
    requireNonNull(finishedAt, "finishedAt");
  }
}
