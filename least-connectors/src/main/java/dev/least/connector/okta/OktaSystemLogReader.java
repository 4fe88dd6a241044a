package dev.least.connector.okta;

import dev.least.connector.json.BadRecordException;
import dev.least.connector.json.JsonCursor;
import dev.least.connector.json.JsonInput;
import dev.least.connector.json.JsonLines;
import dev.least.connector.snapshot.ReadContext;
import dev.least.connector.snapshot.SnapshotException;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;

/**
 * Reads System Log files into the sign-in log, streaming: {@code logs.jsonl} (one {@code LogEvent}
 * per line, also gzipped) with one parser reading many lines in place (a line that is not one plain
 * object is read again on its own, so it is reported exactly as line by line), and {@code
 * logs.json} (an array of events, or a single event as some API examples give it) with one parser
 * over the whole file. A bad line or element is quarantined with its line and a reason naming the
 * field; events that are not sign-ins are counted as skipped. A {@code logs.json} that is not JSON
 * at all is a {@link SnapshotException}.
 */
final class OktaSystemLogReader {
  static final String KIND = "signIns";

  private final OktaSystemLogParser parser;

  OktaSystemLogReader(OktaSystemLogParser parser) {
    this.parser = parser;
  }

  /** Counts of one file. */
  record Counts(long signIns, long skipped, long quarantined) {}

  /** Reads a JSON Lines file (also gzipped). */
  Counts readJsonLines(ReadContext ctx, Path file, SignInLog.Builder out) {
    long[] r = read(ctx, file, out, JsonLines.wholeFile(file));
    return new Counts(r[0], r[1], r[2]);
  }

  /**
   * Reads the lines in {@code range} of an uncompressed JSON Lines file (numbered from 1 at the
   * range's start); returns the number of complete lines in the range.
   */
  long readRange(ReadContext ctx, Path file, JsonLines.ByteRange range, SignInLog.Builder out) {
    return read(ctx, file, out, JsonLines.range(file, range))[3];
  }

  /** Returns {sign-ins, skipped, quarantined, lines walked}. */
  private long[] read(
      ReadContext ctx,
      Path file,
      SignInLog.Builder out,
      JsonLines.ObjectWalk<@Nullable SignInEvent> walk) {
    long t0 = System.nanoTime();
    long[] counts = new long[4];
    try {
      counts[3] =
          walk.walk(
              p -> parser.read(p, true),
              (event, line) -> {
                if (event == null) {
                  counts[1]++;
                } else {
                  out.add(event);
                  counts[0]++;
                }
              },
              (buf, off, len, line) -> {
                try (JsonParser p = JsonInput.parser(buf, off, len)) {
                  JsonToken t = p.nextToken();
                  if (t != JsonToken.START_OBJECT) {
                    counts[2]++;
                    ctx.quarantine(
                        file, line, "expected a JSON object but found " + t, buf, off, len);
                    return;
                  }
                  boolean signIn = parser.parse(JsonCursor.of(p), out, false);
                  if (signIn && p.nextToken() != null) {
                    throw new BadRecordException("unexpected content after the JSON object");
                  }
                  counts[signIn ? 0 : 1]++;
                } catch (BadRecordException e) {
                  counts[2]++;
                  ctx.quarantine(file, line, e.getMessage(), buf, off, len);
                } catch (JacksonException e) {
                  counts[2]++;
                  ctx.quarantine(
                      file, line, "not valid JSON: " + e.getOriginalMessage(), buf, off, len);
                }
              });
    } catch (IOException e) {
      throw new SnapshotException(ctx.relative(file), "cannot read: " + e.getMessage(), e);
    }
    ctx.recordFile(file, KIND, counts[0], counts[2], counts[1], 0, System.nanoTime() - t0);
    return counts;
  }

  /** Reads a whole-file JSON body: an array of events or one event. */
  Counts readJson(ReadContext ctx, Path file, SignInLog.Builder out) {
    long t0 = System.nanoTime();
    long signIns = 0;
    long skipped = 0;
    List<Bad> bad = new ArrayList<>();
    try (InputStream in = JsonInput.openBytes(file);
        JsonParser p = JsonInput.FACTORY.createParser(ObjectReadContext.empty(), in)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new SnapshotException(ctx.relative(file), "empty file, expected JSON");
      }
      if (t == JsonToken.START_ARRAY) {
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          int r = element(p, t, out, bad);
          signIns += r == 1 ? 1 : 0;
          skipped += r == 0 ? 1 : 0;
        }
      } else if (t == JsonToken.START_OBJECT) {
        int r = element(p, t, out, bad);
        signIns += r == 1 ? 1 : 0;
        skipped += r == 0 ? 1 : 0;
      } else {
        throw new SnapshotException(
            ctx.relative(file), "expected a JSON array or object but found " + t);
      }
      if (p.nextToken() != null) {
        throw new SnapshotException(
            ctx.relative(file) + ":" + p.currentLocation().getLineNr(),
            "unexpected content after the JSON value");
      }
    } catch (JacksonException e) {
      throw SnapshotException.notJson(ctx.relative(file), e);
    } catch (IOException e) {
      throw new SnapshotException(ctx.relative(file), "cannot read: " + e.getMessage(), e);
    }
    quarantine(ctx, file, bad);
    ctx.recordFile(file, KIND, signIns, bad.size(), skipped, 0, System.nanoTime() - t0);
    return new Counts(signIns, skipped, bad.size());
  }

  /** One array element: 1 = sign-in, 0 = skipped, -1 = bad (added to {@code bad}). */
  private int element(JsonParser p, JsonToken t, SignInLog.Builder out, List<Bad> bad) {
    TokenStreamLocation start = p.currentTokenLocation();
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      bad.add(
          new Bad(
              start.getLineNr(),
              start.getByteOffset(),
              p.currentLocation().getByteOffset(),
              "expected a JSON object but found " + t));
      return -1;
    }
    try {
      return parser.parse(JsonCursor.of(p), out, true) ? 1 : 0;
    } catch (BadRecordException e) {
      bad.add(
          new Bad(
              start.getLineNr(),
              start.getByteOffset(),
              p.currentLocation().getByteOffset(),
              e.getMessage()));
      return -1;
    }
  }

  /** A bad element of a whole-file body; its raw text is read back after the pass. */
  private record Bad(long line, long from, long to, String reason) {}

  private static void quarantine(ReadContext ctx, Path file, List<Bad> bad) {
    if (bad.isEmpty()) {
      return;
    }
    try (InputStream in = JsonInput.openBytes(file)) {
      long pos = 0;
      for (Bad b : bad) {
        String raw = "";
        if (b.from() >= pos && b.to() > b.from()) {
          in.skipNBytes(b.from() - pos);
          int len = (int) Math.min(b.to() - b.from(), 64 * 1024);
          byte[] bytes = in.readNBytes(len);
          pos = b.from() + bytes.length;
          raw = new String(bytes, StandardCharsets.UTF_8);
        }
        ctx.quarantine(file, b.line(), b.reason(), raw);
      }
    } catch (IOException e) {
      throw new SnapshotException(ctx.relative(file), "cannot read: " + e.getMessage(), e);
    }
  }
}
