package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.Await;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bookings of one event that arrive while one of its bookings is in flight are seated by one
 * transaction, and each still gets its own exact answer. The tests hold the event's row lock from a
 * connection of their own, so the first booking is in flight (waiting for the lock) until they let
 * it go, and every booking sent meanwhile queues behind it.
 */
class CoalescedBookingsIT {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @RegisterExtension
  static final RunningApp app =
      RunningApp.perClass(Map.of("BOOKING_COALESCE", "true", "REQUEST_TIMEOUT", "30s"));

  private static final Fixtures fixtures = new Fixtures(app);
  private static final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
  private static List<String> users;

  @BeforeAll
  static void registerUsers() {
    users = fixtures.users("batch", 16);
  }

  @AfterAll
  static void stopClients() {
    clients.close();
  }

  @Test
  void bookingsQueuedBehindOneInFlightAreSeatedTogetherEachWithItsOwnAnswer() throws Exception {
    String eventId = fixtures.publishedEvent("Batch " + UUID.randomUUID(), 10);
    long batchesBefore = metric(app, "boxoffice_booking_batches_total");
    long batchedBefore = metric(app, "boxoffice_booking_batched_total");

    List<TestHttpClient.Response> answers;
    try (RowLock lock = RowLock.on(app, eventId)) {
      List<CompletableFuture<TestHttpClient.Response>> sent = new ArrayList<>();
      sent.add(book(app, eventId, users.get(0), 1));
      lock.awaitWaiters(1);
      for (int i = 1; i < 16; i++) {
        sent.add(book(app, eventId, users.get(i), 1));
      }
      awaitInFlight(app, 16);
      lock.release();
      answers = join(sent);
    }

    assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(10);
    assertThat(answers)
        .filteredOn(r -> r.status() != 201)
        .hasSize(6)
        .allSatisfy(
            r -> {
              assertThat(r.status()).as(r.toString()).isEqualTo(409);
              assertThat(r.json().get("code").asText()).isEqualTo("SOLD_OUT");
              assertThat(r.json().get("seatsAvailable").asInt()).isZero();
            });
    assertThat(metric(app, "boxoffice_booking_batches_total")).isGreaterThan(batchesBefore);
    assertThat(metric(app, "boxoffice_booking_batched_total")).isGreaterThan(batchedBefore + 1);
    assertConsistent(fixtures, eventId, 10);
  }

  @Test
  void aBookingThatFailsInItsBatchDoesNotFailTheOthers() throws Exception {
    String eventId =
        fixtures.publishedEvent(
            "Limit in a batch " + UUID.randomUUID(),
            50,
            Instant.now().plus(Duration.ofDays(30)),
            10);
    String greedy = users.get(15);

    List<TestHttpClient.Response> others;
    List<TestHttpClient.Response> greedyAnswers;
    try (RowLock lock = RowLock.on(app, eventId)) {
      CompletableFuture<TestHttpClient.Response> first = book(app, eventId, users.get(0), 1);
      lock.awaitWaiters(1);
      // Together past the limit of 10: the second one's statement fails on the limit's CHECK.
      List<CompletableFuture<TestHttpClient.Response>> greedySent =
          List.of(book(app, eventId, greedy, 6), book(app, eventId, greedy, 6));
      List<CompletableFuture<TestHttpClient.Response>> othersSent = new ArrayList<>();
      othersSent.add(first);
      for (int i = 1; i < 9; i++) {
        othersSent.add(book(app, eventId, users.get(i), 2));
      }
      awaitInFlight(app, 11);
      lock.release();
      greedyAnswers = join(greedySent);
      others = join(othersSent);
    }

    assertThat(others).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
    assertThat(greedyAnswers).extracting(TestHttpClient.Response::status).contains(201, 409);
    TestHttpClient.Response refused =
        greedyAnswers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
    assertThat(refused.json().get("code").asText()).isEqualTo("LIMIT_REACHED");
    assertThat(refused.json().get("remaining").asInt()).isEqualTo(4);
    assertConsistent(fixtures, eventId, 1 + 6 + 8 * 2);
  }

  @Test
  void aBatchWhoseConnectionIsCutAnswers503AndLeavesNothingBehind() throws Exception {
    String eventId = fixtures.publishedEvent("Cut batch " + UUID.randomUUID(), 20);

    List<TestHttpClient.Response> batch;
    TestHttpClient.Response solo;
    try (RowLock lock = RowLock.on(app, eventId)) {
      CompletableFuture<TestHttpClient.Response> first = book(app, eventId, users.get(0), 1);
      lock.awaitWaiters(1);
      List<CompletableFuture<TestHttpClient.Response>> sent = new ArrayList<>();
      for (int i = 1; i < 6; i++) {
        sent.add(book(app, eventId, users.get(i), 1));
      }
      awaitInFlight(app, 6);
      lock.cutWaiters(); // the first booking's connection: it fails alone, and the batch starts
      solo = first.get();
      lock.awaitWaiters(1);
      lock.cutWaiters(); // the batch's connection, while its first statement waits for the lock
      batch = join(sent);
    }

    assertThat(solo.status()).as(solo.toString()).isEqualTo(503);
    assertThat(batch).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(503));
    assertConsistent(fixtures, eventId, 0);
    // The lane is free again: the next booking of the event runs at once.
    TestHttpClient.Response after = Fixtures.book(app.http(), eventId, users.get(0), 1, null);
    assertThat(after.status()).as(after.toString()).isEqualTo(201);
    assertConsistent(fixtures, eventId, 1);
  }

  private static CompletableFuture<TestHttpClient.Response> book(
      RunningApp instance, String eventId, String token, int quantity) {
    Supplier<TestHttpClient.Response> call =
        () -> Fixtures.book(instance.http(), eventId, token, quantity, null);
    return CompletableFuture.supplyAsync(call, clients);
  }

  private static List<TestHttpClient.Response> join(
      List<CompletableFuture<TestHttpClient.Response>> sent) {
    return sent.stream().map(CompletableFuture::join).toList();
  }

  /** Waits until {@code count} requests (besides the scrape itself) are being handled. */
  private static void awaitInFlight(RunningApp instance, int count) {
    Await.until(
        count + " requests in flight",
        PATIENCE,
        () -> metric(instance, "http_server_requests_in_flight") > count);
  }

  private static long metric(RunningApp instance, String name) {
    String metrics = instance.http().get("/metrics").body();
    Matcher value = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(metrics);
    return value.find() ? (long) Double.parseDouble(value.group(2)) : 0;
  }

  /** Seats booked = bookings' seats = tickets = booking.created rows in the outbox. */
  private static void assertConsistent(Fixtures of, String eventId, int seats) {
    UUID id = UUID.fromString(eventId);
    assertThat(of.queryLong("SELECT seats_booked FROM events WHERE id = ?", id)).isEqualTo(seats);
    assertThat(
            of.queryLong(
                "SELECT coalesce(sum(quantity), 0) FROM bookings WHERE event_id = ?"
                    + " AND status = 'CONFIRMED'",
                id))
        .isEqualTo(seats);
    assertThat(of.queryLong("SELECT count(*) FROM tickets WHERE event_id = ?", id))
        .isEqualTo(seats);
    assertThat(
            of.queryLong(
                "SELECT coalesce(sum((payload->>'quantity')::int), 0) FROM outbox"
                    + " WHERE type = 'booking.created' AND payload->>'eventId' = ?",
                eventId))
        .isEqualTo(seats);
  }

  private static long queryLong(RunningApp instance, String sql) {
    try (Connection connection = instance.get().database().connect();
        var statement = connection.prepareStatement(sql);
        var rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The event's row, locked by a transaction of the test's own until released. */
  private static final class RowLock implements AutoCloseable {
    private final RunningApp instance;
    private final Connection connection;

    private RowLock(RunningApp instance, Connection connection) {
      this.instance = instance;
      this.connection = connection;
    }

    static RowLock on(RunningApp instance, String eventId) throws SQLException {
      Connection connection = instance.get().database().connect();
      connection.setAutoCommit(false);
      try (var lock = connection.prepareStatement("SELECT 1 FROM events WHERE id = ? FOR UPDATE")) {
        lock.setObject(1, UUID.fromString(eventId));
        lock.executeQuery().close();
      }
      return new RowLock(instance, connection);
    }

    /** Waits until {@code count} booking statements wait for this lock. */
    void awaitWaiters(int count) {
      Await.until(
          count + " booking statement(s) waiting for the event's lock",
          PATIENCE,
          () -> queryLong(instance, waiters("count(*)")) == count);
    }

    /** Ends the connections of the booking statements waiting for this lock. */
    void cutWaiters() {
      queryLong(instance, waiters("count(pg_terminate_backend(pid))"));
    }

    private static String waiters(String select) {
      return "SELECT "
          + select
          + " FROM pg_stat_activity WHERE datname = current_database()"
          + " AND wait_event_type = 'Lock' AND query LIKE 'WITH locked AS%'";
    }

    void release() throws SQLException {
      connection.commit();
    }

    @Override
    public void close() throws SQLException {
      connection.rollback();
      connection.close();
    }
  }
}
