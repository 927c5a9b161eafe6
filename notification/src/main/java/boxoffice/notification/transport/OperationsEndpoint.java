package boxoffice.notification.transport;

import boxoffice.notification.service.EmailFailure;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The service's HTTP face for operators: {@code /health/live}, {@code /health/ready} (its database
 * answers and the consumer runs) and {@code /metrics} for Prometheus.
 */
public final class OperationsEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  public OperationsEndpoint(int port, ConsumerStats stats, BooleanSupplier ready)
      throws IOException {
    JvmMetrics.builder().register(registry);
    CounterWithCallback.builder()
        .name("notification_messages_total")
        .help("Messages handled, by outcome (delivered, dead_lettered)")
        .labelNames("outcome")
        .callback(
            callback -> {
              callback.call(stats.messages() - stats.deadLettered(), "delivered");
              callback.call(stats.deadLettered(), "dead_lettered");
            })
        .register(registry);
    CounterWithCallback.builder()
        .name("notification_emails_sent_total")
        .help("Emails accepted by the mail server")
        .callback(callback -> callback.call(stats.emailsSent()))
        .register(registry);
    CounterWithCallback.builder()
        .name("notification_emails_skipped_total")
        .help("Emails not sent again for a redelivered message")
        .callback(callback -> callback.call(stats.emailsSkipped()))
        .register(registry);
    CounterWithCallback.builder()
        .name("notification_emails_failed_total")
        .help(
            "Emails given up on after retrying, by reason"
                + " (recipient_refused, unusable_address, server_failure)")
        .labelNames("reason")
        .callback(
            callback -> {
              for (EmailFailure failure : EmailFailure.values()) {
                callback.call(stats.emailsFailed(failure), failure.name().toLowerCase(Locale.ROOT));
              }
            })
        .register(registry);
    CounterWithCallback.builder()
        .name("notification_messages_dead_lettered_total")
        .help("Messages moved to the dead-letter topic, by cause")
        .labelNames("cause")
        .callback(
            callback -> {
              for (DeadLetterCause cause : DeadLetterCause.values()) {
                callback.call(stats.deadLettered(cause), cause.label());
              }
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("notification_consumer_lag")
        .help(
            "Messages not handled yet per assigned partition (log end minus committed offset),"
                + " sampled by the consumer loop")
        .labelNames("topic", "partition")
        .callback(
            callback ->
                stats
                    .lag()
                    .forEach(
                        (partition, lag) ->
                            callback.call(
                                lag, partition.topic(), Integer.toString(partition.partition()))))
        .register(registry);
    server = HttpServer.create(new InetSocketAddress(port), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/health/live", exchange -> json(exchange, 200, "{\"status\":\"UP\"}"));
    server.createContext(
        "/health/ready",
        exchange -> {
          boolean up = ready.getAsBoolean();
          json(exchange, up ? 200 : 503, "{\"status\":\"" + (up ? "UP" : "DOWN") + "\"}");
        });
    server.createContext("/metrics", this::metrics);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void metrics(HttpExchange exchange) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(32 * 1024);
    writer.write(body, registry.scrape());
    exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
    send(exchange, 200, body.toByteArray());
  }

  private static void json(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(1);
  }
}
