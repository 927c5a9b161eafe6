package boxoffice.app.functional;

import static boxoffice.app.testing.BoxofficeApi.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.Await;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every row of API.md "Waiting list", with the offer worker running every 100 ms: joining, leaving,
 * offers in join order, all-or-nothing offers that skip an entry too big without moving it, expiry
 * passing seats on, and the list closing with its event.
 */
class WaitlistIT {
  private static final Duration OFFER_TTL = Duration.ofMinutes(30);
  private static final Duration SOON = Duration.ofSeconds(20);

  @RegisterExtension
  static final RunningApp app =
      RunningApp.perClass(
          Map.of(
              "WAITLIST_POLL_INTERVAL", "100ms",
              "BOOKING_HOLD_SWEEP_INTERVAL", "0s",
              // Tokens outlive the clock moves past offers' deadlines and the event's start.
              "ACCESS_TOKEN_TTL", "6h"));

  private static final BoxofficeApi api = new BoxofficeApi(app);
  private static final Fixtures fixtures = new Fixtures(app);

  private Duration moved = Duration.ZERO;

  @AfterEach
  void moveTheClockBack() {
    app.clock().advance(moved.negated());
    moved = Duration.ZERO;
  }

  @Test
  void joiningASoldOutEventTakesTheNextPlaceInLine() {
    SoldOut event = soldOut("Full house", 2);
    BoxofficeApi.Account first = api.newUser();
    BoxofficeApi.Account second = api.newUser();

    var joined = join(event.id(), 2, first.token());

    assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
    JsonNode entry = joined.json();
    assertThat(entry.get("eventId").asText()).isEqualTo(event.id());
    assertThat(entry.get("quantity").asInt()).isEqualTo(2);
    assertThat(entry.get("status").asText()).isEqualTo("WAITING");
    assertThat(entry.get("position").asInt()).isEqualTo(1);
    assertThat(entry.get("holdId").isNull()).isTrue();
    assertThat(entry.get("offerExpiresAt").isNull()).isTrue();
    assertThat(entry.has("createdAt")).isTrue();
    assertThat(join(event.id(), 1, second.token()).json().get("position").asInt()).isEqualTo(2);
  }

  @Test
  void whenTheSeatsAreThereTheUserBooksInstead() {
    String eventId = api.publishedWithCapacity("Plenty left", 5);
    api.booked(eventId, 3, api.newUser().token());

    var refused = join(eventId, 2, api.newUser().token());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("code").asText()).isEqualTo("SEATS_AVAILABLE");
    assertThat(join(eventId, 3, api.newUser().token()).status()).isEqualTo(201);
  }

  @Test
  void oneEntryInLinePerUserAndEvent() {
    SoldOut event = soldOut("Once in line", 1);
    BoxofficeApi.Account user = api.newUser();
    String entryId = entry(join(event.id(), 1, user.token()));

    var again = join(event.id(), 2, user.token());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("code").asText()).isEqualTo("ALREADY_WAITING");

    assertThat(leave(entryId, user.token()).status()).isEqualTo(204);
    var rejoined = join(event.id(), 1, user.token());
    assertThat(rejoined.status()).as("a user who left may join again, at the end").isEqualTo(201);
    assertThat(rejoined.json().get("id").asText()).isNotEqualTo(entryId);
  }

  @Test
  void theUsersOwnEntriesNewestFirstAndNobodyElses() {
    BoxofficeApi.Account user = api.newUser();
    String older = entry(join(soldOut("Mine one", 1).id(), 1, user.token()));
    String newer = entry(join(soldOut("Mine two", 1).id(), 1, user.token()));
    entry(join(soldOut("Not mine", 1).id(), 1, api.newUser().token()));

    var firstPage = app.http().get("/api/v1/waitlist?limit=1", user.token());
    assertThat(BoxofficeApi.field(firstPage.json().get("items"), "id")).containsExactly(newer);
    String cursor = firstPage.json().get("nextCursor").asText();
    var secondPage = app.http().get("/api/v1/waitlist?limit=1&cursor=" + cursor, user.token());
    assertThat(BoxofficeApi.field(secondPage.json().get("items"), "id")).containsExactly(older);
    assertThat(secondPage.json().get("nextCursor").isNull()).isTrue();
    assertThat(app.http().get("/api/v1/waitlist", null).status()).isEqualTo(401);
  }

  @Test
  void onlyTheOwnerLeaves() {
    SoldOut event = soldOut("Leaving", 1);
    BoxofficeApi.Account user = api.newUser();
    String entryId = entry(join(event.id(), 1, user.token()));

    assertThat(leave(entryId, api.newUser().token()).status()).isEqualTo(404);
    assertThat(leave(entryId, null).status()).isEqualTo(401);
    assertThat(leave(UUID.randomUUID().toString(), user.token()).status()).isEqualTo(404);
    assertThat(leave(entryId, user.token()).status()).isEqualTo(204);
    assertThat(leave(entryId, user.token()).status()).as("leaving twice").isEqualTo(204);
    assertThat(mine(user.token(), entryId).get("status").asText()).isEqualTo("LEFT");
    assertThat(mine(user.token(), entryId).get("position").isNull()).isTrue();
  }

  @Test
  void administratorsSeeTheQueueInJoinOrder() {
    SoldOut event = soldOut("Queue", 1);
    String a = entry(join(event.id(), 1, api.newUser().token()));
    String b = entry(join(event.id(), 1, api.newUser().token()));
    String c = entry(join(event.id(), 1, api.newUser().token()));
    String path = EVENTS + "/" + event.id() + "/waitlist";

    List<JsonNode> queue = api.allPages(path + "?limit=2", api.admin().token(), page -> true);
    assertThat(BoxofficeApi.field(queue, "id")).containsExactly(a, b, c);
    assertThat(BoxofficeApi.field(queue, "position")).containsExactly("1", "2", "3");
    assertThat(app.http().get(path, api.newUser().token()).status()).isEqualTo(403);
    assertThat(
            app.http()
                .get(EVENTS + "/" + UUID.randomUUID() + "/waitlist", api.admin().token())
                .status())
        .isEqualTo(404);
  }

  @Test
  void freedSeatsAreOfferedToTheFirstEntryThatFitsWholly() {
    SoldOut event = soldOut("Freed seats", 3);
    BoxofficeApi.Account group = api.newUser();
    BoxofficeApi.Account single = api.newUser();
    BoxofficeApi.Account later = api.newUser();
    String groupEntry = entry(join(event.id(), 3, group.token()));
    String singleEntry = entry(join(event.id(), 1, single.token()));
    String laterEntry = entry(join(event.id(), 1, later.token()));
    Instant freedAt = app.clock().instant();

    cancelTicket(event, 0); // one seat: too few for the group, enough for the next entry

    JsonNode offered = awaitStatus(single.token(), singleEntry, "OFFERED");
    assertThat(offered.get("holdId").isNull()).isFalse();
    assertThat(Instant.parse(offered.get("offerExpiresAt").asText()))
        .isBetween(freedAt.plus(OFFER_TTL), freedAt.plus(OFFER_TTL).plus(SOON));
    JsonNode waiting = mine(group.token(), groupEntry);
    assertThat(waiting.get("status").asText()).isEqualTo("WAITING");
    assertThat(waiting.get("position").asInt()).as("skipped, but keeps its place").isEqualTo(1);
    assertThat(mine(later.token(), laterEntry).get("status").asText()).isEqualTo("WAITING");
    assertThat(seatsAvailable(event.id())).as("the offer holds the freed seat").isZero();
    assertThat(api.book(event.id(), 1, api.newUser().token()).status()).isEqualTo(409);
    JsonNode hold =
        app.http().get("/api/v1/holds/" + offered.get("holdId").asText(), single.token()).json();
    assertThat(hold.get("quantity").asInt()).isEqualTo(1);
    assertThat(hold.get("expiresAt").asText()).isEqualTo(offered.get("offerExpiresAt").asText());
  }

  @Test
  void confirmingTheOfferedHoldBooksAndAcceptsTheEntry() {
    SoldOut event = soldOut("Accepted", 2);
    BoxofficeApi.Account user = api.newUser();
    String entryId = entry(join(event.id(), 2, user.token()));

    cancelBooking(event);

    JsonNode offered = awaitStatus(user.token(), entryId, "OFFERED");
    var confirmed =
        app.http()
            .post(
                "/api/v1/holds/" + offered.get("holdId").asText() + "/confirm",
                Map.of(),
                user.token());
    assertThat(confirmed.status()).isEqualTo(201);
    assertThat(confirmed.json().get("quantity").asInt()).isEqualTo(2);
    assertThat(mine(user.token(), entryId).get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(api.tickets(confirmed.json().get("id").asText(), user.token()).json().get("items"))
        .hasSize(2);
  }

  @Test
  void anExpiredOfferPassesItsSeatsToTheNextEntry() {
    SoldOut event = soldOut("Passed on", 2);
    BoxofficeApi.Account first = api.newUser();
    BoxofficeApi.Account second = api.newUser();
    String firstEntry = entry(join(event.id(), 2, first.token()));
    String secondEntry = entry(join(event.id(), 2, second.token()));
    cancelBooking(event);
    JsonNode offer = awaitStatus(first.token(), firstEntry, "OFFERED");

    advance(OFFER_TTL.plusSeconds(1));

    assertThat(mine(first.token(), firstEntry).get("status").asText()).isEqualTo("EXPIRED");
    awaitStatus(second.token(), secondEntry, "OFFERED");
    var late =
        app.http()
            .post(
                "/api/v1/holds/" + offer.get("holdId").asText() + "/confirm",
                Map.of(),
                first.token());
    assertThat(late.json().get("code").asText()).isEqualTo("HOLD_EXPIRED");
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM waitlist_entries WHERE event_id = ? AND user_id = ?"
                    + " AND status IN ('WAITING', 'OFFERED')",
                UUID.fromString(event.id()),
                UUID.fromString(first.id())))
        .as("not put back in line")
        .isZero();
  }

  @Test
  void decliningAnOfferLeavesTheLineAndPassesTheSeatsOn() {
    SoldOut event = soldOut("Declined", 1);
    BoxofficeApi.Account first = api.newUser();
    BoxofficeApi.Account second = api.newUser();
    String firstEntry = entry(join(event.id(), 1, first.token()));
    String secondEntry = entry(join(event.id(), 1, second.token()));
    cancelBooking(event);
    JsonNode offer = awaitStatus(first.token(), firstEntry, "OFFERED");

    assertThat(api.delete("/api/v1/holds/" + offer.get("holdId").asText(), first.token()).status())
        .isEqualTo(204);

    assertThat(mine(first.token(), firstEntry).get("status").asText()).isEqualTo("LEFT");
    awaitStatus(second.token(), secondEntry, "OFFERED");
  }

  @Test
  void leavingWithAnOfferReleasesItsHold() {
    SoldOut event = soldOut("Left with an offer", 1);
    BoxofficeApi.Account first = api.newUser();
    BoxofficeApi.Account second = api.newUser();
    String firstEntry = entry(join(event.id(), 1, first.token()));
    String secondEntry = entry(join(event.id(), 1, second.token()));
    cancelBooking(event);
    JsonNode offer = awaitStatus(first.token(), firstEntry, "OFFERED");

    assertThat(leave(firstEntry, first.token()).status()).isEqualTo(204);

    assertThat(
            app.http()
                .get("/api/v1/holds/" + offer.get("holdId").asText(), first.token())
                .json()
                .get("status")
                .asText())
        .isEqualTo("RELEASED");
    awaitStatus(second.token(), secondEntry, "OFFERED");
  }

  @Test
  void aLargerCapacityIsOfferedToo() {
    SoldOut event = soldOut("Bigger hall", 2);
    BoxofficeApi.Account user = api.newUser();
    String entryId = entry(join(event.id(), 2, user.token()));

    var grown =
        api.patch(EVENTS + "/" + event.id(), Map.of("capacity", 4), api.admin().token(), null);
    assertThat(grown.status()).isEqualTo(200);

    awaitStatus(user.token(), entryId, "OFFERED");
  }

  @Test
  void cancellingTheEventClosesTheList() {
    SoldOut event = soldOut("Called off list", 1);
    BoxofficeApi.Account user = api.newUser();
    String entryId = entry(join(event.id(), 1, user.token()));

    assertThat(api.changeStatus(event.id(), "CANCELLED").status()).isEqualTo(200);

    assertThat(mine(user.token(), entryId).get("status").asText()).isEqualTo("CLOSED");
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM outbox WHERE type = 'waitlist.closed' AND aggregate_id = ?"
                    + " AND payload->>'cause' = 'EVENT_CANCELLED'",
                UUID.fromString(entryId)))
        .isEqualTo(1);
  }

  @Test
  void theListClosesWhenTheEventStartsAndNoOfferIsMadeAfter() {
    Instant startsAt =
        app.clock().instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> body = BoxofficeApi.eventBody("Started list", startsAt);
    body.put("capacity", 1);
    SoldOut event = soldOutExisting(api.published(body));
    BoxofficeApi.Account user = api.newUser();
    String entryId = entry(join(event.id(), 1, user.token()));

    advance(Duration.ofHours(2).plusSeconds(1));

    JsonNode closed = awaitStatus(user.token(), entryId, "CLOSED");
    assertThat(closed.get("holdId").isNull()).isTrue();
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM outbox WHERE type = 'waitlist.closed' AND aggregate_id = ?"
                    + " AND payload->>'cause' = 'EVENT_STARTED'",
                UUID.fromString(entryId)))
        .isEqualTo(1);
  }

  @Test
  void badRequestsAreRefusedWithTheirReason() {
    SoldOut event = soldOut("Bad joins", 1);
    String user = api.newUser().token();
    for (Object body : List.of(Map.of(), Map.of("quantity", 0), Map.of("quantity", 11))) {
      var refused = app.http().post(EVENTS + "/" + event.id() + "/waitlist", body, user);
      assertThat(refused.status()).as("%s", body).isEqualTo(422);
    }
    assertThat(join(api.draft("Draft list"), 1, user).status()).isEqualTo(404);
    assertThat(join(UUID.randomUUID().toString(), 1, user).status()).isEqualTo(404);
    assertThat(join(event.id(), 1, null).status()).isEqualTo(401);
    assertThat(api.changeStatus(event.id(), "CANCELLED").status()).isEqualTo(200);
    assertThat(join(event.id(), 1, user).json().get("code").asText())
        .isEqualTo("EVENT_NOT_BOOKABLE");
  }

  @Test
  void anEntryNeverAsksForMoreThanTheUsersLimit() {
    String eventId = api.publishedWithLimit("Limit in line", 2, 2);
    api.booked(eventId, 2, api.newUser().token());
    BoxofficeApi.Account user = api.newUser();

    var refused = join(eventId, 3, user.token());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("code").asText()).isEqualTo("LIMIT_REACHED");
    assertThat(refused.json().get("remaining").asInt()).isEqualTo(2);
  }

  /** A sold-out event: one booking per seat, by one user, so seats can be freed one by one. */
  private record SoldOut(String id, String bookingId, String token) {}

  private SoldOut soldOut(String title, int capacity) {
    String eventId = api.publishedWithCapacity(title, capacity);
    return soldOutExisting(eventId);
  }

  private SoldOut soldOutExisting(String eventId) {
    int capacity = fixtures.event(eventId).get("seatsAvailable").asInt();
    BoxofficeApi.Account holder = api.newUser();
    String bookingId = api.booked(eventId, capacity, holder.token());
    return new SoldOut(eventId, bookingId, holder.token());
  }

  private void cancelBooking(SoldOut event) {
    var cancelled =
        app.http()
            .post("/api/v1/bookings/" + event.bookingId() + "/cancel", Map.of(), event.token());
    assertThat(cancelled.status()).isEqualTo(200);
  }

  private void cancelTicket(SoldOut event, int index) {
    String ticketId =
        api.tickets(event.bookingId(), event.token())
            .json()
            .get("items")
            .get(index)
            .get("id")
            .asText();
    assertThat(
            app.http()
                .post("/api/v1/tickets/" + ticketId + "/cancel", Map.of(), event.token())
                .status())
        .isEqualTo(200);
  }

  private JsonNode awaitStatus(String token, String entryId, String status) {
    Await.until(
        "entry " + entryId + " is " + status,
        SOON,
        () -> mine(token, entryId).get("status").asText().equals(status));
    return mine(token, entryId);
  }

  private JsonNode mine(String token, String entryId) {
    for (JsonNode entry : api.allPages("/api/v1/waitlist?limit=100", token, page -> true)) {
      if (entry.get("id").asText().equals(entryId)) {
        return entry;
      }
    }
    throw new AssertionError("entry " + entryId + " is not the user's");
  }

  private void advance(Duration by) {
    app.clock().advance(by);
    moved = moved.plus(by);
  }

  private TestHttpClient.Response join(String eventId, int quantity, String token) {
    return app.http()
        .post(EVENTS + "/" + eventId + "/waitlist", Map.of("quantity", quantity), token);
  }

  private static String entry(TestHttpClient.Response joined) {
    assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
    return joined.json().get("id").asText();
  }

  private TestHttpClient.Response leave(String entryId, String token) {
    return api.delete("/api/v1/waitlist/" + entryId, token);
  }

  private int seatsAvailable(String eventId) {
    return app.http().get(EVENTS + "/" + eventId).json().get("seatsAvailable").asInt();
  }
}
