package boxoffice.app.functional;

import static boxoffice.app.testing.BoxofficeApi.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestHttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hold's seats are free the instant its deadline passes, with the sweeper switched off: the clock
 * is moved past the deadline and nothing but the requests themselves runs.
 */
class HoldExpiryIT {
  private static final Duration TTL = Duration.ofMinutes(10);

  @RegisterExtension
  static final RunningApp app = RunningApp.perClass(Map.of("BOOKING_HOLD_SWEEP_INTERVAL", "0s"));

  private static final BoxofficeApi api = new BoxofficeApi(app);
  private static final Fixtures fixtures = new Fixtures(app);

  private Duration moved = Duration.ZERO;

  @AfterEach
  void moveTheClockBack() {
    app.clock().advance(moved.negated());
    moved = Duration.ZERO;
  }

  @Test
  void anExpiredHoldsSeatsCanBeBookedAtOnce() {
    String eventId = api.publishedWithCapacity("Lapsed hold", 3);
    String holdId = held(eventId, 3, api.newUser().token());
    assertThat(api.book(eventId, 1, api.newUser().token()).status()).isEqualTo(409);

    passTheDeadline();

    api.booked(eventId, 3, api.newUser().token());
    assertThat(storedStatus(holdId)).isEqualTo("EXPIRED"); // reclaimed by the booking
    assertThat(column(eventId, "seats_held")).isZero();
    assertThat(column(eventId, "seats_booked")).isEqualTo(3);
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM outbox WHERE type = 'hold.expired' AND aggregate_id = ?",
                UUID.fromString(holdId)))
        .isEqualTo(1);
  }

  @Test
  void seatsAvailableCountOnlyUnexpiredHoldsEvenBeforeAnyReclaim() {
    String eventId = api.publishedWithCapacity("Counting down", 10);
    held(eventId, 4, api.newUser().token());
    assertThat(seatsAvailable(eventId)).isEqualTo(6);
    advance(TTL.dividedBy(2));
    held(eventId, 2, api.newUser().token()); // its deadline is five minutes after the first's
    assertThat(seatsAvailable(eventId)).isEqualTo(4);

    advance(TTL.dividedBy(2).plusSeconds(1));

    assertThat(seatsAvailable(eventId)).isEqualTo(8);
    assertThat(searchedSeatsAvailable(eventId)).isEqualTo(8);
    assertThat(column(eventId, "seats_held")).as("nothing reclaimed yet").isEqualTo(6);
    advance(TTL.dividedBy(2));
    assertThat(seatsAvailable(eventId)).isEqualTo(10);
  }

  @Test
  void confirmingAfterTheDeadlineIsRefused() {
    String eventId = api.publishedWithCapacity("Too late", 5);
    BoxofficeApi.Account user = api.newUser();
    String holdId = held(eventId, 2, user.token());

    passTheDeadline();

    var refused = confirm(holdId, user.token());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("code").asText()).isEqualTo("HOLD_EXPIRED");
    assertThat(
            app.http().get("/api/v1/holds/" + holdId, user.token()).json().get("status").asText())
        .isEqualTo("EXPIRED");
    assertThat(storedStatus(holdId)).as("no sweeper ran").isEqualTo("ACTIVE");
    assertThat(column(eventId, "seats_booked")).isZero();
  }

  @Test
  void aHoldConfirmedJustBeforeItsDeadlineIsABooking() {
    String eventId = api.publishedWithCapacity("Just in time", 5);
    BoxofficeApi.Account user = api.newUser();
    String holdId = held(eventId, 2, user.token());
    advance(TTL.minusSeconds(1));

    assertThat(confirm(holdId, user.token()).status()).isEqualTo(201);
    advance(Duration.ofSeconds(2));
    assertThat(seatsAvailable(eventId)).isEqualTo(3);
    api.booked(eventId, 3, api.newUser().token());
    assertThat(column(eventId, "seats_booked")).isEqualTo(5);
  }

  @Test
  void anExpiredHoldNoLongerCountsTowardsTheUsersLimit() {
    String eventId = api.publishedWithLimit("Limit after expiry", 20, 2);
    BoxofficeApi.Account user = api.newUser();
    held(eventId, 2, user.token());
    assertThat(api.book(eventId, 1, user.token()).json().get("code").asText())
        .isEqualTo("LIMIT_REACHED");

    passTheDeadline();

    api.booked(eventId, 2, user.token());
    assertThat(
            fixtures.queryLong(
                "SELECT tickets FROM ticket_holdings WHERE event_id = ? AND user_id = ?",
                UUID.fromString(eventId),
                UUID.fromString(user.id())))
        .isEqualTo(2);
  }

  @Test
  void aNewHoldReclaimsLapsedOnes() {
    String eventId = api.publishedWithCapacity("Hold after hold", 2);
    BoxofficeApi.Account first = api.newUser();
    String lapsed = held(eventId, 2, first.token());

    passTheDeadline();

    held(eventId, 2, api.newUser().token());
    assertThat(storedStatus(lapsed)).isEqualTo("EXPIRED");
    assertThat(column(eventId, "seats_held")).isEqualTo(2);
    assertThat(release(lapsed, first.token()).status()).isEqualTo(204);
    assertThat(column(eventId, "seats_held")).isEqualTo(2);
  }

  @Test
  void lapsedHoldsNeitherBlockAShrinkNorAReturnToDraft() {
    String eventId = api.publishedWithCapacity("Shrink after expiry", 10);
    held(eventId, 6, api.newUser().token());
    passTheDeadline();

    var shrunk =
        api.patch(EVENTS + "/" + eventId, Map.of("capacity", 3), api.admin().token(), null);
    assertThat(shrunk.status()).as(shrunk.toString()).isEqualTo(200);
    assertThat(api.changeStatus(eventId, "DRAFT").status()).isEqualTo(200);
    assertThat(column(eventId, "seats_held")).isZero();
  }

  @Test
  void releasingALapsedHoldChangesNothingButTheRecord() {
    String eventId = api.publishedWithCapacity("Release after expiry", 3);
    BoxofficeApi.Account user = api.newUser();
    String holdId = held(eventId, 3, user.token());
    passTheDeadline();

    assertThat(release(holdId, user.token()).status()).isEqualTo(204);

    assertThat(storedStatus(holdId)).isEqualTo("EXPIRED");
    assertThat(column(eventId, "seats_held")).isZero();
    assertThat(seatsAvailable(eventId)).isEqualTo(3);
  }

  private void passTheDeadline() {
    advance(TTL.plusSeconds(1));
  }

  private void advance(Duration by) {
    app.clock().advance(by);
    moved = moved.plus(by);
  }

  private String held(String eventId, int quantity, String token) {
    var response =
        app.http().post(EVENTS + "/" + eventId + "/holds", Map.of("quantity", quantity), token);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
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

  private int searchedSeatsAvailable(String eventId) {
    for (var item : app.http().get(EVENTS + "?limit=100&sort=-createdAt").json().get("items")) {
      if (item.get("id").asText().equals(eventId)) {
        return item.get("seatsAvailable").asInt();
      }
    }
    throw new AssertionError("event " + eventId + " not found by search");
  }

  private String storedStatus(String holdId) {
    long active =
        fixtures.queryLong(
            "SELECT count(*) FROM holds WHERE id = ? AND status = 'ACTIVE'",
            UUID.fromString(holdId));
    if (active == 1) {
      return "ACTIVE";
    }
    return fixtures.queryLong(
                "SELECT count(*) FROM holds WHERE id = ? AND status = 'EXPIRED'",
                UUID.fromString(holdId))
            == 1
        ? "EXPIRED"
        : "OTHER";
  }

  private long column(String eventId, String column) {
    return fixtures.queryLong(
        "SELECT " + column + " FROM events WHERE id = ?", UUID.fromString(eventId));
  }
}
