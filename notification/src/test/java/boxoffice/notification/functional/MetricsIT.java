package boxoffice.notification.functional;

import static boxoffice.notification.functional.NotificationFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.notification.functional.AppData.Booking;
import boxoffice.notification.functional.AppData.Event;
import boxoffice.notification.functional.AppData.User;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetricsIT {
  private static final Instant START = Instant.parse("2027-10-01T19:00:00Z");
  private static final long SCRAPE_INTERVAL_NANOS = Duration.ofMillis(50).toNanos();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @AutoClose static final NotificationFixture fixture = NotificationFixture.started();
  private static Event event;

  @BeforeAll
  static void start() {
    event = fixture.appData.event("Measured Night", "Hall", START);
  }

  @Test
  void lagCountsMessagesWaitingBehindAStuckOneAndFallsToZeroOnceTheyAreHandled()
      throws SQLException {
    String lag = "notification_consumer_lag{partition=\"0\",topic=\"" + fixture.topic + "\"}";
    List<User> users =
        List.of(
            fixture.appData.user("Patient One"),
            fixture.appData.user("Patient Two"),
            fixture.appData.user("Patient Three"));
    List<Booking> bookings = users.stream().map(u -> fixture.appData.book(event, u, 1)).toList();

    try (Connection connection = fixture.appDb.connect();
        Statement statement = connection.createStatement()) {
      // Recipients cannot be read until the lock goes: the first message holds up the others.
      connection.setAutoCommit(false);
      statement.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
      for (Booking booking : bookings) {
        fixture.publish(event.id().toString(), Messages.bookingCreated(UUID.randomUUID(), booking));
      }
      awaitMetrics(metrics -> metrics.getOrDefault(lag, 0.0) >= 1, "lag of at least 1");
      connection.rollback();
    }

    for (User user : users) {
      fixture.mailbox.awaitTo(user.email(), 1, TIMEOUT);
    }
    awaitMetrics(metrics -> Double.valueOf(0).equals(metrics.get(lag)), "lag back to 0");
  }

  @Test
  void failedEmailsAndDeadLettersAreCountedByReason() {
    String unusable = "notification_emails_failed_total{reason=\"unusable_address\"}";
    String malformed = "notification_messages_dead_lettered_total{cause=\"malformed\"}";
    String undeliverable = "notification_messages_dead_lettered_total{cause=\"undeliverable\"}";
    String deadLettered = "notification_messages_total{outcome=\"dead_lettered\"}";
    Map<String, Double> before = scrape();
    User user = fixture.appData.user("Unreachable");
    fixture.appData.changeEmail(user, "un reachable." + user.id() + "@example.test");

    fixture.publish("poison-" + UUID.randomUUID(), "[1, 2, 3]");
    fixture.publish(
        event.id().toString(),
        Messages.bookingCreated(UUID.randomUUID(), fixture.appData.book(event, user, 1)));
    fixture.drain();

    Map<String, Double> after = scrape();
    assertThat(after.get(unusable)).isEqualTo(before.get(unusable) + 1);
    assertThat(after.get(malformed)).isEqualTo(before.get(malformed) + 1);
    assertThat(after.get(undeliverable)).isEqualTo(before.get(undeliverable) + 1);
    assertThat(after.get(deadLettered)).isEqualTo(before.get(deadLettered) + 2);
    assertThat(after)
        .containsEntry(
            "notification_emails_failed_total{reason=\"server_failure\"}",
            before.get("notification_emails_failed_total{reason=\"server_failure\"}"));
  }

  private static Map<String, Double> awaitMetrics(
      Predicate<Map<String, Double>> condition, String description) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      Map<String, Double> metrics = scrape();
      if (condition.test(metrics)) {
        return metrics;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + description + " within " + TIMEOUT + " in " + metrics);
      }
      LockSupport.parkNanos(SCRAPE_INTERVAL_NANOS);
    }
  }

  /** The service's samples of notification_* series, by name and labels. */
  private static Map<String, Double> scrape() {
    String body;
    try {
      body =
          HTTP.send(
                  HttpRequest.newBuilder(fixture.operationsUri("/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Map<String, Double> samples = new HashMap<>();
    for (String line : body.split("\n")) {
      if (line.startsWith("notification_")) {
        int space = line.lastIndexOf(' ');
        samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }
    return samples;
  }
}
