package dev.least.connector.generate;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * A log file that is written past the page cache once it has grown large: the first {@link
 * #CACHED_PREFIX} bytes go through the page cache as usual (a small tenant stays cached for the
 * command that reads it next), the rest is written with direct I/O ({@code O_DIRECT}) in aligned
 * chunks of {@link #CHUNK} bytes, and the last partial block again through the page cache.
 *
 * <p>Why: a large tenant's logs are tens of GB, far more than the page cache keeps, and copying
 * them into the cache cost more CPU than generating them (the kernel's copy alone was a third of
 * the 100k-user benchmark's CPU time); a direct write hands the chunk to the device without that
 * copy. A direct write waits for the device, so the chunks are written on a thread of the file's
 * own while the encoder fills the next one. Where the file system or platform has no direct I/O,
 * every byte goes through the page cache, as before. The bytes of the file are the same either way.
 *
 * <p>Not thread-safe: one encoder thread owns each file.
 */
final class UncachedFileOutput extends OutputStream {
  /** Bytes written through the page cache before direct I/O is tried (a multiple of CHUNK). */
  static final long CACHED_PREFIX = 256L << 20;

  /** Bytes gathered per write (a multiple of any file system block size up to 1 MB). */
  static final int CHUNK = 4 << 20;

  /** Chunks per file: one being filled, the others written or waiting to be. */
  private static final int CHUNKS = 3;

  private final Path file;
  private final FileChannel cached;
  private final long cachedPrefix;
  private final BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(CHUNKS);
  private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(CHUNKS);
  private final Thread writer;
  private ByteBuffer chunk;
  private volatile @Nullable Throwable failure;
  private boolean closed;

  // owned by the writer thread (and read by close() after it ended)
  private @Nullable FileChannel direct;
  private int alignment;
  private boolean directTried;
  private long position;

  /** Handed to the writer after the last chunk: write the tail and stop. */
  private static final ByteBuffer END = ByteBuffer.allocate(0);

  UncachedFileOutput(Path file) throws IOException {
    this(file, CACHED_PREFIX);
  }

  /** For tests: direct I/O from {@code cachedPrefix} bytes on (a multiple of {@link #CHUNK}). */
  UncachedFileOutput(Path file, long cachedPrefix) throws IOException {
    if (cachedPrefix % CHUNK != 0) {
      throw new IllegalArgumentException("the cached prefix must be a multiple of " + CHUNK);
    }
    this.file = file;
    this.cachedPrefix = cachedPrefix;
    this.cached =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    for (int k = 0; k < CHUNKS - 1; k++) {
      free.add(newChunk());
    }
    this.chunk = newChunk();
    this.writer = new Thread(this::writeChunks, "least-write-" + file.getFileName());
    writer.setDaemon(true);
    writer.start();
  }

  /** A chunk whose address is aligned as direct I/O wants (1 MB more, then the aligned slice). */
  private static ByteBuffer newChunk() {
    return ByteBuffer.allocateDirect(CHUNK + (1 << 20)).alignedSlice(1 << 20).slice(0, CHUNK);
  }

  /** Whether the file was being written with direct I/O (after the cached prefix); after close. */
  boolean direct() {
    return direct != null;
  }

  @Override
  public void write(int b) throws IOException {
    if (!chunk.hasRemaining()) {
      hand();
    }
    chunk.put((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int at = off;
    int left = len;
    while (left > 0) {
      if (!chunk.hasRemaining()) {
        hand();
      }
      int n = Math.min(left, chunk.remaining());
      chunk.put(b, at, n);
      at += n;
      left -= n;
    }
  }

  /** Hands the full chunk to the writer and takes a free one. */
  private void hand() throws IOException {
    rethrow();
    chunk.flip();
    try {
      full.put(chunk);
      ByteBuffer next;
      while ((next = free.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS)) == null) {
        rethrow();
      }
      chunk = next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing " + file);
    }
  }

  private void rethrow() throws IOException {
    Throwable f = failure;
    if (f instanceof IOException io) {
      throw new IOException("cannot write " + file, io);
    }
    if (f instanceof RuntimeException r) {
      throw r;
    }
    if (f instanceof Error err) {
      throw err;
    }
    if (f != null) {
      throw new IOException("cannot write " + file, f);
    }
  }

  /** The writer thread: writes the chunks in the order handed, then the tail. */
  private void writeChunks() {
    try {
      while (true) {
        ByteBuffer c = full.take();
        if (c == END) {
          return;
        }
        if (c.remaining() == CHUNK) {
          FileChannel to = position >= cachedPrefix ? directChannel() : null;
          if (to == null) {
            writeFully(cached, c);
          } else {
            writeDirect(to, c);
          }
        } else {
          writeTail(c);
        }
        c.clear();
        free.put(c);
      }
    } catch (IOException | RuntimeException | Error e) {
      failure = e;
      full.clear();
      free.clear();
      // the encoder waits for a free chunk: give it one to fill while it learns of the failure
      free.add(ByteBuffer.allocate(CHUNK));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = e;
    }
  }

  /** The last, partial chunk: its aligned part directly (when direct), the rest cached. */
  private void writeTail(ByteBuffer c) throws IOException {
    FileChannel d = direct;
    if (d != null) {
      int aligned = c.remaining() - c.remaining() % alignment;
      if (aligned > 0) {
        int end = c.limit();
        c.limit(c.position() + aligned);
        writeFully(d, c);
        c.limit(end);
      }
    }
    writeFully(cached, c);
  }

  /**
   * Writes a full chunk directly; where the file system opened the file for direct I/O but refuses
   * the write, the chunk and the rest of the file go through the page cache.
   */
  private void writeDirect(FileChannel to, ByteBuffer c) throws IOException {
    long at = position;
    try {
      writeFully(to, c);
    } catch (IOException e) {
      direct = null;
      to.close();
      position = at;
      c.position(0);
      writeFully(cached, c);
    }
  }

  private @Nullable FileChannel directChannel() {
    if (!directTried) {
      directTried = true;
      try {
        long block = Files.getFileStore(file).getBlockSize();
        if (block > 0 && block <= (1 << 20) && CHUNK % block == 0) {
          direct = FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
          alignment = (int) block;
        }
      } catch (IOException | UnsupportedOperationException e) {
        // no direct I/O here (a file system or platform without it): stay with the page cache
        direct = null;
      }
    }
    return direct;
  }

  private void writeFully(FileChannel to, ByteBuffer from) throws IOException {
    while (from.hasRemaining()) {
      position += to.write(from, position);
    }
  }

  /** Writes what is left, waits for the writer and closes the file. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      rethrow();
      chunk.flip();
      try {
        if (chunk.hasRemaining()) {
          full.put(chunk);
        }
        full.put(END);
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while finishing " + file);
      }
      rethrow();
    } finally {
      try {
        if (direct != null) {
          direct.close();
        }
      } finally {
        cached.close();
      }
    }
  }
}
