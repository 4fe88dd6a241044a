package dev.least.app.audit;

import static java.util.Objects.requireNonNull;

/** The result of checking the audit chain: intact, or the first broken row and why. */
public sealed interface Verification {
  /** Every row chains to the one before and the head names the last row. */
  record Intact(long rows) implements Verification {}

  /**
   * The first row that does not check out. {@code seq} is the row's stored sequence number (for a
   * row missing at the end: the first missing one).
   */
  record Broken(long seq, String reason) implements Verification {
    public Broken {
      requireNonNull(reason, "reason");
    }
  }
}
