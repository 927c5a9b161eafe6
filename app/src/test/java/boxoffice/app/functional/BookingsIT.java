package boxoffice.app.functional;

import static boxoffice.app.testing.BoxofficeApi.EVENTS;
import static boxoffice.app.testing.BoxofficeApi.errorFields;
import static boxoffice.app.testing.BoxofficeApi.field;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.SeatRaces;
import boxoffice.app.testing.TestHttpClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag(SeatRaces.TAG)
class BookingsIT {
  private static final String BOOKINGS = "/api/v1/bookings";
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final BoxofficeApi api = new BoxofficeApi(app);

  @Test
  void bookingAnswers201WithTheBookingAndItsLocation() {
    String eventId = api.publishedWithCapacity("Booked show", 20);
    BoxofficeApi.Account user = api.newUser();

    var response = api.book(eventId, 3, user.token());

    assertThat(response.status()).isEqualTo(201);
    JsonNode booking = response.json();
    String id = booking.get("id").asText();
    assertThat(response.header("Location")).isEqualTo(BOOKINGS + "/" + id);
    assertThat(booking.get("eventId").asText()).isEqualTo(eventId);
    assertThat(booking.get("userId").asText()).isEqualTo(user.id());
    assertThat(booking.get("quantity").asInt()).isEqualTo(3);
    assertThat(booking.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(Instant.parse(booking.get("createdAt").asText())).isNotNull();
    assertThat(booking.get("cancelledAt").isNull()).isTrue();
    assertThat(app.http().get(response.header("Location"), user.token()).json()).isEqualTo(booking);
    JsonNode event = api.event(eventId, null).json();
    assertThat(event.get("seatsBooked").asInt()).isEqualTo(3);
    assertThat(event.get("seatsAvailable").asInt()).isEqualTo(17);
  }

  @Test
  void aQuantityOutsideOneToTenOrNotAnIntegerIsInvalid() {
    String eventId = api.publishedWithLimit("Quantities", 100, 11);
    String token = api.newUser().token();
    String path = EVENTS + "/" + eventId + "/bookings";
    Map<String, Object> nullQuantity = new HashMap<>();
    nullQuantity.put("quantity", null);

    for (Object body :
        List.of(
            Map.of("quantity", 0),
            Map.of("quantity", 11),
            Map.of("quantity", -1),
            Map.of(),
            nullQuantity,
            Map.of("quantity", "2"),
            Map.of("quantity", 2.5))) {
      var response = app.http().post(path, body, token);
      assertThat(response.status()).as("%s", body).isEqualTo(422);
      assertThat(errorFields(response)).as("%s", body).containsExactly("quantity");
    }
    assertThat(api.event(eventId, null).json().get("seatsBooked").asInt()).isZero();
    assertThat(api.book(eventId, 1, token).status()).isEqualTo(201);
    assertThat(api.book(eventId, 10, token).status()).isEqualTo(201);
  }

  @Test
  void aQuantityTooLargeForAnIntegerIsAValidationErrorNotMalformedJson() {
    String eventId = api.publishedWithCapacity("Greedy", 10);

    var response =
        app.http()
            .post(
                EVENTS + "/" + eventId + "/bookings",
                Map.of("quantity", 99_999_999_999L),
                api.newUser().token());

    assertThat(response.status()).isEqualTo(422);
    assertThat(errorFields(response)).containsExactly("quantity");
  }

  @Test
  void aBookingBeyondTheSeatsLeftIsRefusedWithTheSeatsStillAvailable() {
    String eventId = api.publishedWithCapacity("Tiny room", 3);
    String token = api.newUser().token();
    api.booked(eventId, 2, token);

    var tooMany = api.book(eventId, 2, token);

    assertThat(tooMany.status()).isEqualTo(409);
    assertThat(tooMany.json().get("type").asText()).endsWith("/sold-out");
    assertThat(tooMany.json().get("seatsAvailable").asInt()).isEqualTo(1);
    api.booked(eventId, 1, token);
    var soldOut = api.book(eventId, 1, api.newUser().token());
    assertThat(soldOut.status()).isEqualTo(409);
    assertThat(soldOut.json().get("seatsAvailable").asInt()).isZero();
    assertThat(api.event(eventId, null).json().get("seatsBooked").asInt()).isEqualTo(3);
  }

  @Test
  void aDraftEventCannotBeBookedBecauseItIsNotVisible() {
    String eventId = api.draft("Unannounced");

    var response = api.book(eventId, 1, api.newUser().token());

    assertThat(response.status()).isEqualTo(404);
  }

  @Test
  void aCancelledEventCannotBeBooked() {
    String eventId = api.publishedWithCapacity("Cancelled show", 10);
    api.changeStatus(eventId, "CANCELLED");

    var response = api.book(eventId, 1, api.newUser().token());

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("type").asText()).endsWith("/conflict");
  }

  @Test
  void aCompletedEventCannotBeBooked() {
    String eventId = api.publishedStartingIn("Completed show", Duration.ofMinutes(10));
    String token = api.newUser().token();
    app.clock().advance(Duration.ofMinutes(11));
    try {
      assertThat(api.changeStatus(eventId, "COMPLETED").status()).isEqualTo(200);
    } finally {
      app.clock().advance(Duration.ofMinutes(11).negated());
    }

    // Back before the start time, so only the status stands in the way.
    var response = api.book(eventId, 1, token);

    assertThat(response.status()).isEqualTo(409);
  }

  @Test
  void anEventThatHasStartedCannotBeBooked() {
    String eventId = api.publishedStartingIn("Already running", Duration.ofMinutes(10));
    String token = api.newUser().token();

    app.clock().advance(Duration.ofMinutes(11));
    try {
      var response = api.book(eventId, 1, token);
      assertThat(response.status()).isEqualTo(409);
      assertThat(api.event(eventId, null).json().get("seatsBooked").asInt()).isZero();
    } finally {
      app.clock().advance(Duration.ofMinutes(11).negated());
    }
  }

  @Test
  void bookingAnUnknownEventIsNotFoundAndAnonymousCallersAreRefused() {
    String token = api.newUser().token();
    String eventId = api.publishedWithCapacity("Members only", 10);

    assertThat(api.book(UUID.randomUUID().toString(), 1, token).status()).isEqualTo(404);
    assertThat(api.book("not-an-id", 1, token).status()).isEqualTo(404);
    assertThat(api.book(eventId, 1, null).status()).isEqualTo(401);
  }

  @Test
  void myBookingsAreListedNewestFirstFilteredByStatusAndPaged() {
    BoxofficeApi.Account me = api.newUser();
    BoxofficeApi.Account other = api.newUser();
    String eventId = api.publishedWithLimit("Many bookings", 100, 100);
    List<String> created = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      created.add(api.booked(eventId, i, me.token()));
    }
    String othersBooking = api.booked(eventId, 1, other.token());
    cancel(created.get(1), me.token());
    cancel(created.get(3), me.token());
    List<String> newestFirst = new ArrayList<>(created);
    Collections.reverse(newestFirst);

    assertThat(myIds("", me.token())).containsExactlyElementsOf(newestFirst);
    assertThat(myIds("?status=CONFIRMED", me.token()))
        .containsExactly(created.get(4), created.get(2), created.get(0));
    assertThat(myIds("?status=cancelled", me.token()))
        .containsExactly(created.get(3), created.get(1));
    List<JsonNode> paged =
        api.allPages(BOOKINGS + "?limit=2", me.token(), page -> page.get("items").size() <= 2);
    assertThat(field(paged, "id")).containsExactlyElementsOf(newestFirst);
    assertThat(field(paged, "userId")).containsOnly(me.id());
    assertThat(myIds("", other.token())).containsExactly(othersBooking);
  }

  @Test
  void listingMyBookingsNeedsAnAccountAndAValidStatus() {
    assertThat(app.http().get(BOOKINGS).status()).isEqualTo(401);
    String token = api.newUser().token();
    assertThat(app.http().get(BOOKINGS + "?status=PENDING", token).status()).isEqualTo(400);
    assertThat(app.http().get(BOOKINGS + "?limit=0", token).status()).isEqualTo(400);
    assertThat(app.http().get(BOOKINGS + "?cursor=garbage", token).status()).isEqualTo(400);
  }

  @Test
  void aBookingIsVisibleToItsOwnerAndAdministratorsOnly() {
    String eventId = api.publishedWithCapacity("Private seats", 10);
    BoxofficeApi.Account owner = api.newUser();
    String id = api.booked(eventId, 2, owner.token());
    String path = BOOKINGS + "/" + id;

    assertThat(app.http().get(path, owner.token()).status()).isEqualTo(200);
    var admin = app.http().get(path, api.admin().token());
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.json().get("userId").asText()).isEqualTo(owner.id());
    assertThat(app.http().get(path, api.newUser().token()).status()).isEqualTo(404);
    assertThat(app.http().get(path).status()).isEqualTo(401);
    assertThat(app.http().get(BOOKINGS + "/" + UUID.randomUUID(), owner.token()).status())
        .isEqualTo(404);
    assertThat(app.http().get(BOOKINGS + "/nope", owner.token()).status()).isEqualTo(404);
  }

  @Test
  void cancellingABookingFreesItsSeatsAndCancellingAgainChangesNothing() {
    String eventId = api.publishedWithCapacity("Change of plans", 10);
    String token = api.newUser().token();
    String id = api.booked(eventId, 4, token);

    var cancelled = cancel(id, token);

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().get("id").asText()).isEqualTo(id);
    assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
    Instant cancelledAt = Instant.parse(cancelled.json().get("cancelledAt").asText());
    assertThat(api.event(eventId, null).json().get("seatsAvailable").asInt()).isEqualTo(10);
    assertThat(api.event(eventId, null).json().get("seatsBooked").asInt()).isZero();

    var again = cancel(id, token);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("status").asText()).isEqualTo("CANCELLED");
    assertThat(Instant.parse(again.json().get("cancelledAt").asText())).isEqualTo(cancelledAt);
    assertThat(api.event(eventId, null).json().get("seatsAvailable").asInt()).isEqualTo(10);
  }

  @Test
  void anotherUserCannotCancelMyBooking() {
    String eventId = api.publishedWithCapacity("Not yours", 10);
    String token = api.newUser().token();
    String id = api.booked(eventId, 2, token);

    var response = cancel(id, api.newUser().token());

    assertThat(response.status()).isEqualTo(404);
    assertThat(app.http().get(BOOKINGS + "/" + id, token).json().get("status").asText())
        .isEqualTo("CONFIRMED");
    assertThat(cancel(UUID.randomUUID().toString(), token).status()).isEqualTo(404);
    assertThat(cancel(id, null).status()).isEqualTo(401);
  }

  @Test
  void aBookingCannotBeCancelledOnceTheEventHasStarted() {
    String eventId = api.publishedStartingIn("No refunds", Duration.ofMinutes(10));
    String token = api.newUser().token();
    String id = api.booked(eventId, 2, token);

    app.clock().advance(Duration.ofMinutes(11));
    try {
      var response = cancel(id, token);
      assertThat(response.status()).isEqualTo(409);
      assertThat(app.http().get(BOOKINGS + "/" + id, token).json().get("status").asText())
          .isEqualTo("CONFIRMED");
      assertThat(api.event(eventId, null).json().get("seatsBooked").asInt()).isEqualTo(2);
    } finally {
      app.clock().advance(Duration.ofMinutes(11).negated());
    }
  }

  @Test
  void administratorsListAllBookingsOfAnEventPageByPage() {
    String eventId = api.publishedWithCapacity("Audited", 50);
    String elsewhere = api.publishedWithCapacity("Elsewhere", 50);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(api.booked(eventId, 1, api.newUser().token()));
    }
    api.booked(elsewhere, 1, api.newUser().token());
    Collections.reverse(ids);
    String path = EVENTS + "/" + eventId + "/bookings";

    List<JsonNode> all =
        api.allPages(path + "?limit=2", api.admin().token(), page -> page.get("items").size() <= 2);

    assertThat(field(all, "id")).containsExactlyElementsOf(ids);
    assertThat(field(all, "eventId")).containsOnly(eventId);
    assertThat(app.http().get(path, api.newUser().token()).status()).isEqualTo(403);
    assertThat(app.http().get(path).status()).isEqualTo(401);
    assertThat(
            app.http()
                .get(EVENTS + "/" + UUID.randomUUID() + "/bookings", api.admin().token())
                .status())
        .isEqualTo(404);
  }

  @Test
  void theSameIdempotencyKeyReturnsTheOriginalBookingWithoutBookingTwice() {
    String eventId = api.publishedWithCapacity("Retried", 10);
    String token = api.newUser().token();

    var first = bookWithKey(eventId, 2, token, "retry-key-1");
    var second = bookWithKey(eventId, 2, token, "retry-key-1");
    var otherBody = bookWithKey(eventId, 3, token, "retry-key-1");
    var badKey = bookWithKey(eventId, 1, token, "has space");

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(otherBody.status()).isEqualTo(422);
    assertThat(badKey.status()).isEqualTo(422);
    assertThat(api.event(eventId, null).json().get("seatsBooked").asInt()).isEqualTo(2);
    var anotherUser = bookWithKey(eventId, 2, api.newUser().token(), "retry-key-1");
    assertThat(anotherUser.status()).isEqualTo(201);
    assertThat(anotherUser.json().get("id")).isNotEqualTo(first.json().get("id"));
  }

  private static TestHttpClient.Response cancel(String bookingId, String token) {
    return app.http().post(BOOKINGS + "/" + bookingId + "/cancel", Map.of(), token);
  }

  private static List<String> myIds(String query, String token) {
    var response = app.http().get(BOOKINGS + query, token);
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    return field(response.json().get("items"), "id");
  }

  private static TestHttpClient.Response bookWithKey(
      String eventId, int quantity, String token, String key) {
    return app.http()
        .send(
            app.http()
                .request(EVENTS + "/" + eventId + "/bookings", token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(BodyPublishers.ofString("{\"quantity\":" + quantity + "}")));
  }
}
