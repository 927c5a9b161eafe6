package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Kafka unreachable: bookings still succeed, and every email arrives once Kafka is back. */
class KafkaOutageIT {

  @Test
  void bookingsSucceedWhileKafkaIsDownAndEveryEmailArrivesOnceItIsBack() throws Exception {
    try (NotificationStack stack = new NotificationStack(false)) {
      TestApp app = stack.app();
      Fixtures fixtures = new Fixtures(app);
      String eventId = fixtures.publishedEvent("Offline Overture", 500);
      String email = "patient-" + UUID.randomUUID() + "@example.org";
      String token = app.http().registerAndLogin(email, "password-1").get("accessToken").asText();

      List<Future<Integer>> statuses = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
        for (int i = 0; i < 50; i++) {
          statuses.add(
              pool.submit(() -> Fixtures.book(app.http(), eventId, token, 1, null).status()));
        }
      }
      for (Future<Integer> status : statuses) {
        assertThat(status.get()).isEqualTo(201);
      }
      assertThat(fixtures.queryLong("SELECT count(*) FROM outbox WHERE kafka_delivered_at IS NULL"))
          .isGreaterThanOrEqualTo(50);
      assertThat(stack.mailsTo(email)).isEmpty();

      stack.openKafka();

      List<MimeMessage> received = stack.awaitMailsTo(email, 50);
      assertThat(received).hasSize(50);
      assertThat(received)
          .extracting(NotificationStack::subjectOf)
          .containsOnly("Booking confirmed: Offline Overture");
      assertThat(received.stream().map(GreenMailUtil::getBody).distinct()).hasSize(50);
    }
  }
}
