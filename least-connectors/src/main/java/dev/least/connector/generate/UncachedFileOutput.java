package dev.least.connector.generate;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * copy. Where the file system or platform has no direct I/O, every byte goes through the page
 * cache, as before. The bytes of the file are the same either way.
 *
 * <p>Not thread-safe: one encoder thread owns each file.
 */
final class UncachedFileOutput extends OutputStream {
  /** Bytes written through the page cache before direct I/O is tried (a multiple of CHUNK). */
  static final long CACHED_PREFIX = 256L << 20;

  /** Bytes gathered per write (a multiple of any file system block size up to 1 MB). */
  static final int CHUNK = 4 << 20;

  private final Path file;
  private final FileChannel cached;
  private final ByteBuffer chunk;
  private final long cachedPrefix;
  private @Nullable FileChannel direct;
  private int alignment;
  private boolean directTried;
  private long position;
  private boolean closed;

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
    // direct I/O wants the buffer's address aligned too: 1 MB more, then the aligned slice
    this.chunk = ByteBuffer.allocateDirect(CHUNK + (1 << 20)).alignedSlice(1 << 20).slice(0, CHUNK);
  }

  /** Whether the file is being written with direct I/O (after the cached prefix). */
  boolean direct() {
    return direct != null;
  }

  @Override
  public void write(int b) throws IOException {
    if (!chunk.hasRemaining()) {
      drain();
    }
    chunk.put((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int at = off;
    int left = len;
    while (left > 0) {
      if (!chunk.hasRemaining()) {
        drain();
      }
      int n = Math.min(left, chunk.remaining());
      chunk.put(b, at, n);
      at += n;
      left -= n;
    }
  }

  /** Writes the full chunk at the current position. */
  private void drain() throws IOException {
    chunk.flip();
    FileChannel to = position >= cachedPrefix ? directChannel() : null;
    writeFully(to == null ? cached : to, chunk);
    chunk.clear();
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

  /** Writes what is left (the aligned part directly, the last partial block cached). */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      chunk.flip();
      FileChannel d = direct;
      if (d != null) {
        int aligned = chunk.remaining() - chunk.remaining() % alignment;
        if (aligned > 0) {
          int end = chunk.limit();
          chunk.limit(chunk.position() + aligned);
          writeFully(d, chunk);
          chunk.limit(end);
        }
      }
      writeFully(cached, chunk);
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
