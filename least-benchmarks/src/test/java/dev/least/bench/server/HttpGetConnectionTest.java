package dev.least.bench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load generator's HTTP/1.1 connection against a scripted socket server: each accepted
 * connection answers requests with the next scripted raw responses, and the server records the
 * request heads and how many connections were opened.
 */
class HttpGetConnectionTest {
  private final BlockingQueue<byte[]> responses = new LinkedBlockingQueue<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final ServerSocket server;
  private final Thread acceptor;

  /** After this many responses on one connection the server closes it without a word. */
  private volatile int closeSilentlyAfter = Integer.MAX_VALUE;

  HttpGetConnectionTest() throws IOException {
    server = new ServerSocket(0);
    acceptor = new Thread(this::serve, "scripted-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        accepted.incrementAndGet();
        var in =
            new BufferedReader(
                new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = s.getOutputStream();
        int answered = 0;
        while (answered < closeSilentlyAfter) {
          StringBuilder head = new StringBuilder();
          String line;
          while ((line = in.readLine()) != null && !line.isEmpty()) {
            head.append(line).append('\n');
          }
          if (line == null) {
            break;
          }
          requests.add(head.toString());
          byte[] r = responses.take();
          // in two writes, split inside the head, so the client's reads end mid-line
          int half = Math.min(r.length, 7);
          out.write(r, 0, half);
          out.flush();
          out.write(r, half, r.length - half);
          out.flush();
          answered++;
          if (new String(r, StandardCharsets.ISO_8859_1).contains("Connection: close")) {
            break;
          }
        }
      } catch (IOException | InterruptedException e) {
        return;
      }
    }
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private HttpGetConnection connection(int readTimeoutMillis) {
    return new HttpGetConnection(
        "127.0.0.1",
        server.getLocalPort(),
        "Authorization: Bearer lst_x\nAccept: application/json",
        2_000,
        readTimeoutMillis);
  }

  private void script(String raw) {
    responses.add(raw.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void getWhenContentLengthThenCountsBodyAndKeepsConnection() throws IOException {
    script("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
    script("HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno");
    try (HttpGetConnection c = connection(2_000)) {
      assertThat(c.get("/api/v1/recommendations?size=5"))
          .isEqualTo(new HttpGetConnection.Response(200, 5));
      assertThat(c.get("/x")).isEqualTo(new HttpGetConnection.Response(404, 2));
    }
    assertThat(accepted).hasValue(1);
    assertThat(requests.get(0))
        .startsWith("GET /api/v1/recommendations?size=5 HTTP/1.1\n")
        .contains("Host: 127.0.0.1:" + server.getLocalPort() + "\n")
        .contains("Authorization: Bearer lst_x\n")
        .contains("Accept: application/json\n");
  }

  @Test
  void getWhenChunkedThenCountsDechunkedBytes() throws IOException {
    script(
        "HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n"
            + "a\r\n0123456789\r\n3;ext=1\r\nabc\r\n0\r\nTrailer: t\r\n\r\n");
    script("HTTP/1.1 200 \r\ntransfer-encoding: Chunked\r\n\r\n1\r\nz\r\n0\r\n\r\n");
    try (HttpGetConnection c = connection(2_000)) {
      assertThat(c.get("/a")).isEqualTo(new HttpGetConnection.Response(200, 13));
      assertThat(c.get("/b")).isEqualTo(new HttpGetConnection.Response(200, 1));
    }
    assertThat(accepted).hasValue(1);
  }

  @Test
  void getWhenServerSaysCloseThenNextRequestOpensNewConnection() throws IOException {
    script("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx");
    script("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nxy");
    try (HttpGetConnection c = connection(2_000)) {
      assertThat(c.get("/1").bodyBytes()).isEqualTo(1);
      assertThat(c.get("/2").bodyBytes()).isEqualTo(2);
    }
    assertThat(accepted).hasValue(2);
    assertThat(requests).hasSize(2);
  }

  @Test
  void getWhenIdleConnectionWasClosedByServerThenSentOnceMoreOnNewConnection() throws IOException {
    closeSilentlyAfter = 1;
    script("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");
    script("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nxyz");
    try (HttpGetConnection c = connection(2_000)) {
      assertThat(c.get("/1").bodyBytes()).isEqualTo(1);
      assertThat(c.get("/2")).isEqualTo(new HttpGetConnection.Response(200, 3));
    }
    assertThat(accepted).hasValue(2);
    assertThat(requests)
        .extracting(r -> r.substring(0, r.indexOf('\n')))
        .containsExactly("GET /1 HTTP/1.1", "GET /2 HTTP/1.1");
  }

  @Test
  void getWhenNoAnswerWithinReadTimeoutThenSocketTimeout() {
    try (HttpGetConnection c = connection(200)) {
      assertThatThrownBy(() -> c.get("/slow")).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void getWhenBodyCutShortThenFails() {
    script("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 10\r\n\r\nabc");
    try (HttpGetConnection c = connection(2_000)) {
      assertThatThrownBy(() -> c.get("/cut"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("7 bytes before the body's end");
    }
  }

  @Test
  void getWhenNotHttpThenFails() {
    script("SSH-2.0-OpenSSH\r\n\r\n");
    try (HttpGetConnection c = connection(2_000)) {
      assertThatThrownBy(() -> c.get("/"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("not an HTTP/1.x status line");
    }
  }
}
