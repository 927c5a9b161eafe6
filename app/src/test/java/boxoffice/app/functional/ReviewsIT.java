package boxoffice.app.functional;

import static boxoffice.app.testing.BoxofficeApi.EVENTS;
import static boxoffice.app.testing.BoxofficeApi.errorFields;
import static boxoffice.app.testing.BoxofficeApi.field;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestHttpClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReviewsIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final BoxofficeApi api = new BoxofficeApi(app);

  /** Events of these tests start this soon, well within the access tokens' lifetime. */
  private static final Duration SOON = Duration.ofMinutes(10);

  /** How far {@link #passTheStart()} moved the shared clock; moved back after each test. */
  private Duration moved = Duration.ZERO;

  @AfterEach
  void restoreTheClock() {
    app.clock().advance(moved.negated());
    moved = Duration.ZERO;
  }

  // --- ratings ---

  @Test
  void aTicketHolderCannotRateBeforeTheEventStarts() {
    String eventId = api.publishedStartingIn("Not yet", SOON);
    String holder = api.newUser().token();
    api.booked(eventId, 1, holder);

    var early = rate(eventId, 5, holder);

    assertThat(early.status()).isEqualTo(403);
    assertThat(early.json().get("code").asText()).isEqualTo("NOT_AN_ATTENDEE");
    assertThat(early.json().get("detail").asText()).contains("open when the event starts");
    assertThat(ratingOf(eventId).get("count").asInt()).isZero();
  }

  @Test
  void aTicketHolderRatesOnceTheEventHasStarted() {
    String eventId = api.publishedStartingIn("Rated show", SOON);
    String holder = api.newUser().token();
    api.booked(eventId, 2, holder);
    assertThat(ratingOf(eventId).get("count").asInt()).isZero(); // the event view is cached now

    passTheStart();
    var rated = rate(eventId, 4, holder);

    assertThat(rated.status()).isEqualTo(200);
    assertThat(rated.json().get("average").asDouble()).isEqualTo(4.0);
    assertThat(rated.json().get("count").asInt()).isEqualTo(1);
    JsonNode rating = ratingOf(eventId);
    assertThat(rating.get("average").asDouble()).isEqualTo(4.0);
    assertThat(rating.get("count").asInt()).isEqualTo(1);
  }

  @Test
  void someoneWithoutATicketCannotRateEvenAfterTheStart() {
    String eventId = api.publishedStartingIn("Gatecrashed", SOON);
    String stranger = api.newUser().token();
    api.booked(eventId, 1, api.newUser().token());

    passTheStart();
    var response = rate(eventId, 5, stranger);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("code").asText()).isEqualTo("NOT_AN_ATTENDEE");
    assertThat(response.json().get("detail").asText()).contains("holders of a valid or used");
    assertThat(rate(eventId, 5, null).status()).isEqualTo(401);
    assertThat(ratingOf(eventId).get("count").asInt()).isZero();
  }

  @Test
  void aHolderWhoCancelledBeforeTheStartCannotRateAfterIt() {
    String eventId = api.publishedStartingIn("Changed my mind", SOON);
    String changedMind = api.newUser().token();
    String booking = api.booked(eventId, 1, changedMind);
    var cancelled =
        app.http().post("/api/v1/bookings/" + booking + "/cancel", Map.of(), changedMind);
    assertThat(cancelled.status()).as("cancel %s", cancelled).isEqualTo(200);

    passTheStart();
    var response = rate(eventId, 1, changedMind);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("code").asText()).isEqualTo("NOT_AN_ATTENDEE");
    assertThat(ratingOf(eventId).get("count").asInt()).isZero();
  }

  @Test
  void aHolderWhoCheckedInMayRate() {
    String eventId = api.publishedStartingIn("At the door", SOON);
    String holder = api.newUser().token();
    checkIn(eventId, api.booked(eventId, 1, holder), holder);

    passTheStart();
    var response = rate(eventId, 5, holder);

    assertThat(response.status()).isEqualTo(200);
    assertThat(ratingOf(eventId).get("count").asInt()).isEqualTo(1);
  }

  @Test
  void aScoreOutsideOneToFiveOrMissingIsInvalid() {
    String eventId = api.publishedStartingIn("Scored show", SOON);
    String token = api.newUser().token();
    api.booked(eventId, 1, token);
    passTheStart();
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
    String eventId = api.publishedStartingIn("Second thoughts", SOON);
    String token = api.newUser().token();
    api.booked(eventId, 1, token);
    passTheStart();

    assertThat(rate(eventId, 2, token).json().get("average").asDouble()).isEqualTo(2.0);
    var replaced = rate(eventId, 5, token);

    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().get("average").asDouble()).isEqualTo(5.0);
    assertThat(replaced.json().get("count").asInt()).isEqualTo(1);
    JsonNode rating = ratingOf(eventId);
    assertThat(rating.get("average").asDouble()).isEqualTo(5.0);
    assertThat(rating.get("count").asInt()).isEqualTo(1);
  }

  @Test
  void theEventShowsTheAverageToOneDecimalAndTheNumberOfRatings() {
    String eventId = api.publishedStartingIn("Crowd favourite", SOON);
    List<String> holders = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String token = api.newUser().token();
      api.booked(eventId, 1, token);
      holders.add(token);
    }
    passTheStart();
    int[] scores = {5, 4, 4};
    for (int i = 0; i < scores.length; i++) {
      assertThat(rate(eventId, scores[i], holders.get(i)).status()).isEqualTo(200);
    }

    JsonNode rating = ratingOf(eventId);

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
    assertThat(comment.get("userId").asText()).isEqualTo(author.id());
    assertThat(comment.get("authorId").asText()).isEqualTo(author.id());
    assertThat(comment.get("verifiedAttendee").asBoolean()).isFalse();
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
  void commentsOfAuthorsWhoCheckedInAreMarkedAsFromVerifiedAttendees() {
    String eventId = api.publishedStartingIn("Verified voices", SOON);
    BoxofficeApi.Account strangerAccount = api.newUser();
    BoxofficeApi.Account holderAccount = api.newUser();
    String stranger = strangerAccount.token();
    String holder = holderAccount.token();
    String booking = api.booked(eventId, 1, holder);

    var fromStranger = comment(eventId, "Wish I had gone", stranger);
    var beforeCheckIn = comment(eventId, "On my way", holder);
    assertThat(fromStranger.status()).isEqualTo(201);
    assertThat(fromStranger.json().get("verifiedAttendee").asBoolean()).isFalse();
    assertThat(beforeCheckIn.json().get("verifiedAttendee").asBoolean()).isFalse();
    assertThat(verifiedAttendee(comments(eventId, "", null))).containsExactly(false, false);

    checkIn(eventId, booking, holder);
    var afterCheckIn = comment(eventId, "Inside now", holder);

    assertThat(afterCheckIn.status()).isEqualTo(201);
    assertThat(afterCheckIn.json().get("verifiedAttendee").asBoolean()).isTrue();
    var listed = comments(eventId, "", null);
    assertThat(field(listed.json().get("items"), "text"))
        .containsExactly("Wish I had gone", "On my way", "Inside now");
    assertThat(verifiedAttendee(listed)).containsExactly(false, true, true);
    assertThat(field(listed.json().get("items"), "userId"))
        .containsExactly(strangerAccount.id(), holderAccount.id(), holderAccount.id());
  }

  @Test
  void theCommentSchemaDocumentsVerifiedAttendee() {
    JsonNode properties =
        app.http().get("/openapi.json").json().at("/components/schemas/CommentResponse/properties");

    assertThat(properties.at("/verifiedAttendee/type").asText()).isEqualTo("boolean");
    assertThat(properties.at("/verifiedAttendee/description").asText()).contains("checked-in");
    assertThat(properties.has("userId")).isTrue();
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

  /** Moves the shared clock just past the start of events created {@link #SOON} from now. */
  private void passTheStart() {
    Duration by = SOON.plusMinutes(1);
    app.clock().advance(by);
    moved = moved.plus(by);
  }

  /** Checks the booking's first ticket in at the door, as the administrator. */
  private static void checkIn(String eventId, String bookingId, String holderToken) {
    var tickets = app.http().get("/api/v1/bookings/" + bookingId + "/tickets", holderToken);
    assertThat(tickets.status()).as("tickets %s", tickets).isEqualTo(200);
    String code = tickets.json().get("items").get(0).get("code").asText();
    var checkIn =
        app.http()
            .post(EVENTS + "/" + eventId + "/check-ins", Map.of("code", code), api.admin().token());
    assertThat(checkIn.status()).as("check-in %s", checkIn).isEqualTo(200);
  }

  private static JsonNode ratingOf(String eventId) {
    return api.event(eventId, null).json().get("rating");
  }

  private static List<Boolean> verifiedAttendee(TestHttpClient.Response page) {
    List<Boolean> flags = new ArrayList<>();
    page.json().get("items").forEach(item -> flags.add(item.get("verifiedAttendee").asBoolean()));
    return flags;
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
