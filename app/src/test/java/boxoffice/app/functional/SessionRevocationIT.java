package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestApp;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.Await;
import boxoffice.testing.TcpProxy;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An access token of an ended session stops working on every instance within the stated bound, with
 * no database read per request: two instances on one database, the session ended on the first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionRevocationIT {
  /** What the README promises. */
  private static final Duration BOUND = Duration.ofSeconds(5);

  @RegisterExtension static final RunningApp first = RunningApp.perClass();
  static final RunningApp second = first.secondInstance(Map.of());

  @Test
  void logoutEndsTheAccessTokenOnEveryInstanceWithinTheBound() {
    for (int round = 0; round < 5; round++) {
      JsonNode login = registerAndLogin("logout-" + round);
      String access = login.get("accessToken").asText();
      assertThat(me(first.get(), access)).isEqualTo(200);
      assertThat(me(second.get(), access)).isEqualTo(200);

      var logout =
          first
              .http()
              .post("/api/v1/auth/logout", Map.of("refreshToken", login.get("refreshToken")));
      assertThat(logout.status()).isEqualTo(204);

      refusedWithinTheBound(access);
    }
  }

  @Test
  void reuseOfASpentRefreshTokenEndsTheNewestAccessTokenToo() {
    JsonNode login = registerAndLogin("reuse");
    String stolen = login.get("refreshToken").asText();
    var rotated = refresh(stolen);
    assertThat(rotated.status()).isEqualTo(200);
    String newest = rotated.json().get("accessToken").asText();
    assertThat(me(second.get(), newest)).isEqualTo(200);

    assertThat(refresh(stolen).status()).isEqualTo(401); // reuse: the family is revoked

    refusedWithinTheBound(newest);
    refusedWithinTheBound(login.get("accessToken").asText());
  }

  @Test
  void aRoleChangeEndsTheTokensThatCarryTheOldRole() throws SQLException {
    JsonNode login = registerAndLogin("promoted");
    String access = login.get("accessToken").asText();
    assertThat(me(second.get(), access)).isEqualTo(200);
    UUID userId = UUID.fromString(account(first.get(), access).get("id").asText());

    try (var connection = first.database().connect();
        var statement =
            connection.prepareStatement("UPDATE users SET role = 'ADMIN' WHERE id = ?")) {
      statement.setObject(1, userId);
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }

    refusedWithinTheBound(access);
  }

  @Test
  void otherSessionsOfTheSameUserKeepWorking() {
    String email = "two-devices-" + UUID.randomUUID() + "@example.org";
    JsonNode phone = first.http().registerAndLogin(email, "password-1");
    JsonNode laptop = first.http().login(email, "password-1").json();
    first.http().post("/api/v1/auth/logout", Map.of("refreshToken", phone.get("refreshToken")));
    refusedWithinTheBound(phone.get("accessToken").asText());
    assertThat(me(first.get(), laptop.get("accessToken").asText())).isEqualTo(200);
    assertThat(me(second.get(), laptop.get("accessToken").asText())).isEqualTo(200);
  }

  /**
   * An instance cut off from PostgreSQL cannot learn of revocations: within the bound it stops
   * honouring tokens, instead of serving a logged-out administrator's drafts from its cache.
   */
  @Test
  void anInstanceThatCannotReadRevocationsStopsHonouringTokensWithinTheBound() throws Exception {
    URI target = URI.create(first.database().url().substring("jdbc:".length()));
    try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort())) {
      String viaProxy =
          first
              .database()
              .url()
              .replace(target.getHost() + ":" + target.getPort(), "127.0.0.1:" + proxy.port());
      try (TestApp cutOff =
          TestApp.startOn(
              first.database(), Map.of("DB_URL", viaProxy, "DB_CONNECTION_TIMEOUT", "1s"))) {
        JsonNode admin = first.http().login(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD).json();
        String access = admin.get("accessToken").asText();
        var draft =
            first
                .http()
                .post(
                    "/api/v1/events",
                    Map.of(
                        "title", "Unannounced Tour",
                        "venue", "Back Room",
                        "startsAt", "2031-01-01T19:00:00Z",
                        "endsAt", "2031-01-01T22:00:00Z",
                        "capacity", 10),
                    access);
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String path = "/api/v1/events/" + draft.json().get("id").asText();
        assertThat(cutOff.http().get(path, access).status()).isEqualTo(200); // now cached

        proxy.cut();
        first.http().post("/api/v1/auth/logout", Map.of("refreshToken", admin.get("refreshToken")));

        Await.until(BOUND.plusSeconds(1), () -> cutOff.http().get(path, access).status() != 200);
        var refused = cutOff.http().get(path, access);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(cutOff.http().get(path).status())
            .as("anonymous: drafts stay hidden")
            .isEqualTo(404);
      }
    }
  }

  private void refusedWithinTheBound(String access) {
    for (TestApp instance : List.of(first.get(), second.get())) {
      Await.until(BOUND, () -> me(instance, access) == 401);
    }
  }

  private JsonNode registerAndLogin(String prefix) {
    return first
        .get()
        .http()
        .registerAndLogin(prefix + "-" + UUID.randomUUID() + "@example.org", "password-1");
  }

  private TestHttpClient.Response refresh(String refreshToken) {
    return second.http().post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken));
  }

  private static int me(TestApp instance, String access) {
    return instance.http().get("/api/v1/users/me", access).status();
  }

  private static JsonNode account(TestApp instance, String access) {
    return instance.http().get("/api/v1/users/me", access).json();
  }
}
