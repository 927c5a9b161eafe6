package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.SeatRaces;
import boxoffice.app.testing.TestApp;
import boxoffice.app.testing.TestHttpClient;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A refused booking explains itself from the database. Two instances with in-process caches: the
 * second still caches the event as it was before the first sold it out or cancelled it.
 */
@Tag(SeatRaces.TAG)
class RefusalFromTheDatabaseIT {

  @Test
  void aSoldOutAnswerShowsTheSeatsLeftAndTheReasonAsCommittedNotAsCached() {
    Map<String, String> memoryCache = Map.of("CACHE_TYPE", "memory", "CACHE_TTL", "10m");
    try (TestApp first = TestApp.start(memoryCache);
        TestApp second = TestApp.startOn(first.database(), memoryCache)) {
      Fixtures fixtures = new Fixtures(first);
      String soldOut = fixtures.publishedEvent("Last Seat Standing", 2);
      String cancelled = fixtures.publishedEvent("Called Off Concert", 5);
      String user = fixtures.users("refused", 1).getFirst();
      // The second instance caches both events while they still have every seat.
      assertThat(
              second.http().get("/api/v1/events/" + soldOut).json().get("seatsAvailable").asInt())
          .isEqualTo(2);
      assertThat(second.http().get("/api/v1/events/" + cancelled).json().get("status").asText())
          .isEqualTo("PUBLISHED");

      assertThat(Fixtures.book(first.http(), soldOut, user, 2, null).status()).isEqualTo(201);
      assertThat(fixtures.changeStatus(cancelled, "CANCELLED").status()).isEqualTo(200);

      TestHttpClient.Response refused = Fixtures.book(second.http(), soldOut, user, 1, null);
      assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
      assertThat(refused.json().get("seatsAvailable").asInt()).isZero();

      TestHttpClient.Response notBookable = Fixtures.book(second.http(), cancelled, user, 1, null);
      assertThat(notBookable.status()).as(notBookable.toString()).isEqualTo(409);
      assertThat(notBookable.json().get("detail").asText()).contains("CANCELLED");
    }
  }
}
