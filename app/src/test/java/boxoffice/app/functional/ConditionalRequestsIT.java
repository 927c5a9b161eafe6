package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestHttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ETags that change with what is shown, If-Match on every event write, HEAD like GET. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConditionalRequestsIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final Fixtures fixtures = new Fixtures(app);

  @Test
  void aBookingChangesTheEtagSoA304NeverHidesNewSeats() {
    String eventId = fixtures.publishedEvent("Conditional Concert", 10);
    String etag = read(eventId, null).header("ETag");
    assertThat(read(eventId, etag).status()).isEqualTo(304);

    String user = fixtures.users("conditional", 1).getFirst();
    assertThat(Fixtures.book(app.http(), eventId, user, 3, null).status()).isEqualTo(201);

    TestHttpClient.Response fresh = read(eventId, etag);
    assertThat(fresh.status()).isEqualTo(200);
    assertThat(fresh.json().get("seatsAvailable").asInt()).isEqualTo(7);
    assertThat(fresh.header("ETag")).isNotEqualTo(etag);
    assertThat(read(eventId, fresh.header("ETag")).status()).isEqualTo(304);
  }

  @Test
  void aStaleIfMatchIsRefusedOnStatusChangesAndDeletesAndNothingChanges() {
    String eventId = fixtures.publishedEvent("Conditional Theatre", 10);
    String stale = read(eventId, null).header("ETag");
    patchTitle(eventId, "Conditional Theatre, second night");
    String current = read(eventId, null).header("ETag");

    TestHttpClient.Response status =
        write("PUT", "/status", eventId, "{\"status\":\"DRAFT\"}", stale);
    assertThat(status.status()).as(status.toString()).isEqualTo(412);
    assertThat(read(eventId, null).json().get("status").asText()).isEqualTo("PUBLISHED");

    TestHttpClient.Response delete = write("DELETE", "", eventId, null, stale);
    assertThat(delete.status()).as(delete.toString()).isEqualTo(412);
    assertThat(read(eventId, null).status()).isEqualTo(200);

    TestHttpClient.Response toDraft =
        write("PUT", "/status", eventId, "{\"status\":\"DRAFT\"}", current);
    assertThat(toDraft.status()).as(toDraft.toString()).isEqualTo(200);
    // The plain version, as the contract names it, is accepted as well.
    String version = "\"" + toDraft.json().get("version").asInt() + "\"";
    assertThat(write("DELETE", "", eventId, null, version).status()).isEqualTo(204);
  }

  @Test
  void aMalformedIfMatchIsABadRequest() {
    String eventId = fixtures.publishedEvent("Conditional Circus", 10);
    TestHttpClient.Response response = write("DELETE", "", eventId, null, "\"not-a-version\"");
    assertThat(response.status()).isEqualTo(400);
    assertThat(read(eventId, null).status()).isEqualTo(200);
  }

  @Test
  void headAnswersWithTheHeadersOfGetAndNoBody() {
    String eventId = fixtures.publishedEvent("Conditional Cabaret", 10);
    TestHttpClient.Response get = read(eventId, null);
    TestHttpClient.Response head =
        app.http()
            .send(
                app.http()
                    .request("/api/v1/events/" + eventId, null)
                    .method("HEAD", BodyPublishers.noBody()));
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    for (String name : new String[] {"ETag", "Content-Type", "Cache-Control"}) {
      assertThat(head.header(name)).as(name).isEqualTo(get.header(name));
    }
  }

  private TestHttpClient.Response read(String eventId, String ifNoneMatch) {
    HttpRequest.Builder request = app.http().request("/api/v1/events/" + eventId, null).GET();
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return app.http().send(request);
  }

  private void patchTitle(String eventId, String title) {
    TestHttpClient.Response response =
        write("PATCH", "", eventId, TestHttpClient.json(Map.of("title", title)), null);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  private TestHttpClient.Response write(
      String method, String suffix, String eventId, String json, String ifMatch) {
    HttpRequest.Builder request =
        app.http()
            .request("/api/v1/events/" + eventId + suffix, fixtures.adminToken())
            .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return app.http().send(request);
  }
}
