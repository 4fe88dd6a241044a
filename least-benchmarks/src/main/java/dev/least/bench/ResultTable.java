package dev.least.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The side-by-side table: one row per reader over the same files, with Least's speed relative to
 * each. A ratio above 1 means Least is faster than that reader.
 */
final class ResultTable {
  /**
   * One reader's median times.
   *
   * @param entraSeconds time on the Entra file, NaN when not known separately
   * @param oktaSeconds time on the Okta file, NaN when not known separately
   * @param events events in the files (the input, not what the reader kept)
   */
  record Row(
      String reader,
      String threads,
      double entraSeconds,
      double oktaSeconds,
      double totalSeconds,
      long events,
      long bytes,
      int runs,
      boolean least) {
    Row {
      requireNonNull(reader, "reader");
      requireNonNull(threads, "threads");
      if (!(totalSeconds > 0)) {
        throw new IllegalArgumentException("totalSeconds must be > 0 but was " + totalSeconds);
      }
    }

    double mbPerSecond() {
      return bytes / 1e6 / totalSeconds;
    }

    double eventsPerSecond() {
      return events / totalSeconds;
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final boolean entraPending;
  private final boolean oktaPending;

  /**
   * @param entraPending true when Least normalized no Entra sign-in (its reader is not there yet):
   *     no Entra or total ratio is claimed
   * @param oktaPending likewise for the Okta System Log
   */
  ResultTable(boolean entraPending, boolean oktaPending) {
    this.entraPending = entraPending;
    this.oktaPending = oktaPending;
  }

  /** Both sources pending or neither. */
  ResultTable(boolean leastPending) {
    this(leastPending, leastPending);
  }

  ResultTable add(Row row) {
    rows.add(row);
    return this;
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  /** Least's speed divided by {@code row}'s (= row time / Least time), or NaN when unknown. */
  double leastSpeedup(Row row) {
    Row least = least();
    return least == null || entraPending || oktaPending
        ? Double.NaN
        : row.totalSeconds() / least.totalSeconds();
  }

  /** As {@link #leastSpeedup} on the Entra file alone. */
  double leastSpeedupEntra(Row row) {
    Row least = least();
    return least == null || entraPending ? Double.NaN : row.entraSeconds() / least.entraSeconds();
  }

  /** As {@link #leastSpeedup} on the Okta file alone. */
  double leastSpeedupOkta(Row row) {
    Row least = least();
    return least == null || oktaPending ? Double.NaN : row.oktaSeconds() / least.oktaSeconds();
  }

  private @Nullable Row least() {
    for (Row r : rows) {
      if (r.least()) {
        return r;
      }
    }
    return null;
  }

  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append(
        "| Reader | Threads | Entra s | Okta s | Total s | MB/s | events/s | Least speed ÷ this:"
            + " Entra | Okta | total |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      b.append("| ")
          .append(r.reader())
          .append(" | ")
          .append(r.threads())
          .append(" | ")
          .append(secs(r.entraSeconds()))
          .append(" | ")
          .append(secs(r.oktaSeconds()))
          .append(" | ")
          .append(secs(r.totalSeconds()))
          .append(" | ")
          .append(hidden(r) ? "pending" : String.format(Locale.ROOT, "%.0f", r.mbPerSecond()))
          .append(" | ")
          .append(hidden(r) ? "pending" : String.format(Locale.ROOT, "%,.0f", r.eventsPerSecond()))
          .append(" | ")
          .append(ratio(leastSpeedupEntra(r)))
          .append(" | ")
          .append(ratio(leastSpeedupOkta(r)))
          .append(" | ")
          .append(ratio(leastSpeedup(r)))
          .append(" |\n");
    }
    return b.toString();
  }

  /** Least's throughput over both files means nothing while one of its readers is missing. */
  private boolean hidden(Row r) {
    return r.least() && (entraPending || oktaPending);
  }

  private static String ratio(double x) {
    return Double.isNaN(x) ? "pending" : fmt2(x);
  }

  private static String secs(double s) {
    return Double.isNaN(s) ? "–" : String.format(Locale.ROOT, "%.2f", s);
  }

  private static String fmt2(double x) {
    return String.format(Locale.ROOT, "%.2f", x);
  }
}
