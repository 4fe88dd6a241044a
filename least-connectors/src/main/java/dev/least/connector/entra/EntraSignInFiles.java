package dev.least.connector.entra;

import dev.least.connector.json.BadRecordException;
import dev.least.connector.json.JsonInput;
import dev.least.connector.json.JsonLines;
import dev.least.connector.json.JsonRecords;
import dev.least.connector.snapshot.ReadContext;
import dev.least.connector.snapshot.SnapshotException;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;

/**
 * Reads Entra sign-in log files into a {@link SignInLog.Builder}: JSON Lines (one Graph {@code
 * signIn} or one Azure Monitor record per line, optionally gzipped) streamed line by line with one
 * parser reading many lines in place (a line that is not one plain object is read again on its own,
 * so it is reported exactly as line by line); or a whole-file body ({@code {"value": [...]}}, Azure
 * Monitor's {@code {"records": [...]}}, a bare array, or a single record). Bad records are
 * quarantined with file, line and reason; the rest is read.
 */
public final class EntraSignInFiles {
  static final String KIND = "signIns";

  private EntraSignInFiles() {}

  /** Reads a JSON Lines file (also gzipped); returns the number of events added. */
  public static long readLines(ReadContext ctx, Path file, SignInLog.Builder out) {
    return read(ctx, file, out, JsonLines.wholeFile(file))[0];
  }

  /**
   * Reads the lines in {@code range} of an uncompressed JSON Lines file (numbered from 1 at the
   * range's start); returns the number of complete lines in the range.
   */
  public static long readRange(
      ReadContext ctx, Path file, JsonLines.ByteRange range, SignInLog.Builder out) {
    return read(ctx, file, out, JsonLines.range(file, range))[1];
  }

  /** Returns {events added, lines walked}. */
  private static long[] read(
      ReadContext ctx, Path file, SignInLog.Builder out, JsonLines.ObjectWalk<SignInEvent> walk) {
    long t0 = System.nanoTime();
    long before = ctx.quarantined();
    EntraSignInParser parser = new EntraSignInParser();
    long[] ok = {0};
    long lines;
    try {
      lines =
          walk.walk(
              parser::parse,
              (event, line) -> {
                out.add(event);
                ok[0]++;
              },
              (buf, off, len, line) -> {
                try (JsonParser p = JsonInput.parser(buf, off, len)) {
                  var event = parser.parse(p);
                  if (p.nextToken() != null) {
                    throw new BadRecordException("unexpected content after the JSON object");
                  }
                  out.add(event);
                  ok[0]++;
                } catch (BadRecordException e) {
                  ctx.quarantine(file, line, e.getMessage(), buf, off, len);
                } catch (JacksonException e) {
                  ctx.quarantine(
                      file,
                      line,
                      "not valid JSON at column "
                          + e.getLocation().getColumnNr()
                          + ": "
                          + e.getOriginalMessage(),
                      buf,
                      off,
                      len);
                }
              });
    } catch (IOException e) {
      throw new SnapshotException(ctx.relative(file), "cannot read: " + e.getMessage(), e);
    }
    ctx.recordFile(file, KIND, ok[0], ctx.quarantined() - before, System.nanoTime() - t0);
    return new long[] {ok[0], lines};
  }

  /** Reads a whole-file JSON body; returns the number of events added. */
  public static long readJson(ReadContext ctx, Path file, SignInLog.Builder out) {
    EntraSignInParser parser = new EntraSignInParser();
    return JsonRecords.forEach(
            ctx,
            file,
            KIND,
            Set.of("value", "records"),
            node -> {
              try (JsonParser p = node.traverse(ObjectReadContext.empty())) {
                out.add(parser.parse(p));
              }
            })
        .records();
  }
}
