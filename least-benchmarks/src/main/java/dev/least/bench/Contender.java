package dev.least.bench;

import static java.util.Objects.requireNonNull;

/** One reader in the side-by-side run: reads both files once per call and says how long it took. */
interface Contender {
  /** Wall times of one pass; a per-file time is -1 when the reader does not report it. */
  record Pass(long entraNanos, long oktaNanos, long totalNanos) {}

  /** How the row is labelled. */
  record Label(String reader, String threads, boolean least) {
    public Label {
      requireNonNull(reader, "reader");
      requireNonNull(threads, "threads");
    }
  }

  Label label();

  Pass once() throws Exception;

  /** Times {@code entra} then {@code okta} as two calls of {@code task}. */
  static Pass timed(FileTask task) throws Exception {
    long t0 = System.nanoTime();
    task.read(0);
    long t1 = System.nanoTime();
    task.read(1);
    long t2 = System.nanoTime();
    return new Pass(t1 - t0, t2 - t1, t2 - t0);
  }

  /** Reads file {@code index}: 0 Entra, 1 Okta. */
  @FunctionalInterface
  interface FileTask {
    void read(int index) throws Exception;
  }
}
