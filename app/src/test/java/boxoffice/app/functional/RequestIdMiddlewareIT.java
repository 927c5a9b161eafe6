package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestIdMiddlewareIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  @Test
  void aSaneRequestIdIsEchoedAndAnInsaneOneReplaced() {
    var kept =
        app.http()
            .send(app.http().request("/health/live", null).header("X-Request-Id", "trace-42.abc"));
    var replaced =
        app.http()
            .send(
                app.http()
                    .request("/health/live", null)
                    .header("X-Request-Id", "bad id with spaces"));
    var tooLong =
        app.http()
            .send(app.http().request("/health/live", null).header("X-Request-Id", "a".repeat(65)));

    assertThat(kept.header("X-Request-Id")).isEqualTo("trace-42.abc");
    assertThat(replaced.header("X-Request-Id")).isNotEqualTo("bad id with spaces").hasSize(36);
    assertThat(tooLong.header("X-Request-Id")).hasSize(36);
  }

  @Test
  void errorsCarryTheRequestIdInHeaderAndBody() {
    var response =
        app.http()
            .send(app.http().request("/api/v1/users/me", null).header("X-Request-Id", "err-7"));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("X-Request-Id")).isEqualTo("err-7");
    assertThat(response.json().get("requestId").asText()).isEqualTo("err-7");
  }
}
