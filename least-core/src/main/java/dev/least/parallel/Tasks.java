package dev.least.parallel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * What the parts of Least that spread work over threads share: daemon worker threads (a CLI run
 * never waits on them to exit) and the result of a task with its failure rethrown as it was thrown,
 * so that a {@code SnapshotException} or an analyzer's exception reaches the caller unchanged.
 */
public final class Tasks {
  private Tasks() {}

  /** Daemon threads named {@code name}. */
  public static ThreadFactory daemonThreads(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * The task's result. A {@link RuntimeException} or {@link Error} of the task is rethrown as is,
   * an {@link IOException} as an {@link UncheckedIOException}; {@code activity} names the work in
   * the message of an interruption or cancellation (e.g. "reading the sign-in logs").
   */
  public static <T> T result(Future<T> task, String activity) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + activity, e);
    } catch (CancellationException e) {
      throw new IllegalStateException("cancelled while " + activity, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      if (cause instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException(cause);
    }
  }
}
