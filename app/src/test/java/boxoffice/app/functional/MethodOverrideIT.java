package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.testing.CapturedLogs;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Method-override headers are ignored: a request is handled, authorised and logged as the method it
 * was sent with, so a POST cannot delete and a GET cannot cancel.
 */
class MethodOverrideIT {
  private static final List<String> OVERRIDE_HEADERS =
      List.of("X-HTTP-Method-Override", "x-http-method-override", "X-HTTP-Method");
  @AutoClose static final CapturedLogs access = CapturedLogs.of("boxoffice.access");
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final Fixtures fixtures = new Fixtures(app);

  @Test
  void aPostAskingToBeADeleteDoesNotDeleteTheEvent() {
    String event = fixtures.publishedEvent("Override Night", 5);
    for (String header : OVERRIDE_HEADERS) {
      String requestId = "override-" + UUID.randomUUID();
      var response =
          app.http()
              .send(
                  app.http()
                      .request("/api/v1/events/" + event, fixtures.adminToken())
                      .header(header, "DELETE")
                      .header("X-Request-Id", requestId)
                      .POST(HttpRequest.BodyPublishers.noBody()));

      assertThat(response.status()).as(header + " -> " + response).isEqualTo(405);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(app.http().get("/api/v1/events/" + event).status()).isEqualTo(200);
      assertThat(access.await(line -> requestId.equals(line.get("requestId"))).get("method"))
          .isEqualTo("POST");
    }
  }

  @Test
  void aGetAskingToBeAPostDoesNotCancelTheBooking() {
    String event = fixtures.publishedEvent("Override Matinee", 5);
    String user = fixtures.users("override", 1).getFirst();
    String booking = Fixtures.book(app.http(), event, user, 2, null).json().get("id").asText();
    for (String header : OVERRIDE_HEADERS) {
      var response =
          app.http()
              .send(
                  app.http()
                      .request("/api/v1/bookings/" + booking + "/cancel", user)
                      .header(header, "POST")
                      .GET());

      assertThat(response.status()).as(header + " -> " + response).isEqualTo(405);
      assertThat(app.http().get("/api/v1/bookings/" + booking, user).json().get("status").asText())
          .isEqualTo("CONFIRMED");
      assertThat(fixtures.event(event).get("seatsAvailable").asInt()).isEqualTo(3);
    }
  }

  @Test
  void aRequestWithAnOverrideHeaderIsStillServedAsItsRealMethod() {
    var response =
        app.http()
            .send(
                app.http()
                    .request("/health/live", null)
                    .header("X-HTTP-Method-Override", "DELETE")
                    .GET());

    assertThat(response.status()).isEqualTo(200);
  }
}
