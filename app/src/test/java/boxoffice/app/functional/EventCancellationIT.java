package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestHttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cancelling an event cancels every confirmed booking atomically, even while bookings pour in. */
class EventCancellationIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final Fixtures fixtures = new Fixtures(app);

  @Test
  void noBookingStaysConfirmedAfterTheEventIsCancelledMidRush() throws Exception {
    String eventId = fixtures.publishedEvent("Storm Warning Festival", 10_000);
    List<String> tokens = fixtures.users("rush", 10);
    for (String token : tokens) {
      assertThat(Fixtures.book(app.http(), eventId, token, 2, null).status()).isEqualTo(201);
    }
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> late = new ArrayList<>();
    Future<TestHttpClient.Response> cancellation;

    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      for (int i = 0; i < 100; i++) {
        String token = tokens.get(i % tokens.size());
        Callable<Integer> booking =
            () -> {
              go.await();
              return Fixtures.book(app.http(), eventId, token, 1, null).status();
            };
        late.add(pool.submit(booking));
      }
      cancellation =
          pool.submit(
              () -> {
                go.await();
                return fixtures.changeStatus(eventId, "CANCELLED");
              });
      go.countDown();
    }

    assertThat(cancellation.get().status()).isEqualTo(200);
    for (Future<Integer> status : late) {
      assertThat(status.get()).isIn(201, 409);
    }
    UUID id = UUID.fromString(eventId);
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM bookings WHERE event_id = ? AND status = 'CONFIRMED'", id))
        .isZero();
    assertThat(fixtures.queryLong("SELECT seats_booked FROM events WHERE id = ?", id)).isZero();
    long bookings = fixtures.queryLong("SELECT count(*) FROM bookings WHERE event_id = ?", id);
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM outbox WHERE type = 'booking.cancelled'"
                    + " AND payload->>'eventId' = ? AND payload->>'cause' = 'EVENT_CANCELLED'",
                eventId))
        .isEqualTo(bookings);
    var event = fixtures.event(eventId);
    assertThat(event.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(event.get("seatsBooked").asInt()).isZero();
    assertThat(Fixtures.book(app.http(), eventId, tokens.getFirst(), 1, null).status())
        .isEqualTo(409);
  }
}
