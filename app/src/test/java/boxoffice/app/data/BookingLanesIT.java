package boxoffice.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.testing.Await;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lanes of a running instance, driven directly so the test decides when a waiting booking's
 * thread is interrupted (as a request's deadline does) while the booking in flight still waits for
 * the event's row lock, held by the test.
 */
class BookingLanesIT {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @RegisterExtension
  static final RunningApp app = RunningApp.perClass(Map.of("BOOKING_COALESCE", "true"));

  private static final Fixtures fixtures = new Fixtures(app);

  @Test
  void aBookingInterruptedWhileItWaitsForItsBatchLeavesTheQueueAndBooksNothing() throws Exception {
    BookingLanes lanes = app.get().application().injector().getInstance(BookingLanes.class);
    UUID eventId = UUID.fromString(fixtures.publishedEvent("Lanes " + UUID.randomUUID(), 5));
    fixtures.users("lane", 1);
    UUID userId = uuid("SELECT id FROM users WHERE email LIKE 'lane%' LIMIT 1");
    int version = (int) fixtures.queryLong("SELECT version FROM events WHERE id = ?", eventId);
    BookingStatement.Values inFlight = booking(eventId, userId, version);
    BookingStatement.Values queued = booking(eventId, userId, version);

    CompletableFuture<BookingDao.Seating> first;
    AtomicReference<Thread> waiter = new AtomicReference<>();
    CompletableFuture<BookingDao.Seating> second = new CompletableFuture<>();
    try (Connection lock = app.get().database().connect()) {
      lock.setAutoCommit(false);
      try (var statement = lock.prepareStatement("SELECT 1 FROM events WHERE id = ? FOR UPDATE")) {
        statement.setObject(1, eventId);
        statement.executeQuery().close();
      }
      first = CompletableFuture.supplyAsync(() -> lanes.book(inFlight));
      Await.until(
          "the first booking waits for the lock",
          PATIENCE,
          () ->
              fixtures.queryLong(
                      "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                          + " AND wait_event_type = 'Lock' AND query LIKE 'WITH locked AS%'")
                  == 1);
      waiter.set(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      second.complete(lanes.book(queued));
                    } catch (RuntimeException e) {
                      second.completeExceptionally(e);
                    }
                  }));
      Await.until("the second booking queues", PATIENCE, () -> lanes.waiting(eventId) == 1);

      waiter.get().interrupt();

      assertThatThrownBy(second::get)
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(BookingLanes.BatchAborted.class);
      assertThat(lanes.waiting(eventId)).isZero();
      assertThat(first).isNotDone();
      lock.commit();
    }

    assertThat(first.get().booking()).isPresent();
    waiter.get().join();
    assertThat(fixtures.queryLong("SELECT seats_booked FROM events WHERE id = ?", eventId))
        .isEqualTo(1);
    assertThat(fixtures.queryLong("SELECT count(*) FROM bookings WHERE id = ?", queued.id()))
        .isZero();
  }

  private static BookingStatement.Values booking(UUID eventId, UUID userId, int version) {
    UUID id = UUID.randomUUID();
    return new BookingStatement.Values(
        id,
        eventId,
        userId,
        1,
        version,
        new UUID[] {UUID.randomUUID()},
        new String[] {UUID.randomUUID().toString().replace("-", "")},
        Instant.now(),
        UUID.randomUUID(),
        "booking.created",
        "{}",
        null,
        null,
        null);
  }

  private static UUID uuid(String sql) throws SQLException {
    try (Connection connection = app.get().database().connect();
        var statement = connection.prepareStatement(sql);
        var rows = statement.executeQuery()) {
      rows.next();
      return rows.getObject(1, UUID.class);
    }
  }
}
