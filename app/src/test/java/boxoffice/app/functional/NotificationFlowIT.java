package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.NotificationStack;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.PerClass;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole notification path with real parts: the app's outbox relay publishes to a real Kafka
 * broker, the notification service consumes and sends email over SMTP to GreenMail.
 */
class NotificationFlowIT {
  @RegisterExtension
  static final PerClass<NotificationStack> stack = PerClass.of(() -> new NotificationStack(true));

  private static final Fixtures fixtures = new Fixtures(() -> stack.get().app());

  @Test
  void aBookingIsConfirmedByEmailToTheBooker() throws Exception {
    String eventId = fixtures.publishedEvent("Email Evening <b>", 50);
    String email = "booker-" + UUID.randomUUID() + "@example.org";
    String token = http().registerAndLogin(email, "password-1").get("accessToken").asText();

    String bookingId = Fixtures.book(http(), eventId, token, 2, null).json().get("id").asText();

    List<MimeMessage> received = stack.get().awaitMailsTo(email, 1);
    assertThat(received).hasSize(1);
    MimeMessage message = received.getFirst();
    assertThat(message.getSubject()).isEqualTo("Booking confirmed: Email Evening <b>");
    String body = GreenMailUtil.getBody(message);
    assertThat(body).contains(bookingId).contains("Email Evening").contains("&lt;b&gt;");
  }

  @Test
  void theConfirmationListsEveryTicketCodeWithItsQrCodeInline() throws Exception {
    String eventId = fixtures.publishedEvent("Coded Concert", 50);
    String email = "coded-" + UUID.randomUUID() + "@example.org";
    String token = http().registerAndLogin(email, "password-1").get("accessToken").asText();
    String bookingId = Fixtures.book(http(), eventId, token, 3, null).json().get("id").asText();
    List<String> codes = new ArrayList<>();
    http()
        .get("/api/v1/bookings/" + bookingId + "/tickets", token)
        .json()
        .get("items")
        .forEach(t -> codes.add(t.get("code").asText()));

    MimeMessage message = stack.get().awaitMailsTo(email, 1).getFirst();

    String text = texts(message);
    assertThat(codes).hasSize(3).allSatisfy(code -> assertThat(text).contains(code));
    List<BodyPart> images = inlineImages(message);
    assertThat(images).hasSize(3);
    List<String> decoded = new ArrayList<>();
    for (BodyPart image : images) {
      assertThat(image.getDisposition()).isEqualToIgnoringCase(Part.INLINE);
      assertThat(((MimePart) image).getContentID()).isNotBlank();
      decoded.add(TicketsIT.decodeQr(image.getInputStream().readAllBytes()));
    }
    assertThat(decoded).containsExactlyInAnyOrderElementsOf(codes);
  }

  @Test
  void cancellingOneTicketSendsAShortTicketCancelledEmail() {
    String eventId = fixtures.publishedEvent("Halved Hymn", 50);
    String email = "halved-" + UUID.randomUUID() + "@example.org";
    String token = http().registerAndLogin(email, "password-1").get("accessToken").asText();
    String bookingId = Fixtures.book(http(), eventId, token, 2, null).json().get("id").asText();
    String ticketId =
        http()
            .get("/api/v1/bookings/" + bookingId + "/tickets", token)
            .json()
            .at("/items/0/id")
            .asText();

    assertThat(
            http()
                .post("/api/v1/tickets/" + ticketId + "/cancel", java.util.Map.of(), token)
                .status())
        .isEqualTo(200);

    List<MimeMessage> received = stack.get().awaitMailsTo(email, 2);
    assertThat(received)
        .extracting(NotificationStack::subjectOf)
        .containsExactlyInAnyOrder(
            "Booking confirmed: Halved Hymn", "Ticket cancelled: Halved Hymn");
  }

  /** The decoded text of every text part (plain and HTML), however deep they are nested. */
  private static String texts(Part part) throws Exception {
    if (part.isMimeType("text/*")) {
      return (String) part.getContent();
    }
    StringBuilder texts = new StringBuilder();
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        texts.append(texts(multipart.getBodyPart(i))).append('\n');
      }
    }
    return texts.toString();
  }

  /** The image parts of a message shown inline (the QR codes), however deep they are nested. */
  private static List<BodyPart> inlineImages(Part part) throws Exception {
    List<BodyPart> images = new ArrayList<>();
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        if (child.isMimeType("image/png")) {
          images.add(child);
        } else {
          images.addAll(inlineImages(child));
        }
      }
    }
    return images;
  }

  @Test
  void reschedulingAnEventEmailsEachOfItsThreeHoldersOnceWithOldAndNewTimes() {
    Instant startsAt = Instant.parse("2031-05-04T19:00:00Z");
    String eventId = fixtures.publishedEvent("Moved Madrigal", 50, startsAt);
    List<String> holders = holders(eventId, 3);

    var moved =
        http()
            .send(
                http()
                    .request("/api/v1/events/" + eventId, fixtures.adminToken())
                    .header("Content-Type", "application/json")
                    .method(
                        "PATCH",
                        HttpRequest.BodyPublishers.ofString(
                            "{\"startsAt\":\"2031-05-05T20:30:00Z\","
                                + "\"endsAt\":\"2031-05-05T23:00:00Z\"}")));
    assertThat(moved.status()).isEqualTo(200);

    for (String holder : holders) {
      List<MimeMessage> rescheduled =
          stack.get().awaitMailsTo(holder, 2).stream()
              .filter(m -> !NotificationStack.subjectOf(m).startsWith("Booking confirmed"))
              .toList();
      assertThat(rescheduled).hasSize(1);
      assertThat(NotificationStack.subjectOf(rescheduled.getFirst())).contains("Moved Madrigal");
      assertThat(GreenMailUtil.getBody(rescheduled.getFirst())).contains("19:00").contains("20:30");
    }
  }

  @Test
  void cancellingAnEventEmailsEveryHolderOnce() {
    String eventId = fixtures.publishedEvent("Cancelled Cantata", 50);
    List<String> holders = holders(eventId, 3);

    assertThat(fixtures.changeStatus(eventId, "CANCELLED").status()).isEqualTo(200);

    for (String holder : holders) {
      assertThat(stack.get().awaitMailsTo(holder, 2))
          .extracting(NotificationStack::subjectOf)
          .containsExactlyInAnyOrder(
              "Booking confirmed: Cancelled Cantata", "Event cancelled: Cancelled Cantata");
    }
  }

  private static List<String> holders(String eventId, int count) {
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String email = "holder-" + i + "-" + UUID.randomUUID() + "@example.org";
      String token = http().registerAndLogin(email, "password-1").get("accessToken").asText();
      assertThat(Fixtures.book(http(), eventId, token, 1, null).status()).isEqualTo(201);
      emails.add(email);
    }
    return emails;
  }

  /** The app's HTTP client in the running stack. */
  private static TestHttpClient http() {
    return stack.get().app().http();
  }
}
