package dev.least.connector.json;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;

/**
 * Splits a JSON Lines file into records without decoding it to text: lines are found on the raw
 * bytes (gunzipped when {@code .gz}) and handed over as slices of one reused buffer, so a parser
 * can read each in place. A UTF-8 BOM at the start is skipped, a trailing {@code \r} is dropped,
 * blank lines are skipped, and a last line without a newline is still a record. Lines of any length
 * are supported (the buffer grows).
 */
public final class JsonLines {

  /** Receives one line. The slice is valid only during the call. */
  @FunctionalInterface
  public interface LineHandler {
    void line(byte[] buf, int off, int len, long lineNumber);
  }

  private JsonLines() {}

  /**
   * Calls {@code handler} for every non-blank line.
   *
   * @return the number of bytes read (after decompression)
   */
  public static long forEachLine(Path file, LineHandler handler) throws IOException {
    try (InputStream in = JsonInput.openBytes(file)) {
      return forEachLine(in, handler);
    }
  }

  /** As {@link #forEachLine(Path, LineHandler)} over a stream; does not close it. */
  public static long forEachLine(InputStream in, LineHandler handler) throws IOException {
    return split(
            in,
            true,
            (buf, from, to, firstLine) -> lines(buf, from, to, firstLine, handler),
            handler)
        .bytes();
  }

  /**
   * Reads one JSON object: the cursor is on the object's {@code START_OBJECT} and must be left on
   * its {@code END_OBJECT}. Throws (a {@link BadRecordException}, a Jackson exception, …) when the
   * object is bad.
   */
  @FunctionalInterface
  public interface ObjectReader<T extends @Nullable Object> {
    T read(JsonCursor p);
  }

  /** Receives what an {@link ObjectReader} read from the line {@code lineNumber}. */
  @FunctionalInterface
  public interface ObjectHandler<T extends @Nullable Object> {
    void object(T value, long lineNumber);
  }

  /**
   * Calls {@code handler} with what {@code reader} reads from every line that holds one JSON object
   * alone, and {@code otherwise} (exactly as {@link #forEachLine(Path, LineHandler)} would) for
   * every other non-blank line. The common case is read in place by a {@link Utf8LineCursor}: no
   * parser per line, no search for each line's end (the cursor's position says where the object
   * ends, and only the bytes from there to the newline are looked at), and no tokens for what
   * {@code reader} skips.
   *
   * <p>A line takes that path only when it starts with <code>{</code>, the cursor reads the object
   * without giving up (see {@link Utf8LineCursor}: anything it is not sure Jackson reads the same
   * way), {@code reader} returns without throwing and leaves the cursor on the object's end, and
   * nothing but spaces, tabs and {@code \r} follows it. Any other line (leading blanks, a bad
   * record, invalid JSON, a second value, an object spread over lines, the last line without a
   * newline) goes to {@code otherwise}, which reads it again on its own, with Jackson, so a caller
   * that handles lines with the same reader sees exactly the results and errors it would see line
   * by line with Jackson; nothing from the failed attempt reaches {@code handler}.
   *
   * @return the number of bytes read (after decompression)
   */
  public static <T extends @Nullable Object> long forEachObject(
      Path file, ObjectReader<T> reader, ObjectHandler<T> handler, LineHandler otherwise)
      throws IOException {
    try (InputStream in = JsonInput.openBytes(file)) {
      return forEachObject(in, reader, handler, otherwise);
    }
  }

  /** As {@link #forEachObject(Path, ObjectReader, ObjectHandler, LineHandler)} over a stream. */
  public static <T extends @Nullable Object> long forEachObject(
      InputStream in, ObjectReader<T> reader, ObjectHandler<T> handler, LineHandler otherwise)
      throws IOException {
    Utf8LineCursor cursor = new Utf8LineCursor();
    return split(
            in,
            true,
            (buf, from, to, firstLine) ->
                objects(cursor, buf, from, to, firstLine, reader, handler, otherwise),
            otherwise)
        .bytes();
  }

  /**
   * As {@link #forEachObject(Path, ObjectReader, ObjectHandler, LineHandler)} over the bytes {@code
   * [range.from(), range.to())} of an uncompressed file, one of the ranges {@link #split(Path,
   * int)} cut at line ends. Line numbers start at 1 at the range's start (the caller adds the lines
   * of the ranges before it); a BOM is skipped only at the file's start.
   *
   * @return the number of complete lines in the range (its newlines), blank ones included
   */
  public static <T extends @Nullable Object> long forEachObject(
      Path file,
      ByteRange range,
      ObjectReader<T> reader,
      ObjectHandler<T> handler,
      LineHandler otherwise)
      throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        InputStream in = new RangeInputStream(ch, range.from(), range.to())) {
      Utf8LineCursor cursor = new Utf8LineCursor();
      return split(
              in,
              range.from() == 0,
              (buf, from, to, firstLine) ->
                  objects(cursor, buf, from, to, firstLine, reader, handler, otherwise),
              otherwise)
          .lines();
    }
  }

  /** A walk with a given reader over all or part of a file's lines. */
  @FunctionalInterface
  public interface ObjectWalk<T extends @Nullable Object> {
    /** Returns the complete lines walked, or 0 when the walk does not count them. */
    long walk(ObjectReader<T> reader, ObjectHandler<T> handler, LineHandler otherwise)
        throws IOException;
  }

  /** Every line of {@code file} (also gzipped); lines are not counted. */
  public static <T extends @Nullable Object> ObjectWalk<T> wholeFile(Path file) {
    return (reader, handler, otherwise) -> {
      forEachObject(file, reader, handler, otherwise);
      return 0;
    };
  }

  /** The lines in {@code range} of an uncompressed file, numbered from 1 at its start; counted. */
  public static <T extends @Nullable Object> ObjectWalk<T> range(Path file, ByteRange range) {
    return (reader, handler, otherwise) -> forEachObject(file, range, reader, handler, otherwise);
  }

  /** Bytes {@code [from, to)} of a file. */
  public record ByteRange(long from, long to) {
    public ByteRange {
      if (from < 0 || to < from) {
        throw new IllegalArgumentException("bad range [" + from + ", " + to + ")");
      }
    }

    public long length() {
      return to - from;
    }
  }

  /**
   * Cuts an uncompressed JSON Lines file into about {@code parts} ranges of similar size, each
   * ending just after a newline (or at the end of the file), so that every line lies in exactly one
   * range and the ranges can be read on separate threads. A file with fewer line ends than {@code
   * parts} gives fewer ranges; an empty file gives one empty range.
   */
  public static List<ByteRange> split(Path file, int parts) throws IOException {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be at least 1");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      List<ByteRange> out = new ArrayList<>();
      long start = 0;
      ByteBuffer window = ByteBuffer.allocate(1 << 16);
      for (int k = 1; k < parts && start < size; k++) {
        long target = Math.max(start, size * k / parts);
        long cut = afterNextNewline(ch, target, size, window);
        if (cut <= start) {
          continue;
        }
        out.add(new ByteRange(start, cut));
        start = cut;
      }
      if (start < size || out.isEmpty()) {
        out.add(new ByteRange(start, size));
      }
      return out;
    }
  }

  /** The position just after the first newline at or after {@code pos}, or {@code size}. */
  private static long afterNextNewline(FileChannel ch, long pos, long size, ByteBuffer window)
      throws IOException {
    long at = pos;
    while (at < size) {
      window.clear();
      int n = ch.read(window, at);
      if (n <= 0) {
        break;
      }
      int i = indexOfNewline(window.array(), 0, n);
      if (i >= 0) {
        return at + i + 1;
      }
      at += n;
    }
    return size;
  }

  /** Positional reads of {@code [from, to)} of a channel, so ranges need no shared position. */
  private static final class RangeInputStream extends InputStream {
    private final FileChannel ch;
    private long pos;
    private final long to;

    RangeInputStream(FileChannel ch, long from, long to) {
      this.ch = ch;
      this.pos = from;
      this.to = to;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (pos >= to) {
        return -1;
      }
      int want = (int) Math.min(len, to - pos);
      int n = ch.read(ByteBuffer.wrap(b, off, want), pos);
      if (n < 0) {
        return -1; // the file shrank under us: stop at its end
      }
      pos += n;
      return n;
    }
  }

  /** Handles the complete lines in {@code buf[from, to)}; {@code buf[to - 1]} is a newline. */
  @FunctionalInterface
  private interface Block {
    /** Returns the number of lines handled (blank ones included). */
    long lines(byte[] buf, int from, int to, long firstLine);
  }

  /**
   * Reads {@code in} into one growing buffer and hands each run of complete lines to {@code block};
   * a last line without a newline goes to {@code lastLine}.
   */
  private static Split split(InputStream in, boolean fileStart, Block block, LineHandler lastLine)
      throws IOException {
    byte[] buf = new byte[1 << 20];
    int start = 0; // start of the first unhandled line in buf
    int end = 0; // end of valid data in buf
    long lineNo = 1;
    long total = 0;
    boolean first = fileStart;
    while (true) {
      if (end == buf.length) {
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, end - start);
          end -= start;
          start = 0;
        } else {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
      }
      int scan = end;
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        break;
      }
      total += n;
      end += n;
      if (first && end - start >= 3) {
        if ((buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
          start = 3;
          scan = Math.max(scan, 3);
        }
        first = false;
      }
      int last = lastIndexOfNewline(buf, scan, end);
      if (last >= start) {
        lineNo += block.lines(buf, start, last + 1, lineNo);
        start = last + 1;
      }
    }
    if (first
        && fileStart
        && end >= 3
        && (buf[0] & 0xff) == 0xEF
        && (buf[1] & 0xff) == 0xBB
        && (buf[2] & 0xff) == 0xBF) {
      start = 3;
    }
    if (start < end) {
      emit(buf, start, end, lineNo, lastLine);
    }
    return new Split(total, lineNo - 1);
  }

  /** Bytes read and complete (newline-ended) lines seen. */
  private record Split(long bytes, long lines) {}

  private static long lines(byte[] buf, int from, int to, long firstLine, LineHandler handler) {
    long line = firstLine;
    int i = from;
    while (i < to) {
      int nl = indexOfNewline(buf, i, to);
      emit(buf, i, nl, line, handler);
      line++;
      i = nl + 1;
    }
    return line - firstLine;
  }

  private static <T extends @Nullable Object> long objects(
      Utf8LineCursor cursor,
      byte[] buf,
      int from,
      int to,
      long firstLine,
      ObjectReader<T> reader,
      ObjectHandler<T> handler,
      LineHandler otherwise) {
    long line = firstLine;
    int pos = from;
    try {
      while (pos < to) {
        byte b = buf[pos];
        if (b == '\n') {
          line++;
          pos++;
          continue;
        }
        int next = b == '{' ? object(cursor, buf, pos, to, line, reader, handler) : -1;
        if (next < 0) {
          int nl = indexOfNewline(buf, pos, to);
          emit(buf, pos, nl, line, otherwise);
          next = nl + 1;
        }
        line++;
        pos = next;
      }
    } finally {
      cursor.reset(NO_BYTES, 0, 0); // let go of the buffer
    }
    return line - firstLine;
  }

  private static final byte[] NO_BYTES = {};

  /**
   * Reads the object that starts at {@code buf[pos]} with {@code cursor}; returns where the next
   * line starts, or -1 when this line must take the line-by-line path (then nothing was handed on).
   */
  private static <T extends @Nullable Object> int object(
      Utf8LineCursor cursor,
      byte[] buf,
      int pos,
      int to,
      long line,
      ObjectReader<T> reader,
      ObjectHandler<T> handler) {
    T value;
    int end;
    try {
      cursor.reset(buf, pos, to);
      if (cursor.nextToken() != JsonToken.START_OBJECT) {
        return -1;
      }
      value = reader.read(cursor);
      if (!cursor.atRootEnd() || cursor.currentToken() != JsonToken.END_OBJECT) {
        return -1; // not left on the object's end
      }
      end = cursor.position();
    } catch (RuntimeException e) {
      return -1; // the line-by-line path reads it again and reports it
    }
    while (end < to && (buf[end] == ' ' || buf[end] == '\t' || buf[end] == '\r')) {
      end++;
    }
    if (end >= to || buf[end] != '\n') {
      return -1; // more content after the object
    }
    handler.object(value, line);
    return end + 1;
  }

  /** The index of the last {@code \n} in {@code buf[from, to)}, or -1. */
  private static int lastIndexOfNewline(byte[] buf, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  static final long ONES = 0x0101010101010101L;
  static final long HIGHS = 0x8080808080808080L;

  /**
   * The index of the first {@code \n} in {@code buf[from, to)}, or -1. Eight bytes at a time
   * (SWAR): a byte equal to {@code \n} becomes zero after the XOR, and the classic zero-byte test
   * flags it; the lowest flagged byte is always a true match.
   */
  static int indexOfNewline(byte[] buf, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long v = (long) LONGS.get(buf, i) ^ NEWLINES;
      long m = (v - ONES) & ~v & HIGHS;
      if (m != 0) {
        return i + (Long.numberOfTrailingZeros(m) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static void emit(byte[] buf, int from, int to, long lineNo, LineHandler handler) {
    int e = to;
    if (e > from && buf[e - 1] == '\r') {
      e--;
    }
    int s = from;
    while (s < e && (buf[s] == ' ' || buf[s] == '\t')) {
      s++;
    }
    if (s == e) {
      return;
    }
    handler.line(buf, s, e - s, lineNo);
  }
}
