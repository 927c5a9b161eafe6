package boxoffice.app.functional;

import static boxoffice.app.testing.BoxofficeApi.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestHttpClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every row of API.md "Holds": hold, read, confirm, release, and their refusals. */
class HoldsIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final BoxofficeApi api = new BoxofficeApi(app);
  private static final Fixtures fixtures = new Fixtures(app);

  @Test
  void aHoldTakesTheSeatsUntilItsDeadline() {
    String eventId = api.publishedWithCapacity("Held seats", 10);
    BoxofficeApi.Account user = api.newUser();
    Instant before = app.clock().instant();

    var held = hold(eventId, 3, user.token());

    assertThat(held.status()).as(held.toString()).isEqualTo(201);
    JsonNode hold = held.json();
    assertThat(held.header("Location")).isEqualTo("/api/v1/holds/" + hold.get("id").asText());
    assertThat(hold.get("eventId").asText()).isEqualTo(eventId);
    assertThat(hold.get("userId").asText()).isEqualTo(user.id());
    assertThat(hold.get("quantity").asInt()).isEqualTo(3);
    assertThat(hold.get("status").asText()).isEqualTo("ACTIVE");
    Instant expiresAt = Instant.parse(hold.get("expiresAt").asText());
    assertThat(expiresAt)
        .isBetween(before.plus(Duration.ofMinutes(10)), before.plus(Duration.ofMinutes(11)));
    assertThat(Instant.parse(hold.get("createdAt").asText())).isBefore(expiresAt);
    assertThat(seatsAvailable(eventId)).isEqualTo(7);
    assertThat(fixtures.event(eventId).get("seatsBooked").asInt()).isZero();
  }

  @Test
  void onlyTheOwnerAndAdministratorsSeeAHold() {
    String eventId = api.publishedWithCapacity("Private hold", 10);
    BoxofficeApi.Account owner = api.newUser();
    String holdId = held(eventId, 1, owner.token());

    assertThat(getHold(holdId, owner.token()).json().get("id").asText()).isEqualTo(holdId);
    assertThat(getHold(holdId, api.admin().token()).status()).isEqualTo(200);
    assertThat(getHold(holdId, api.newUser().token()).status()).isEqualTo(404);
    assertThat(getHold(holdId, null).status()).isEqualTo(401);
    assertThat(getHold(UUID.randomUUID().toString(), owner.token()).status()).isEqualTo(404);
    assertThat(getHold("not-a-uuid", owner.token()).status()).isEqualTo(404);
  }

  @Test
  void confirmingMakesABookingWithTicketsAndConfirmingAgainReturnsIt() {
    String eventId = api.publishedWithCapacity("Confirm me", 10);
    BoxofficeApi.Account user = api.newUser();
    String holdId = held(eventId, 3, user.token());

    var confirmed = confirm(holdId, user.token());

    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
    JsonNode booking = confirmed.json();
    String bookingId = booking.get("id").asText();
    assertThat(confirmed.header("Location")).isEqualTo("/api/v1/bookings/" + bookingId);
    assertThat(booking.get("eventId").asText()).isEqualTo(eventId);
    assertThat(booking.get("userId").asText()).isEqualTo(user.id());
    assertThat(booking.get("quantity").asInt()).isEqualTo(3);
    assertThat(booking.get("status").asText()).isEqualTo("CONFIRMED");
    JsonNode tickets = api.tickets(bookingId, user.token()).json().get("items");
    assertThat(tickets).hasSize(3);
    assertThat(BoxofficeApi.field(tickets, "status")).containsOnly("VALID");
    assertThat(getHold(holdId, user.token()).json().get("status").asText()).isEqualTo("CONFIRMED");
    JsonNode event = fixtures.event(eventId);
    assertThat(event.get("seatsBooked").asInt()).isEqualTo(3);
    assertThat(event.get("seatsAvailable").asInt()).isEqualTo(7);

    var again = confirm(holdId, user.token());
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id").asText()).isEqualTo(bookingId);
    assertThat(fixtures.event(eventId).get("seatsBooked").asInt()).isEqualTo(3);
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM outbox WHERE type = 'booking.created' AND aggregate_id = ?",
                UUID.fromString(bookingId)))
        .isEqualTo(1);
  }

  @Test
  void onlyTheOwnerConfirms() {
    String eventId = api.publishedWithCapacity("Not yours", 10);
    String holdId = held(eventId, 1, api.newUser().token());

    assertThat(confirm(holdId, api.newUser().token()).status()).isEqualTo(404);
    assertThat(confirm(holdId, api.admin().token()).status()).isEqualTo(404);
    assertThat(confirm(holdId, null).status()).isEqualTo(401);
    assertThat(seatsAvailable(eventId)).isEqualTo(9);
  }

  @Test
  void releasingFreesTheSeatsAtOnceAndTheHoldCanNoLongerBeConfirmed() {
    String eventId = api.publishedWithCapacity("Let go", 4);
    BoxofficeApi.Account user = api.newUser();
    String holdId = held(eventId, 4, user.token());
    assertThat(api.book(eventId, 1, api.newUser().token()).status()).isEqualTo(409);

    assertThat(release(holdId, user.token()).status()).isEqualTo(204);

    assertThat(seatsAvailable(eventId)).isEqualTo(4);
    assertThat(getHold(holdId, user.token()).json().get("status").asText()).isEqualTo("RELEASED");
    assertThat(release(holdId, user.token()).status()).as("releasing twice").isEqualTo(204);
    var refused = confirm(holdId, user.token());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("code").asText()).isEqualTo("HOLD_RELEASED");
    api.booked(eventId, 4, api.newUser().token());
    assertThat(heldCount(eventId)).isZero();
  }

  @Test
  void anAdministratorReleasesAnyHoldAndStrangersSeeNone() {
    String eventId = api.publishedWithCapacity("Admin release", 4);
    String holdId = held(eventId, 2, api.newUser().token());

    assertThat(release(holdId, api.newUser().token()).status()).isEqualTo(404);
    assertThat(release(holdId, null).status()).isEqualTo(401);
    assertThat(release(holdId, api.admin().token()).status()).isEqualTo(204);
    assertThat(seatsAvailable(eventId)).isEqualTo(4);
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM outbox WHERE type = 'hold.released' AND aggregate_id = ?"
                    + " AND payload->>'cause' = 'ADMIN'",
                UUID.fromString(holdId)))
        .isEqualTo(1);
  }

  @Test
  void aConfirmedHoldIsNotReleased() {
    String eventId = api.publishedWithCapacity("Too late to release", 4);
    BoxofficeApi.Account user = api.newUser();
    String holdId = held(eventId, 2, user.token());
    assertThat(confirm(holdId, user.token()).status()).isEqualTo(201);

    var refused = release(holdId, user.token());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("code").asText()).isEqualTo("HOLD_CONFIRMED");
    assertThat(fixtures.event(eventId).get("seatsBooked").asInt()).isEqualTo(2);
  }

  @Test
  void heldSeatsCountAgainstCapacity() {
    String eventId = api.publishedWithCapacity("Nearly full", 5);
    held(eventId, 3, api.newUser().token());

    var tooMany = hold(eventId, 3, api.newUser().token());
    assertThat(tooMany.status()).isEqualTo(409);
    assertThat(tooMany.json().get("code").asText()).isEqualTo("SOLD_OUT");
    assertThat(tooMany.json().get("seatsAvailable").asInt()).isEqualTo(2);
    var booking = api.book(eventId, 3, api.newUser().token());
    assertThat(booking.status()).isEqualTo(409);
    assertThat(booking.json().get("code").asText()).isEqualTo("SOLD_OUT");
    api.booked(eventId, 2, api.newUser().token());
    assertThat(seatsAvailable(eventId)).isZero();
  }

  @Test
  void heldSeatsCountTowardsTheUsersLimit() {
    String eventId = api.publishedWithLimit("Limited holds", 20, 4);
    BoxofficeApi.Account user = api.newUser();
    held(eventId, 3, user.token());

    var booking = api.book(eventId, 2, user.token());
    assertThat(booking.status()).isEqualTo(409);
    assertThat(booking.json().get("code").asText()).isEqualTo("LIMIT_REACHED");
    assertThat(booking.json().get("remaining").asInt()).isEqualTo(1);
    var secondHold = hold(eventId, 2, user.token());
    assertThat(secondHold.status()).isEqualTo(409);
    assertThat(secondHold.json().get("code").asText()).isEqualTo("LIMIT_REACHED");
    assertThat(secondHold.json().get("remaining").asInt()).isEqualTo(1);
    held(eventId, 1, user.token());
    assertThat(seatsAvailable(eventId)).isEqualTo(16);
  }

  @Test
  void releasingGivesTheUsersAllowanceBack() {
    String eventId = api.publishedWithLimit("Allowance back", 20, 4);
    BoxofficeApi.Account user = api.newUser();
    String holdId = held(eventId, 4, user.token());
    assertThat(release(holdId, user.token()).status()).isEqualTo(204);

    api.booked(eventId, 4, user.token());
  }

  @Test
  void onlyPublishedEventsThatHaveNotStartedAreHeld() {
    String user = api.newUser().token();
    String draft = api.draft("Draft hold");
    assertThat(hold(draft, 1, user).status()).isEqualTo(404);
    assertThat(hold(UUID.randomUUID().toString(), 1, user).status()).isEqualTo(404);

    String cancelled = api.publishedWithCapacity("Cancelled hold", 5);
    assertThat(api.changeStatus(cancelled, "CANCELLED").status()).isEqualTo(200);
    var refused = hold(cancelled, 1, user);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("code").asText()).isEqualTo("EVENT_NOT_BOOKABLE");
  }

  @Test
  void aHoldNeverOutlastsTheStart() {
    String eventId = api.publishedStartingIn("Starts soon", Duration.ofMinutes(3));
    JsonNode hold = hold(eventId, 1, api.newUser().token()).json();

    assertThat(hold.get("expiresAt").asText())
        .isEqualTo(fixtures.event(eventId).get("startsAt").asText());
  }

  @Test
  void cancellingTheEventReleasesItsHolds() {
    String eventId = api.publishedWithCapacity("Called off", 5);
    BoxofficeApi.Account user = api.newUser();
    String holdId = held(eventId, 2, user.token());

    assertThat(api.changeStatus(eventId, "CANCELLED").status()).isEqualTo(200);

    assertThat(getHold(holdId, user.token()).json().get("status").asText()).isEqualTo("RELEASED");
    assertThat(confirm(holdId, user.token()).json().get("code").asText())
        .isEqualTo("HOLD_RELEASED");
    assertThat(heldCount(eventId)).isZero();
    assertThat(
            fixtures.queryLong(
                "SELECT tickets FROM ticket_holdings WHERE event_id = ? AND user_id = ?",
                UUID.fromString(eventId),
                UUID.fromString(user.id())))
        .isZero();
  }

  @Test
  void anEventWithHeldSeatsDoesNotGoBackToDraft() {
    String eventId = api.publishedWithCapacity("Held, not draft", 5);
    String holdId = held(eventId, 1, api.newUser().token());

    var refused = api.changeStatus(eventId, "DRAFT");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("code").asText()).isEqualTo("INVALID_STATUS_TRANSITION");

    assertThat(release(holdId, api.admin().token()).status()).isEqualTo(204);
    assertThat(api.changeStatus(eventId, "DRAFT").status()).isEqualTo(200);
  }

  @Test
  void capacityDoesNotGoBelowTheSeatsBookedAndHeld() {
    String eventId = api.publishedWithCapacity("Shrinking", 10);
    api.booked(eventId, 2, api.newUser().token());
    held(eventId, 3, api.newUser().token());

    var refused =
        api.patch(EVENTS + "/" + eventId, Map.of("capacity", 4), api.admin().token(), null);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("code").asText()).isEqualTo("CAPACITY_BELOW_BOOKED");
    var shrunk =
        api.patch(EVENTS + "/" + eventId, Map.of("capacity", 5), api.admin().token(), null);
    assertThat(shrunk.status()).isEqualTo(200);
    assertThat(shrunk.json().get("seatsAvailable").asInt()).isZero();
  }

  @Test
  void theSameIdempotencyKeyHoldsOnce() {
    String eventId = api.publishedWithCapacity("Retried hold", 10);
    BoxofficeApi.Account user = api.newUser();
    String key = "hold-" + UUID.randomUUID();

    var first = holdWithKey(eventId, 2, user.token(), key);
    var replay = holdWithKey(eventId, 2, user.token(), key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
    assertThat(seatsAvailable(eventId)).isEqualTo(8);
    var otherBody = holdWithKey(eventId, 3, user.token(), key);
    assertThat(otherBody.status()).isEqualTo(422);
    assertThat(otherBody.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void aKeyUsedForABookingIsNotReplayedAsAHold() {
    String eventId = api.publishedWithCapacity("Key for a booking", 10);
    BoxofficeApi.Account user = api.newUser();
    String key = "booking-" + UUID.randomUUID();
    var booking =
        app.http()
            .send(
                app.http()
                    .request(EVENTS + "/" + eventId + "/bookings", user.token())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":2}")));
    assertThat(booking.status()).isEqualTo(201);

    var hold = holdWithKey(eventId, 2, user.token(), key);

    assertThat(hold.status()).isEqualTo(422);
    assertThat(hold.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(seatsAvailable(eventId)).isEqualTo(8);
  }

  @Test
  void badRequestsAreRefusedWithTheirReason() {
    String eventId = api.publishedWithCapacity("Bad holds", 10);
    String user = api.newUser().token();

    for (Object body : List.of(Map.of(), Map.of("quantity", 0), Map.of("quantity", 11))) {
      var refused = app.http().post(EVENTS + "/" + eventId + "/holds", body, user);
      assertThat(refused.status()).as("%s", body).isEqualTo(422);
      assertThat(BoxofficeApi.errorFields(refused)).containsExactly("quantity");
    }
    var malformed =
        app.http()
            .raw("POST", EVENTS + "/" + eventId + "/holds", "application/json", "{".getBytes());
    assertThat(malformed.status()).isIn(400, 401);
    assertThat(holdWithKey(eventId, 1, user, "bad key with spaces").status()).isEqualTo(422);
    assertThat(hold("nope", 1, user).status()).isEqualTo(404);
    assertThat(hold(eventId, 1, null).status()).isEqualTo(401);
    assertThat(seatsAvailable(eventId)).isEqualTo(10);
  }

  private TestHttpClient.Response hold(String eventId, int quantity, String token) {
    return app.http().post(EVENTS + "/" + eventId + "/holds", Map.of("quantity", quantity), token);
  }

  private String held(String eventId, int quantity, String token) {
    var response = hold(eventId, quantity, token);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private TestHttpClient.Response holdWithKey(
      String eventId, int quantity, String token, String key) {
    return app.http()
        .send(
            app.http()
                .request(EVENTS + "/" + eventId + "/holds", token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":" + quantity + "}")));
  }

  private TestHttpClient.Response getHold(String holdId, String token) {
    return app.http().get("/api/v1/holds/" + holdId, token);
  }

  private TestHttpClient.Response confirm(String holdId, String token) {
    return app.http().post("/api/v1/holds/" + holdId + "/confirm", Map.of(), token);
  }

  private TestHttpClient.Response release(String holdId, String token) {
    return api.delete("/api/v1/holds/" + holdId, token);
  }

  private int seatsAvailable(String eventId) {
    return app.http().get(EVENTS + "/" + eventId).json().get("seatsAvailable").asInt();
  }

  private long heldCount(String eventId) {
    return fixtures.queryLong(
        "SELECT seats_held FROM events WHERE id = ?", UUID.fromString(eventId));
  }
}
