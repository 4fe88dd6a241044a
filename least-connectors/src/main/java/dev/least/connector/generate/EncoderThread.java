package dev.least.connector.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Encodes one log stream on its own thread: the simulation hands items over in batches through a
 * bounded queue (so memory stays bounded) and one consumer encodes them in the order given, so the
 * bytes are the same as encoding inline.
 */
final class EncoderThread<T> implements AutoCloseable {
  private static final int BATCH = 512;

  private final ArrayBlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(32);
  private final List<T> end = new ArrayList<>();
  private final Thread thread;
  private List<T> batch = new ArrayList<>(BATCH);
  private volatile @Nullable Throwable failure;

  EncoderThread(String name, Consumer<T> encode) {
    thread =
        new Thread(
            () -> {
              try {
                while (true) {
                  List<T> items = queue.take();
                  if (items == end) {
                    return;
                  }
                  for (T item : items) {
                    encode.accept(item);
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
              } catch (RuntimeException | Error e) {
                failure = e;
                queue.clear();
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
  }

  void submit(T item) {
    batch.add(item);
    if (batch.size() == BATCH) {
      hand(batch);
      batch = new ArrayList<>(BATCH);
    }
  }

  private void hand(List<T> items) {
    rethrow();
    try {
      while (!queue.offer(items, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        rethrow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the log", e);
    }
  }

  private void rethrow() {
    Throwable f = failure;
    if (f instanceof RuntimeException r) {
      throw r;
    }
    if (f instanceof Error err) {
      throw err;
    }
    if (f != null) {
      throw new IllegalStateException("log encoder failed", f);
    }
  }

  /** Encodes what is left and waits for the encoder to finish. */
  @Override
  public void close() throws IOException {
    if (!batch.isEmpty()) {
      hand(batch);
      batch = new ArrayList<>();
    }
    hand(end);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while finishing the log", e);
    }
    rethrow();
  }
}
