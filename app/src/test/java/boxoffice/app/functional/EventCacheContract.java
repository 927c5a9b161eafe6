package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.cache.EventCache;
import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every cache mode promises: repeated reads are served from it, and no write is missed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EventCacheContract {
  protected TestApp app;
  protected Fixtures fixtures;

  abstract Map<String, String> cacheSettings();

  @BeforeAll
  void start() {
    app = TestApp.start(cacheSettings());
    fixtures = new Fixtures(app);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  protected EventCache.Stats stats(TestApp instance) {
    return instance.application().injector().getInstance(EventCache.class).stats();
  }

  protected JsonNode read(TestApp instance, String eventId) {
    var response = instance.http().get("/api/v1/events/" + eventId);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  @Test
  void repeatedReadsAreServedFromTheCache() {
    String eventId = fixtures.publishedEvent("Cached Concert", 100);
    read(app, eventId);
    long hitsBefore = stats(app).hits();

    for (int i = 0; i < 5; i++) {
      read(app, eventId);
    }

    assertThat(stats(app).hits() - hitsBefore).isGreaterThanOrEqualTo(5);
  }

  @Test
  void everyWriteIsVisibleOnTheNextRead() {
    String eventId = fixtures.publishedEvent("Ever Changing Show", 100);
    String user = fixtures.users("reader", 1).getFirst();
    String admin = fixtures.adminToken();
    read(app, eventId);
    read(app, eventId);

    patch(eventId, "{\"venue\":\"Riverside Stage\"}", admin);
    assertThat(read(app, eventId).get("venue").asText()).isEqualTo("Riverside Stage");

    var booking = Fixtures.book(app.http(), eventId, user, 3, null);
    assertThat(read(app, eventId).get("seatsBooked").asInt()).isEqualTo(3);

    String bookingId = booking.json().get("id").asText();
    app.http().post("/api/v1/bookings/" + bookingId + "/cancel", Map.of(), user);
    assertThat(read(app, eventId).get("seatsBooked").asInt()).isZero();

    fixtures.changeStatus(eventId, "DRAFT");
    assertThat(app.http().get("/api/v1/events/" + eventId).status()).isEqualTo(404);
    assertThat(app.http().get("/api/v1/events/" + eventId, admin).json().get("status").asText())
        .isEqualTo("DRAFT");

    var deleted = app.http().send(app.http().request("/api/v1/events/" + eventId, admin).DELETE());
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(app.http().get("/api/v1/events/" + eventId, admin).status()).isEqualTo(404);
  }

  @Test
  void aRatingIsVisibleOnTheNextRead() {
    // Ratings open when the event starts: one starting soon, and the clock moved past its start.
    Duration soon = Duration.ofMinutes(10);
    String eventId =
        fixtures.publishedEvent("Rated Recital", 100, app.clock().instant().plus(soon));
    String user = fixtures.users("rater", 1).getFirst();
    Fixtures.book(app.http(), eventId, user, 1, null);
    assertThat(read(app, eventId).get("rating").get("count").asInt()).isZero();

    Duration pastTheStart = soon.plusMinutes(1);
    app.clock().advance(pastTheStart);
    try {
      var rating =
          app.http()
              .send(
                  app.http()
                      .request("/api/v1/events/" + eventId + "/rating", user)
                      .header("Content-Type", "application/json")
                      .PUT(HttpRequest.BodyPublishers.ofString("{\"score\":4}")));
      assertThat(rating.status()).isEqualTo(200);
      assertThat(read(app, eventId).get("rating").get("count").asInt()).isEqualTo(1);
    } finally {
      app.clock().advance(pastTheStart.negated());
    }
  }

  @Test
  void cancellingAnEventShowsFreedSeatsAtOnce() {
    String eventId = fixtures.publishedEvent("Called Off Cabaret", 100);
    String user = fixtures.users("holder", 1).getFirst();
    Fixtures.book(app.http(), eventId, user, 2, null);
    assertThat(read(app, eventId).get("seatsBooked").asInt()).isEqualTo(2);

    fixtures.changeStatus(eventId, "CANCELLED");

    JsonNode event = read(app, eventId);
    assertThat(event.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(event.get("seatsBooked").asInt()).isZero();
  }

  protected void patch(String eventId, String json, String token) {
    var response =
        app.http()
            .send(
                app.http()
                    .request("/api/v1/events/" + eventId, token)
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }
}
