package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestHttpClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Text is stored exactly as sent or refused: invalid Unicode (unpaired surrogates from JSON
 * escapes, malformed UTF-8) is a 4xx naming the field, never silently replaced by '?'. Astral
 * characters, sent raw or as an escaped surrogate pair, are kept.
 */
class UnicodeInputIT {
  private static final String REGISTER = "/api/v1/auth/register";
  private static final String LONE_HIGH = "\\uD800";
  private static final String LONE_LOW = "\\uDC00";
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final Fixtures fixtures = new Fixtures(app);

  private static TestHttpClient.Response postJson(String path, String json, String token) {
    return app.http()
        .send(
            app.http()
                .request(path, token)
                .header("Content-Type", "application/json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                        json.getBytes(StandardCharsets.UTF_8))));
  }

  private static void assertRefused(TestHttpClient.Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode errors = response.json().get("errors");
    assertThat(errors.get(0).get("field").asText()).isEqualTo(field);
    assertThat(errors.get(0).get("message").asText()).contains("unpaired UTF-16 surrogates");
  }

  private static long users(String email) {
    return fixtures.queryLong("SELECT count(*) FROM users WHERE lower(email) = lower(?)", email);
  }

  @Test
  void aPasswordOfLoneSurrogatesIsRefusedAndQuestionMarksDoNotLogIn() {
    String email = "surrogates-" + UUID.randomUUID() + "@example.org";
    var response =
        postJson(
            REGISTER,
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + LONE_HIGH.repeat(8)
                + "\",\"name\":\"Lone\"}",
            null);

    assertRefused(response, "password");
    assertThat(users(email)).isZero();
    assertThat(app.http().login(email, "????????").status()).isEqualTo(401);
    assertRefused(
        postJson(
            "/api/v1/auth/login",
            "{\"email\":\"" + email + "\",\"password\":\"" + LONE_LOW.repeat(8) + "\"}",
            null),
        "password");
  }

  @Test
  void aNameWithALoneSurrogateIsRefusedAndNothingIsStored() {
    for (String name : new String[] {"Ada " + LONE_HIGH, LONE_LOW + "Ada", LONE_LOW + LONE_HIGH}) {
      String email = "name-" + UUID.randomUUID() + "@example.org";
      var response =
          postJson(
              REGISTER,
              "{\"email\":\"" + email + "\",\"password\":\"password-1\",\"name\":\"" + name + "\"}",
              null);

      assertRefused(response, "name");
      assertThat(users(email)).isZero();
    }
  }

  @Test
  void anEventTitleWithALoneSurrogateIsRefusedAndNoEventIsCreated() {
    long before = fixtures.queryLong("SELECT count(*) FROM events");
    var response =
        postJson(
            "/api/v1/events",
            "{\"title\":\"Gala "
                + LONE_HIGH
                + "\",\"venue\":\"Hall\",\"startsAt\":\"2031-01-01T19:00:00Z\","
                + "\"endsAt\":\"2031-01-01T22:00:00Z\",\"capacity\":10}",
            fixtures.adminToken());

    assertRefused(response, "title");
    assertThat(fixtures.queryLong("SELECT count(*) FROM events")).isEqualTo(before);
  }

  @Test
  void aCommentWithALoneSurrogateIsRefusedAndNotStored() {
    String event = fixtures.publishedEvent("Surrogate Soiree", 5);
    String user = fixtures.users("comment", 1).getFirst();
    var response =
        postJson(
            "/api/v1/events/" + event + "/comments",
            "{\"text\":\"Great " + LONE_LOW + " show\"}",
            user);

    assertRefused(response, "text");
    assertThat(fixtures.queryLong("SELECT count(*) FROM comments WHERE event_id = ?::uuid", event))
        .isZero();
  }

  @Test
  void aFieldNameWithALoneSurrogateIsRefused() {
    String email = "field-" + UUID.randomUUID() + "@example.org";
    var response =
        postJson(
            REGISTER,
            "{\"email\":\""
                + email
                + "\",\"password\":\"password-1\",\"name\":\"n\",\"x"
                + LONE_HIGH
                + "\":1}",
            null);

    // Jackson itself refuses such a name as malformed JSON (400); our own check would say 422.
    assertThat(response.status()).as(response.toString()).isIn(400, 422);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(users(email)).isZero();
  }

  @Test
  void malformedUtf8InTheBodyIsRefusedNotReplaced() {
    byte[][] bodies = {
      // a surrogate encoded in UTF-8 (CESU-8), which Jackson alone would accept
      {
        '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'
      },
      // an overlong '/'
      {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
      // a truncated sequence
      {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}'},
    };
    String event = fixtures.publishedEvent("Malformed Matinee", 5);
    String user = fixtures.users("utf8", 1).getFirst();
    for (byte[] body : bodies) {
      var response =
          app.http()
              .send(
                  app.http()
                      .request("/api/v1/events/" + event + "/comments", user)
                      .header("Content-Type", "application/json")
                      .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)));

      assertThat(response.status()).as(response.toString()).isEqualTo(400);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(fixtures.queryLong("SELECT count(*) FROM comments WHERE event_id = ?::uuid", event))
        .isZero();
  }

  @Test
  void astralCharactersRawOrAsEscapedPairsAreStoredExactly() {
    String email = "astral-" + UUID.randomUUID() + "@example.org";
    var registered =
        postJson(
            REGISTER,
            "{\"email\":\""
                + email
                + "\",\"password\":\"\\uD83C\\uDF9F\\uD83C\\uDF9F-pass\",\"name\":\"Zo\u00eb \uD83C\uDF9F\\uD83C\\uDFAD\"}",
            null);

    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    assertThat(registered.json().get("name").asText())
        .isEqualTo("Zo\u00eb \uD83C\uDF9F\uD83C\uDFAD");
    assertThat(app.http().login(email, "\uD83C\uDF9F\uD83C\uDF9F-pass").status()).isEqualTo(200);
    assertThat(app.http().login(email, "??-pass").status()).isEqualTo(401);

    String event = fixtures.publishedEvent("Emoji Evening", 5);
    String user = fixtures.users("emoji", 1).getFirst();
    var comment =
        postJson("/api/v1/events/" + event + "/comments", "{\"text\":\"\uD83D\uDE00 ok\"}", user);
    assertThat(comment.status()).as(comment.toString()).isEqualTo(201);
    assertThat(comment.json().get("text").asText()).isEqualTo("\uD83D\uDE00 ok");
  }
}
