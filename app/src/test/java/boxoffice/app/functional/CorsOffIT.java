package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestHttpClient.Response;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With no origins configured (the default) the API sends no CORS headers and answers no preflight.
 */
class CorsOffIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  @Test
  void noCorsHeadersAndOptionsIsAMethodNotAllowed() {
    String page = "https://tickets.example.org";
    Response get =
        app.http().send(app.http().request("/api/v1/events", null).header("Origin", page));
    Response options =
        app.http()
            .send(
                app.http()
                    .request("/api/v1/events", null)
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", page)
                    .header("Access-Control-Request-Method", "POST"));

    assertThat(get.header("Access-Control-Allow-Origin")).isNull();
    assertThat(options.status()).isEqualTo(405);
    assertThat(options.header("Allow").split(", "))
        .containsExactlyInAnyOrder("GET", "HEAD", "POST");
    assertThat(options.header("Access-Control-Allow-Origin")).isNull();
  }
}
