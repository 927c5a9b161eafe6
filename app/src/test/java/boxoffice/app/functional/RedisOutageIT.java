package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.cache.EventCache;
import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.TestApp;
import boxoffice.app.testing.TestRedis;
import boxoffice.testing.Await;
import boxoffice.testing.TcpProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Redis is reached through a proxy the test cuts: requests must not notice beyond speed. */
class RedisOutageIT {

  @Test
  void readsAndBookingsKeepWorkingWithCorrectDataWhileRedisIsDown() throws Exception {
    try (TcpProxy proxy = new TcpProxy(TestRedis.host(), TestRedis.port());
        TestApp app = startThrough(proxy)) {
      Fixtures fixtures = new Fixtures(app);
      String eventId = fixtures.publishedEvent("Power Cut Party", 50);
      String user = fixtures.users("resilient", 1).getFirst();
      read(app, eventId);
      read(app, eventId);
      assertThat(stats(app).hits()).isPositive();

      proxy.cut();

      for (int i = 0; i < 5; i++) {
        assertThat(Fixtures.book(app.http(), eventId, user, 1, null).status()).isEqualTo(201);
        assertThat(read(app, eventId).get("seatsBooked").asInt()).isEqualTo(i + 1);
      }
      assertThat(stats(app).fallbacks()).isPositive();

      proxy.restore();
      long hitsBefore = stats(app).hits();
      await(
          () -> {
            read(app, eventId);
            return stats(app).hits() > hitsBefore;
          });
      // Invalidations missed during the outage were replayed: the cache shows the latest count.
      assertThat(read(app, eventId).get("seatsBooked").asInt()).isEqualTo(5);
    }
  }

  /**
   * Instance A reaches Redis through a proxy the test cuts; instance B reaches it directly and
   * keeps serving the event from Redis. A's bookings cannot evict B's entry themselves: they reach
   * B through PostgreSQL, within the stated bound, in every round.
   */
  @Test
  void aWriteOnAnInstanceCutOffFromRedisReachesTheOthersWithinFiveSeconds() throws Exception {
    try (TcpProxy proxy = new TcpProxy(TestRedis.host(), TestRedis.port());
        TestApp cutOff = startThrough(proxy);
        TestApp connected = TestApp.startOn(cutOff.database(), TestRedis.settings())) {
      Fixtures fixtures = new Fixtures(cutOff);
      String user = fixtures.users("cut-off", 1).getFirst();
      List<String> events = new ArrayList<>();
      for (int round = 0; round < 20; round++) {
        events.add(fixtures.publishedEvent("Split Brain Ball " + round, 100));
      }
      for (String eventId : events) {
        // B serves the event from Redis (once any tombstone of its creation has expired).
        await(
            () -> {
              long hitsBefore = stats(connected).hits();
              read(connected, eventId);
              return stats(connected).hits() > hitsBefore;
            });
      }
      proxy.cut();

      long slowestMillis = 0;
      for (String eventId : events) {
        assertThat(Fixtures.book(cutOff.http(), eventId, user, 3, null).status()).isEqualTo(201);
        long booked = System.nanoTime();
        Await.until(STALE_BOUND, () -> read(connected, eventId).get("seatsBooked").asInt() == 3);
        slowestMillis = Math.max(slowestMillis, (System.nanoTime() - booked) / 1_000_000);
      }
      assertThat(slowestMillis).as("slowest propagation, ms").isLessThan(STALE_BOUND.toMillis());
    }
  }

  /** An instance that reaches Redis only through {@code proxy}. */
  private static TestApp startThrough(TcpProxy proxy) {
    return TestApp.start(
        Map.of(
            "CACHE_TYPE", "redis",
            "REDIS_HOST", "127.0.0.1",
            "REDIS_PORT", String.valueOf(proxy.port()),
            "REDIS_TIMEOUT", "1s"));
  }

  /**
   * The 250 ms hand-over with room for a two-core machine running the whole suite (2.2 s seen
   * there), still far below CACHE_TTL, the staleness without the hand-over.
   */
  private static final Duration STALE_BOUND = Duration.ofSeconds(5);

  private static com.fasterxml.jackson.databind.JsonNode read(TestApp app, String eventId) {
    var response = app.http().get("/api/v1/events/" + eventId);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static EventCache.Stats stats(TestApp app) {
    return app.application().injector().getInstance(EventCache.class).stats();
  }

  private static void await(BooleanSupplier condition) {
    Await.until(Duration.ofSeconds(45), condition);
  }
}
