package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.ApiTestsTools;
import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.RunningApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Swagger UI works in a real browser under its Content-Security-Policy: headless Chromium (Debian's
 * package, driven by playwright-core) loads {@code /swagger}, authorizes with a bearer token and
 * runs "Try it out" on {@code GET /api/v1/users/me}, with no console error and no request to
 * another origin ({@code api-tests/swagger.mjs}).
 */
class SwaggerUiBrowserIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  private static final BoxofficeApi api = new BoxofficeApi(app);

  @Test
  void swaggerUiAuthorizesAndTriesAnOperationWithoutConsoleErrors() {
    BoxofficeApi.Account user = api.newUser();

    var outcome =
        ApiTestsTools.node(
            "swagger.mjs",
            Duration.ofMinutes(2),
            Map.of(),
            app.http().baseUrl(),
            user.token(),
            user.email());

    assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    assertThat(outcome.output())
        .contains("ok: try it out on GET /api/v1/users/me answered 200")
        .contains("swagger ui passed");
  }
}
