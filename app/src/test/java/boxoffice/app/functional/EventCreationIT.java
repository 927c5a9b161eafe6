package boxoffice.app.functional;

import static boxoffice.app.testing.BoxofficeApi.EVENTS;
import static boxoffice.app.testing.BoxofficeApi.errorFields;
import static boxoffice.app.testing.BoxofficeApi.eventBody;
import static boxoffice.app.testing.BoxofficeApi.field;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Creating an event (validation, who may) and reading one back. */
class EventCreationIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final BoxofficeApi api = new BoxofficeApi(app);

  // --- create ---

  @Test
  void anAdminCreatesADraftEventWithLocationAndETag() {
    Map<String, Object> body = eventBody("Jazz Night");

    var response = api.createEvent(body, api.admin().token());

    assertThat(response.status()).isEqualTo(201);
    JsonNode event = response.json();
    String id = event.get("id").asText();
    assertThat(UUID.fromString(id)).isNotNull();
    assertThat(response.header("Location")).isEqualTo(EVENTS + "/" + id);
    assertThat(response.header("ETag")).isEqualTo("\"1-0-100\"");
    assertThat(event.get("title").asText()).isEqualTo("Jazz Night");
    assertThat(event.get("description").asText()).isEqualTo(body.get("description"));
    assertThat(event.get("venue").asText()).isEqualTo(body.get("venue"));
    assertThat(Instant.parse(event.get("startsAt").asText()))
        .isEqualTo(Instant.parse((String) body.get("startsAt")));
    assertThat(Instant.parse(event.get("endsAt").asText()))
        .isEqualTo(Instant.parse((String) body.get("endsAt")));
    assertThat(event.get("capacity").asInt()).isEqualTo(100);
    assertThat(event.get("seatsBooked").asInt()).isZero();
    assertThat(event.get("seatsAvailable").asInt()).isEqualTo(100);
    assertThat(event.get("status").asText()).isEqualTo("DRAFT");
    assertThat(event.get("version").asInt()).isEqualTo(1);
    assertThat(Instant.parse(event.get("createdAt").asText())).isNotNull();
    assertThat(Instant.parse(event.get("updatedAt").asText())).isNotNull();
    var location = app.http().get(response.header("Location"), api.admin().token());
    assertThat(location.status()).isEqualTo(200);
    assertThat(location.json().get("id").asText()).isEqualTo(id);
  }

  @Test
  void anEventCanBeCreatedPublishedAndIsThenPublic() {
    Map<String, Object> body = eventBody("Opening Gala");
    body.put("status", "PUBLISHED");

    var response = api.createEvent(body, api.admin().token());

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(app.http().get(response.header("Location")).status()).isEqualTo(200);
  }

  @Test
  void anEventCannotBeCreatedCancelledCompletedOrWithAnUnknownStatus() {
    for (String status : List.of("CANCELLED", "COMPLETED", "OPEN")) {
      Map<String, Object> body = eventBody("Born " + status);
      body.put("status", status);

      var response = api.createEvent(body, api.admin().token());

      assertThat(response.status()).as(status).isEqualTo(422);
      assertThat(errorFields(response)).as(status).containsExactly("status");
    }
  }

  @Test
  void onlyAdministratorsCreateEvents() {
    var anonymous = api.createEvent(eventBody("Sneaky"), null);
    var user = api.createEvent(eventBody("Sneaky"), api.newUser().token());

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(user.status()).isEqualTo(403);
    assertThat(user.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void invalidEventFieldsAreRefusedWithTheFieldNamed() {
    assertInvalid(with("title", "   "), "title");
    assertInvalid(with("title", "t".repeat(201)), "title");
    assertInvalid(with("description", "d".repeat(5001)), "description");
    assertInvalid(with("capacity", 0), "capacity");
    assertInvalid(with("capacity", 1_000_001), "capacity");
    assertInvalid(with("capacity", -5), "capacity");
    Map<String, Object> backwards = eventBody("Backwards");
    backwards.put(
        "endsAt", Instant.parse((String) backwards.get("startsAt")).minusSeconds(60).toString());
    assertInvalid(backwards, "endsAt");
    Map<String, Object> instant = eventBody("No length");
    instant.put("endsAt", instant.get("startsAt"));
    assertInvalid(instant, "endsAt");
  }

  @Test
  void missingEventFieldsAreAllReportedAtOnce() {
    var response = api.createEvent(Map.of(), api.admin().token());

    assertThat(response.status()).isEqualTo(422);
    assertThat(errorFields(response))
        .contains("title", "venue", "startsAt", "endsAt", "capacity")
        .doesNotContain("description");
  }

  @Test
  void aNumberTooLargeForTheCapacityIsAValidationErrorNotMalformedJson() {
    // The body is well-formed JSON; only the value is out of range.
    assertInvalid(with("capacity", 99_999_999_999L), "capacity");
  }

  @Test
  void textWithANulCharacterIsInvalidRatherThanAServerError() {
    assertInvalid(with("title", "Jazz\u0000Night"), "title");
    assertInvalid(with("venue", "Blue\u0000Note"), "venue");
    assertInvalid(with("description", "Live\u0000music"), "description");
  }

  @Test
  void startTimesOutsideTheStorableRangeAreInvalidRatherThanAServerError() {
    Map<String, Object> far = eventBody("Far future");
    far.put("startsAt", "+300000-01-01T00:00:00Z");
    far.put("endsAt", "+300000-01-02T00:00:00Z");
    Map<String, Object> ancient = eventBody("Ancient history");
    ancient.put("startsAt", "-5000-01-01T00:00:00Z");
    ancient.put("endsAt", "-5000-01-02T00:00:00Z");

    assertInvalid(far, "startsAt");
    assertInvalid(ancient, "startsAt");
  }

  @Test
  void fieldsOfTheWrongTypeAreRefused() {
    assertInvalid(with("capacity", "100"), "capacity");
    assertInvalid(with("capacity", 10.5), "capacity");
    assertInvalid(with("title", 42), "title");
    assertInvalid(with("startsAt", "next friday"), "startsAt");
    assertInvalid(with("venue", List.of("a", "b")), "venue");
  }

  @Test
  void theLongestValuesAllowedAreAccepted() {
    Map<String, Object> body = eventBody("t".repeat(200));
    body.put("description", "d".repeat(5000));
    body.put("capacity", 1_000_000);
    assertThat(api.createEvent(body, api.admin().token()).status()).isEqualTo(201);

    Map<String, Object> small = eventBody("x");
    small.put("capacity", 1);
    small.remove("description");
    var created = api.createEvent(small, api.admin().token());
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("description").asText()).isEmpty();
  }

  // --- read one ---

  @Test
  void theDetailShowsSeatsAvailableTheRatingAndAnETagLedByTheVersion() {
    String id = api.publishedWithCapacity("Detail Show", 10);
    api.booked(id, 3, api.newUser().token());

    var response = api.event(id, null);

    assertThat(response.status()).isEqualTo(200);
    JsonNode event = response.json();
    assertThat(event.get("capacity").asInt()).isEqualTo(10);
    assertThat(event.get("seatsBooked").asInt()).isEqualTo(3);
    assertThat(event.get("seatsAvailable").asInt()).isEqualTo(7);
    assertThat(event.get("rating").get("count").asInt()).isZero();
    assertThat(event.get("rating").has("average")).isTrue();
    assertThat(response.header("ETag"))
        .isEqualTo(
            "\""
                + event.get("version").asInt()
                + "-"
                + event.get("seatsBooked").asInt()
                + "-"
                + event.get("seatsAvailable").asInt()
                + "-0-0.0\"");
  }

  @Test
  void draftsAreHiddenFromAnonymousCallersAndUsersButShownToAdministrators() {
    String id = api.draft("Secret Draft");

    assertThat(api.event(id, null).status()).isEqualTo(404);
    assertThat(api.event(id, api.newUser().token()).status()).isEqualTo(404);
    var admin = api.event(id, api.admin().token());
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.json().get("status").asText()).isEqualTo("DRAFT");
  }

  @Test
  void unknownAndMalformedEventIdsAreNotFound() {
    var unknown = api.event(UUID.randomUUID().toString(), null);
    var malformed = api.event("not-a-uuid", null);

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(api.event(UUID.randomUUID().toString(), api.admin().token()).status())
        .isEqualTo(404);
  }

  private static String admin() {
    return api.admin().token();
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> body = new LinkedHashMap<>(eventBody("Validation"));
    body.put(field, value);
    return body;
  }

  private static void assertInvalid(Map<String, Object> body, String field) {
    var response = api.createEvent(body, admin());
    assertThat(response.status()).as("%s in %s", field, body).isEqualTo(422);
    assertThat(response.json().get("type").asText()).endsWith("/validation-failed");
    assertThat(errorFields(response)).as("%s in %s", field, body).contains(field);
  }
}
