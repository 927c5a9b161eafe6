package boxoffice.notification.functional;

import boxoffice.notification.NotificationApplication;
import boxoffice.notification.config.NotificationConfig;
import boxoffice.testing.EmbeddedKafka;
import boxoffice.testing.TestDatabase;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Everything one test class needs: topics of its own on the shared in-JVM Kafka, a fresh
 * notification database, a stand-in app database with the app's tables, an SMTP port (GreenMail on
 * it unless a test says otherwise) and the notification service running in-process against them.
 */
final class NotificationFixture implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(20);
  static final int MAX_ATTEMPTS = 3;

  final EmbeddedKafka kafka = EmbeddedKafka.shared();
  final String topic = EmbeddedKafka.uniqueTopic("boxoffice.events");
  final String deadLetterTopic = topic + ".dlq";
  final TestDatabase notificationDb = TestDatabase.create("notification");
  final TestDatabase appDb = AppData.freshDatabase();
  final AppData appData;
  final Mailbox mailbox = new Mailbox(freePort());
  private final Duration baseDelay;
  private NotificationApplication service;
  private AppData.Booking marker;

  private NotificationFixture(Duration baseDelay) {
    this.baseDelay = baseDelay;
    kafka.createTopics(topic, deadLetterTopic);
    appData = new AppData(appDb);
  }

  /** With GreenMail up and the service consuming. */
  static NotificationFixture started() {
    NotificationFixture fixture = new NotificationFixture(Duration.ofMillis(50));
    fixture.mailbox.start();
    fixture.startService();
    return fixture;
  }

  /** Nothing started yet: the test starts the mailbox and the service when it wants. */
  static NotificationFixture idle(Duration retryBaseDelay) {
    return new NotificationFixture(retryBaseDelay);
  }

  NotificationConfig config(String groupId) {
    return new NotificationConfig(
        new NotificationConfig.Kafka(kafka.bootstrapServers(), groupId, topic, deadLetterTopic),
        new NotificationConfig.Database(
            notificationDb.url(),
            notificationDb.user(),
            notificationDb.password(),
            2,
            Duration.ofSeconds(2)),
        new NotificationConfig.Database(
            appDb.url(), appDb.user(), appDb.password(), 2, Duration.ofSeconds(2)),
        new NotificationConfig.Smtp(
            "127.0.0.1",
            mailbox.port(),
            "",
            "",
            "Boxoffice <tickets@boxoffice.test>",
            false,
            Duration.ofSeconds(5)),
        ZoneId.of("UTC"),
        new NotificationConfig.Delivery(MAX_ATTEMPTS, baseDelay, baseDelay.multipliedBy(4)),
        Duration.ofDays(30),
        0);
  }

  void startService() {
    startService("notification-" + topic);
  }

  void startService(String groupId) {
    service =
        TestDatabase.whenServerHasRoom(
            () -> NotificationApplication.start(config(groupId), Clock.systemUTC()));
  }

  /** Starts the service tracing with {@code openTelemetry}. */
  void startService(OpenTelemetry openTelemetry) {
    service =
        TestDatabase.whenServerHasRoom(
            () ->
                NotificationApplication.start(
                    config("notification-" + topic), Clock.systemUTC(), openTelemetry));
  }

  /** Where the running service serves /health and /metrics. */
  URI operationsUri(String path) {
    return URI.create("http://127.0.0.1:" + service.httpPort() + path);
  }

  void stopService() {
    if (service != null) {
      service.close();
      service = null;
    }
  }

  void publish(String key, String value) {
    kafka.send(topic, key, value);
  }

  void publish(String key, String value, Map<String, String> headers) {
    kafka.send(topic, key, value, headers);
  }

  /**
   * Waits until every message published so far has been handled: the topic has one partition, so
   * once a marker message published now has been emailed, everything before it is done.
   */
  void drain() {
    if (marker == null) {
      AppData.User user = appData.user("Marker");
      AppData.Event event =
          appData.event("Marker event", "Nowhere", Instant.parse("2030-01-01T00:00:00Z"));
      marker = appData.book(event, user, 1);
    }
    int before = mailbox.to(marker.user().email()).size();
    publish(marker.event().id().toString(), Messages.bookingCreated(UUID.randomUUID(), marker));
    mailbox.awaitTo(marker.user().email(), before + 1, TIMEOUT);
  }

  List<ConsumerRecord<String, String>> awaitDeadLetters(int count) {
    return kafka.awaitRecords(deadLetterTopic, count, TIMEOUT);
  }

  /** Records an email as sent, as the service does right after the mail server takes it. */
  void recordSent(UUID messageId, UUID userId) {
    try (var c = notificationDb.connect();
        var s =
            c.prepareStatement(
                "INSERT INTO sent_notifications (message_id, recipient_id, message_type)"
                    + " VALUES (?, ?, 'event.rescheduled')")) {
      s.setObject(1, messageId);
      s.setObject(2, userId);
      s.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stopService();
    mailbox.close();
    notificationDb.close();
    appDb.close();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
