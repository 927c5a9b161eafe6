package boxoffice.app.functional;

import static boxoffice.app.testing.BoxofficeApi.EVENTS;
import static boxoffice.app.testing.BoxofficeApi.errorFields;
import static boxoffice.app.testing.BoxofficeApi.eventBody;
import static boxoffice.app.testing.BoxofficeApi.field;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EventsIT {
  private static final Instant FAR = Instant.parse("2040-01-01T10:00:00Z");
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final BoxofficeApi api = new BoxofficeApi(app);
  private static int venues;

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
    assertThat(response.header("ETag")).isEqualTo("\"1-0\"");
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

  // --- update ---

  @Test
  void aPatchChangesOnlyTheFieldsSentAndIncrementsTheVersion() {
    JsonNode before = api.created(eventBody("Old Title"));
    String id = before.get("id").asText();

    var response = api.patch(path(id), Map.of("title", "New Title"), admin(), "\"1\"");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("ETag")).isEqualTo("\"2-0\"");
    JsonNode after = api.event(id, admin()).json();
    assertThat(after.get("title").asText()).isEqualTo("New Title");
    assertThat(after.get("version").asInt()).isEqualTo(2);
    for (String kept :
        List.of("description", "venue", "startsAt", "endsAt", "capacity", "status", "createdAt")) {
      assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
    }
    assertThat(Instant.parse(after.get("updatedAt").asText()))
        .isAfterOrEqualTo(Instant.parse(before.get("updatedAt").asText()));

    Instant later = Instant.parse(before.get("startsAt").asText()).plus(Duration.ofDays(1));
    var moved =
        api.patch(
            path(id),
            Map.of("startsAt", later.toString(), "endsAt", later.plusSeconds(3600).toString()),
            admin(),
            null);
    assertThat(moved.status()).isEqualTo(200);
    assertThat(Instant.parse(moved.json().get("startsAt").asText())).isEqualTo(later);
    assertThat(moved.json().get("title").asText()).isEqualTo("New Title");
    assertThat(moved.json().get("version").asInt()).isEqualTo(3);
  }

  @Test
  void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
    String id = api.draft("Versioned");
    assertThat(api.patch(path(id), Map.of("title", "Second"), admin(), "\"1\"").status())
        .isEqualTo(200);

    var stale = api.patch(path(id), Map.of("title", "Lost update"), admin(), "\"1\"");

    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().get("type").asText()).endsWith("/precondition-failed");
    JsonNode event = api.event(id, admin()).json();
    assertThat(event.get("title").asText()).isEqualTo("Second");
    assertThat(event.get("version").asInt()).isEqualTo(2);
  }

  @Test
  void aPatchWithoutIfMatchIsApplied() {
    String id = api.draft("Unconditional");

    var response = api.patch(path(id), Map.of("capacity", 50), admin(), null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("capacity").asInt()).isEqualTo(50);
    assertThat(response.json().get("version").asInt()).isEqualTo(2);
  }

  @Test
  void aMalformedIfMatchIsABadRequest() {
    String id = api.draft("Malformed precondition");

    var response = api.patch(path(id), Map.of("title", "Never"), admin(), "\"one\"");

    assertThat(response.status()).isEqualTo(400);
    assertThat(api.event(id, admin()).json().get("title").asText())
        .isEqualTo("Malformed precondition");
  }

  @Test
  void capacityCannotGoBelowTheSeatsAlreadyBooked() {
    String id = api.publishedWithCapacity("Shrinking", 10);
    api.booked(id, 4, api.newUser().token());

    var below = api.patch(path(id), Map.of("capacity", 3), admin(), null);
    var exact = api.patch(path(id), Map.of("capacity", 4), admin(), null);

    assertThat(below.status()).isEqualTo(409);
    assertThat(exact.status()).isEqualTo(200);
    assertThat(exact.json().get("seatsAvailable").asInt()).isZero();
  }

  @Test
  void aPatchThatPutsTheEndBeforeTheStartIsInvalid() {
    JsonNode event = api.created(eventBody("Time travel"));
    String id = event.get("id").asText();
    Instant startsAt = Instant.parse(event.get("startsAt").asText());

    var endsEarly =
        api.patch(path(id), Map.of("endsAt", startsAt.minusSeconds(1).toString()), admin(), null);
    var startsLate =
        api.patch(
            path(id),
            Map.of("startsAt", startsAt.plus(Duration.ofDays(1)).toString()),
            admin(),
            null);

    assertThat(endsEarly.status()).isEqualTo(422);
    assertThat(errorFields(endsEarly)).containsExactly("endsAt");
    assertThat(startsLate.status()).isEqualTo(422);
    assertThat(api.event(id, admin()).json().get("version").asInt()).isEqualTo(1);
  }

  @Test
  void aPatchValidatesTheFieldsItChanges() {
    String id = api.draft("Validated patch");

    assertThat(api.patch(path(id), Map.of("title", " "), admin(), null).status()).isEqualTo(422);
    assertThat(api.patch(path(id), Map.of("title", "t".repeat(201)), admin(), null).status())
        .isEqualTo(422);
    assertThat(api.patch(path(id), Map.of("capacity", 0), admin(), null).status()).isEqualTo(422);
    assertThat(api.patch(path(id), Map.of("capacity", "9"), admin(), null).status()).isEqualTo(422);
  }

  @Test
  void theStatusCannotBeChangedByPatch() {
    String id = api.draft("Status by patch");

    var response = api.patch(path(id), Map.of("status", "PUBLISHED"), admin(), null);

    assertThat(response.status()).isEqualTo(422);
    assertThat(errorFields(response)).containsExactly("status");
    assertThat(api.event(id, admin()).json().get("status").asText()).isEqualTo("DRAFT");
  }

  @Test
  void aCancelledEventCanNoLongerBeEdited() {
    String id = api.publishedWithCapacity("Called off", 10);
    assertThat(api.changeStatus(id, "CANCELLED").status()).isEqualTo(200);

    var response = api.patch(path(id), Map.of("title", "Revived"), admin(), null);

    assertThat(response.status()).isEqualTo(409);
    assertThat(api.event(id, null).json().get("title").asText()).isEqualTo("Called off");
  }

  @Test
  void onlyAdministratorsPatchExistingEvents() {
    String id = api.publishedWithCapacity("Guarded", 10);

    assertThat(api.patch(path(id), Map.of("title", "x"), null, null).status()).isEqualTo(401);
    assertThat(api.patch(path(id), Map.of("title", "x"), api.newUser().token(), null).status())
        .isEqualTo(403);
    assertThat(
            api.patch(path(UUID.randomUUID().toString()), Map.of("title", "x"), admin(), null)
                .status())
        .isEqualTo(404);
  }

  // --- status ---

  @Test
  void everyAllowedStatusMoveSucceedsAndIncrementsTheVersion() {
    String id = api.draft("Lifecycle");

    List<String> moves = List.of("PUBLISHED", "DRAFT", "PUBLISHED", "CANCELLED");
    int version = 1;
    for (String target : moves) {
      var response = api.changeStatus(id, target);
      version++;
      assertThat(response.status()).as(target).isEqualTo(200);
      assertThat(response.json().get("status").asText()).isEqualTo(target);
      assertThat(response.json().get("version").asInt()).isEqualTo(version);
      assertThat(response.header("ETag")).startsWith("\"" + version + "-");
    }
    assertThat(api.event(id, null).json().get("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void disallowedStatusMovesAreConflicts() {
    String draft = api.draft("Draft moves");
    assertThat(api.changeStatus(draft, "CANCELLED").status()).isEqualTo(409);
    assertThat(api.changeStatus(draft, "COMPLETED").status()).isEqualTo(409);

    String cancelled = api.publishedWithCapacity("Cancelled moves", 5);
    api.changeStatus(cancelled, "CANCELLED");
    assertThat(api.changeStatus(cancelled, "PUBLISHED").status()).isEqualTo(409);
    assertThat(api.changeStatus(cancelled, "DRAFT").status()).isEqualTo(409);
    assertThat(api.changeStatus(cancelled, "COMPLETED").status()).isEqualTo(409);

    String booked = api.publishedWithCapacity("Booked moves", 5);
    api.booked(booked, 1, api.newUser().token());
    var toDraft = api.changeStatus(booked, "DRAFT");
    assertThat(toDraft.status()).isEqualTo(409);
    assertThat(api.event(booked, null).json().get("status").asText()).isEqualTo("PUBLISHED");
  }

  @Test
  void askingForTheCurrentStatusChangesNothing() {
    String id = api.publishedWithCapacity("Steady", 5);

    var response = api.changeStatus(id, "PUBLISHED");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(response.json().get("version").asInt()).isEqualTo(1);
    String draft = api.draft("Steady draft");
    assertThat(api.changeStatus(draft, "DRAFT").json().get("version").asInt()).isEqualTo(1);
  }

  @Test
  void anEventIsCompletedOnlyOnceItHasStarted() {
    String id = api.publishedStartingIn("Starting soon", Duration.ofMinutes(10));
    assertThat(api.changeStatus(id, "COMPLETED").status()).isEqualTo(409);

    app.clock().advance(Duration.ofMinutes(11));
    try {
      var completed = api.changeStatus(id, "COMPLETED");
      assertThat(completed.status()).isEqualTo(200);
      assertThat(completed.json().get("status").asText()).isEqualTo("COMPLETED");
      assertThat(api.changeStatus(id, "PUBLISHED").status()).isEqualTo(409);
      assertThat(api.changeStatus(id, "CANCELLED").status()).isEqualTo(409);
      assertThat(api.patch(path(id), Map.of("title", "Encore"), admin(), null).status())
          .isEqualTo(409);
    } finally {
      app.clock().advance(Duration.ofMinutes(11).negated());
    }
  }

  @Test
  void anInvalidOrMissingStatusIsRefused() {
    String id = api.draft("Status typo");

    var unknown = api.changeStatus(id, "OPEN");
    var missing = api.put(path(id) + "/status", Map.of(), admin());
    var number = api.put(path(id) + "/status", Map.of("status", 1), admin());

    assertThat(unknown.status()).isEqualTo(422);
    assertThat(errorFields(unknown)).containsExactly("status");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(number.status()).isEqualTo(422);
  }

  @Test
  void onlyAdministratorsChangeTheStatusOfExistingEvents() {
    String id = api.draft("Status guard");
    var body = Map.of("status", "PUBLISHED");

    assertThat(api.put(path(id) + "/status", body, null).status()).isEqualTo(401);
    assertThat(api.put(path(id) + "/status", body, api.newUser().token()).status()).isEqualTo(403);
    assertThat(api.changeStatus(UUID.randomUUID().toString(), "PUBLISHED").status()).isEqualTo(404);
  }

  @Test
  void cancellingAnEventCancelsItsConfirmedBookingsAndFreesTheSeats() {
    String id = api.publishedWithCapacity("Rained out", 10);
    BoxofficeApi.Account holder = api.newUser();
    String first = api.booked(id, 2, holder.token());
    String second = api.booked(id, 3, api.newUser().token());

    var response = api.changeStatus(id, "CANCELLED");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("seatsBooked").asInt()).isZero();
    assertThat(response.json().get("seatsAvailable").asInt()).isEqualTo(10);
    for (String booking : List.of(first, second)) {
      JsonNode b = app.http().get("/api/v1/bookings/" + booking, admin()).json();
      assertThat(b.get("status").asText()).isEqualTo("CANCELLED");
      assertThat(b.get("cancelledAt").isNull()).isFalse();
    }
  }

  // --- delete ---

  @Test
  void aDeletedEventIsGone() {
    String id = api.draft("Short lived");

    var response = api.delete(path(id), admin());

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(api.event(id, admin()).status()).isEqualTo(404);
    assertThat(api.delete(path(id), admin()).status()).isEqualTo(404);
  }

  @Test
  void anEventWithConfirmedBookingsCannotBeDeletedUntilTheyAreCancelled() {
    String id = api.publishedWithCapacity("Sticky", 10);
    BoxofficeApi.Account holder = api.newUser();
    String booking = api.booked(id, 2, holder.token());

    assertThat(api.delete(path(id), admin()).status()).isEqualTo(409);
    assertThat(api.event(id, null).status()).isEqualTo(200);

    assertThat(
            app.http()
                .post("/api/v1/bookings/" + booking + "/cancel", Map.of(), holder.token())
                .status())
        .isEqualTo(200);
    assertThat(api.delete(path(id), admin()).status()).isEqualTo(204);
    assertThat(api.event(id, admin()).status()).isEqualTo(404);
  }

  @Test
  void onlyAdministratorsDeleteEvents() {
    String id = api.draft("Undeletable by users");

    assertThat(api.delete(path(id), null).status()).isEqualTo(401);
    assertThat(api.delete(path(id), api.newUser().token()).status()).isEqualTo(403);
    assertThat(api.event(id, admin()).status()).isEqualTo(200);
  }

  // --- search ---

  @Test
  void searchWordsMatchPrefixesOfTitleOrDescriptionCaseInsensitivelyAndAllMustMatch() {
    String venue = newVenue();
    String midnight = publishedAt(venue, "Midnight Jazz Session", "Smooth saxophone", FAR);
    String rock = publishedAt(venue, "Rock Classics", "Guitars and JAZZY drums", FAR);
    String brunch = publishedAt(venue, "Jazz Brunch", "Pancakes and saxophones", FAR);
    publishedAt(venue, "Poetry", "Quiet words", FAR);

    assertThat(searchIds(venue, "q=jazz")).containsExactlyInAnyOrder(midnight, rock, brunch);
    assertThat(searchIds(venue, "q=JaZz")).containsExactlyInAnyOrder(midnight, rock, brunch);
    assertThat(searchIds(venue, "q=sax")).containsExactlyInAnyOrder(midnight, brunch);
    assertThat(searchIds(venue, "q=" + enc("jazz sax")))
        .containsExactlyInAnyOrder(midnight, brunch);
    assertThat(searchIds(venue, "q=" + enc("pancake JAZZ"))).containsExactly(brunch);
    assertThat(searchIds(venue, "q=" + enc("poetry jazz"))).isEmpty();
    assertThat(searchIds(venue, "q=azz")).isEmpty();
  }

  @Test
  void searchFiltersByStatus() {
    String venue = newVenue();
    String published = publishedAt(venue, "Still on", "", FAR);
    String cancelled = publishedAt(venue, "Called off", "", FAR.plusSeconds(60));
    api.changeStatus(cancelled, "CANCELLED");
    String draft = draftAt(venue, "Not yet", FAR);

    assertThat(searchIds(venue, "status=CANCELLED")).containsExactly(cancelled);
    assertThat(searchIds(venue, "status=published")).containsExactly(published);
    assertThat(searchIds(venue, "")).containsExactly(published, cancelled);
    assertThat(searchIds(venue, "status=DRAFT", admin())).containsExactly(draft);
  }

  @Test
  void searchTimeRangeIncludesFromAndExcludesTo() {
    String venue = newVenue();
    Instant t = FAR.plus(Duration.ofDays(30));
    String first = publishedAt(venue, "First", "", t);
    String second = publishedAt(venue, "Second", "", t.plus(Duration.ofHours(1)));
    String third = publishedAt(venue, "Third", "", t.plus(Duration.ofHours(2)));
    String oneHourLater = t.plus(Duration.ofHours(1)).toString();

    assertThat(searchIds(venue, "from=" + oneHourLater)).containsExactly(second, third);
    assertThat(searchIds(venue, "to=" + oneHourLater)).containsExactly(first);
    assertThat(searchIds(venue, "from=" + t + "&to=" + t.plus(Duration.ofHours(2))))
        .containsExactly(first, second);
    assertThat(searchIds(venue, "from=" + enc("2040-01-31T12:00:00+02:00")))
        .containsExactly(first, second, third);
  }

  @Test
  void searchMatchesTheWholeVenueCaseInsensitively() {
    String venue = newVenue();
    String hall = publishedAt(venue, "In the hall", "", FAR);
    publishedAt(venue + " Annex", "In the annex", "", FAR);

    var response = app.http().get(EVENTS + "?venue=" + enc(venue.toUpperCase(Locale.ROOT)));

    assertThat(field(response.json().get("items"), "id")).containsExactly(hall);
    assertThat(searchIds(venue.toLowerCase(Locale.ROOT), "")).containsExactly(hall);
  }

  @Test
  void searchSortsByEachOrder() {
    String venue = newVenue();
    String bravo = publishedAt(venue, "Bravo", "", FAR.plus(Duration.ofDays(2)));
    String alpha = publishedAt(venue, "Alpha", "", FAR.plus(Duration.ofDays(3)));
    String charlie = publishedAt(venue, "Charlie", "", FAR.plus(Duration.ofDays(1)));

    assertThat(searchIds(venue, "")).containsExactly(charlie, bravo, alpha);
    assertThat(searchIds(venue, "sort=startsAt")).containsExactly(charlie, bravo, alpha);
    assertThat(searchIds(venue, "sort=-startsAt")).containsExactly(alpha, bravo, charlie);
    assertThat(searchIds(venue, "sort=title")).containsExactly(alpha, bravo, charlie);
    assertThat(searchIds(venue, "sort=-createdAt")).containsExactly(charlie, alpha, bravo);
  }

  @Test
  void invalidSearchParametersAreBadRequests() {
    for (String query :
        List.of(
            "sort=bogus",
            "sort=-title",
            "status=OPEN",
            "from=yesterday",
            "to=2040-13-01T00:00:00Z",
            "from=2040-01-01",
            "limit=0",
            "limit=101",
            "limit=abc")) {
      var response = app.http().get(EVENTS + "?" + query);
      assertThat(response.status()).as(query).isEqualTo(400);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(app.http().get(EVENTS + "?limit=1").status()).isEqualTo(200);
    assertThat(app.http().get(EVENTS + "?limit=100").status()).isEqualTo(200);
  }

  @Test
  void draftsAreNeverListedForAnonymousCallersOrUsers() {
    String venue = newVenue();
    String published = publishedAt(venue, "Visible", "", FAR);
    String draft = draftAt(venue, "Invisible", FAR);
    String user = api.newUser().token();

    for (String token : new String[] {null, user}) {
      assertThat(searchIds(venue, "", token)).containsExactly(published);
      assertThat(searchIds(venue, "status=DRAFT", token)).isEmpty();
      assertThat(searchIds(venue, "q=invisible", token)).isEmpty();
    }
    assertThat(searchIds(venue, "", admin())).containsExactlyInAnyOrder(published, draft);
    assertThat(searchIds(venue, "status=DRAFT", admin())).containsExactly(draft);
  }

  @Test
  void pagingThroughEverySortReturnsEachEventExactlyOnce() {
    String venue = newVenue();
    List<String> ids = new ArrayList<>();
    // Shared titles and start times make the id tie-breaker matter.
    for (int i = 0; i < 7; i++) {
      String title = i % 2 == 0 ? "Same Title" : "Other Title " + i;
      ids.add(publishedAt(venue, title, "", FAR.plus(Duration.ofHours(i / 3))));
    }

    for (String sort : List.of("startsAt", "-startsAt", "title", "-createdAt")) {
      List<String> whole = searchIds(venue, "sort=" + sort + "&limit=100");
      List<JsonNode> paged =
          api.allPages(
              EVENTS + "?venue=" + enc(venue) + "&sort=" + sort + "&limit=2",
              null,
              page -> page.get("items").size() <= 2);

      assertThat(whole).as(sort).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(field(paged, "id")).as(sort).containsExactlyElementsOf(whole);
    }
  }

  @Test
  void searchFindsWordsOfScriptsThatUseCombiningMarks() {
    String venue = newVenue();
    String hindi = publishedAt(venue, "हिन्दी संगीत संध्या", "", FAR);
    String thai = publishedAt(venue, "ดนตรีไทย คืนนี้", "", FAR);

    assertThat(searchIds(venue, "q=" + enc("हिन्दी"))).containsExactly(hindi);
    assertThat(searchIds(venue, "q=" + enc("ดนตรีไทย"))).containsExactly(thai);
  }

  @Test
  void aVenueFilterWithANulCharacterIsABadRequestRatherThanAServerError() {
    var response = app.http().get(EVENTS + "?venue=Blue%00Note");

    assertThat(response.status()).isEqualTo(400);
  }

  @Test
  void aSearchTimeOutsideTheStorableRangeIsABadRequestRatherThanAServerError() {
    assertThat(app.http().get(EVENTS + "?from=" + enc("+300000-01-01T00:00:00Z")).status())
        .isEqualTo(400);
    assertThat(app.http().get(EVENTS + "?to=" + enc("-5000-01-01T00:00:00Z")).status())
        .isEqualTo(400);
  }

  @Test
  void aTitleWithAControlCharacterIsEitherRefusedOrPagesLikeAnyOther() {
    String venue = newVenue();
    Map<String, Object> body = eventBody("Unit\u001fSeparator", FAR);
    body.put("venue", venue);
    body.put("status", "PUBLISHED");
    var created = api.createEvent(body, admin());
    if (created.status() == 422) {
      return; // refusing control characters up front is a fine answer too
    }
    assertThat(created.status()).isEqualTo(201);
    publishedAt(venue, "Zulu", "", FAR);

    List<JsonNode> paged =
        api.allPages(
            EVENTS + "?venue=" + enc(venue) + "&sort=title&limit=1",
            null,
            page -> page.get("items").size() <= 1);

    assertThat(field(paged, "title")).containsExactly("Unit\u001fSeparator", "Zulu");
  }

  @Test
  void aGarbageCursorOrOneFromAnotherSortIsABadRequest() {
    String venue = newVenue();
    publishedAt(venue, "One", "", FAR);
    publishedAt(venue, "Two", "", FAR.plusSeconds(1));
    String byTitle =
        app.http()
            .get(EVENTS + "?venue=" + enc(venue) + "&sort=title&limit=1")
            .json()
            .get("nextCursor")
            .asText();

    assertThat(app.http().get(EVENTS + "?cursor=garbage").status()).isEqualTo(400);
    assertThat(app.http().get(EVENTS + "?sort=startsAt&cursor=" + byTitle).status()).isEqualTo(400);
    assertThat(app.http().get(EVENTS + "?cursor=" + byTitle).status()).isEqualTo(400);
    assertThat(app.http().get(EVENTS + "?sort=title&cursor=" + byTitle).status()).isEqualTo(200);
  }

  // --- helpers ---

  private static String admin() {
    return api.admin().token();
  }

  private static String path(String id) {
    return EVENTS + "/" + id;
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

  private static synchronized String newVenue() {
    venues++;
    return "Search Hall " + venues + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String publishedAt(String venue, String title, String text, Instant startsAt) {
    Map<String, Object> body = eventBody(title, startsAt);
    body.put("venue", venue);
    body.put("description", text);
    return api.published(body);
  }

  private static String draftAt(String venue, String title, Instant startsAt) {
    Map<String, Object> body = eventBody(title, startsAt);
    body.put("venue", venue);
    return api.created(body).get("id").asText();
  }

  private static List<String> searchIds(String venue, String query) {
    return searchIds(venue, query, null);
  }

  private static List<String> searchIds(String venue, String query, String token) {
    String path = EVENTS + "?venue=" + enc(venue) + (query.isEmpty() ? "" : "&" + query);
    var response = app.http().get(path, token);
    assertThat(response.status()).as("%s -> %s", path, response).isEqualTo(200);
    assertThat(response.json().get("nextCursor").isNull()).as(path).isTrue();
    return field(response.json().get("items"), "id");
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
