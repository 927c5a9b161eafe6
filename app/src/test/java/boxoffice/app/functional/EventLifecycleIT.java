package boxoffice.app.functional;

import static boxoffice.app.testing.BoxofficeApi.EVENTS;
import static boxoffice.app.testing.BoxofficeApi.errorFields;
import static boxoffice.app.testing.BoxofficeApi.eventBody;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An event after its creation: edits with If-Match, status moves, cancellation and deletion. */
class EventLifecycleIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final BoxofficeApi api = new BoxofficeApi(app);

  // --- update ---

  @Test
  void aPatchChangesOnlyTheFieldsSentAndIncrementsTheVersion() {
    JsonNode before = api.created(eventBody("Old Title"));
    String id = before.get("id").asText();

    var response = api.patch(path(id), Map.of("title", "New Title"), admin(), "\"1\"");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("ETag")).isEqualTo("\"2-0-100\"");
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

  private static String admin() {
    return api.admin().token();
  }

  private static String path(String id) {
    return EVENTS + "/" + id;
  }
}
