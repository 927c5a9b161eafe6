package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.SeatRaces;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.AllAtOnce;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The last seat of an event, fought over by retries of one request on two app instances, and
 * refusals explained from the database even when the event cache is behind.
 */
@Tag(SeatRaces.TAG)
class LastSeatIT {
  private static final int PARALLEL_RETRIES = 6;

  private static final Map<String, String> SETTINGS =
      Map.of("CACHE_TYPE", "memory", "DB_POOL_SIZE", "6");

  @RegisterExtension static final RunningApp first = RunningApp.perClass(SETTINGS);
  static final RunningApp second = first.secondInstance(SETTINGS);
  private static final Fixtures fixtures = new Fixtures(first);
  private static String token;

  @BeforeAll
  static void registerUser() {
    token = fixtures.users("last-seat", 1).getFirst();
  }

  @RepeatedTest(20)
  void parallelRetriesOfOneRequestAllGetTheLastSeatsBooking() throws Exception {
    String eventId = fixtures.publishedEvent("Single Seat Recital " + UUID.randomUUID(), 1);
    String key = "last-seat-" + UUID.randomUUID();
    List<TestHttpClient> instances = List.of(first.http(), second.http());
    List<TestHttpClient.Response> answers =
        AllAtOnce.run(
            PARALLEL_RETRIES, i -> Fixtures.book(instances.get(i % 2), eventId, token, 1, key));

    List<String> ids = new ArrayList<>();
    for (TestHttpClient.Response response : answers) {
      assertThat(response.status()).as(response.toString()).isEqualTo(201);
      ids.add(response.json().get("id").asText());
    }
    assertThat(ids).containsOnly(ids.getFirst());
    UUID id = UUID.fromString(eventId);
    assertThat(fixtures.queryLong("SELECT count(*) FROM bookings WHERE event_id = ?", id))
        .isEqualTo(1);
    assertThat(fixtures.queryLong("SELECT seats_booked FROM events WHERE id = ?", id)).isEqualTo(1);
  }

  @Test
  void aSoldOutRefusalCountsTheSeatsInTheDatabaseNotTheCachedOnes() {
    String eventId = fixtures.publishedEvent("Stale Seats Serenade", 5);
    assertThat(cachedEvent(eventId).get("seatsAvailable").asInt()).isEqualTo(5);
    // Behind the app's back, so no invalidation reaches its cache.
    execute("UPDATE events SET seats_booked = 4 WHERE id = ?", eventId);
    assertThat(cachedEvent(eventId).get("seatsAvailable").asInt()).isEqualTo(5);

    var refused = Fixtures.book(first.http(), eventId, token, 2, null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().get("type").asText()).endsWith("/sold-out");
    assertThat(refused.json().get("seatsAvailable").asInt()).isEqualTo(1);
  }

  @Test
  void aRefusalNamesTheStatusInTheDatabaseNotTheCachedOne() {
    String eventId = fixtures.publishedEvent("Quietly Cancelled Cabaret", 5);
    assertThat(cachedEvent(eventId).get("status").asText()).isEqualTo("PUBLISHED");
    execute("UPDATE events SET status = 'CANCELLED' WHERE id = ?", eventId);
    assertThat(cachedEvent(eventId).get("status").asText()).isEqualTo("PUBLISHED");

    var refused = Fixtures.book(first.http(), eventId, token, 1, null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().get("type").asText()).doesNotEndWith("/sold-out");
    assertThat(refused.json().get("detail").asText()).contains("CANCELLED");
  }

  @Test
  void aBookingAfterAnEditOnTheOtherInstanceCarriesTheNewDetails() {
    String eventId = fixtures.publishedEvent("Original Title Opera", 5);
    // The first instance books, and so knows the event as it was.
    assertThat(Fixtures.book(first.http(), eventId, token, 1, null).status()).isEqualTo(201);
    var renamed =
        second
            .http()
            .send(
                second
                    .http()
                    .request("/api/v1/events/" + eventId, fixtures.adminToken())
                    .header("Content-Type", "application/json")
                    .method(
                        "PATCH",
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"title\":\"Renamed Opera\",\"venue\":\"New Hall\"}")));
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

    var booked = Fixtures.book(first.http(), eventId, token, 1, null);

    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    UUID bookingId = UUID.fromString(booked.json().get("id").asText());
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = 'booking.created'"
                    + " AND payload->>'eventTitle' = 'Renamed Opera'"
                    + " AND payload->>'venue' = 'New Hall'",
                bookingId))
        .as("the booking's message names the event as it is now")
        .isEqualTo(1);
    assertThat(fixtures.queryLong("SELECT seats_booked FROM events WHERE id = ?", id(eventId)))
        .isEqualTo(2);
  }

  @Test
  void anEventCancelledOnTheOtherInstanceIsNotBookedHere() {
    String eventId = fixtures.publishedEvent("Soon Cancelled Sonata", 5);
    assertThat(Fixtures.book(first.http(), eventId, token, 1, null).status()).isEqualTo(201);
    var cancelled = new Fixtures(second).changeStatus(eventId, "CANCELLED");
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

    var refused = Fixtures.book(first.http(), eventId, token, 1, null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().get("detail").asText()).contains("CANCELLED");
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM bookings WHERE event_id = ? AND status = 'CONFIRMED'",
                id(eventId)))
        .isZero();
  }

  private static UUID id(String eventId) {
    return UUID.fromString(eventId);
  }

  /** The event as the first instance serves it to the public, from its cache once loaded. */
  private static com.fasterxml.jackson.databind.JsonNode cachedEvent(String eventId) {
    return first.http().get("/api/v1/events/" + eventId).json();
  }

  private static void execute(String sql, String eventId) {
    try (var connection = first.database().connect();
        var statement = connection.prepareStatement(sql)) {
      statement.setObject(1, UUID.fromString(eventId));
      assertThat(statement.executeUpdate()).isEqualTo(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
