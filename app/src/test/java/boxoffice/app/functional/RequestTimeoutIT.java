package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A login whose password check outlasts REQUEST_TIMEOUT is answered 503, not left hanging. */
class RequestTimeoutIT {
  private static TestApp app;

  @BeforeAll
  static void start() {
    // bcrypt at cost 13 takes far longer than 150 ms on any machine.
    app = TestApp.start(Map.of("BCRYPT_COST", "13", "REQUEST_TIMEOUT", "150ms"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aSlowRequestIsAnswered503WithRetryAfter() {
    var response = app.http().login(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD);

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.header("Retry-After")).isNotBlank();
    assertThat(response.json().get("type").asText()).endsWith("/request-timeout");
    assertThat(app.http().get("/health/live").status()).isEqualTo(200);
  }
}
