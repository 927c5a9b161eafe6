package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.notification.NotificationApplication;
import boxoffice.notification.config.NotificationConfig;
import boxoffice.notification.testing.EmbeddedKafka;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole notification path with real parts: the app's outbox relay publishes to a real Kafka
 * broker, the notification service consumes and sends email over SMTP to GreenMail.
 */
class NotificationFlowIT {
  private static final EmbeddedKafka KAFKA = EmbeddedKafka.shared();
  private static final String TOPIC = EmbeddedKafka.uniqueTopic("boxoffice.events");
  private static GreenMail mail;
  private static TcpProxy kafkaDoor;
  private static TestApp app;
  private static TestDatabase notificationDb;
  private static NotificationApplication notifications;
  private static Fixtures fixtures;

  @BeforeAll
  static void start() throws Exception {
    KAFKA.createTopics(TOPIC, TOPIC + ".dlq");
    mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    String[] broker = KAFKA.bootstrapServers().split(":");
    // The app reaches Kafka through a door the test can close: with it closed the producer cannot
    // even bootstrap, as when the brokers are down.
    kafkaDoor = new TcpProxy(broker[0], Integer.parseInt(broker[1]));
    Map<String, String> settings = new HashMap<>();
    settings.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaDoor.port());
    settings.put("KAFKA_TOPIC", TOPIC);
    settings.put("KAFKA_DEADLINE", "2s");
    settings.put("OUTBOX_POLL_INTERVAL", "50ms");
    settings.put("OUTBOX_MAX_BACKOFF", "500ms");
    app = TestApp.start(settings);
    fixtures = new Fixtures(app);
    notificationDb = TestDatabase.create();
    notifications = NotificationApplication.start(notificationConfig(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() throws Exception {
    notifications.close();
    app.close();
    notificationDb.close();
    kafkaDoor.close();
    mail.stop();
  }

  @Test
  void aBookingIsConfirmedByEmailToTheBooker() throws Exception {
    String eventId = fixtures.publishedEvent("Email Evening <b>", 50);
    String email = "booker-" + UUID.randomUUID() + "@example.org";
    String token = app.http().registerAndLogin(email, "password-1").get("accessToken").asText();

    String bookingId = Fixtures.book(app.http(), eventId, token, 2, null).json().get("id").asText();

    List<MimeMessage> received = awaitMails(email, 1);
    assertThat(received).hasSize(1);
    MimeMessage message = received.getFirst();
    assertThat(message.getSubject()).isEqualTo("Booking confirmed: Email Evening <b>");
    String body = GreenMailUtil.getBody(message);
    assertThat(body).contains(bookingId).contains("Email Evening").contains("&lt;b&gt;");
  }

  @Test
  void reschedulingAnEventEmailsEachOfItsThreeHoldersOnceWithOldAndNewTimes() throws Exception {
    Instant startsAt = Instant.parse("2031-05-04T19:00:00Z");
    String eventId = fixtures.publishedEvent("Moved Madrigal", 50, startsAt);
    List<String> holders = holders(eventId, 3);

    var moved =
        app.http()
            .send(
                app.http()
                    .request("/api/v1/events/" + eventId, fixtures.adminToken())
                    .header("Content-Type", "application/json")
                    .method(
                        "PATCH",
                        HttpRequest.BodyPublishers.ofString(
                            "{\"startsAt\":\"2031-05-05T20:30:00Z\",\"endsAt\":\"2031-05-05T23:00:00Z\"}")));
    assertThat(moved.status()).isEqualTo(200);

    for (String holder : holders) {
      List<MimeMessage> mails = awaitMails(holder, 2);
      List<MimeMessage> rescheduled =
          mails.stream()
              .filter(
                  m ->
                      subjectOf(m).contains("Moved Madrigal")
                          && !subjectOf(m).startsWith("Booking confirmed"))
              .toList();
      assertThat(rescheduled).hasSize(1);
      String body = GreenMailUtil.getBody(rescheduled.getFirst());
      assertThat(body).contains("19:00").contains("20:30");
    }
  }

  @Test
  void cancellingAnEventEmailsEveryHolderOnce() throws Exception {
    String eventId = fixtures.publishedEvent("Cancelled Cantata", 50);
    List<String> holders = holders(eventId, 3);

    assertThat(fixtures.changeStatus(eventId, "CANCELLED").status()).isEqualTo(200);

    for (String holder : holders) {
      List<MimeMessage> mails = awaitMails(holder, 2);
      assertThat(mails)
          .extracting(NotificationFlowIT::subjectOf)
          .containsExactlyInAnyOrder(
              "Booking confirmed: Cancelled Cantata", "Event cancelled: Cancelled Cantata");
    }
  }

  @Test
  void bookingsSucceedWhileKafkaIsDownAndEveryEmailArrivesOnceItIsBack() throws Exception {
    String eventId = fixtures.publishedEvent("Offline Overture", 500);
    String email = "patient-" + UUID.randomUUID() + "@example.org";
    String token = app.http().registerAndLogin(email, "password-1").get("accessToken").asText();
    kafkaDoor.cut();
    try {
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
      assertThat(mailsTo(email)).isEmpty();
    } finally {
      kafkaDoor.restore();
    }

    List<MimeMessage> received = awaitMails(email, 50);
    assertThat(received).hasSize(50);
    assertThat(received)
        .extracting(NotificationFlowIT::subjectOf)
        .containsOnly("Booking confirmed: Offline Overture");
    assertThat(received.stream().map(m -> GreenMailUtil.getBody(m)).distinct()).hasSize(50);
  }

  private static List<String> holders(String eventId, int count) {
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String email = "holder-" + i + "-" + UUID.randomUUID() + "@example.org";
      String token = app.http().registerAndLogin(email, "password-1").get("accessToken").asText();
      assertThat(Fixtures.book(app.http(), eventId, token, 1, null).status()).isEqualTo(201);
      emails.add(email);
    }
    return emails;
  }

  /** Waits for {@code count} mails to {@code email}, then checks no more arrive with the rest. */
  private static List<MimeMessage> awaitMails(String email, int count) {
    await(() -> mailsTo(email).size() >= count);
    return mailsTo(email);
  }

  private static List<MimeMessage> mailsTo(String email) {
    List<MimeMessage> mine = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      try {
        for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
          if (recipient.toString().contains(email)) {
            mine.add(message);
          }
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return mine;
  }

  private static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static NotificationConfig notificationConfig() {
    return new NotificationConfig(
        new NotificationConfig.Kafka(
            KAFKA.bootstrapServers(), "notification-" + TOPIC, TOPIC, TOPIC + ".dlq"),
        new NotificationConfig.Database(
            notificationDb.url(),
            notificationDb.user(),
            notificationDb.password(),
            2,
            Duration.ofSeconds(2)),
        new NotificationConfig.Database(
            app.database().url(),
            app.database().user(),
            app.database().password(),
            2,
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
        Duration.ofDays(30));
  }

  private static void await(BooleanSupplier condition) {
    Await.until(Duration.ofSeconds(60), condition);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
