package dev.least.connector.snapshot;

import dev.least.source.QuarantineSink;
import dev.least.source.QuarantinedRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The quarantine file: JSON Lines of {@code {"file","line","reason","raw"}}. Written to a temporary
 * sibling and moved into place on {@link #close()}, so an aborted run leaves no partial file. Also
 * keeps counts per file and reason for summaries.
 */
public final class QuarantineFile implements QuarantineSink, AutoCloseable {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private final Path target;
  private final Path temp;
  private final BufferedWriter out;
  private final Map<String, Long> byReason = new LinkedHashMap<>();
  private long count;
  private boolean closed;

  public QuarantineFile(Path target) throws IOException {
    this.target = target.toAbsolutePath();
    Path dir = this.target.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    this.temp = Files.createTempFile(dir, "." + this.target.getFileName().toString(), ".partial");
    this.out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
  }

  @Override
  public void accept(QuarantinedRecord r) {
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeStringProperty("file", r.file());
      g.writeNumberProperty("line", r.line());
      g.writeStringProperty("reason", r.reason());
      g.writeStringProperty("raw", r.raw());
      g.writeEndObject();
    }
    try {
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    count++;
    byReason.merge(r.file() + ": " + reasonKey(r.reason()), 1L, Long::sum);
  }

  /** The reason without quoted values, so that counts group by field and kind of fault. */
  static String reasonKey(String reason) {
    int quote = reason.indexOf('\'');
    return quote < 0 ? reason : reason.substring(0, quote).trim();
  }

  public Path path() {
    return target;
  }

  public long count() {
    return count;
  }

  /** Counts by {@code file: reason}, in first-seen order. */
  public Map<String, Long> countsByReason() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byReason));
  }

  /** Moves the finished file into place. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    out.close();
    Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Drops the partial file (on a fatal error). */
  public void discard() throws IOException {
    if (!closed) {
      closed = true;
      out.close();
    }
    Files.deleteIfExists(temp);
  }
}
