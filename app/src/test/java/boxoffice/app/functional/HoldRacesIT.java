package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.SeatRaces;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.AllAtOnce;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Holds under races on two app instances sharing one database, with the sweeper off: holds,
 * bookings and expiries never pass the capacity, every lapsed hold is reclaimed exactly once, and a
 * hold becomes one booking or is released, never both.
 */
@Tag(SeatRaces.TAG)
class HoldRacesIT {
  private static final Duration TTL = Duration.ofMinutes(10);
  private static final Map<String, String> SETTINGS =
      Map.of(
          "DB_CONNECTION_TIMEOUT", "20s",
          "REQUEST_TIMEOUT", "30s",
          "BOOKING_HOLD_SWEEP_INTERVAL", "0s");

  @RegisterExtension static final RunningApp first = RunningApp.perClass(SETTINGS);
  static final RunningApp second = first.secondInstance(SETTINGS);
  private static final BoxofficeApi api = new BoxofficeApi(first);
  private static final Fixtures fixtures = new Fixtures(first);

  private static TestHttpClient instance(int i) {
    return i % 2 == 0 ? first.http() : second.http();
  }

  @RepeatedTest(5)
  void holdsBookingsAndExpiriesNeverPassTheCapacity() throws Exception {
    String eventId = api.publishedWithLimit("Rush " + UUID.randomUUID(), 12, 10);
    List<String> tokens = fixtures.users("rush", 8);

    List<TestHttpClient.Response> before = AllAtOnce.run(24, i -> holdOrBook(i, eventId, tokens));
    assertThat(before).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(201, 409));
    assertConsistent(eventId);
    assertThat(taken(eventId)).isEqualTo(12); // demand is twice the capacity
    List<String> firstHolds = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (before.get(i).status() == 201 && before.get(i).json().has("expiresAt")) {
        firstHolds.add(before.get(i).json().get("id").asText());
        owners.add(tokens.get(i % tokens.size()));
      }
    }

    advanceBothClocks(TTL.plusSeconds(1));
    try {
      List<TestHttpClient.Response> after =
          AllAtOnce.run(
              24 + firstHolds.size(),
              i ->
                  i < 24
                      ? holdOrBook(i, eventId, tokens)
                      : instance(i)
                          .post(
                              "/api/v1/holds/" + firstHolds.get(i - 24) + "/confirm",
                              Map.of(),
                              owners.get(i - 24)));
      assertThat(after).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(201, 409));
      assertThat(after.subList(24, after.size()))
          .allSatisfy(
              r -> {
                assertThat(r.status()).as(r.toString()).isEqualTo(409);
                assertThat(r.json().get("code").asText()).isEqualTo("HOLD_EXPIRED");
              });
      assertConsistent(eventId);
      UUID id = UUID.fromString(eventId);
      assertThat(
              fixtures.queryLong(
                  "SELECT count(*) FROM outbox o JOIN holds h ON h.id = o.aggregate_id"
                      + " WHERE o.type = 'hold.expired' AND h.event_id = ?",
                  id))
          .as("each lapsed hold reclaimed once")
          .isEqualTo(
              fixtures.queryLong(
                  "SELECT count(*) FROM holds WHERE event_id = ? AND status = 'EXPIRED'", id))
          .isEqualTo(firstHolds.size());
    } finally {
      advanceBothClocks(TTL.plusSeconds(1).negated());
    }
  }

  @RepeatedTest(5)
  void aHoldConfirmedFromBothInstancesAtOnceIsOneBooking() throws Exception {
    String eventId = api.publishedWithCapacity("Double confirm " + UUID.randomUUID(), 10);
    BoxofficeApi.Account user = api.newUser();
    String holdId = held(eventId, 3, user.token());

    List<TestHttpClient.Response> answers =
        AllAtOnce.run(
            10,
            i -> instance(i).post("/api/v1/holds/" + holdId + "/confirm", Map.of(), user.token()));

    assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
    assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(9);
    assertThat(answers.stream().map(r -> r.json().get("id").asText()).distinct()).hasSize(1);
    assertConsistent(eventId);
    assertThat(
            fixtures.queryLong(
                "SELECT seats_booked FROM events WHERE id = ?", UUID.fromString(eventId)))
        .isEqualTo(3);
  }

  @RepeatedTest(5)
  void aHoldIsConfirmedOrReleasedNeverBoth() throws Exception {
    String eventId = api.publishedWithCapacity("Confirm or release " + UUID.randomUUID(), 10);
    BoxofficeApi.Account user = api.newUser();
    String holdId = held(eventId, 2, user.token());

    List<TestHttpClient.Response> answers =
        AllAtOnce.run(
            10,
            i ->
                i % 4 < 2
                    ? instance(i)
                        .post("/api/v1/holds/" + holdId + "/confirm", Map.of(), user.token())
                    : instance(i)
                        .send(
                            instance(i).request("/api/v1/holds/" + holdId, user.token()).DELETE()));

    boolean confirmed = answers.stream().anyMatch(r -> r.status() == 201);
    if (confirmed) {
      assertThat(answers)
          .filteredOn(r -> r.status() == 409)
          .allSatisfy(r -> assertThat(r.json().get("code").asText()).isEqualTo("HOLD_CONFIRMED"));
      assertThat(answers).noneMatch(r -> r.status() == 204);
    } else {
      assertThat(answers)
          .filteredOn(r -> r.status() == 409)
          .allSatisfy(r -> assertThat(r.json().get("code").asText()).isEqualTo("HOLD_RELEASED"));
      assertThat(answers).noneMatch(r -> r.status() == 200);
    }
    assertConsistent(eventId);
    assertThat(taken(eventId)).isEqualTo(confirmed ? 2 : 0);
  }

  private static TestHttpClient.Response holdOrBook(int i, String eventId, List<String> tokens) {
    String token = tokens.get(i % tokens.size());
    return i % 3 == 0
        ? Fixtures.book(instance(i), eventId, token, 1, null)
        : instance(i).post("/api/v1/events/" + eventId + "/holds", Map.of("quantity", 2), token);
  }

  private static String held(String eventId, int quantity, String token) {
    var response =
        first
            .http()
            .post("/api/v1/events/" + eventId + "/holds", Map.of("quantity", quantity), token);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private static void advanceBothClocks(Duration by) {
    first.clock().advance(by);
    second.clock().advance(by);
  }

  /** Seats booked and held now, as the counters say. */
  private static long taken(String eventId) {
    return fixtures.queryLong(
        "SELECT seats_booked + seats_held FROM events WHERE id = ?", UUID.fromString(eventId));
  }

  /** The counters equal what the rows say, and never pass the capacity. */
  private static void assertConsistent(String eventId) {
    UUID id = UUID.fromString(eventId);
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM events e WHERE e.id = ? AND (e.seats_booked <>"
                    + " (SELECT count(*) FROM tickets t JOIN bookings b ON b.id = t.booking_id"
                    + "  WHERE t.event_id = e.id AND t.status <> 'VOID' AND b.status = 'CONFIRMED')"
                    + " OR e.seats_held <> (SELECT coalesce(sum(quantity), 0) FROM holds h"
                    + "  WHERE h.event_id = e.id AND h.status = 'ACTIVE')"
                    + " OR e.seats_booked + e.seats_held > e.capacity)",
                id))
        .as("seats booked and held agree with tickets and holds, within capacity")
        .isZero();
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM ticket_holdings c WHERE c.event_id = ? AND c.tickets <>"
                    + " (SELECT count(*) FROM tickets t WHERE t.event_id = c.event_id"
                    + "  AND t.user_id = c.user_id AND t.status <> 'VOID')"
                    + " + (SELECT coalesce(sum(quantity), 0) FROM holds h WHERE h.event_id ="
                    + "  c.event_id AND h.user_id = c.user_id AND h.status = 'ACTIVE')",
                id))
        .as("each user's count is their tickets and held seats")
        .isZero();
  }
}
