package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.NotificationStack;
import boxoffice.app.testing.TestApp;
import boxoffice.testing.Await;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Kafka unreachable: bookings still succeed, and every email arrives once Kafka is back. A row
 * Kafka can never take is parked and holds back no other.
 */
class KafkaOutageIT {

  @Test
  void bookingsSucceedWhileKafkaIsDownAndEveryEmailArrivesOnceItIsBack() throws Exception {
    try (NotificationStack stack = new NotificationStack(false)) {
      TestApp app = stack.app();
      Booker booker = Booker.of(app, "Offline Overture", 500, "patient");

      List<Future<Integer>> statuses = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
        for (int i = 0; i < 50; i++) {
          statuses.add(
              pool.submit(
                  () ->
                      Fixtures.book(app.http(), booker.eventId(), booker.token(), 1, null)
                          .status()));
        }
      }
      for (Future<Integer> status : statuses) {
        assertThat(status.get()).isEqualTo(201);
      }
      assertThat(
              booker
                  .fixtures()
                  .queryLong("SELECT count(*) FROM outbox WHERE kafka_delivered_at IS NULL"))
          .isGreaterThanOrEqualTo(50);
      assertThat(stack.mailsTo(booker.email())).isEmpty();

      stack.openKafka();

      List<MimeMessage> received = stack.awaitMailsTo(booker.email(), 50);
      assertThat(received).hasSize(50);
      assertThat(received)
          .extracting(NotificationStack::subjectOf)
          .containsOnly("Booking confirmed: Offline Overture");
      assertThat(received.stream().map(GreenMailUtil::getBody).distinct()).hasSize(50);
    }
  }

  @Test
  void rowsKafkaCanNeverTakeAreParkedAndTheEmailsAfterThemStillGoOut() throws Exception {
    try (NotificationStack stack = new NotificationStack(true)) {
      TestApp app = stack.app();
      Booker booker = Booker.of(app, "Unblocked Bolero", 10, "unblocked");
      Fixtures fixtures = booker.fixtures();
      // A record over the producer's 1 MB limit, and a row that is no booking at all.
      UUID tooLarge =
          insertBookingRow(
              app,
              "jsonb_build_object('eventId', ?::text, 'venue', repeat('v', 2000000))",
              booker.eventId());
      UUID malformed = insertBookingRow(app, "jsonb_build_array(?::text)", booker.eventId());

      assertThat(Fixtures.book(app.http(), booker.eventId(), booker.token(), 1, null).status())
          .isEqualTo(201);

      assertThat(stack.awaitMailsTo(booker.email(), 1)).hasSize(1);
      Await.until(
          Duration.ofSeconds(10),
          () ->
              fixtures.queryLong(
                      "SELECT count(*) FROM outbox WHERE kafka_parked_at IS NOT NULL AND id IN (?, ?)",
                      tooLarge,
                      malformed)
                  == 2);
      assertThat(parkedReason(app, tooLarge))
          .startsWith("Kafka refused the record: ")
          .contains("larger than");
      assertThat(parkedReason(app, malformed)).contains("is no notification");
      Await.until(
          Duration.ofSeconds(10),
          () ->
              fixtures.queryLong(
                      "SELECT count(*) FROM outbox WHERE kafka_delivered_at IS NULL"
                          + " AND kafka_parked_at IS NULL")
                  == 0);
    }
  }

  private static UUID insertBookingRow(TestApp app, String payloadSql, String eventId)
      throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection connection = app.database().connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO outbox (id, type, aggregate_type, aggregate_id, payload)"
                    + " VALUES (?, 'booking.created', 'booking', ?, "
                    + payloadSql
                    + ")")) {
      insert.setObject(1, id);
      insert.setObject(2, UUID.randomUUID());
      insert.setString(3, eventId);
      insert.executeUpdate();
    }
    return id;
  }

  private static String parkedReason(TestApp app, UUID id) throws SQLException {
    try (Connection connection = app.database().connect();
        PreparedStatement query =
            connection.prepareStatement("SELECT kafka_parked_reason FROM outbox WHERE id = ?")) {
      query.setObject(1, id);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  /** A published event and a new account, with the email its notifications go to. */
  private record Booker(Fixtures fixtures, String eventId, String email, String token) {
    static Booker of(TestApp app, String title, int capacity, String name) {
      Fixtures fixtures = new Fixtures(app);
      String eventId = fixtures.publishedEvent(title, capacity);
      String email = name + "-" + UUID.randomUUID() + "@example.org";
      String token = app.http().registerAndLogin(email, "password-1").get("accessToken").asText();
      return new Booker(fixtures, eventId, email, token);
    }
  }
}
