package boxoffice.app.testing;

import boxoffice.notification.NotificationApplication;
import boxoffice.notification.config.NotificationConfig;
import boxoffice.testing.Await;
import boxoffice.testing.ConnectionBudget;
import boxoffice.testing.EmbeddedKafka;
import boxoffice.testing.TcpProxy;
import boxoffice.testing.TestDatabase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real notification path for end-to-end tests: the app (its relay reaching Kafka through a door
 * the test can close), an in-JVM Kafka broker, the notification service and GreenMail as SMTP.
 */
public final class NotificationStack implements AutoCloseable {
  private static final EmbeddedKafka KAFKA = EmbeddedKafka.shared();

  private final String topic = EmbeddedKafka.uniqueTopic("boxoffice.events");
  private final GreenMail mail;
  private final TcpProxy kafkaDoor;
  private final TestApp app;
  private static final int NOTIFICATION_POOL_SIZE = 2;
  private final TestDatabase notificationDb;
  private final ConnectionBudget.Reservation notificationConnections;
  private final NotificationApplication notifications;

  /** With {@code kafkaReachable} false the app starts unable to reach any broker. */
  public NotificationStack(boolean kafkaReachable) throws IOException {
    this(kafkaReachable, Map.of(), OpenTelemetry.noop(), OpenTelemetry.noop());
  }

  /** The stack with more settings for the app ({@code appSettings}) and each service's tracing. */
  public NotificationStack(
      boolean kafkaReachable,
      Map<String, String> appSettings,
      OpenTelemetry appTelemetry,
      OpenTelemetry notificationTelemetry)
      throws IOException {
    KAFKA.createTopics(topic, topic + ".dlq");
    mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    String[] broker = KAFKA.bootstrapServers().split(":");
    kafkaDoor = new TcpProxy(broker[0], Integer.parseInt(broker[1]));
    if (!kafkaReachable) {
      kafkaDoor.cut();
    }
    Map<String, String> settings = new HashMap<>();
    settings.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaDoor.port());
    settings.put("KAFKA_TOPIC", topic);
    settings.put("KAFKA_DEADLINE", "2s");
    settings.put("OUTBOX_POLL_INTERVAL", "50ms");
    settings.put("OUTBOX_MAX_BACKOFF", "500ms");
    settings.putAll(appSettings);
    app = TestApp.start(settings, appTelemetry);
    notificationDb = TestDatabase.create();
    notificationConnections = ConnectionBudget.reserve(2 * NOTIFICATION_POOL_SIZE);
    notifications =
        NotificationApplication.start(config(), Clock.systemUTC(), notificationTelemetry);
  }

  /** Where Prometheus would scrape the notification service. */
  public String notificationMetricsUrl() {
    return "http://127.0.0.1:" + notifications.httpPort() + "/metrics";
  }

  public TestApp app() {
    return app;
  }

  /**
   * Opens the door to Kafka. Only a producer that never reached the broker is kept out by a closed
   * door: once it knows the broker's own address from metadata, it connects there directly.
   */
  public void openKafka() throws IOException {
    kafkaDoor.restore();
  }

  public List<MimeMessage> awaitMailsTo(String email, int count) {
    Await.until(Duration.ofSeconds(60), () -> mailsTo(email).size() >= count);
    return mailsTo(email);
  }

  public List<MimeMessage> mailsTo(String email) {
    List<MimeMessage> mine = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      try {
        for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
          if (recipient.toString().contains(email)) {
            mine.add(message);
          }
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return mine;
  }

  public static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private NotificationConfig config() {
    return new NotificationConfig(
        new NotificationConfig.Kafka(
            KAFKA.bootstrapServers(), "notification-" + topic, topic, topic + ".dlq"),
        new NotificationConfig.Database(
            notificationDb.url(),
            notificationDb.user(),
            notificationDb.password(),
            NOTIFICATION_POOL_SIZE,
            Duration.ofSeconds(2)),
        new NotificationConfig.Database(
            app.database().url(),
            app.database().user(),
            app.database().password(),
            NOTIFICATION_POOL_SIZE,
            Duration.ofSeconds(2)),
        new NotificationConfig.Smtp(
            "127.0.0.1",
            mail.getSmtp().getPort(),
            "",
            "",
            "Boxoffice <tickets@boxoffice.test>",
            false,
            Duration.ofSeconds(5)),
        ZoneId.of("UTC"),
        new NotificationConfig.Delivery(3, Duration.ofMillis(50), Duration.ofMillis(200)),
        Duration.ofDays(30),
        0);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException {
    notifications.close();
    notificationConnections.close();
    app.close();
    notificationDb.close();
    kafkaDoor.close();
    mail.stop();
  }
}
