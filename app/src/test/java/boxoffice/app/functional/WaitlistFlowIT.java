package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.NotificationStack;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.Await;
import boxoffice.testing.PerClass;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The waiting list end to end with real parts: the app's offer worker, its outbox relay to a real
 * Kafka broker, the notification service and SMTP to GreenMail. Sold out → join; a cancellation →
 * the offer email; confirm → a booking with tickets; a second offer lapses → the expiry email and
 * the next offer.
 */
class WaitlistFlowIT {
  @RegisterExtension
  static final PerClass<NotificationStack> stack =
      PerClass.of(
          () ->
              new NotificationStack(
                  true,
                  Map.of("WAITLIST_POLL_INTERVAL", "100ms", "ACCESS_TOKEN_TTL", "6h"),
                  OpenTelemetry.noop(),
                  OpenTelemetry.noop()));

  private static final Fixtures fixtures = new Fixtures(() -> stack.get().app());

  @Test
  void aCancellationBecomesAnOfferByEmailAndALapsedOfferPassesOn() throws Exception {
    String eventId = fixtures.publishedEvent("Waiting Waltz", 1);
    User holder = user("holder");
    User first = user("first");
    User second = user("second");
    User third = user("third");
    String bookingId =
        Fixtures.book(http(), eventId, holder.token(), 1, null).json().get("id").asText();
    String firstEntry = join(eventId, first);
    String secondEntry = join(eventId, second);
    String thirdEntry = join(eventId, third);

    assertThat(
            http()
                .post("/api/v1/bookings/" + bookingId + "/cancel", Map.of(), holder.token())
                .status())
        .isEqualTo(200);

    MimeMessage offer = stack.get().awaitMailsTo(first.email(), 1).getFirst();
    assertThat(offer.getSubject()).isEqualTo("A seat is yours: Waiting Waltz");
    JsonNode offered = entry(first, firstEntry);
    assertThat(offered.get("status").asText()).isEqualTo("OFFERED");
    String holdId = offered.get("holdId").asText();
    assertThat(GreenMailUtil.getBody(offer)).contains(holdId);

    var booking = http().post("/api/v1/holds/" + holdId + "/confirm", Map.of(), first.token());
    assertThat(booking.status()).isEqualTo(201);
    assertThat(
            http()
                .get(
                    "/api/v1/bookings/" + booking.json().get("id").asText() + "/tickets",
                    first.token())
                .json()
                .get("items"))
        .hasSize(1);
    assertThat(entry(first, firstEntry).get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(stack.get().awaitMailsTo(first.email(), 2))
        .extracting(NotificationStack::subjectOf)
        .contains("Booking confirmed: Waiting Waltz");

    // One more seat: the second entry's offer, left to lapse.
    var grown =
        http()
            .send(
                http()
                    .request("/api/v1/events/" + eventId, fixtures.adminToken())
                    .header("Content-Type", "application/json")
                    .method(
                        "PATCH",
                        java.net.http.HttpRequest.BodyPublishers.ofString("{\"capacity\":2}")));
    assertThat(grown.status()).isEqualTo(200);
    assertThat(stack.get().awaitMailsTo(second.email(), 1))
        .extracting(NotificationStack::subjectOf)
        .containsExactly("A seat is yours: Waiting Waltz");

    Duration pastTheOffer = Duration.ofMinutes(31);
    stack.get().app().clock().advance(pastTheOffer);
    try {
      List<MimeMessage> toSecond = stack.get().awaitMailsTo(second.email(), 2);
      assertThat(toSecond)
          .extracting(NotificationStack::subjectOf)
          .containsExactlyInAnyOrder(
              "A seat is yours: Waiting Waltz", "Your offer expired: Waiting Waltz");
      assertThat(stack.get().awaitMailsTo(third.email(), 1))
          .extracting(NotificationStack::subjectOf)
          .containsExactly("A seat is yours: Waiting Waltz");
      Await.until(
          "the third entry holds the seat",
          Duration.ofSeconds(20),
          () -> entry(third, thirdEntry).get("status").asText().equals("OFFERED"));
      assertThat(entry(second, secondEntry).get("status").asText()).isEqualTo("EXPIRED");
    } finally {
      stack.get().app().clock().advance(pastTheOffer.negated());
    }
  }

  private record User(String email, String token) {}

  private static User user(String name) {
    String email = name + "-" + UUID.randomUUID() + "@example.org";
    return new User(
        email, http().registerAndLogin(email, "password-1").get("accessToken").asText());
  }

  private static String join(String eventId, User user) {
    var joined =
        http().post("/api/v1/events/" + eventId + "/waitlist", Map.of("quantity", 1), user.token());
    assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
    return joined.json().get("id").asText();
  }

  private static JsonNode entry(User user, String entryId) {
    for (JsonNode entry :
        http().get("/api/v1/waitlist?limit=100", user.token()).json().get("items")) {
      if (entry.get("id").asText().equals(entryId)) {
        return entry;
      }
    }
    throw new AssertionError("no entry " + entryId);
  }

  private static TestHttpClient http() {
    return stack.get().app().http();
  }
}
