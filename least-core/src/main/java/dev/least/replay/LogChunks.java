package dev.least.replay;

import dev.least.parallel.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs an accumulator over the indexes of a log, split into contiguous chunks, one per thread: each
 * chunk gets its own accumulator, returned in chunk order so that merging them in order gives what
 * one pass in log order would have.
 */
final class LogChunks {
  /** Below this many events a second thread costs more than it saves. */
  static final int MIN_CHUNK = 50_000;

  private LogChunks() {}

  /** One event of a chunk, given to the chunk's accumulator. */
  @FunctionalInterface
  interface Step<A> {
    void accept(A accumulator, int index);
  }

  /** Threads to use by default: the processors the JVM may use. */
  static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  static <A> List<A> run(int size, int threads, Supplier<A> fresh, Step<A> step) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
    }
    int chunks = (int) Math.max(1, Math.min(threads, (long) size / MIN_CHUNK));
    List<A> out = new ArrayList<>();
    if (chunks == 1) {
      A acc = fresh.get();
      for (int i = 0; i < size; i++) {
        step.accept(acc, i);
      }
      out.add(acc);
      return out;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(chunks, Tasks.daemonThreads("least-replay"));
    try {
      List<Future<A>> parts = new ArrayList<>();
      for (int c = 0; c < chunks; c++) {
        int from = (int) ((long) size * c / chunks);
        int to = (int) ((long) size * (c + 1) / chunks);
        parts.add(
            pool.submit(
                () -> {
                  A acc = fresh.get();
                  for (int i = from; i < to; i++) {
                    step.accept(acc, i);
                  }
                  return acc;
                }));
      }
      for (Future<A> f : parts) {
        out.add(Tasks.result(f, "replaying"));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
