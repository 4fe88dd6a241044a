package dev.least.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code least demo --sample} from the built jar: after the report it serves the dashboard with the
 * tenant imported, printing the URL and the admin password, which signs in; SIGTERM stops it.
 */
class DemoServeIT {
  static final Pattern READY =
      Pattern.compile("dashboard: (http://localhost:(\\d+)/) +\\(user admin, password (\\S+)\\)");

  @TempDir Path tmp;

  @Test
  void demoWhenServingThenDashboardUpWithTenantAndPrintedPasswordSignsIn() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path jar = Path.of(System.getProperty("least.jar", "target/least.jar"));
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "demo",
                "--sample",
                "--dir",
                tmp.resolve("demo").resolve("snapshot").toString(),
                "--port",
                Integer.toString(port))
            .redirectOutput(tmp.resolve("out.txt").toFile())
            .redirectErrorStream(false)
            .start();
    try {
      Matcher ready = awaitReady(p);
      assertThat(Integer.parseInt(ready.group(2))).isEqualTo(port);
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> login =
          http.send(
              HttpRequest.newBuilder(URI.create(ready.group(1) + "login")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.body()).contains("name=\"password\"");
      String basic =
          Base64.getEncoder()
              .encodeToString(("admin:" + ready.group(3)).getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> list =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(ready.group(1) + "api/v1/recommendations?tenant=contoso-demo"))
                  .header("Authorization", "Basic " + basic)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
      JsonNode page = InspectCommand.JSON.readTree(list.body());
      assertThat(page.get("total").asLong()).isPositive();
      assertThat(page.get("items").get(0).get("requestedBy").asString()).isEqualTo("least-demo");
    } finally {
      p.destroy();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the demo server stops on SIGTERM").isTrue();
    }
    assertThat(tmp.resolve("demo").resolve("report.html")).exists();
  }

  private static Matcher awaitReady(Process p) throws IOException {
    StringBuilder seen = new StringBuilder();
    BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    String line;
    while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = READY.matcher(line);
      if (m.find()) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    err.transferTo(java.io.Writer.nullWriter());
                  } catch (IOException ignored) {
                    // the process ended
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return m;
      }
    }
    throw new AssertionError("the demo never printed its dashboard URL; stderr:\n" + seen);
  }
}
