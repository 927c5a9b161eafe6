package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestApp;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.AllAtOnce;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokensIT {
  private static final String ME = "/api/v1/users/me";
  private static final String REFRESH = "/api/v1/auth/refresh";
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  @Test
  void theAccessTokenIdentifiesTheCaller() {
    JsonNode tokens = app.http().registerAndLogin("me@example.org", "password-1");

    var me = app.http().get(ME, tokens.get("accessToken").asText());

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("email").asText()).isEqualTo("me@example.org");
    assertThat(me.json().get("role").asText()).isEqualTo("USER");
    assertThat(Instant.parse(me.json().get("createdAt").asText()))
        .isBefore(Instant.now().plusSeconds(1));
  }

  @Test
  void refreshRotatesThePairAndSpendsTheOldToken() {
    JsonNode first = app.http().registerAndLogin("rotate@example.org", "password-1");

    var second = refresh(first.get("refreshToken").asText());

    assertThat(second.status()).isEqualTo(200);
    assertThat(second.header("Cache-Control")).isEqualTo("no-store");
    assertThat(second.json().get("refreshToken").asText())
        .isNotEqualTo(first.get("refreshToken").asText());
    assertThat(app.http().get(ME, second.json().get("accessToken").asText()).status())
        .isEqualTo(200);
    var third = refresh(second.json().get("refreshToken").asText());
    assertThat(third.status()).isEqualTo(200);
  }

  @Test
  void reusingASpentRefreshTokenRevokesTheWholeFamily() {
    JsonNode login = app.http().registerAndLogin("reuse@example.org", "password-1");
    String stolen = login.get("refreshToken").asText();
    String current = refresh(stolen).json().get("refreshToken").asText();

    var replay = refresh(stolen);

    assertThat(replay.status()).isEqualTo(401);
    assertThat(refresh(current).status()).isEqualTo(401);
  }

  @Test
  void reuseDetectionLeavesOtherSessionsAlone() {
    JsonNode phone = app.http().registerAndLogin("two-devices@example.org", "password-1");
    JsonNode laptop = app.http().login("two-devices@example.org", "password-1").json();
    String spent = phone.get("refreshToken").asText();
    refresh(spent);

    refresh(spent);

    assertThat(refresh(laptop.get("refreshToken").asText()).status()).isEqualTo(200);
  }

  @Test
  void concurrentRefreshesWithOneTokenLetExactlyOneWin() throws Exception {
    String token =
        app.http().registerAndLogin("racer@example.org", "password-1").get("refreshToken").asText();
    List<Integer> statuses = AllAtOnce.run(6, i -> refresh(token).status());
    assertThat(statuses).containsOnly(200, 401);
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
  }

  @Test
  void logoutRevokesTheSession() {
    JsonNode login = app.http().registerAndLogin("leaving@example.org", "password-1");
    String refreshToken = login.get("refreshToken").asText();
    String next = refresh(refreshToken).json().get("refreshToken").asText();

    var logout = app.http().post("/api/v1/auth/logout", Map.of("refreshToken", next));

    assertThat(logout.status()).isEqualTo(204);
    assertThat(logout.body()).isEmpty();
    assertThat(refresh(next).status()).isEqualTo(401);
    assertThat(app.http().post("/api/v1/auth/logout", Map.of("refreshToken", next)).status())
        .isEqualTo(204);
  }

  @Test
  void unknownAndMissingRefreshTokensAreRefused() {
    assertThat(refresh("made-up-token").status()).isEqualTo(401);
    assertThat(app.http().post(REFRESH, Map.of()).status()).isEqualTo(422);
    assertThat(app.http().post(REFRESH, Map.of("refreshToken", "")).status()).isEqualTo(422);
  }

  @Test
  void refreshTokensExpireAfterThirtyDays() {
    JsonNode login = app.http().registerAndLogin("sleeper@example.org", "password-1");
    String refreshToken = login.get("refreshToken").asText();

    app.clock().advance(Duration.ofDays(30).plusMinutes(1));
    try {
      assertThat(refresh(refreshToken).status()).isEqualTo(401);
    } finally {
      app.clock().advance(Duration.ofDays(30).plusMinutes(1).negated());
    }
  }

  @Test
  void anExpiredAccessTokenIsRefused() {
    String token =
        app.http()
            .registerAndLogin("expiring@example.org", "password-1")
            .get("accessToken")
            .asText();

    app.clock().advance(Duration.ofMinutes(15).plusSeconds(31));
    try {
      var response = app.http().get(ME, token);
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    } finally {
      app.clock().advance(Duration.ofMinutes(15).plusSeconds(31).negated());
    }
  }

  @Test
  void forgedOrForeignTokensAreRefused() {
    JsonNode login = app.http().registerAndLogin("forged@example.org", "password-1");
    String valid = login.get("accessToken").asText();
    String subject = JWT.decode(valid).getSubject();
    Algorithm ours = Algorithm.HMAC256(TestApp.JWT_SECRET.getBytes(StandardCharsets.UTF_8));

    List<String> forged =
        List.of(
            tamperSignature(valid),
            withClaims(
                valid,
                "{\"iss\":\"boxoffice\",\"aud\":\"boxoffice-api\",\"sub\":\""
                    + subject
                    + "\",\"role\":\"ADMIN\",\"exp\":9999999999,\"iat\":1}"),
            unsigned(subject),
            token(ours, "someone-else", "boxoffice-api", subject),
            token(ours, "boxoffice", "another-api", subject),
            token(
                Algorithm.HMAC256("a-different-secret-also-long-enough-32b"),
                "boxoffice",
                "boxoffice-api",
                subject),
            token(
                Algorithm.HMAC512(TestApp.JWT_SECRET.getBytes(StandardCharsets.UTF_8)),
                "boxoffice",
                "boxoffice-api",
                subject),
            "not-a-jwt",
            "");

    for (String token : forged) {
      var response =
          app.http().send(app.http().request(ME, null).header("Authorization", "Bearer " + token));
      assertThat(response.status()).as("token %s", token).isEqualTo(401);
    }
    assertThat(app.http().get(ME, token(ours, "boxoffice", "boxoffice-api", subject)).status())
        .isEqualTo(200);
  }

  @Test
  void aMissingOrMalformedAuthorizationHeaderIsRefused() {
    assertThat(app.http().get(ME).status()).isEqualTo(401);
    var basic =
        app.http().send(app.http().request(ME, null).header("Authorization", "Basic dXNlcjpwdw=="));
    assertThat(basic.status()).isEqualTo(401);
  }

  @Test
  void aUserCannotCallAdminRoutes() {
    String token =
        app.http().registerAndLogin("plain@example.org", "password-1").get("accessToken").asText();

    var response = app.http().get("/api/v1/admin/users", token);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("type").asText()).endsWith("/forbidden");
  }

  @Test
  void theConfiguredAdminListsUsersPageByPage() {
    for (int i = 0; i < 5; i++) {
      app.http()
          .post(
              "/api/v1/auth/register",
              Map.of(
                  "email",
                  "listed" + i + "@example.org",
                  "password",
                  "password-1",
                  "name",
                  "L" + i));
    }
    String admin = adminToken();

    List<String> emails = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String query = "/api/v1/admin/users?limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
      var page = app.http().get(query, admin);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.json().get("items").size()).isLessThanOrEqualTo(2);
      page.json().get("items").forEach(user -> emails.add(user.get("email").asText()));
      cursor =
          page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
      pages++;
    } while (cursor != null && pages < 100);

    assertThat(emails).doesNotHaveDuplicates();
    assertThat(emails).contains(TestApp.ADMIN_EMAIL, "listed0@example.org", "listed4@example.org");
    assertThat(app.http().get(ME, admin).json().get("role").asText()).isEqualTo("ADMIN");
  }

  @Test
  void aTamperedCursorIsABadRequest() {
    String admin = adminToken();
    String cursor =
        app.http().get("/api/v1/admin/users?limit=1", admin).json().get("nextCursor").asText();
    String tampered = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);

    assertThat(app.http().get("/api/v1/admin/users?cursor=" + tampered, admin).status())
        .isEqualTo(400);
    assertThat(app.http().get("/api/v1/admin/users?cursor=garbage", admin).status()).isEqualTo(400);
    assertThat(app.http().get("/api/v1/admin/users?limit=0", admin).status()).isEqualTo(400);
    assertThat(app.http().get("/api/v1/admin/users?limit=abc", admin).status()).isEqualTo(400);
  }

  private static TestHttpClient.Response refresh(String token) {
    return app.http().post(REFRESH, Map.of("refreshToken", token));
  }

  private static String token(Algorithm algorithm, String issuer, String audience, String subject) {
    Instant now = Instant.now();
    return JWT.create()
        .withIssuer(issuer)
        .withAudience(audience)
        .withSubject(subject)
        .withClaim("role", "USER")
        .withIssuedAt(now)
        .withExpiresAt(now.plusSeconds(600))
        .sign(algorithm);
  }

  private static String tamperSignature(String jwt) {
    char last = jwt.charAt(jwt.length() - 2);
    return jwt.substring(0, jwt.length() - 2)
        + (last == 'A' ? 'B' : 'A')
        + jwt.charAt(jwt.length() - 1);
  }

  private static String withClaims(String jwt, String payloadJson) {
    String[] parts = jwt.split("\\.");
    return parts[0] + "." + base64(payloadJson) + "." + parts[2];
  }

  private static String unsigned(String subject) {
    long exp = Instant.now().plusSeconds(600).getEpochSecond();
    return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}")
        + "."
        + base64(
            "{\"iss\":\"boxoffice\",\"aud\":\"boxoffice-api\",\"sub\":\""
                + subject
                + "\",\"role\":\"ADMIN\",\"iat\":1,\"exp\":"
                + exp
                + "}")
        + ".";
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String adminToken() {
    return app.http()
        .login(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD)
        .json()
        .get("accessToken")
        .asText();
  }
}
