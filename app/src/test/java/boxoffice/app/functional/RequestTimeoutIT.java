package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A login whose password check outlasts REQUEST_TIMEOUT is answered 503, not left hanging. */
class RequestTimeoutIT {
  // bcrypt at cost 13 takes far longer than 150 ms on any machine.
  @RegisterExtension
  static final RunningApp app =
      RunningApp.perClass(Map.of("BCRYPT_COST", "13", "REQUEST_TIMEOUT", "150ms"));

  @Test
  void aSlowRequestIsAnswered503WithRetryAfter() {
    var response = app.http().login(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD);

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.header("Retry-After")).isNotBlank();
    assertThat(response.json().get("type").asText()).endsWith("/request-timeout");
    assertThat(app.http().get("/health/live").status()).isEqualTo(200);
  }
}
