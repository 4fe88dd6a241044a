package dev.least.connector.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The byte buffer one log stream's JSON Lines are encoded into, handed to the stream in writes of
 * about 1 MB. Strings are written as UTF-8 and escaped exactly as the Jackson generator the readers
 * and the directory files use escapes by default ({@code "} and {@code \} and control characters;
 * {@code \b \t \n \f \r} in short form, other control characters and unpaired surrogates as {@code
 * \}{@code u00XX} with upper-case hex; surrogate pairs as one 4-byte sequence), so the bytes are
 * the same as a {@code JsonGenerator}'s. Parts of a record that repeat are prepared once as byte
 * fragments ({@link #utf8}) and copied in whole.
 *
 * <p>Not thread-safe: each stream's encoder thread owns its buffer.
 */
final class JsonLineBuffer {
  /** Bytes gathered before they are written out. */
  static final int WRITE_SIZE = 1 << 20;

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] LOWER_HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /**
   * Per ASCII character: 0 written as is, -1 as a {@code \}{@code u00XX} escape, else {@code \c}.
   */
  private static final byte[] ESCAPES = new byte[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = -1;
    }
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\f'] = 'f';
    ESCAPES['\n'] = 'n';
    ESCAPES['\r'] = 'r';
  }

  /** Slots of the table of recurring strings' encodings (a power of two). */
  private static final int RECURRING = 256;

  private final OutputStream out;
  private byte[] buf;
  private int len;
  private char[] chars = new char[64];

  /** Per slot: the recurring string last encoded there, and its encoding. */
  private final @Nullable String[] recurringKeys;

  private final byte[][] recurringBytes;

  JsonLineBuffer(OutputStream out) {
    this(out, WRITE_SIZE + (64 << 10), RECURRING);
  }

  private JsonLineBuffer(OutputStream out, int capacity, int recurringSlots) {
    this.out = out;
    this.buf = new byte[capacity];
    this.recurringKeys = new String[recurringSlots];
    this.recurringBytes = new byte[recurringSlots][];
  }

  /** Encodes a fragment once with {@code body} (for the parts of records that repeat). */
  static byte[] fragment(Consumer<JsonLineBuffer> body) {
    JsonLineBuffer b = new JsonLineBuffer(OutputStream.nullOutputStream(), 256, 1);
    body.accept(b);
    return Arrays.copyOf(b.buf, b.len);
  }

  /** The UTF-8 bytes of {@code text} (a JSON fragment prepared once). */
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Bytes encoded so far and not yet written out. */
  int pending() {
    return len;
  }

  private void room(int n) {
    if (len + n > buf.length) {
      byte[] bigger = new byte[Math.max(buf.length * 2, len + n)];
      System.arraycopy(buf, 0, bigger, 0, len);
      buf = bigger;
    }
  }

  /** Copies a prepared fragment in. */
  JsonLineBuffer raw(byte[] fragment) {
    room(fragment.length);
    System.arraycopy(fragment, 0, buf, len, fragment.length);
    len += fragment.length;
    return this;
  }

  /** One ASCII character, e.g. a separator. */
  JsonLineBuffer ascii(char c) {
    room(1);
    buf[len++] = (byte) c;
    return this;
  }

  /** {@code value} as a JSON string: quoted and escaped. */
  JsonLineBuffer string(String value) {
    room(1);
    buf[len++] = '"';
    escaped(value);
    room(1);
    buf[len++] = '"';
    return this;
  }

  /** {@code value} escaped, without quotes (a part of a JSON string). */
  JsonLineBuffer escaped(String value) {
    int n = value.length();
    room(n * 6);
    char[] cs = chars;
    if (cs.length < n) {
      cs = new char[Math.max(n, 2 * cs.length)];
      chars = cs;
    }
    value.getChars(0, n, cs, 0);
    byte[] b = buf;
    int p = len;
    int i = 0;
    // the common case: ASCII that needs no escape, copied as is
    for (; i < n; i++) {
      char c = cs[i];
      if (c >= 0x80 || ESCAPES[c] != 0) {
        break;
      }
      b[p++] = (byte) c;
    }
    len = i == n ? p : escapedRest(cs, i, n, b, p);
    return this;
  }

  /** Escapes {@code cs[from..n)} into {@code b} at {@code at}; returns the end. */
  private static int escapedRest(char[] cs, int from, int n, byte[] b, int at) {
    int p = at;
    for (int i = from; i < n; i++) {
      char c = cs[i];
      if (c < 0x80) {
        byte e = ESCAPES[c];
        if (e == 0) {
          b[p++] = (byte) c;
        } else if (e > 0) {
          b[p++] = '\\';
          b[p++] = e;
        } else {
          p = unicodeEscape(b, p, c);
        }
      } else if (c < 0x800) {
        b[p++] = (byte) (0xc0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
        int cp = Character.toCodePoint(c, cs[++i]);
        b[p++] = (byte) (0xf0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        p = unicodeEscape(b, p, c);
      } else {
        b[p++] = (byte) (0xe0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    return p;
  }

  /**
   * {@code value} as a JSON string, like {@link #string}, for a value that recurs from record to
   * record as the same instance (a constant, a session id, an address): its encoding is kept per
   * instance in a small table and copied in while the instance recurs.
   */
  JsonLineBuffer recurring(String value) {
    int slot = System.identityHashCode(value) & (recurringKeys.length - 1);
    if (recurringKeys[slot] != value) {
      int start = len;
      string(value);
      recurringKeys[slot] = value;
      recurringBytes[slot] = Arrays.copyOfRange(buf, start, len);
      return this;
    }
    return raw(recurringBytes[slot]);
  }

  /** {@code value} escaped without quotes, like {@link #escaped}, for a recurring instance. */
  JsonLineBuffer recurringEscaped(String value) {
    int slot = System.identityHashCode(value) & (recurringKeys.length - 1);
    if (recurringKeys[slot] != value) {
      return escaped(value);
    }
    byte[] quoted = recurringBytes[slot];
    int n = quoted.length - 2;
    room(n);
    System.arraycopy(quoted, 1, buf, len, n);
    len += n;
    return this;
  }

  private static int unicodeEscape(byte[] b, int at, char c) {
    int p = at;
    b[p++] = '\\';
    b[p++] = 'u';
    b[p++] = HEX[(c >> 12) & 0xf];
    b[p++] = HEX[(c >> 8) & 0xf];
    b[p++] = HEX[(c >> 4) & 0xf];
    b[p++] = HEX[c & 0xf];
    return p;
  }

  /** {@code id} as a JSON string in canonical lower-case text, as {@link UUID#toString()}. */
  JsonLineBuffer uuid(UUID id) {
    room(38);
    byte[] b = buf;
    int p = len;
    b[p++] = '"';
    p = hex(b, p, id.getMostSignificantBits() >>> 32, 8);
    b[p++] = '-';
    p = hex(b, p, id.getMostSignificantBits() >>> 16, 4);
    b[p++] = '-';
    p = hex(b, p, id.getMostSignificantBits(), 4);
    b[p++] = '-';
    p = hex(b, p, id.getLeastSignificantBits() >>> 48, 4);
    b[p++] = '-';
    p = hex(b, p, id.getLeastSignificantBits(), 12);
    b[p++] = '"';
    len = p;
    return this;
  }

  /** The low {@code digits} hex digits of {@code bits}, most significant first. */
  private static int hex(byte[] b, int at, long bits, int digits) {
    for (int k = digits - 1; k >= 0; k--) {
      b[at + k] = LOWER_HEX[(int) ((bits >>> (4 * (digits - 1 - k))) & 0xf)];
    }
    return at + digits;
  }

  /** {@code value} as a JSON string, or {@code null}. */
  JsonLineBuffer stringOrNull(@Nullable String value) {
    if (value == null) {
      room(4);
      buf[len++] = 'n';
      buf[len++] = 'u';
      buf[len++] = 'l';
      buf[len++] = 'l';
      return this;
    }
    return string(value);
  }

  /** A whole number in decimal. */
  JsonLineBuffer number(long value) {
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        return raw(utf8(Long.toString(value)));
      }
      ascii('-');
      return number(-value);
    }
    room(20);
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) {
      digits++;
    }
    int p = len + digits;
    long v = value;
    do {
      buf[--p] = (byte) ('0' + (int) (v % 10));
      v /= 10;
    } while (v != 0);
    len += digits;
    return this;
  }

  /** {@code value} as exactly two digits (00–99). */
  JsonLineBuffer twoDigits(int value) {
    room(2);
    buf[len++] = (byte) ('0' + value / 10);
    buf[len++] = (byte) ('0' + value % 10);
    return this;
  }

  /** {@code value} as exactly three digits (000–999). */
  JsonLineBuffer threeDigits(int value) {
    room(3);
    buf[len++] = (byte) ('0' + value / 100);
    buf[len++] = (byte) ('0' + value / 10 % 10);
    buf[len++] = (byte) ('0' + value % 10);
    return this;
  }

  /** Writes the buffer out once a record ends and about {@link #WRITE_SIZE} bytes have gathered. */
  void endRecord() {
    if (len >= WRITE_SIZE) {
      flush();
    }
  }

  /** Writes out whatever is buffered. */
  void flush() {
    try {
      out.write(buf, 0, len);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the log", e);
    }
    len = 0;
  }
}
