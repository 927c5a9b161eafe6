package boxoffice.audit.observability;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The plain HTTP listener next to the gRPC port: {@code GET /metrics} in the Prometheus text format
 * (OpenMetrics when asked for), {@code GET /health/live} answers 200 while the process runs.
 */
public final class MetricsHttpServer implements AutoCloseable {
  private static final byte[] LIVE = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NOT_FOUND =
      "not found; try /metrics or /health/live\n".getBytes(StandardCharsets.UTF_8);

  private final HTTPServer server;

  private MetricsHttpServer(HTTPServer server) {
    this.server = server;
  }

  /** Listens on every interface at {@code port} (0 picks a free one). */
  public static MetricsHttpServer start(int port, PrometheusRegistry registry) {
    try {
      return new MetricsHttpServer(
          HTTPServer.builder()
              .port(port)
              .registry(registry)
              .registerHealthHandler(false)
              .defaultHandler(MetricsHttpServer::answerOtherPaths)
              .buildAndStart());
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot listen for metrics on port " + port + ": " + e.getMessage(), e);
    }
  }

  /** The port listened on (the one picked when configured as 0). */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.close();
  }

  private static void answerOtherPaths(HttpExchange exchange) throws IOException {
    try (exchange) {
      boolean live = exchange.getRequestURI().getPath().equals("/health/live");
      boolean read = exchange.getRequestMethod().equals("GET");
      if (live && read) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, 200, LIVE);
      } else if (live) {
        exchange.getResponseHeaders().set("Allow", "GET");
        send(exchange, 405, new byte[0]);
      } else {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, 404, NOT_FOUND);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
