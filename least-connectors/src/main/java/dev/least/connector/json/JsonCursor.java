package dev.least.connector.json;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The part of a streaming JSON parser that the record mappers use: tokens, names, scalar values and
 * skipping. Method names and meanings are Jackson's ({@link JsonParser}), so a mapper reads the
 * same over either implementation:
 *
 * <ul>
 *   <li>{@link #of(JsonParser)} — a Jackson parser (whole-file bodies, and every line that needs an
 *       exact error message);
 *   <li>{@link Utf8LineCursor} — Least's own reader for one JSON Lines record, which validates the
 *       whole line but tokenizes only what the mapper asks for: skipped values are checked for
 *       well-formedness without making names or strings. It gives up (throws) on anything it is not
 *       sure Jackson would read the same way, and the caller then reads that line again with
 *       Jackson (see {@link JsonLines#forEachObject}).
 * </ul>
 */
public interface JsonCursor {
  /** The next token, or null at the end of the input. */
  @Nullable JsonToken nextToken();

  /** Moves to the next token; returns its name when it is a property name, else null. */
  @Nullable String nextName();

  /** The token the cursor is on, or null before the first one. */
  @Nullable JsonToken currentToken();

  /** The name of the property the cursor is on ({@link JsonToken#PROPERTY_NAME}). */
  @Nullable String currentName();

  /** The text of the current token: a string's value, a name, a number's or literal's spelling. */
  String getString();

  /** The current string's characters: {@code [getStringOffset(), + getStringLength())}. */
  char[] getStringCharacters();

  int getStringOffset();

  int getStringLength();

  /** The current number as an int; throws when it is not an integer in range. */
  int getIntValue();

  /** The current number as a double. */
  double getDoubleValue();

  /**
   * On {@code START_OBJECT} or {@code START_ARRAY}: moves to the matching end token. On any other
   * token: does nothing.
   */
  void skipChildren();

  /** A cursor over a Jackson parser. */
  static JsonCursor of(JsonParser p) {
    return new ParserCursor(p);
  }

  /** {@link JsonCursor} over a Jackson {@link JsonParser}: every call is the parser's. */
  final class ParserCursor implements JsonCursor {
    private final JsonParser p;

    ParserCursor(JsonParser p) {
      this.p = p;
    }

    @Override
    public @Nullable JsonToken nextToken() {
      return p.nextToken();
    }

    @Override
    public @Nullable String nextName() {
      return p.nextName();
    }

    @Override
    public @Nullable JsonToken currentToken() {
      return p.currentToken();
    }

    @Override
    public @Nullable String currentName() {
      return p.currentName();
    }

    @Override
    public String getString() {
      return p.getString();
    }

    @Override
    public char[] getStringCharacters() {
      return p.getStringCharacters();
    }

    @Override
    public int getStringOffset() {
      return p.getStringOffset();
    }

    @Override
    public int getStringLength() {
      return p.getStringLength();
    }

    @Override
    public int getIntValue() {
      return p.getIntValue();
    }

    @Override
    public double getDoubleValue() {
      return p.getDoubleValue();
    }

    @Override
    public void skipChildren() {
      p.skipChildren();
    }
  }
}
