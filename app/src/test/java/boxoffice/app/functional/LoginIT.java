package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoginIT {
  // A realistic bcrypt cost, so that skipping the hash on unknown emails would show in timing.
  @RegisterExtension
  static final RunningApp app =
      RunningApp.perClass(Map.of("BCRYPT_COST", "10", "HTTP_TRUST_FORWARDED_FOR", "true"));

  @BeforeAll
  static void registerKnownAccount() {
    app.http()
        .post(
            "/api/v1/auth/register",
            Map.of("email", "known@example.org", "password", "right-password", "name", "Known"));
  }

  @Test
  void loginReturnsABearerTokenPair() {
    var response = app.http().login("KNOWN@example.org", "right-password");

    assertThat(response.status()).isEqualTo(200);
    JsonNode tokens = response.json();
    assertThat(tokens.get("tokenType").asText()).isEqualTo("Bearer");
    assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
    assertThat(tokens.get("accessToken").asText()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    assertThat(tokens.get("refreshToken").asText()).matches("[\\w-]{43}");
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void unknownEmailAndWrongPasswordGetTheSame401() {
    var unknown = app.http().login("nobody@example.org", "right-password");
    var wrong = app.http().login("known@example.org", "wrong-password");

    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(withoutRequestId(unknown.json())).isEqualTo(withoutRequestId(wrong.json()));
    assertThat(unknown.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void unknownEmailCostsAboutAsMuchTimeAsAWrongPassword() {
    long[] unknown = new long[5];
    long[] wrong = new long[5];
    for (int i = 0; i < unknown.length; i++) {
      // Distinct addresses and emails keep these probes below the throttling limits.
      unknown[i] = timeLogin("ghost" + i + "@example.org", "10.9.0." + i);
      wrong[i] = timeLogin("known@example.org", "10.9.1." + i);
      app.http().login("known@example.org", "right-password"); // resets the email's failures
    }
    // Both paths run one bcrypt check; without the dummy hash the unknown path is ~100x faster.
    assertThat(median(unknown)).isGreaterThan(median(wrong) / 3);
  }

  @Test
  void anOverlongEmailIsRefusedWith422AtLoginAndRegistration() {
    String overlong = "a".repeat(3000) + "@example.org";

    var login = app.http().login(overlong, "right-password");
    var register =
        app.http()
            .post(
                "/api/v1/auth/register",
                Map.of("email", overlong, "password", "right-password", "name", "Long"));

    for (var response : java.util.List.of(login, register)) {
      assertThat(response.status()).isEqualTo(422);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("email");
      assertThat(response.body()).doesNotContain(overlong);
    }
  }

  @Test
  void theLongestAllowedEmailLogsInAndIsThrottledLikeAnyOther() {
    String longest = "b".repeat(254 - "@example.org".length()) + "@example.org";
    app.http()
        .post(
            "/api/v1/auth/register",
            Map.of("email", longest, "password", "right-password", "name", "Longest"));

    assertThat(app.http().login(longest, "right-password").status()).isEqualTo(200);
    assertThat(app.http().login(longest, "wrong-password").status()).isEqualTo(401);
  }

  private static long timeLogin(String email, String address) {
    var request =
        app.http()
            .request("/api/v1/auth/login", null)
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", address)
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "{\"email\":\"" + email + "\",\"password\":\"not-the-password\"}"));
    long start = System.nanoTime();
    var response = app.http().send(request);
    long elapsed = System.nanoTime() - start;
    assertThat(response.status()).isEqualTo(401);
    return elapsed;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static JsonNode withoutRequestId(JsonNode problem) {
    var copy = problem.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("requestId");
    return copy;
  }
}
