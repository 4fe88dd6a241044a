package dev.least.recommend;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One fact a reviewer can check without the tool: a count or value, the time range it covers, and
 * up to 10 sample event ids that exist in the snapshot.
 */
public record Evidence(
    String kind,
    String label,
    JsonValue value,
    List<String> sampleEventIds,
    @Nullable Instant from,
    @Nullable Instant to) {
  public static final int MAX_SAMPLES = 10;

  public Evidence {
    requireNonNull(kind, "kind");
    requireNonNull(label, "label");
    requireNonNull(value, "value");
    sampleEventIds =
        List.copyOf(
            sampleEventIds.size() > MAX_SAMPLES
                ? sampleEventIds.subList(0, MAX_SAMPLES)
                : sampleEventIds);
  }

  /** A count with no samples or range. */
  public static Evidence count(String label, long value) {
    return new Evidence("count", label, new JsonValue.Num(value), List.of(), null, null);
  }

  /** A fact stated as text (e.g. a date, a status). */
  public static Evidence fact(String label, String value) {
    return new Evidence("fact", label, new JsonValue.Str(value), List.of(), null, null);
  }
}
