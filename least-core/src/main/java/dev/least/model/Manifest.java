package dev.least.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code manifest.json}: which tenant, when captured ("now" for every analysis), which sources. */
public record Manifest(
    String tenant, Instant capturedAt, List<Source> sources, @Nullable String generator) {
  public Manifest {
    requireNonNull(tenant, "tenant");
    requireNonNull(capturedAt, "capturedAt");
    sources = List.copyOf(sources);
  }
}
