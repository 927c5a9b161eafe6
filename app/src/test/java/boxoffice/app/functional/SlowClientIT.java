package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.RunningApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A slow client is the client's problem: a body trickling past the request deadline gets 408 (not
 * 503, which would count as a server failure), and headers trickling past the header deadline get
 * the connection closed, however regularly each byte arrives.
 */
class SlowClientIT {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(2);

  /**
   * How late a deadline may fire on a two-core machine running the whole suite (2.4 s seen there);
   * without the header deadline the connection would stay open for the 30 s idle timeout.
   */
  private static final Duration SCHEDULING_SLACK = Duration.ofSeconds(5);

  @RegisterExtension
  static final RunningApp app =
      RunningApp.perClass(
          Map.of(
              "REQUEST_TIMEOUT", REQUEST_TIMEOUT.toMillis() + "ms",
              "HTTP_HEADER_TIMEOUT", HEADER_TIMEOUT.toSeconds() + "s"));

  private static int port;

  @BeforeAll
  static void findPort() {
    port = URI.create(app.http().baseUrl()).getPort();
  }

  /** Writes {@code first}, then one {@code drip} every {@code every} until the server hangs up. */
  private static Thread trickle(Socket socket, String first, String drip, Duration every) {
    return Thread.ofVirtual()
        .start(
            () -> {
              try {
                OutputStream out = socket.getOutputStream();
                out.write(first.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                while (!Thread.currentThread().isInterrupted()) {
                  LockSupport.parkNanos(every.toNanos()); // the slowness under test
                  out.write(drip.getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                }
              } catch (IOException e) {
                // the server closed the connection: what we wait for
              }
            });
  }

  private static String readUntilClosed(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void aBodyTricklingPastTheDeadlineIsAnswered408() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      long started = System.nanoTime();
      Thread writer =
          trickle(
              socket,
              "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 200\r\n\r\n{",
              " ",
              Duration.ofMillis(200));

      String answer = readUntilClosed(socket);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      writer.interrupt();

      assertThat(answer).startsWith("HTTP/1.1 408 ");
      assertThat(answer).contains("Content-Type: application/problem+json");
      assertThat(answer).contains("\"status\":408").contains("request-body-timeout");
      assertThat(took).isLessThan(REQUEST_TIMEOUT.plusSeconds(3));
    }
    String metrics = app.http().get("/metrics").body();
    assertThat(metrics).containsPattern("status=\"408\"");
    assertThat(metrics).doesNotContainPattern("route=\"/api/v1/auth/login\"[^\\n]*status=\"503\"");
  }

  @Test
  void headersTricklingPastTheHeaderDeadlineGetTheConnectionClosed() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(15_000);
      long started = System.nanoTime();
      // One header line every 300 ms: each is well inside the idle timeout (30 s).
      Thread writer =
          trickle(
              socket,
              "GET /health/live HTTP/1.1\r\nHost: x\r\n",
              "X-Slow: y\r\n",
              Duration.ofMillis(300));

      String answer = readUntilClosed(socket);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      writer.interrupt();

      assertThat(took).isGreaterThanOrEqualTo(HEADER_TIMEOUT.minusMillis(100));
      assertThat(took).isLessThan(HEADER_TIMEOUT.plus(SCHEDULING_SLACK));
      assertThat(answer).startsWith("HTTP/1.1 408 ");
      assertThat(answer).contains("Content-Type: application/problem+json");
    }
  }

  @Test
  void aSlowRequestLineIsBoundedToo() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(15_000);
      long started = System.nanoTime();
      Thread writer = trickle(socket, "GET /health/live", "e", Duration.ofMillis(300));

      readUntilClosed(socket);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      writer.interrupt();

      assertThat(took).isLessThan(HEADER_TIMEOUT.plus(SCHEDULING_SLACK));
    }
  }

  @Test
  void requestsThatArriveInTimeOnOneConnectionAreServedOneAfterAnother() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (int i = 0; i < 3; i++) {
        out.write(
            "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(in);
        assertThat(head).startsWith("HTTP/1.1 200 ");
        int length =
            Integer.parseInt(
                head.lines()
                    .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                    .findFirst()
                    .orElseThrow()
                    .substring("content-length:".length())
                    .strip());
        assertThat(in.readNBytes(length)).hasSize(length);
      }
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the response head ended: " + head);
      }
      head.append((char) b);
    }
    return head.toString();
  }
}
