package boxoffice.notification.transport;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.notification.service.EmailFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;
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
      stats.recordDeadLetter(DeadLetterCause.MALFORMED);
      String metrics = get(endpoint, "/metrics").body();

      assertThat(metrics)
          .contains("notification_emails_sent_total 3.0")
          .contains("notification_emails_skipped_total 1.0")
          .contains("notification_messages_total{outcome=\"delivered\"} 1.0")
          .contains("notification_messages_total{outcome=\"dead_lettered\"} 1.0")
          .contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void failedEmailsAndDeadLettersAreCountedByReasonFromZero() throws Exception {
    ConsumerStats stats = new ConsumerStats();
    try (OperationsEndpoint endpoint = new OperationsEndpoint(0, stats, () -> true)) {
      assertThat(get(endpoint, "/metrics").body())
          .contains("notification_emails_failed_total{reason=\"recipient_refused\"} 0.0")
          .contains("notification_emails_failed_total{reason=\"unusable_address\"} 0.0")
          .contains("notification_emails_failed_total{reason=\"server_failure\"} 0.0")
          .contains("notification_messages_dead_lettered_total{cause=\"malformed\"} 0.0")
          .contains("notification_messages_dead_lettered_total{cause=\"undeliverable\"} 0.0")
          .contains("notification_messages_dead_lettered_total{cause=\"unexpected_error\"} 0.0");

      stats.emailed(2, 0);
      stats.emailsFailed(Map.of(EmailFailure.RECIPIENT_REFUSED, 2, EmailFailure.SERVER_FAILURE, 1));
      stats.recordDeadLetter(DeadLetterCause.UNDELIVERABLE);
      stats.recordDeadLetter(DeadLetterCause.UNEXPECTED_ERROR);

      assertThat(get(endpoint, "/metrics").body())
          .contains("notification_emails_sent_total 2.0")
          .contains("notification_emails_failed_total{reason=\"recipient_refused\"} 2.0")
          .contains("notification_emails_failed_total{reason=\"server_failure\"} 1.0")
          .contains("notification_messages_dead_lettered_total{cause=\"undeliverable\"} 1.0")
          .contains("notification_messages_dead_lettered_total{cause=\"unexpected_error\"} 1.0")
          .contains("notification_messages_total{outcome=\"dead_lettered\"} 2.0");
    }
  }

  @Test
  void lagIsAGaugePerAssignedPartition() throws Exception {
    ConsumerStats stats = new ConsumerStats();
    try (OperationsEndpoint endpoint = new OperationsEndpoint(0, stats, () -> true)) {
      stats.lag(new TopicPartition("boxoffice.events", 0), 4);
      stats.lag(new TopicPartition("boxoffice.events", 1), 0);
      assertThat(get(endpoint, "/metrics").body())
          .contains("notification_consumer_lag{partition=\"0\",topic=\"boxoffice.events\"} 4.0")
          .contains("notification_consumer_lag{partition=\"1\",topic=\"boxoffice.events\"} 0.0");

      stats.retainLag(List.of(new TopicPartition("boxoffice.events", 1)));
      assertThat(get(endpoint, "/metrics").body())
          .doesNotContain("notification_consumer_lag{partition=\"0\"")
          .contains("notification_consumer_lag{partition=\"1\",topic=\"boxoffice.events\"} 0.0");
    }
  }

  private HttpResponse<String> get(OperationsEndpoint endpoint, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
