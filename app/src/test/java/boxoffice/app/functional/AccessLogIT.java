package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.RunningApp;
import boxoffice.testing.CapturedLogs;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccessLogIT {
  @AutoClose static final CapturedLogs access = CapturedLogs.of("boxoffice.access");
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  @Test
  void eachRequestLogsOneStructuredLineWithTheRouteTemplateAndNoSecrets() {
    String requestId = "log-" + UUID.randomUUID();
    var tokens = app.http().registerAndLogin("logged@example.org", "secret-password-1");
    String accessToken = tokens.get("accessToken").asText();
    var me =
        app.http()
            .send(
                app.http()
                    .request("/api/v1/users/me", accessToken)
                    .header("X-Request-Id", requestId));
    assertThat(me.status()).isEqualTo(200);

    Map<String, Object> fields = access.await(line -> requestId.equals(line.get("requestId")));

    assertThat(fields)
        .containsEntry("method", "GET")
        .containsEntry("route", "/api/v1/users/me")
        .containsEntry("status", 200)
        .containsEntry("userId", me.json().get("id").asText())
        .containsKey("@timestamp");
    assertThat(fields.get("durationMs")).isInstanceOf(Double.class);
    assertThat(access.lines())
        .allSatisfy(
            line ->
                assertThat(line)
                    .doesNotContain("secret-password-1")
                    .doesNotContain(accessToken)
                    .doesNotContain(tokens.get("refreshToken").asText()));
  }

  @Test
  void unmatchedPathsAreLoggedWithoutTheRawPath() {
    String requestId = "log-" + UUID.randomUUID();
    app.http()
        .send(
            app.http()
                .request("/api/v1/no/such/thing-12345", null)
                .header("X-Request-Id", requestId));

    Map<String, Object> fields = access.await(line -> requestId.equals(line.get("requestId")));

    assertThat(fields).containsEntry("route", "unmatched").containsEntry("status", 404);
    assertThat(fields.toString()).doesNotContain("thing-12345");
  }
}
