package dev.least.connector.json;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Opens snapshot files: {@code .gz} is decompressed; a UTF-8 BOM is skipped; UTF-16 files (with a
 * BOM, as PowerShell exports them) are decoded. The JSON factory is lenient only where real vendor
 * samples need it: trailing commas (a Graph docs example has one). Duplicate keys: the last one
 * wins, as in Jackson's default and JavaScript's {@code JSON.parse}.
 */
public final class JsonInput {
  /** Shared factory; thread-safe. */
  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  private JsonInput() {}

  /** Raw bytes of the file, gunzipped when the name ends in {@code .gz}; the caller closes. */
  public static InputStream openBytes(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedInputStream(in, 1 << 16);
  }

  /** Text of the file: gunzipped, BOM removed, UTF-16 (LE/BE with BOM) decoded; otherwise UTF-8. */
  public static Reader openText(Path file) throws IOException {
    PushbackInputStream in = new PushbackInputStream(openBytes(file), 3);
    byte[] head = new byte[3];
    int n = in.readNBytes(head, 0, 3);
    Charset cs = StandardCharsets.UTF_8;
    int skip = 0;
    if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (n >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
      cs = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (n == 3
        && (head[0] & 0xff) == 0xEF
        && (head[1] & 0xff) == 0xBB
        && (head[2] & 0xff) == 0xBF) {
      skip = 3;
    }
    if (n > skip) {
      in.unread(head, skip, n - skip);
    }
    return new InputStreamReader(in, cs);
  }

  /** A streaming parser over the file's text (see {@link #openText}). The caller closes both. */
  public static JsonParser parser(Reader text) {
    return FACTORY.createParser(ObjectReadContext.empty(), text);
  }

  /** A parser over a slice of UTF-8 bytes (one JSON Lines record). */
  public static JsonParser parser(byte[] buf, int off, int len) {
    return FACTORY.createParser(ObjectReadContext.empty(), buf, off, len);
  }
}
