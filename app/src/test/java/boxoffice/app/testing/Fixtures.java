package boxoffice.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Steps of the booking, concurrency and end-to-end tests: the admin's token, batches of users,
 * published events, bookings with an Idempotency-Key, status changes and raw counts from the
 * database. {@link BoxofficeApi} holds the event, booking and review tests' steps.
 */
public final class Fixtures {
  private final Supplier<TestApp> app;
  private String adminToken;

  /** Steps against {@code app}, e.g. a {@link RunningApp}, looked up at each call. */
  public Fixtures(Supplier<TestApp> app) {
    this.app = app;
  }

  public Fixtures(TestApp app) {
    this(() -> app);
  }

  /** The admin's access token, signed in at the first call. */
  public synchronized String adminToken() {
    if (adminToken == null) {
      adminToken =
          app.get()
              .http()
              .login(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD)
              .json()
              .get("accessToken")
              .asText();
    }
    return adminToken;
  }

  /** Registers and logs in {@code count} users; returns their access tokens. */
  public List<String> users(String prefix, int count) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String email = prefix + "-" + i + "-" + UUID.randomUUID() + "@example.org";
      tokens.add(
          app.get().http().registerAndLogin(email, "password-" + i).get("accessToken").asText());
    }
    return tokens;
  }

  public String publishedEvent(String title, int capacity, Instant startsAt) {
    // Load-style tests book one event many times with few users: the most the API allows.
    return publishedEvent(title, capacity, startsAt, 100);
  }

  /** A published event whose users may hold {@code maxTicketsPerUser} tickets each. */
  public String publishedEvent(
      String title, int capacity, Instant startsAt, int maxTicketsPerUser) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("description", "An evening of " + title.toLowerCase(java.util.Locale.ROOT));
    body.put("venue", "Main Hall");
    body.put("startsAt", startsAt.toString());
    body.put("endsAt", startsAt.plus(Duration.ofHours(3)).toString());
    body.put("capacity", capacity);
    body.put("maxTicketsPerUser", maxTicketsPerUser);
    body.put("status", "PUBLISHED");
    var response = app.get().http().post("/api/v1/events", body, adminToken());
    if (response.status() != 201) {
      throw new IllegalStateException("event creation failed: " + response);
    }
    return response.json().get("id").asText();
  }

  public String publishedEvent(String title, int capacity) {
    return publishedEvent(title, capacity, Instant.now().plus(Duration.ofDays(30)));
  }

  public static TestHttpClient.Response book(
      TestHttpClient http, String eventId, String token, int quantity, String key) {
    HttpRequest.Builder request =
        http.request("/api/v1/events/" + eventId + "/bookings", token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":" + quantity + "}"));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return http.send(request);
  }

  public TestHttpClient.Response changeStatus(String eventId, String status) {
    return app.get()
        .http()
        .send(
            app.get()
                .http()
                .request("/api/v1/events/" + eventId + "/status", adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")));
  }

  public JsonNode event(String eventId) {
    return app.get().http().get("/api/v1/events/" + eventId, adminToken()).json();
  }

  /** A single number from the test database, e.g. a count. */
  public long queryLong(String sql, Object... parameters) {
    try (var connection = app.get().database().connect();
        var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
