package dev.least.bench.server;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that sends {@code GET}s and reads each response's status and
 * body length, skipping the body bytes instead of keeping them: what a load generator needs, at a
 * few microseconds of CPU per response. Handles {@code Content-Length} and chunked bodies and a
 * server's {@code Connection: close}. Not thread-safe: one connection per sending thread.
 *
 * <p>A request on a connection the server has meanwhile closed (idle timeout, its keep-alive
 * request limit) fails before any response byte arrives; {@link #get} then reconnects and sends it
 * once more, as HTTP clients do for idempotent requests.
 */
final class HttpGetConnection implements AutoCloseable {
  /** A response: status code and the number of body bytes (after de-chunking). */
  record Response(int status, long bodyBytes) {}

  private final InetSocketAddress address;
  private final byte[] hostHeader;
  private final byte[] extraHeaders;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int limit;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private boolean open;

  /**
   * A connection to {@code host:port}; {@code headers} (e.g. {@code Authorization: Bearer …}) go
   * with every request. Connects lazily.
   */
  HttpGetConnection(
      String host, int port, String headers, int connectTimeoutMillis, int readTimeoutMillis) {
    this.address = new InetSocketAddress(requireNonNull(host, "host"), port);
    this.hostHeader = ("Host: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.US_ASCII);
    StringBuilder h = new StringBuilder();
    for (String line : requireNonNull(headers, "headers").split("\n")) {
      if (!line.isBlank()) {
        h.append(line.strip()).append("\r\n");
      }
    }
    this.extraHeaders = h.toString().getBytes(StandardCharsets.UTF_8);
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.readTimeoutMillis = readTimeoutMillis;
    this.socket = new Socket();
    this.in = InputStream.nullInputStream();
    this.out = OutputStream.nullOutputStream();
  }

  /**
   * Sends {@code GET pathAndQuery} and reads the whole response.
   *
   * @throws IOException on a connect or read failure or timeout, or a response that is not HTTP/1.x
   *     (the connection is closed then; the next call opens a new one)
   */
  Response get(String pathAndQuery) throws IOException {
    byte[] request = request(pathAndQuery);
    boolean reused = open;
    try {
      return exchange(request);
    } catch (IOException e) {
      close();
      if (!reused || !(e instanceof NothingReceived)) {
        throw e;
      }
      return exchange(request); // the server closed the idle connection: once more on a new one
    }
  }

  private byte[] request(String pathAndQuery) {
    byte[] line = ("GET " + pathAndQuery + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] r = new byte[line.length + hostHeader.length + extraHeaders.length + 2];
    System.arraycopy(line, 0, r, 0, line.length);
    System.arraycopy(hostHeader, 0, r, line.length, hostHeader.length);
    System.arraycopy(extraHeaders, 0, r, line.length + hostHeader.length, extraHeaders.length);
    r[r.length - 2] = '\r';
    r[r.length - 1] = '\n';
    return r;
  }

  /** A reused connection's failure before the first response byte. */
  private static final class NothingReceived extends IOException {
    private static final long serialVersionUID = 1L;

    NothingReceived(String message) {
      super(message);
    }
  }

  private Response exchange(byte[] request) throws IOException {
    if (!open) {
      connect();
    }
    try {
      out.write(request);
      out.flush();
    } catch (IOException e) {
      throw new NothingReceived("write failed: " + e.getMessage());
    }
    boolean received;
    try {
      received = fill();
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      throw new NothingReceived("read failed before the response: " + e.getMessage());
    }
    if (!received) {
      throw new NothingReceived("connection closed before the response");
    }
    String status = line();
    if (!status.startsWith("HTTP/1.") || status.length() < 12) {
      throw new IOException("not an HTTP/1.x status line: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long contentLength = -1;
    boolean chunked = false;
    boolean close = status.startsWith("HTTP/1.0");
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = h.substring(0, colon);
      String value = h.substring(colon + 1).strip();
      if (name.equalsIgnoreCase("Content-Length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.equalsIgnoreCase("chunked");
      } else if (name.equalsIgnoreCase("Connection")) {
        close = value.equalsIgnoreCase("close");
      }
    }
    long body;
    if (chunked) {
      body = 0;
      for (long n = chunkSize(line()); n > 0; n = chunkSize(line())) {
        skip(n);
        body += n;
        if (!line().isEmpty()) {
          throw new IOException("chunk not followed by CRLF");
        }
      }
      while (!line().isEmpty()) {
        // trailers
      }
    } else if (contentLength >= 0) {
      skip(contentLength);
      body = contentLength;
    } else {
      body = 0; // delimited by the end of the connection
      while (fill()) {
        body += limit - pos;
        pos = limit;
      }
      close = true;
    }
    if (close) {
      close();
    }
    return new Response(code, body);
  }

  private static long chunkSize(String line) throws IOException {
    int semi = line.indexOf(';');
    String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
    try {
      return Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new IOException("bad chunk size: " + line, e);
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(address, connectTimeoutMillis);
    socket.setSoTimeout(readTimeoutMillis);
    in = socket.getInputStream();
    out = socket.getOutputStream();
    pos = 0;
    limit = 0;
    open = true;
  }

  /** Reads more when the buffer is used up; false at the end of the stream. */
  private boolean fill() throws IOException {
    if (pos < limit) {
      return true;
    }
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  /** One line without its CRLF (ISO-8859-1, as header bytes are). */
  private String line() throws IOException {
    StringBuilder sb = null;
    while (true) {
      if (!fill()) {
        throw new EOFException("connection closed inside the response head");
      }
      int start = pos;
      while (pos < limit && buf[pos] != '\n') {
        pos++;
      }
      int end = pos;
      boolean found = pos < limit;
      if (found) {
        pos++; // the LF
      }
      if (sb == null && found) {
        int e = end > start && buf[end - 1] == '\r' ? end - 1 : end;
        return new String(buf, start, e - start, StandardCharsets.ISO_8859_1);
      }
      if (sb == null) {
        sb = new StringBuilder();
      }
      sb.append(new String(buf, start, end - start, StandardCharsets.ISO_8859_1));
      if (found) {
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') {
          sb.setLength(len - 1);
        }
        return sb.toString();
      }
    }
  }

  private void skip(long n) throws IOException {
    long left = n;
    while (left > 0) {
      if (!fill()) {
        throw new EOFException("connection closed " + left + " bytes before the body's end");
      }
      int take = (int) Math.min(left, limit - pos);
      pos += take;
      left -= take;
    }
  }

  @Override
  public void close() {
    open = false;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a socket that failed: nothing left to release
    }
  }
}
