package boxoffice.notification.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OperationsEndpointTest {
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void healthFollowsReadinessAndMetricsCountEmailsAndDeadLetters() throws Exception {
    ConsumerStats stats = new ConsumerStats();
    AtomicBoolean ready = new AtomicBoolean(true);
    try (OperationsEndpoint endpoint = new OperationsEndpoint(0, stats, ready::get)) {
      assertThat(get(endpoint, "/health/live").statusCode()).isEqualTo(200);
      assertThat(get(endpoint, "/health/ready").statusCode()).isEqualTo(200);
      ready.set(false);
      assertThat(get(endpoint, "/health/ready").statusCode()).isEqualTo(503);

      stats.delivered(3, 1);
      stats.recordDeadLetter();
      String metrics = get(endpoint, "/metrics").body();

      assertThat(metrics)
          .contains("notification_emails_sent_total 3.0")
          .contains("notification_emails_skipped_total 1.0")
          .contains("notification_messages_total{outcome=\"delivered\"} 1.0")
          .contains("notification_messages_total{outcome=\"dead_lettered\"} 1.0")
          .contains("jvm_memory_used_bytes");
    }
  }

  private HttpResponse<String> get(OperationsEndpoint endpoint, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
