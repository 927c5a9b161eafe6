package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestApp;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.CapturedLogs;
import boxoffice.testing.RecordingTelemetry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The log lines of one user's whole session, from registration to logout, as an operator searching
 * them would read them: structured, tied to their request and trace, and free of secrets.
 */
class StructuredLoggingIT {
  private static final String PASSWORD = "correct-horse-battery-staple-9";
  private static final String WRONG_PASSWORD = "not-my-password-but-close-9";

  @AutoClose static final CapturedLogs logs = CapturedLogs.everything();

  @RegisterExtension
  static final RunningApp app =
      RunningApp.startedBy(
          () -> TestApp.startTraced(RecordingTelemetry.into(InMemorySpanExporter.create())));

  private static final Fixtures fixtures = new Fixtures(app);

  @Test
  void aSessionLogsStructuredLinesWithItsIdsAndNoSecrets() {
    TestHttpClient http = app.http();
    String email = "session-" + UUID.randomUUID() + "@example.org";
    String eventId = fixtures.publishedEvent("Logged Lieder", 20);
    List<String> requestIds = new ArrayList<>();

    var registered =
        http.post(
            "/api/v1/auth/register",
            Map.of("email", email, "password", PASSWORD, "name", "Logged User"));
    requestIds.add(registered.header("X-Request-Id"));
    String userId = registered.json().get("id").asText();
    var refused = http.login(email, WRONG_PASSWORD);
    assertThat(refused.status()).isEqualTo(401);
    var login = http.login(email, PASSWORD);
    requestIds.add(login.header("X-Request-Id"));
    String accessToken = login.json().get("accessToken").asText();
    String refreshToken = login.json().get("refreshToken").asText();
    var booked =
        http.post("/api/v1/events/" + eventId + "/bookings", Map.of("quantity", 2), accessToken);
    assertThat(booked.status()).isEqualTo(201);
    requestIds.add(booked.header("X-Request-Id"));
    String bookingId = booked.json().get("id").asText();
    var cancelled = http.post("/api/v1/bookings/" + bookingId + "/cancel", Map.of(), accessToken);
    assertThat(cancelled.status()).isEqualTo(200);
    requestIds.add(cancelled.header("X-Request-Id"));
    var refreshed = http.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken));
    assertThat(refreshed.status()).isEqualTo(200);
    String newRefreshToken = refreshed.json().get("refreshToken").asText();
    assertThat(http.post("/api/v1/auth/logout", Map.of("refreshToken", newRefreshToken)).status())
        .isEqualTo(204);

    Map<String, Object> registration = action("user.registered", requestIds.get(0));
    Map<String, Object> loggedIn = action("user.logged_in", requestIds.get(1));
    Map<String, Object> booking = action("booking.created", requestIds.get(2));
    Map<String, Object> cancellation = action("booking.cancelled", requestIds.get(3));

    for (Map<String, Object> line : List.of(registration, loggedIn, booking, cancellation)) {
      assertThat(line)
          .containsEntry("logger_name", "boxoffice.actions")
          .containsEntry("level", "INFO")
          .containsEntry("userId", userId)
          .containsKeys("message", "thread_name");
      assertThat(Instant.parse((String) line.get("@timestamp"))).isBefore(Instant.now());
      assertThat((String) line.get("traceId")).matches("[0-9a-f]{32}");
      assertThat((String) line.get("spanId")).matches("[0-9a-f]{16}");
      Map<String, Object> access = accessLineOf((String) line.get("requestId"));
      assertThat(access)
          .containsEntry("traceId", line.get("traceId"))
          .containsEntry("userId", userId);
    }
    assertThat(booking)
        .containsEntry("bookingId", bookingId)
        .containsEntry("eventId", eventId)
        .containsEntry("seats", 2);
    assertThat(cancellation).containsEntry("bookingId", bookingId);
    assertThat(accessLineOf(refused.header("X-Request-Id")))
        .containsEntry("status", 401)
        .doesNotContainKey("userId");

    List<String> everyLine = logs.lines();
    assertThat(everyLine).isNotEmpty();
    for (String secret :
        List.of(PASSWORD, WRONG_PASSWORD, accessToken, refreshToken, newRefreshToken)) {
      assertThat(everyLine).noneMatch(line -> line.contains(secret));
    }
    assertThat(everyLine).noneMatch(line -> line.contains(email));
  }

  private static Map<String, Object> action(String action, String requestId) {
    return logs.await(
        line -> action.equals(line.get("action")) && requestId.equals(line.get("requestId")));
  }

  private static Map<String, Object> accessLineOf(String requestId) {
    return logs.await(
        line ->
            "boxoffice.access".equals(line.get("logger_name"))
                && requestId.equals(line.get("requestId")));
  }
}
