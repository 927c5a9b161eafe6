package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestHttpClient.Response;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The headers clients and browsers rely on beyond the bodies: Allow, CORS, caching, Location. */
class HttpHeadersIT {
  private static final String PAGE = "https://tickets.example.org";

  @RegisterExtension
  static final RunningApp app =
      RunningApp.perClass(Map.of("HTTP_CORS_ALLOWED_ORIGINS", PAGE + ", http://localhost:3000"));

  private static final BoxofficeApi api = new BoxofficeApi(app);

  @Test
  void methodNotAllowedNamesTheMethodsThePathAccepts() {
    Response response = app.http().send(app.http().request("/api/v1/events", null).DELETE());

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.header("Allow").split(", "))
        .contains("GET", "HEAD", "POST")
        .doesNotContain("DELETE");
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnsweredWithTheMethodsAndHeaders() {
    Response response = preflight("/api/v1/events/" + java.util.UUID.randomUUID(), PAGE, "PATCH");

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
    assertThat(response.header("Access-Control-Allow-Methods").split(", "))
        .contains("GET", "PATCH", "DELETE");
    assertThat(response.header("Access-Control-Allow-Headers"))
        .contains("Authorization", "Content-Type", "If-Match");
    assertThat(response.header("Access-Control-Max-Age")).isEqualTo("600");
    assertThat(response.header("Vary")).contains("Origin");
    assertThat(response.header("Allow").split(", ")).contains("GET", "PATCH", "DELETE", "OPTIONS");
  }

  @Test
  void aPreflightFromAnotherOriginOrForAnotherMethodGetsNoPermission() {
    Response stranger = preflight("/api/v1/events", "https://evil.example", "POST");
    Response wrongMethod = preflight("/api/v1/events", PAGE, "DELETE");

    assertThat(stranger.status()).isEqualTo(204);
    assertThat(stranger.header("Access-Control-Allow-Origin")).isNull();
    assertThat(wrongMethod.header("Access-Control-Allow-Origin")).isNull();
    assertThat(wrongMethod.header("Allow")).contains("GET").doesNotContain("DELETE");
  }

  @Test
  void anAllowedOriginMayReadAnswersAndTheirHeadersErrorsIncluded() {
    Response events =
        app.http().send(app.http().request("/api/v1/events", null).header("Origin", PAGE));
    Response missing =
        app.http().send(app.http().request("/api/v1/bookings", null).header("Origin", PAGE));
    Response stranger =
        app.http()
            .send(
                app.http()
                    .request("/api/v1/events", null)
                    .header("Origin", "https://evil.example"));

    assertThat(events.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
    assertThat(events.header("Access-Control-Expose-Headers")).contains("Location", "ETag");
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
    assertThat(stranger.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void eventReadsMayBeCachedBrieflyAndTokenAnswersNever() {
    String id = api.published(BoxofficeApi.eventBody("Cached briefly"));
    BoxofficeApi.Account user = api.newUser();

    Response event = app.http().get(BoxofficeApi.EVENTS + "/" + id);
    Response search = app.http().get(BoxofficeApi.EVENTS + "?limit=1");
    Response tokens = app.http().login(user.email(), "password-1");

    assertThat(event.header("Cache-Control")).isEqualTo("max-age=5, must-revalidate");
    assertThat(event.raw().headers().allValues("Vary")).contains("Authorization");
    assertThat(search.header("Cache-Control")).isEqualTo("max-age=5, must-revalidate");
    assertThat(tokens.status()).isEqualTo(200);
    assertThat(tokens.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void aNewCommentIsLocated() {
    String id = api.published(BoxofficeApi.eventBody("Commented"));
    BoxofficeApi.Account user = api.newUser();

    Response created =
        app.http()
            .post(BoxofficeApi.EVENTS + "/" + id + "/comments", Map.of("text", "Hi"), user.token());

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location"))
        .isEqualTo("/api/v1/comments/" + created.json().get("id").asText());
  }

  @Test
  void swaggerUiNamesTheServiceNeverCallsTheOnlineValidatorAndRunsUnderAPolicy() {
    Response page = app.http().get("/swagger");

    assertThat(page.body()).contains("<title>Boxoffice API documentation</title>");
    assertThat(page.body())
        .contains("validatorUrl: \"none\"")
        .doesNotContain("validator.swagger.io");
    assertThat(page.header("Content-Security-Policy"))
        .contains("default-src 'none'", "script-src 'self' 'sha256-", "connect-src 'self'")
        .doesNotContain("script-src 'self' 'unsafe-inline'");
  }

  private static Response preflight(String path, String origin, String method) {
    return app.http()
        .send(
            app.http()
                .request(path, null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization, content-type"));
  }
}
