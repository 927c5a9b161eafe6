package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.SeatRaces;
import boxoffice.app.testing.TestHttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Users cancel their bookings on two app instances while an admin cancels the event: every request
 * succeeds (no deadlock surfaces), and every booking ends cancelled exactly once.
 */
@Tag(SeatRaces.TAG)
class CancellationRaceIT {
  private static final int USERS = 6;
  private static final int BOOKINGS_PER_USER = 2;

  // The cancellations queue on the event row; on a loaded machine the queue may outlast the
  // default 5 s request deadline, which is not what this test is about.
  private static final Map<String, String> SETTINGS =
      Map.of("DB_POOL_SIZE", "8", "REQUEST_TIMEOUT", "30s", "DB_CONNECTION_TIMEOUT", "20s");

  @RegisterExtension static final RunningApp first = RunningApp.perClass(SETTINGS);
  static final RunningApp second = first.secondInstance(SETTINGS);
  private static final Fixtures fixtures = new Fixtures(first);
  private static List<String> tokens;
  private static final AtomicInteger ROUND = new AtomicInteger();

  @BeforeAll
  static void registerUsers() {
    tokens = fixtures.users("canceller", USERS);
  }

  @RepeatedTest(20)
  void usersAndTheAdminCancelConcurrentlyWithoutErrors() throws Exception {
    int round = ROUND.incrementAndGet();
    String eventId = fixtures.publishedEvent("Called Off Carnival " + UUID.randomUUID(), 100);
    List<TestHttpClient> instances = List.of(first.http(), second.http());
    List<String[]> bookings = bookEach(eventId); // {bookingId, token}
    CountDownLatch go = new CountDownLatch(1);
    List<Future<TestHttpClient.Response>> userCancels = new ArrayList<>();
    Future<TestHttpClient.Response> eventCancel;

    try (ExecutorService pool = Executors.newFixedThreadPool(bookings.size() + 1)) {
      for (int i = 0; i < bookings.size(); i++) {
        TestHttpClient instance = instances.get(i % 2);
        String[] booking = bookings.get(i);
        Callable<TestHttpClient.Response> cancel =
            () -> {
              go.await();
              return instance.post(
                  "/api/v1/bookings/" + booking[0] + "/cancel", Map.of(), booking[1]);
            };
        userCancels.add(pool.submit(cancel));
      }
      TestHttpClient adminInstance = instances.get(round % 2);
      eventCancel =
          pool.submit(
              () -> {
                go.await();
                return adminInstance.send(
                    adminInstance
                        .request("/api/v1/events/" + eventId + "/status", fixtures.adminToken())
                        .header("Content-Type", "application/json")
                        .PUT(
                            java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"status\":\"CANCELLED\"}")));
              });
      go.countDown();
    }

    TestHttpClient.Response cancelled = eventCancel.get();
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    for (Future<TestHttpClient.Response> answer : userCancels) {
      TestHttpClient.Response response = answer.get();
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      assertThat(response.json().get("status").asText()).isEqualTo("CANCELLED");
    }
    assertConsistent(eventId, bookings.size());
  }

  /** Books {@link #BOOKINGS_PER_USER} single seats for every user, in parallel to save time. */
  private static List<String[]> bookEach(String eventId) throws Exception {
    List<Future<String[]>> made = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(USERS)) {
      for (String token : tokens) {
        for (int b = 0; b < BOOKINGS_PER_USER; b++) {
          made.add(
              pool.submit(
                  () -> {
                    var booked = Fixtures.book(first.http(), eventId, token, 1, null);
                    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
                    return new String[] {booked.json().get("id").asText(), token};
                  }));
        }
      }
    }
    List<String[]> bookings = new ArrayList<>();
    for (Future<String[]> booking : made) {
      bookings.add(booking.get());
    }
    return bookings;
  }

  private static void assertConsistent(String eventId, int bookingCount) {
    UUID id = UUID.fromString(eventId);
    assertThat(fixtures.queryLong("SELECT seats_booked FROM events WHERE id = ?", id)).isZero();
    assertThat(
            fixtures.queryLong(
                "SELECT coalesce(sum(quantity), 0) FROM bookings"
                    + " WHERE event_id = ? AND status = 'CONFIRMED'",
                id))
        .isZero();
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM bookings WHERE event_id = ? AND status = 'CANCELLED'", id))
        .isEqualTo(bookingCount);
    // Exactly one cancellation record per booking, whoever cancelled it.
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM outbox WHERE type = 'booking.cancelled'"
                    + " AND payload->>'eventId' = ?",
                eventId))
        .isEqualTo(bookingCount);
    assertThat(
            fixtures.queryLong(
                "SELECT count(DISTINCT aggregate_id) FROM outbox WHERE type = 'booking.cancelled'"
                    + " AND payload->>'eventId' = ?",
                eventId))
        .isEqualTo(bookingCount);
    // The event's status change counts exactly the bookings the event cancellation took.
    assertThat(
            fixtures.queryLong(
                "SELECT sum((payload->>'cancelledBookings')::int) FROM outbox"
                    + " WHERE type = 'event.status_changed' AND aggregate_id = ?",
                id))
        .isEqualTo(
            fixtures.queryLong(
                "SELECT count(*) FROM outbox WHERE type = 'booking.cancelled'"
                    + " AND payload->>'eventId' = ? AND payload->>'cause' = 'EVENT_CANCELLED'",
                eventId));
  }
}
