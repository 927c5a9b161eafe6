package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.SeatRaces;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.AllAtOnce;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two app instances on one database take a storm of single-seat bookings for a 50-seat event:
 * exactly 50 succeed, whatever the interleaving.
 */
@Tag(SeatRaces.TAG)
class OverbookingIT {
  private static final int CAPACITY = 50;
  private static final int USERS = 20;
  private static final int REQUESTS = 320;

  // Generous waits: 320 requests queue on one hot row and a small pool; on a busy 2-core machine
  // that may take seconds, and the test is about correctness, not speed.
  private static final Map<String, String> SETTINGS =
      Map.of("DB_POOL_SIZE", "10", "DB_CONNECTION_TIMEOUT", "20s", "REQUEST_TIMEOUT", "30s");

  @RegisterExtension static final RunningApp first = RunningApp.perClass(SETTINGS);
  static final RunningApp second = first.secondInstance(SETTINGS);
  private static final Fixtures fixtures = new Fixtures(first);
  private static List<String> tokens;

  @BeforeAll
  static void registerUsers() {
    tokens = fixtures.users("crowd", USERS);
  }

  /**
   * Bookings of many events at once: batches of several events on both instances lock their rows in
   * one order, so none deadlocks, and each event sells exactly its capacity.
   */
  @RepeatedTest(3)
  void eachOfManyEventsSellsExactlyItsCapacityAcrossTwoInstances() throws Exception {
    int events = 8;
    int capacity = 10;
    List<String> eventIds = new java.util.ArrayList<>();
    for (int e = 0; e < events; e++) {
      eventIds.add(fixtures.publishedEvent("Many Shows " + e + " " + UUID.randomUUID(), capacity));
    }
    List<TestHttpClient> instances = List.of(first.http(), second.http());
    List<TestHttpClient.Response> answers =
        AllAtOnce.run(
            REQUESTS,
            64,
            i ->
                Fixtures.book(
                    instances.get(i % 2),
                    eventIds.get((i / 2) % events),
                    tokens.get(i % USERS),
                    1,
                    null));

    assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(201, 409));
    assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(events * capacity);
    for (String eventId : eventIds) {
      UUID id = UUID.fromString(eventId);
      assertThat(fixtures.queryLong("SELECT seats_booked FROM events WHERE id = ?", id))
          .isEqualTo(capacity);
      assertThat(fixtures.queryLong("SELECT count(*) FROM tickets WHERE event_id = ?", id))
          .isEqualTo(capacity);
    }
  }

  @RepeatedTest(5)
  void exactlyCapacityBookingsSucceedAcrossTwoInstances() throws Exception {
    String eventId = fixtures.publishedEvent("Sold Out Show " + UUID.randomUUID(), CAPACITY);
    List<TestHttpClient> instances = List.of(first.http(), second.http());
    List<TestHttpClient.Response> answers =
        AllAtOnce.run(
            REQUESTS,
            64,
            i -> Fixtures.book(instances.get(i % 2), eventId, tokens.get(i % USERS), 1, null));

    int booked = 0;
    int refused = 0;
    for (TestHttpClient.Response response : answers) {
      assertThat(response.status()).as(response.toString()).isIn(201, 409);
      if (response.status() == 201) {
        booked++;
      } else {
        refused++;
        assertThat(response.json().get("seatsAvailable").asInt()).isZero();
      }
    }
    assertThat(booked).isEqualTo(CAPACITY);
    assertThat(refused).isEqualTo(REQUESTS - CAPACITY);

    UUID id = UUID.fromString(eventId);
    long seatsBooked = fixtures.queryLong("SELECT seats_booked FROM events WHERE id = ?", id);
    long confirmedSeats =
        fixtures.queryLong(
            "SELECT coalesce(sum(quantity), 0) FROM bookings WHERE event_id = ? AND status = 'CONFIRMED'",
            id);
    assertThat(seatsBooked).isEqualTo(CAPACITY).isEqualTo(confirmedSeats);
    // Each instance, whatever its own (per-instance, memory) cache holds, refuses one more seat
    // with the count the database has.
    for (TestHttpClient instance : instances) {
      TestHttpClient.Response more = Fixtures.book(instance, eventId, tokens.get(0), 1, null);
      assertThat(more.status()).as(more.toString()).isEqualTo(409);
      assertThat(more.json().get("seatsAvailable").asInt()).isZero();
    }
  }
}
