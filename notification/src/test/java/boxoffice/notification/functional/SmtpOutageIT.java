package boxoffice.notification.functional;

import static boxoffice.notification.functional.NotificationFixture.MAX_ATTEMPTS;
import static boxoffice.notification.functional.NotificationFixture.TIMEOUT;
import static boxoffice.testing.EmbeddedKafka.header;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.notification.functional.AppData.Booking;
import boxoffice.notification.functional.AppData.Event;
import boxoffice.notification.functional.AppData.User;
import boxoffice.notification.transport.DeadLetterPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmtpOutageIT {
  private static final Instant START = Instant.parse("2027-06-01T20:00:00Z");
  private static NotificationFixture fixture;

  @BeforeAll
  static void start() {
    fixture = NotificationFixture.idle(Duration.ofMillis(50));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void aFailingMailServerIsRetriedThenTheMessageIsDeadLetteredAndLaterMessagesStillGoOut()
      throws InterruptedException {
    Event event = fixture.appData.event("Outage Gala", "Ballroom", START);
    User unlucky = fixture.appData.user("Unlucky");
    Booking booking = fixture.appData.book(event, unlucky, 1);
    String key = event.id().toString();
    String value = Messages.bookingCreated(UUID.randomUUID(), booking);

    ConsumerRecord<String, String> dead;
    try (RefusingSmtpServer down = new RefusingSmtpServer(fixture.mailbox.port())) {
      fixture.startService();
      fixture.publish(key, value, Map.of("traceparent", "00-0af7651916cd43dd-b7ad6b71-01"));

      dead = fixture.awaitDeadLetters(1).get(0);
      assertThat(down.connections()).isEqualTo(MAX_ATTEMPTS);
    }

    assertThat(dead.key()).isEqualTo(key);
    assertThat(dead.value()).isEqualTo(value);
    assertThat(header(dead, "traceparent")).isEqualTo("00-0af7651916cd43dd-b7ad6b71-01");
    assertThat(header(dead, DeadLetterPublisher.REASON_HEADER))
        .startsWith("SMTP delivery failed after " + MAX_ATTEMPTS + " attempt(s)")
        .contains("421");
    assertThat(header(dead, DeadLetterPublisher.ORIGINAL_TOPIC_HEADER)).isEqualTo(fixture.topic);
    assertThat(header(dead, DeadLetterPublisher.ORIGINAL_PARTITION_HEADER)).isEqualTo("0");
    assertThat(header(dead, DeadLetterPublisher.ORIGINAL_OFFSET_HEADER)).isEqualTo("0");

    // The mail server is back: the next message goes out.
    fixture.mailbox.start();
    User lucky = fixture.appData.user("Lucky");
    fixture.publish(
        key, Messages.bookingCreated(UUID.randomUUID(), fixture.appData.book(event, lucky, 1)));
    fixture.mailbox.awaitTo(lucky.email(), 1, TIMEOUT);
    assertThat(fixture.mailbox.to(unlucky.email())).isEmpty();

    // Replaying the dead letter to the topic delivers it after all.
    fixture.publish(dead.key(), dead.value());
    fixture.mailbox.awaitTo(unlucky.email(), 1, TIMEOUT);
  }
}
