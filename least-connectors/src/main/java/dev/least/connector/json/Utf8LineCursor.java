package dev.least.connector.json;

import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;

/**
 * Reads one JSON object that starts at a given byte of a UTF-8 buffer and must end on the same
 * line. Every byte up to the object's end is checked against the JSON grammar (RFC 8259: structure,
 * string escapes, control characters, UTF-8, number syntax, literals), but a value becomes text
 * only when the mapper asks for it, and a skipped value's names are never looked up: that is what
 * makes it cheaper than a token walk.
 *
 * <p>It is stricter than Least's Jackson set-up on purpose and gives up with an exception on
 * everything it does not read exactly as Jackson would: any syntax error, a trailing comma (Jackson
 * is set to accept one), a line break or {@code \r} inside the object, nesting deeper than {@value
 * #MAX_DEPTH}, a string longer than {@value #MAX_STRING} bytes, a number longer than {@value
 * #MAX_NUMBER} characters, an integer out of {@code int} range for {@link #getIntValue()}, a name
 * longer than {@value #MAX_NAME} bytes, UTF-8 that is overlong or encodes a surrogate. The caller
 * then reads the line with Jackson, so a record is accepted, mapped or reported exactly as Jackson
 * reads it.
 *
 * <p>Not thread-safe; reusable through {@link #reset}.
 */
public final class Utf8LineCursor implements JsonCursor {
  static final int MAX_DEPTH = 64;
  static final int MAX_STRING = 1 << 20;
  static final int MAX_NUMBER = 64;
  static final int MAX_NAME = 1000;

  // eight bytes at a time, as JsonLines finds newlines (JsonLines.LONGS, ONES, HIGHS)
  private static final VarHandle LONGS = JsonLines.LONGS;
  private static final long ONES = JsonLines.ONES;
  private static final long HIGHS = JsonLines.HIGHS;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  private static final long SPACES = 0x2020202020202020L;

  private byte[] buf = new byte[0];
  private int pos;
  private int limit;

  private @Nullable JsonToken token;
  private final boolean[] inObject = new boolean[MAX_DEPTH + 1];
  private int depth;
  private boolean needComma; // a value ended in the current container: a comma or its end follows
  private boolean afterName; // a name was read: a colon and its value follow

  // the current string, name, number or literal: bytes [start, end) (a string's without quotes)
  private int start;
  private int end;
  private boolean plain; // a string without escapes and non-ASCII bytes

  // the current property name, kept while its value is read
  private int nameStart;
  private int nameEnd;
  private boolean namePlain;
  private @Nullable String name;

  private @Nullable String text; // getString() of the current token, once asked
  private char[] chars = new char[128];
  private int charCount = -1; // decoded characters of the current string, -1 = not yet

  private final StringTable names = new StringTable(4096);

  // the table entry of the current name (-1: none), and of the previous name read outside
  // skipChildren(), whose successor predicts the next name (see name())
  private int nameEntry = -1;
  private int previousEntry = -1;
  private boolean skipping; // inside skipChildren(): names are checked, never looked up

  // the name scanPlainName() read, as little-endian words (the last one zero-padded), and its hash
  private final long[] nameWords = new long[MAX_NAME / 8 + 2];
  private int nameWordCount;
  private long nameHash;

  /** Starts reading at {@code buf[from]}; the object must end before {@code to}. */
  public Utf8LineCursor reset(byte[] buf, int from, int to) {
    this.buf = buf;
    this.pos = from;
    this.limit = to;
    this.token = null;
    this.depth = 0;
    this.needComma = false;
    this.afterName = false;
    this.name = null;
    this.nameStart = -1;
    this.nameEntry = -1;
    this.skipping = false;
    this.text = null;
    this.charCount = -1;
    return this;
  }

  /** Where reading stopped: just after the last token read. */
  public int position() {
    return pos;
  }

  /** Whether the cursor is on the end of the top-level value. */
  public boolean atRootEnd() {
    return depth == 0 && (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY);
  }

  @Override
  public @Nullable JsonToken nextToken() {
    text = null;
    charCount = -1;
    if (depth == 0 && token != null) {
      throw giveUp("content after the top-level value");
    }
    int c = skipSpace();
    if (depth == 0) {
      return value(c);
    }
    if (inObject[depth]) {
      if (afterName) {
        if (c != ':') {
          throw giveUp("expected ':'");
        }
        pos++;
        afterName = false;
        return value(skipSpace());
      }
      if (c == '}') {
        pos++;
        return end(JsonToken.END_OBJECT);
      }
      if (needComma) {
        if (c != ',') {
          throw giveUp("expected ',' or '}'");
        }
        pos++;
        c = skipSpace();
      }
      if (c != '"') {
        throw giveUp("expected a property name");
      }
      pos++;
      name();
      nameStart = start;
      nameEnd = end;
      namePlain = plain;
      name = null;
      afterName = true;
      return token = JsonToken.PROPERTY_NAME;
    }
    if (c == ']') {
      pos++;
      return end(JsonToken.END_ARRAY);
    }
    if (needComma) {
      if (c != ',') {
        throw giveUp("expected ',' or ']'");
      }
      pos++;
      c = skipSpace();
    }
    return value(c);
  }

  /**
   * The name whose opening quote was just passed. Outside {@link #skipChildren()} a plain name is
   * looked up in {@link #names}; the name that followed the previous one last time is tried first
   * by comparing its bytes in place (JSON Lines records of one producer repeat their key order), so
   * a repeated name costs neither hashing nor a table probe. Inside {@code skipChildren()} nobody
   * asks for names, so they are only checked.
   */
  private void name() {
    if (!skipping) {
      int guess = previousEntry >= 0 ? names.successor(previousEntry) : -1;
      if (guess >= 0 && names.matches(guess, buf, pos, limit)) {
        start = pos;
        end = pos + names.length(guess);
        plain = true;
        pos = end + 1;
        nameEntry = guess;
        previousEntry = guess;
        return;
      }
      if (scanPlainName()) {
        int e = names.entry(nameWords, nameWordCount, end - start, nameHash, buf, start);
        if (previousEntry >= 0) {
          names.follow(previousEntry, e);
        }
        nameEntry = e;
        previousEntry = e;
        return;
      }
      previousEntry = -1;
    }
    scanString();
    if (end - start > MAX_NAME) {
      throw giveUp("long name");
    }
    nameEntry = -1;
  }

  @Override
  public @Nullable String nextName() {
    return nextToken() == JsonToken.PROPERTY_NAME ? currentName() : null;
  }

  @Override
  public @Nullable JsonToken currentToken() {
    return token;
  }

  @Override
  public @Nullable String currentName() {
    String n = name;
    if (n == null && nameStart >= 0) {
      if (nameEntry >= 0) {
        n = names.value(nameEntry);
      } else if (namePlain) {
        n = new String(buf, nameStart, nameEnd - nameStart, StandardCharsets.ISO_8859_1);
      } else {
        n = decode(nameStart, nameEnd);
        charCount = -1; // the name used the character buffer
      }
      name = n;
    }
    return n;
  }

  @Override
  public String getString() {
    String t = text;
    if (t != null) {
      return t;
    }
    JsonToken tok = token;
    if (tok == null) {
      throw giveUp("no token");
    }
    switch (tok) {
      case VALUE_STRING:
        t = plain ? new String(buf, start, end - start, StandardCharsets.ISO_8859_1) : decode();
        break;
      case PROPERTY_NAME:
        t = currentName();
        break;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
      case VALUE_TRUE:
      case VALUE_FALSE:
      case VALUE_NULL:
        t = new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
        break;
      default:
        t = tok.asString();
    }
    if (t == null) {
      throw giveUp("no text");
    }
    text = t;
    return t;
  }

  @Override
  public char[] getStringCharacters() {
    decodeChars();
    return chars;
  }

  @Override
  public int getStringOffset() {
    return 0;
  }

  @Override
  public int getStringLength() {
    if (token == JsonToken.VALUE_STRING && plain) {
      return end - start;
    }
    decodeChars();
    return charCount;
  }

  @Override
  public int getIntValue() {
    if (token != JsonToken.VALUE_NUMBER_INT || end - start > 11) {
      throw giveUp("not an int");
    }
    long v = parseLong();
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw giveUp("int out of range");
    }
    return (int) v;
  }

  @Override
  public double getDoubleValue() {
    if (token == JsonToken.VALUE_NUMBER_INT && end - start <= 18) {
      return parseLong();
    }
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return Double.parseDouble(new String(buf, start, end - start, StandardCharsets.ISO_8859_1));
    }
    throw giveUp("not a number");
  }

  @Override
  public void skipChildren() {
    if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
      return;
    }
    int target = depth - 1;
    skipping = true;
    while (depth > target) {
      nextToken();
    }
    skipping = false;
  }

  // ---- grammar

  private JsonToken value(int c) {
    switch (c) {
      case '{':
        pos++;
        return push(true, JsonToken.START_OBJECT);
      case '[':
        pos++;
        return push(false, JsonToken.START_ARRAY);
      case '"':
        pos++;
        scanString();
        needComma = true;
        return token = JsonToken.VALUE_STRING;
      case 't':
        literal("true");
        return token = JsonToken.VALUE_TRUE;
      case 'f':
        literal("false");
        return token = JsonToken.VALUE_FALSE;
      case 'n':
        literal("null");
        return token = JsonToken.VALUE_NULL;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw giveUp("expected a value");
    }
  }

  private JsonToken push(boolean object, JsonToken t) {
    if (depth == MAX_DEPTH) {
      throw giveUp("nested too deep");
    }
    depth++;
    inObject[depth] = object;
    nameStart = -1;
    name = null;
    needComma = false;
    afterName = false;
    return token = t;
  }

  private JsonToken end(JsonToken t) {
    depth--;
    needComma = true;
    return token = t;
  }

  private void literal(String word) {
    int n = word.length();
    if (pos + n > limit) {
      throw giveUp("truncated literal");
    }
    for (int k = 0; k < n; k++) {
      if (buf[pos + k] != word.charAt(k)) {
        throw giveUp("bad literal");
      }
    }
    start = pos;
    pos += n;
    end = pos;
    needComma = true;
  }

  private JsonToken number() {
    int s = pos;
    int p = pos;
    if (buf[p] == '-') {
      p++;
    }
    if (p >= limit) {
      throw giveUp("truncated number");
    }
    if (buf[p] == '0') {
      p++;
    } else {
      p = digits(p);
    }
    boolean fraction = false;
    if (p < limit && buf[p] == '.') {
      fraction = true;
      p = digits(p + 1);
    }
    if (p < limit && (buf[p] == 'e' || buf[p] == 'E')) {
      fraction = true;
      p++;
      if (p < limit && (buf[p] == '+' || buf[p] == '-')) {
        p++;
      }
      p = digits(p);
    }
    if (p - s > MAX_NUMBER) {
      throw giveUp("long number");
    }
    start = s;
    end = p;
    pos = p;
    needComma = true;
    return token = fraction ? JsonToken.VALUE_NUMBER_FLOAT : JsonToken.VALUE_NUMBER_INT;
  }

  /** One or more digits from {@code p}; returns the index after them. */
  private int digits(int p) {
    int q = p;
    while (q < limit && buf[q] >= '0' && buf[q] <= '9') {
      q++;
    }
    if (q == p) {
      throw giveUp("expected a digit");
    }
    return q;
  }

  private long parseLong() {
    int p = start;
    boolean negative = buf[p] == '-';
    if (negative) {
      p++;
    }
    long v = 0;
    for (; p < end; p++) {
      v = v * 10 + (buf[p] - '0');
    }
    return negative ? -v : v;
  }

  /**
   * The string whose opening quote was just passed: sets {@code start}, {@code end} (its closing
   * quote), {@code plain}, and moves past the closing quote. Eight bytes at a time up to the first
   * quote, backslash, control character or non-ASCII byte.
   */
  private void scanString() {
    int p = pos;
    int s = p;
    boolean simple = true;
    while (true) {
      while (p + 8 <= limit) {
        long v = (long) LONGS.get(buf, p);
        long m = specialBytes(v);
        if (m != 0) {
          p += Long.numberOfTrailingZeros(m) >>> 3;
          break;
        }
        p += 8;
      }
      if (p >= limit) {
        throw giveUp("unterminated string");
      }
      int c = buf[p];
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        simple = false;
        p = escape(p + 1);
      } else if (c < 0) {
        simple = false;
        p = utf8(p);
      } else if (c < 0x20) {
        throw giveUp("control character in a string");
      } else {
        p++;
      }
    }
    if (p - s > MAX_STRING) {
      throw giveUp("long string");
    }
    start = s;
    end = p;
    plain = simple;
    pos = p + 1;
  }

  /**
   * The name whose opening quote was just passed, when it is plain ASCII without escapes and not
   * near the end of the input: read eight bytes at a time into {@link #nameWords} and hashed on the
   * way, and the cursor moved past its closing quote. Returns false (and moves nothing) for any
   * other name, which {@link #scanString()} then reads.
   */
  private boolean scanPlainName() {
    int p = pos;
    long h = 0;
    int w = 0;
    while (p + 8 <= limit && w < nameWords.length) {
      long v = (long) LONGS.get(buf, p);
      long m = specialBytes(v);
      if (m == 0) {
        nameWords[w++] = v;
        h = (h ^ v) * 0x9E3779B97F4A7C15L;
        p += 8;
        continue;
      }
      int n = Long.numberOfTrailingZeros(m) >>> 3;
      if (buf[p + n] != '"') {
        return false;
      }
      long tail = n == 0 ? 0 : v & (-1L >>> (64 - 8 * n));
      nameWords[w++] = tail;
      h = (h ^ tail) * 0x9E3779B97F4A7C15L;
      start = pos;
      end = p + n;
      plain = true;
      pos = end + 1;
      nameWordCount = w;
      nameHash = h ^ (end - start);
      return true;
    }
    return false;
  }

  /**
   * The high bit of each byte of {@code v} (eight bytes of a string, little-endian) that may end a
   * plain run: a quote, a backslash, a control character or a non-ASCII byte. The lowest flagged
   * byte is always one of those (a borrow can flag a byte only above a true one), so callers look
   * at {@code numberOfTrailingZeros(m) >>> 3} and go on from there.
   */
  private static long specialBytes(long v) {
    long q = v ^ QUOTES;
    long b = v ^ BACKSLASHES;
    return (((q - ONES) & ~q) | ((b - ONES) & ~b) | ((v - SPACES) & ~v) | v) & HIGHS;
  }

  /** The escape whose backslash is just before {@code p}; returns the index after it. */
  private int escape(int p) {
    if (p >= limit) {
      throw giveUp("truncated escape");
    }
    switch (buf[p]) {
      case '"':
      case '\\':
      case '/':
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
        return p + 1;
      case 'u':
        if (p + 5 > limit) {
          throw giveUp("truncated escape");
        }
        for (int k = 1; k <= 4; k++) {
          if (hex(buf[p + k]) < 0) {
            throw giveUp("bad \\u escape");
          }
        }
        return p + 5;
      default:
        throw giveUp("bad escape");
    }
  }

  private static int hex(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /**
   * The well-formed UTF-8 sequence (RFC 3629: shortest form, no surrogates, at most U+10FFFF) that
   * starts at {@code p}; returns the index after it.
   */
  private int utf8(int p) {
    int b0 = buf[p] & 0xFF;
    int n;
    int lo = 0x80;
    int hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      n = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      n = 2;
      if (b0 == 0xE0) {
        lo = 0xA0;
      } else if (b0 == 0xED) {
        hi = 0x9F;
      }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      n = 3;
      if (b0 == 0xF0) {
        lo = 0x90;
      } else if (b0 == 0xF4) {
        hi = 0x8F;
      }
    } else {
      throw giveUp("bad UTF-8");
    }
    if (p + n >= limit) {
      throw giveUp("truncated UTF-8");
    }
    int b1 = buf[p + 1] & 0xFF;
    if (b1 < lo || b1 > hi) {
      throw giveUp("bad UTF-8");
    }
    for (int k = 2; k <= n; k++) {
      int b = buf[p + k] & 0xFF;
      if (b < 0x80 || b > 0xBF) {
        throw giveUp("bad UTF-8");
      }
    }
    return p + n + 1;
  }

  private int skipSpace() {
    int p = pos;
    while (p < limit) {
      int c = buf[p];
      if (c == ' ' || c == '\t') {
        p++;
      } else if (c == '\n' || c == '\r') {
        throw giveUp("line break inside the object");
      } else {
        pos = p;
        return c;
      }
    }
    throw giveUp("end of input inside the object");
  }

  // ---- text

  private void decodeChars() {
    if (charCount >= 0) {
      return;
    }
    JsonToken tok = token;
    if (tok == JsonToken.VALUE_STRING && plain) {
      int n = end - start;
      ensureChars(n);
      for (int k = 0; k < n; k++) {
        chars[k] = (char) buf[start + k];
      }
      charCount = n;
    } else if (tok == JsonToken.VALUE_STRING) {
      charCount = decodeInto(start, end);
    } else {
      String s = getString();
      ensureChars(s.length());
      s.getChars(0, s.length(), chars, 0);
      charCount = s.length();
    }
  }

  private String decode() {
    decodeChars();
    return new String(chars, 0, charCount);
  }

  private String decode(int from, int to) {
    int n = decodeInto(from, to);
    return new String(chars, 0, n);
  }

  /** Decodes the escapes and UTF-8 of the (already checked) string bytes into {@link #chars}. */
  private int decodeInto(int from, int to) {
    ensureChars(to - from);
    int n = 0;
    int p = from;
    while (p < to) {
      int c = buf[p];
      if (c == '\\') {
        int e = buf[p + 1];
        char out;
        switch (e) {
          case 'b' -> out = '\b';
          case 'f' -> out = '\f';
          case 'n' -> out = '\n';
          case 'r' -> out = '\r';
          case 't' -> out = '\t';
          case 'u' -> {
            out =
                (char)
                    ((hex(buf[p + 2]) << 12)
                        | (hex(buf[p + 3]) << 8)
                        | (hex(buf[p + 4]) << 4)
                        | hex(buf[p + 5]));
            p += 4;
          }
          default -> out = (char) e; // '"', '\\', '/'
        }
        chars[n++] = out;
        p += 2;
      } else if (c >= 0) {
        chars[n++] = (char) c;
        p++;
      } else {
        int b0 = c & 0xFF;
        int cp;
        if (b0 < 0xE0) {
          cp = ((b0 & 0x1F) << 6) | (buf[p + 1] & 0x3F);
          p += 2;
        } else if (b0 < 0xF0) {
          cp = ((b0 & 0x0F) << 12) | ((buf[p + 1] & 0x3F) << 6) | (buf[p + 2] & 0x3F);
          p += 3;
        } else {
          cp =
              ((b0 & 0x07) << 18)
                  | ((buf[p + 1] & 0x3F) << 12)
                  | ((buf[p + 2] & 0x3F) << 6)
                  | (buf[p + 3] & 0x3F);
          p += 4;
        }
        if (cp >= 0x10000) {
          chars[n++] = Character.highSurrogate(cp);
          chars[n++] = Character.lowSurrogate(cp);
        } else {
          chars[n++] = (char) cp;
        }
      }
    }
    return n;
  }

  private void ensureChars(int n) {
    if (chars.length < n) {
      chars = Arrays.copyOf(chars, Math.max(n, chars.length * 2));
    }
  }

  private static RuntimeException giveUp(String why) {
    return new GiveUp(why);
  }

  /** Thrown to hand a line over to Jackson; cheap (no stack trace). */
  static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * Property names by their ASCII bytes, one instance per spelling (so a {@code switch} on a name
   * hashes nothing new): an open-addressing table over the bytes as little-endian words, the last
   * one zero-padded (so a name of {@code n} bytes has {@code n / 8 + 1} words). Entries are
   * numbered in order of arrival; each remembers the entry that followed it last time ({@link
   * #successor}). Holds at most {@code max} names, then starts afresh (a stale entry number then
   * only makes a wrong guess, which {@link #matches} rejects).
   */
  private static final class StringTable {
    private final int max;
    private int[] slots = new int[256]; // entry + 1; 0 = empty
    private long[] hashes = new long[256];
    private long[][] keys = new long[64][];
    private int[] lengths = new int[64];
    private String[] values = new String[64];
    private int[] successors = new int[64];
    private int count;

    StringTable(int max) {
      this.max = max;
    }

    /**
     * The entry of the name of {@code length} bytes at {@code buf[from]}, read as {@code words[0,
     * wordCount)}, added when new.
     */
    int entry(long[] words, int wordCount, int length, long hash, byte[] buf, int from) {
      int mask = slots.length - 1;
      int i = slot(hash, mask);
      while (true) {
        int e = slots[i] - 1;
        if (e < 0) {
          break;
        }
        if (hashes[i] == hash && lengths[e] == length && same(keys[e], words, wordCount)) {
          return e;
        }
        i = (i + 1) & mask;
      }
      if (count == max) {
        slots = new int[256];
        hashes = new long[256];
        count = 0;
        mask = slots.length - 1;
        i = slot(hash, mask);
      }
      int e = count;
      if (e == keys.length) {
        keys = Arrays.copyOf(keys, e * 2);
        lengths = Arrays.copyOf(lengths, e * 2);
        values = Arrays.copyOf(values, e * 2);
        successors = Arrays.copyOf(successors, e * 2);
      }
      keys[e] = Arrays.copyOf(words, wordCount);
      lengths[e] = length;
      values[e] = new String(buf, from, length, StandardCharsets.ISO_8859_1);
      successors[e] = -1;
      slots[i] = e + 1;
      hashes[i] = hash;
      if (++count * 2 > slots.length) {
        grow();
      }
      return e;
    }

    String value(int entry) {
      return values[entry];
    }

    int length(int entry) {
      return lengths[entry];
    }

    /** The entry that followed {@code entry} last time, or -1. */
    int successor(int entry) {
      return entry < count ? successors[entry] : -1;
    }

    void follow(int entry, int next) {
      if (entry < count) {
        successors[entry] = next;
      }
    }

    /**
     * Whether {@code buf[at]} starts with entry {@code e}'s name followed by its closing quote. The
     * name's bytes are plain ASCII (it was scanned so), so equal bytes are a plain name too.
     */
    boolean matches(int e, byte[] buf, int at, int limit) {
      long[] key = keys[e];
      int last = key.length - 1;
      if (at + 8 * key.length > limit) {
        return false;
      }
      for (int k = 0; k < last; k++) {
        if ((long) LONGS.get(buf, at + 8 * k) != key[k]) {
          return false;
        }
      }
      int length = lengths[e];
      int tail = length & 7;
      if (tail != 0
          && ((long) LONGS.get(buf, at + 8 * last) & (-1L >>> (64 - 8 * tail))) != key[last]) {
        return false;
      }
      return buf[at + length] == '"';
    }

    private static int slot(long hash, int mask) {
      return (int) (((hash ^ (hash >>> 29)) * 0xBF58476D1CE4E5B9L) >>> 32) & mask;
    }

    private static boolean same(long[] key, long[] words, int count) {
      if (key.length != count) {
        return false;
      }
      for (int k = 0; k < count; k++) {
        if (key[k] != words[k]) {
          return false;
        }
      }
      return true;
    }

    private void grow() {
      int[] oldSlots = slots;
      long[] oldHashes = hashes;
      int size = oldSlots.length * 2;
      slots = new int[size];
      hashes = new long[size];
      int mask = size - 1;
      for (int j = 0; j < oldSlots.length; j++) {
        if (oldSlots[j] != 0) {
          long h = oldHashes[j];
          int i = slot(h, mask);
          while (slots[i] != 0) {
            i = (i + 1) & mask;
          }
          slots[i] = oldSlots[j];
          hashes[i] = h;
        }
      }
    }
  }
}
