package boxoffice.app.functional;

import static boxoffice.app.testing.BoxofficeApi.EVENTS;
import static boxoffice.app.testing.BoxofficeApi.errorFields;
import static boxoffice.app.testing.BoxofficeApi.field;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestHttpClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReviewsIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final BoxofficeApi api = new BoxofficeApi(app);

  // --- ratings ---

  @Test
  void onlyHoldersOfAConfirmedBookingMayRate() {
    String eventId = api.publishedWithCapacity("Rated show", 10);
    String stranger = api.newUser().token();
    String changedMind = api.newUser().token();
    String booking = api.booked(eventId, 1, changedMind);
    app.http().post("/api/v1/bookings/" + booking + "/cancel", Map.of(), changedMind);

    var withoutBooking = rate(eventId, 5, stranger);
    var withCancelledBooking = rate(eventId, 5, changedMind);

    assertThat(withoutBooking.status()).isEqualTo(403);
    assertThat(withCancelledBooking.status()).isEqualTo(403);
    assertThat(rate(eventId, 5, null).status()).isEqualTo(401);
    assertThat(api.event(eventId, null).json().get("rating").get("count").asInt()).isZero();
  }

  @Test
  void aScoreOutsideOneToFiveOrMissingIsInvalid() {
    String eventId = api.publishedWithCapacity("Scored show", 10);
    String token = api.newUser().token();
    api.booked(eventId, 1, token);
    Map<String, Object> nullScore = new HashMap<>();
    nullScore.put("score", null);

    for (Object body :
        List.of(
            Map.of("score", 0),
            Map.of("score", 6),
            Map.of(),
            nullScore,
            Map.of("score", "5"),
            Map.of("score", 4.5))) {
      var response = api.put(EVENTS + "/" + eventId + "/rating", body, token);
      assertThat(response.status()).as("%s", body).isEqualTo(422);
      assertThat(errorFields(response)).as("%s", body).containsExactly("score");
    }
    assertThat(rate(eventId, 1, token).status()).isEqualTo(200);
    assertThat(rate(eventId, 5, token).status()).isEqualTo(200);
  }

  @Test
  void ratingAgainReplacesTheEarlierScore() {
    String eventId = api.publishedWithCapacity("Second thoughts", 10);
    String token = api.newUser().token();
    api.booked(eventId, 1, token);

    assertThat(rate(eventId, 2, token).json().get("average").asDouble()).isEqualTo(2.0);
    var replaced = rate(eventId, 5, token);

    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().get("average").asDouble()).isEqualTo(5.0);
    assertThat(replaced.json().get("count").asInt()).isEqualTo(1);
    JsonNode rating = api.event(eventId, null).json().get("rating");
    assertThat(rating.get("average").asDouble()).isEqualTo(5.0);
    assertThat(rating.get("count").asInt()).isEqualTo(1);
  }

  @Test
  void theEventShowsTheAverageToOneDecimalAndTheNumberOfRatings() {
    String eventId = api.publishedWithCapacity("Crowd favourite", 10);
    for (int score : new int[] {5, 4, 4}) {
      String token = api.newUser().token();
      api.booked(eventId, 1, token);
      assertThat(rate(eventId, score, token).status()).isEqualTo(200);
    }

    JsonNode rating = api.event(eventId, null).json().get("rating");

    assertThat(rating.get("average").asDouble()).isEqualTo(4.3);
    assertThat(rating.get("count").asInt()).isEqualTo(3);
  }

  @Test
  void aDraftEventCannotBeRated() {
    String eventId = api.draft("Draft rating");

    var response = rate(eventId, 4, api.newUser().token());

    assertThat(response.status()).isEqualTo(404);
    assertThat(rate(UUID.randomUUID().toString(), 4, api.newUser().token()).status())
        .isEqualTo(404);
  }

  // --- comments ---

  @Test
  void aCommentIsStoredAndReturnedExactlyAsWritten() {
    String eventId = api.publishedWithCapacity("Talked about", 10);
    BoxofficeApi.Account author = api.newUser();
    String text =
        "<script>alert('hi')</script> \"quoted\" & back\\slash\n"
            + "  Grüße, 東京, emoji 🎷 and tab\t end  ";

    var response = comment(eventId, text, author.token());

    assertThat(response.status()).isEqualTo(201);
    JsonNode comment = response.json();
    assertThat(comment.get("text").asText()).isEqualTo(text);
    assertThat(comment.get("eventId").asText()).isEqualTo(eventId);
    assertThat(comment.get("authorId").asText()).isEqualTo(author.id());
    assertThat(comment.get("authorName").asText()).isEqualTo("Test User");
    assertThat(UUID.fromString(comment.get("id").asText())).isNotNull();
    assertThat(Instant.parse(comment.get("createdAt").asText())).isNotNull();
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.body()).contains("\\\"quoted\\\"").doesNotContain("\"quoted\"");
    JsonNode listed = comments(eventId, "", null).json().get("items").get(0);
    assertThat(listed.get("text").asText()).isEqualTo(text);
  }

  @Test
  void emptyBlankMissingOrOverlongCommentsAreInvalid() {
    String eventId = api.publishedWithCapacity("Strict comments", 10);
    String token = api.newUser().token();
    Map<String, Object> nullText = new HashMap<>();
    nullText.put("text", null);

    for (Object body :
        List.of(
            Map.of("text", ""),
            Map.of("text", " \n\t "),
            Map.of("text", "x".repeat(2001)),
            Map.of(),
            nullText,
            Map.of("text", 42))) {
      var response = app.http().post(EVENTS + "/" + eventId + "/comments", body, token);
      assertThat(response.status()).as("%s", body).isEqualTo(422);
      assertThat(errorFields(response)).as("%s", body).containsExactly("text");
    }
    assertThat(comments(eventId, "", null).json().get("items").size()).isZero();
  }

  @Test
  void twoThousandCharactersAreAllowedEvenOutsideTheBasicPlane() {
    String eventId = api.publishedWithCapacity("Long comments", 10);
    String token = api.newUser().token();

    assertThat(comment(eventId, "x".repeat(2000), token).status()).isEqualTo(201);
    var emoji = comment(eventId, "🎷".repeat(2000), token);
    assertThat(emoji.status()).isEqualTo(201);
    assertThat(emoji.json().get("text").asText()).isEqualTo("🎷".repeat(2000));
  }

  @Test
  void aCommentWithANulCharacterIsRefusedAsInvalidNotAsAServerError() {
    String eventId = api.publishedWithCapacity("Hostile comments", 10);

    var response = comment(eventId, "before\u0000after", api.newUser().token());

    assertThat(response.status()).isEqualTo(422);
  }

  @Test
  void anonymousCallersCannotComment() {
    String eventId = api.publishedWithCapacity("Sign in to comment", 10);

    assertThat(comment(eventId, "hello", null).status()).isEqualTo(401);
  }

  @Test
  void commentsAreListedOldestFirstPageByPageForAnyone() {
    String eventId = api.publishedWithCapacity("Discussed", 10);
    String token = api.newUser().token();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(comment(eventId, "comment " + i, token).json().get("id").asText());
    }

    List<JsonNode> all =
        api.allPages(
            EVENTS + "/" + eventId + "/comments?limit=2",
            null,
            page -> page.get("items").size() <= 2);

    assertThat(field(all, "id")).containsExactlyElementsOf(ids);
    assertThat(field(all, "text"))
        .containsExactly("comment 0", "comment 1", "comment 2", "comment 3", "comment 4");
    assertThat(comments(eventId, "?limit=0", null).status()).isEqualTo(400);
    assertThat(comments(eventId, "?cursor=garbage", null).status()).isEqualTo(400);
  }

  @Test
  void commentsOfADraftEventAreHiddenFromEveryoneButAdministrators() {
    String eventId = api.draft("Draft discussion");
    String user = api.newUser().token();

    assertThat(comments(eventId, "", null).status()).isEqualTo(404);
    assertThat(comments(eventId, "", user).status()).isEqualTo(404);
    assertThat(comment(eventId, "first!", user).status()).isEqualTo(404);
    assertThat(comments(eventId, "", api.admin().token()).status()).isEqualTo(200);
    assertThat(comments(UUID.randomUUID().toString(), "", null).status()).isEqualTo(404);
  }

  @Test
  void theAuthorDeletesTheirOwnComment() {
    String eventId = api.publishedWithCapacity("Regrets", 10);
    String author = api.newUser().token();
    String id = comment(eventId, "I take it back", author).json().get("id").asText();

    var response = api.delete("/api/v1/comments/" + id, author);

    assertThat(response.status()).isEqualTo(204);
    assertThat(comments(eventId, "", null).json().get("items").size()).isZero();
    assertThat(api.delete("/api/v1/comments/" + id, author).status()).isEqualTo(404);
  }

  @Test
  void anotherUserCannotDeleteAComment() {
    String eventId = api.publishedWithCapacity("Protected", 10);
    String id = comment(eventId, "Mine", api.newUser().token()).json().get("id").asText();

    var response = api.delete("/api/v1/comments/" + id, api.newUser().token());

    assertThat(response.status()).isEqualTo(403);
    assertThat(api.delete("/api/v1/comments/" + id, null).status()).isEqualTo(401);
    assertThat(comments(eventId, "", null).json().get("items").size()).isEqualTo(1);
  }

  @Test
  void anAdministratorDeletesAnyComment() {
    String eventId = api.publishedWithCapacity("Moderated", 10);
    String id = comment(eventId, "Spam spam spam", api.newUser().token()).json().get("id").asText();

    var response = api.delete("/api/v1/comments/" + id, api.admin().token());

    assertThat(response.status()).isEqualTo(204);
    assertThat(comments(eventId, "", null).json().get("items").size()).isZero();
  }

  @Test
  void deletingAnUnknownCommentIsNotFound() {
    String token = api.newUser().token();

    assertThat(api.delete("/api/v1/comments/" + UUID.randomUUID(), token).status()).isEqualTo(404);
    assertThat(api.delete("/api/v1/comments/not-an-id", token).status()).isEqualTo(404);
  }

  private static TestHttpClient.Response rate(String eventId, int score, String token) {
    return api.put(EVENTS + "/" + eventId + "/rating", Map.of("score", score), token);
  }

  private static TestHttpClient.Response comment(String eventId, String text, String token) {
    return app.http().post(EVENTS + "/" + eventId + "/comments", Map.of("text", text), token);
  }

  private static TestHttpClient.Response comments(String eventId, String query, String token) {
    return app.http().get(EVENTS + "/" + eventId + "/comments" + query, token);
  }
}
