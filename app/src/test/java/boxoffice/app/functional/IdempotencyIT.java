package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.SeatRaces;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.AllAtOnce;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A retried booking request with an Idempotency-Key books once and answers the same booking. */
@Tag(SeatRaces.TAG)
class IdempotencyIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final Fixtures fixtures = new Fixtures(app);

  @Test
  void aSequentialRetryReplaysTheOriginalBooking() {
    String eventId = fixtures.publishedEvent("Retry Gala", 100);
    String token = fixtures.users("retry", 1).getFirst();
    String key = "checkout-" + UUID.randomUUID();

    var original = Fixtures.book(app.http(), eventId, token, 3, key);
    var retry = Fixtures.book(app.http(), eventId, token, 3, key);

    assertThat(original.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.json().get("id")).isEqualTo(original.json().get("id"));
    assertThat(fixtures.event(eventId).get("seatsBooked").asInt()).isEqualTo(3);
  }

  @Test
  void tenConcurrentRequestsWithOneKeyBookExactlyOnce() throws Exception {
    String eventId = fixtures.publishedEvent("Double Click Concert", 100);
    String token = fixtures.users("clicker", 1).getFirst();
    String key = "tap-" + UUID.randomUUID();
    List<TestHttpClient.Response> answers =
        AllAtOnce.run(10, i -> Fixtures.book(app.http(), eventId, token, 2, key));

    List<String> ids = new ArrayList<>();
    for (TestHttpClient.Response response : answers) {
      assertThat(response.status()).as(response.toString()).isEqualTo(201);
      ids.add(response.json().get("id").asText());
    }
    assertThat(ids).containsOnly(ids.getFirst());
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM bookings WHERE event_id = ?", UUID.fromString(eventId)))
        .isEqualTo(1);
    assertThat(fixtures.event(eventId).get("seatsBooked").asInt()).isEqualTo(2);
  }

  @Test
  void theSameKeyWithADifferentBodyIsRefused() {
    String eventId = fixtures.publishedEvent("Changed Mind Matinee", 100);
    String token = fixtures.users("fickle", 1).getFirst();
    String key = "order-" + UUID.randomUUID();
    Fixtures.book(app.http(), eventId, token, 1, key);

    var different = Fixtures.book(app.http(), eventId, token, 4, key);

    assertThat(different.status()).isEqualTo(422);
    assertThat(different.json().get("errors").get(0).get("field").asText())
        .isEqualTo("Idempotency-Key");
    assertThat(different.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(fixtures.event(eventId).get("seatsBooked").asInt()).isEqualTo(1);
  }

  @Test
  void keysAreScopedToTheirUser() {
    String eventId = fixtures.publishedEvent("Shared Key Soiree", 100);
    List<String> tokens = fixtures.users("scoped", 2);
    String key = "same-key-for-everyone";

    var mine = Fixtures.book(app.http(), eventId, tokens.get(0), 1, key);
    var theirs = Fixtures.book(app.http(), eventId, tokens.get(1), 1, key);

    assertThat(mine.status()).isEqualTo(201);
    assertThat(theirs.status()).isEqualTo(201);
    assertThat(theirs.json().get("id")).isNotEqualTo(mine.json().get("id"));
    assertThat(fixtures.event(eventId).get("seatsBooked").asInt()).isEqualTo(2);
  }

  @Test
  void malformedKeysAreRefused() {
    String eventId = fixtures.publishedEvent("Odd Keys Opera", 100);
    String token = fixtures.users("odd", 1).getFirst();

    assertThat(Fixtures.book(app.http(), eventId, token, 1, "x".repeat(256)).status())
        .isEqualTo(422);
    assertThat(Fixtures.book(app.http(), eventId, token, 1, "has space").status()).isEqualTo(422);
    assertThat(fixtures.event(eventId).get("seatsBooked").asInt()).isZero();
  }
}
