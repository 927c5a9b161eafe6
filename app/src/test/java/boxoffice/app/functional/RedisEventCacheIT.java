package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.TestApp;
import boxoffice.app.testing.TestRedis;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared cache: needs the local Redis (REDIS_HOST/REDIS_PORT, default 127.0.0.1:6379). */
class RedisEventCacheIT extends EventCacheContract {
  @Override
  Map<String, String> cacheSettings() {
    return TestRedis.settings();
  }

  @Test
  void twoInstancesSharingRedisSeeEachOthersWritesImmediately() {
    try (TestApp other = TestApp.startOn(app.database(), TestRedis.settings())) {
      String eventId = fixtures.publishedEvent("Two Door Dance", 100);
      String user = fixtures.users("neighbour", 1).getFirst();
      read(app, eventId);
      read(other, eventId);
      long hitsBefore = stats(app).hits();
      read(app, eventId);
      assertThat(stats(app).hits()).isGreaterThan(hitsBefore);

      assertThat(Fixtures.book(other.http(), eventId, user, 4, null).status()).isEqualTo(201);
      assertThat(read(app, eventId).get("seatsBooked").asInt()).isEqualTo(4);

      patch(eventId, "{\"title\":\"Two Door Dance (late show)\"}", fixtures.adminToken());
      assertThat(read(other, eventId).get("title").asText())
          .isEqualTo("Two Door Dance (late show)");
    }
  }
}
