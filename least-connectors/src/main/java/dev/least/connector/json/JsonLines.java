package dev.least.connector.json;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

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
    byte[] buf = new byte[1 << 20];
    int start = 0; // start of the current (unfinished) line in buf
    int end = 0; // end of valid data in buf
    int scan = 0; // where to continue looking for '\n'
    long lineNo = 1;
    long total = 0;
    boolean first = true;
    while (true) {
      if (end == buf.length) {
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, end - start);
          end -= start;
          scan -= start;
          start = 0;
        } else {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
      }
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        break;
      }
      total += n;
      end += n;
      if (first && end - start >= 3) {
        if ((buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
          start = 3;
          scan = 3;
        }
        first = false;
      }
      int i = scan;
      while (i < end) {
        int nl = indexOfNewline(buf, i, end);
        if (nl < 0) {
          break;
        }
        emit(buf, start, nl, lineNo, handler);
        lineNo++;
        start = nl + 1;
        i = nl + 1;
      }
      scan = end;
    }
    if (first
        && end >= 3
        && (buf[0] & 0xff) == 0xEF
        && (buf[1] & 0xff) == 0xBB
        && (buf[2] & 0xff) == 0xBF) {
      start = 3;
    }
    if (start < end) {
      emit(buf, start, end, lineNo, handler);
    }
    return total;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

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
