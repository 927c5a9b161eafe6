package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.data.EventCache;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Redis is reached through a proxy the test cuts: requests must not notice beyond speed. */
class RedisOutageIT {

  @Test
  void readsAndBookingsKeepWorkingWithCorrectDataWhileRedisIsDown() throws Exception {
    try (TcpProxy proxy = new TcpProxy(TestRedis.host(), TestRedis.port());
        TestApp app =
            TestApp.start(
                Map.of(
                    "CACHE_TYPE", "redis",
                    "REDIS_HOST", "127.0.0.1",
                    "REDIS_PORT", String.valueOf(proxy.port()),
                    "REDIS_TIMEOUT", "1s"))) {
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
