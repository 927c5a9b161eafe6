package boxoffice.app.functional;

import static boxoffice.app.testing.BoxofficeApi.EVENTS;
import static boxoffice.app.testing.BoxofficeApi.eventBody;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.service.Outbox;
import boxoffice.app.service.OutboxMessage;
import boxoffice.app.service.Transactions;
import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OutboxIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final BoxofficeApi api = new BoxofficeApi(app);

  /** One outbox row. */
  record Row(
      String type, String aggregateType, String aggregateId, String actorId, JsonNode payload) {}

  // --- accounts ---

  @Test
  void registeringWritesUserRegistered() {
    var registered =
        app.http()
            .post(
                "/api/v1/auth/register",
                Map.of("email", "new@example.org", "password", "password-1", "name", "Newcomer"));
    String userId = registered.json().get("id").asText();

    Row row = single("user.registered", userId);

    assertThat(row.aggregateType()).isEqualTo("user");
    assertThat(row.actorId()).isEqualTo(userId);
    assertThat(row.payload().get("email").asText()).isEqualTo("new@example.org");
    assertThat(row.payload().get("name").asText()).isEqualTo("Newcomer");
    assertThat(row.payload().get("role").asText()).isEqualTo("USER");
  }

  @Test
  void aSuccessfulLoginWritesLoginSucceeded() {
    BoxofficeApi.Account user = api.newUser();

    List<Row> rows = rows("user.login_succeeded", user.id());

    // newUser signs in twice: once in registerAndLogin and once to read the account.
    assertThat(rows).hasSize(2);
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.aggregateType()).isEqualTo("user");
              assertThat(row.actorId()).isEqualTo(user.id());
              assertThat(row.payload().has("clientAddress")).isTrue();
            });
  }

  @Test
  void aFailedLoginWritesLoginFailedWithoutAnActor() {
    BoxofficeApi.Account user = api.newUser();

    assertThat(app.http().login(user.email(), "wrong-password").status()).isEqualTo(401);
    assertThat(app.http().login("nobody@example.org", "wrong-password").status()).isEqualTo(401);

    Row known = single("user.login_failed", user.id());
    assertThat(known.aggregateType()).isEqualTo("user");
    assertThat(known.actorId()).isNull();
    assertThat(known.payload().get("email").asText()).isEqualTo(user.email());
    assertThat(known.payload().get("knownAccount").asBoolean()).isTrue();
    List<Row> unknown =
        query(
            "SELECT * FROM outbox WHERE type = 'user.login_failed'"
                + " AND payload->>'email' = 'nobody@example.org'");
    assertThat(unknown).hasSize(1);
    assertThat(unknown.getFirst().actorId()).isNull();
    assertThat(unknown.getFirst().payload().get("knownAccount").asBoolean()).isFalse();
  }

  @Test
  void aPayloadIsBoundedWhereItIsWrittenWhateverTheServicePutsIntoIt() {
    // The outbox's own defence, whatever bound the HTTP boundary applies to emails.
    var injector = app.application().injector();
    Outbox outbox = injector.getInstance(Outbox.class);
    UUID aggregate = UUID.randomUUID();
    String hugeEmail = "x".repeat(70_000) + "@example.org";

    injector
        .getInstance(Transactions.class)
        .run(
            () ->
                outbox.record(
                    OutboxMessage.LoginFailed.of(
                        aggregate, hugeEmail, "n\u0000".repeat(40_000), false)));

    Row row = single("user.login_failed", aggregate.toString());
    assertThat(row.payload().get("email").asText())
        .startsWith("x".repeat(254))
        .contains("cut from 70012 chars")
        .hasSizeLessThan(400);
    assertThat(row.payload().get("clientAddress").asText())
        .startsWith("n\uFFFDn")
        .contains("cut from");
    assertThat(row.payload().get("knownAccount").asBoolean(true)).isFalse();
    assertThat(row.payload().toString().length()).isLessThan(64 * 1024);
  }

  // --- events ---

  @Test
  void creatingAnEventWritesEventCreated() {
    BoxofficeApi.Account admin = api.admin();
    var created = api.createEvent(eventBody("Outbox Premiere"), admin.token());
    JsonNode event = created.json();

    Row row = single("event.created", event.get("id").asText());

    assertThat(row.aggregateType()).isEqualTo("event");
    assertThat(row.actorId()).isEqualTo(admin.id());
    assertThat(row.payload().get("title").asText()).isEqualTo("Outbox Premiere");
    assertThat(row.payload().get("venue").asText()).isEqualTo(event.get("venue").asText());
    assertThat(Instant.parse(row.payload().get("startsAt").asText()))
        .isEqualTo(Instant.parse(event.get("startsAt").asText()));
    assertThat(row.payload().get("capacity").asInt()).isEqualTo(100);
    assertThat(row.payload().get("status").asText()).isEqualTo("DRAFT");
  }

  @Test
  void updatingAPublishedEventsTimeOrVenueRecordsTheChangesAndNotifiesHolders() {
    BoxofficeApi.Account admin = api.admin();
    JsonNode event = api.event(api.publishedWithCapacity("Moving show", 10), null).json();
    String id = event.get("id").asText();
    Instant oldStart = Instant.parse(event.get("startsAt").asText());
    Instant newStart = oldStart.plus(Duration.ofDays(1));
    Instant newEnd = newStart.plus(Duration.ofHours(2));

    var patched =
        api.patch(
            EVENTS + "/" + id,
            Map.of(
                "startsAt", newStart.toString(),
                "endsAt", newEnd.toString(),
                "venue", "Tempodrom"),
            admin.token(),
            null);
    assertThat(patched.status()).isEqualTo(200);

    Row row = single("event.updated", id);
    assertThat(row.aggregateType()).isEqualTo("event");
    assertThat(row.actorId()).isEqualTo(admin.id());
    JsonNode changes = row.payload().get("changes");
    assertThat(changes.has("title")).isFalse();
    assertThat(changes.has("capacity")).isFalse();
    assertThat(Instant.parse(changes.get("startsAt").get("old").asText())).isEqualTo(oldStart);
    assertThat(Instant.parse(changes.get("startsAt").get("new").asText())).isEqualTo(newStart);
    assertThat(Instant.parse(changes.get("endsAt").get("new").asText())).isEqualTo(newEnd);
    assertThat(changes.get("venue").get("old").asText()).isEqualTo(event.get("venue").asText());
    assertThat(changes.get("venue").get("new").asText()).isEqualTo("Tempodrom");
    assertThat(row.payload().get("notifyHolders").asBoolean()).isTrue();
  }

  @Test
  void changesHoldersDoNotCareAboutAreNotNotified() {
    String admin = api.admin().token();
    String published = api.publishedWithCapacity("Retitled show", 10);
    String draft = api.draft("Draft on the move");

    api.patch(EVENTS + "/" + published, Map.of("title", "Better title"), admin, null);
    api.patch(EVENTS + "/" + draft, Map.of("venue", "Somewhere else"), admin, null);

    Row retitled = single("event.updated", published);
    assertThat(retitled.payload().get("changes").get("title").get("old").asText())
        .isEqualTo("Retitled show");
    assertThat(retitled.payload().get("changes").get("title").get("new").asText())
        .isEqualTo("Better title");
    assertThat(retitled.payload().get("notifyHolders").asBoolean()).isFalse();
    assertThat(single("event.updated", draft).payload().get("notifyHolders").asBoolean()).isFalse();
  }

  @Test
  void aPatchThatChangesNothingWritesNoRow() {
    String admin = api.admin().token();
    String id = api.draft("Unchanged");

    api.patch(EVENTS + "/" + id, Map.of("title", "Unchanged"), admin, null);

    assertThat(rows("event.updated", id)).isEmpty();
  }

  @Test
  void changingTheStatusWritesFromAndTo() {
    BoxofficeApi.Account admin = api.admin();
    String id = api.draft("Going public");

    api.changeStatus(id, "PUBLISHED");
    api.changeStatus(id, "PUBLISHED");

    Row row = single("event.status_changed", id);
    assertThat(row.aggregateType()).isEqualTo("event");
    assertThat(row.actorId()).isEqualTo(admin.id());
    assertThat(row.payload().get("from").asText()).isEqualTo("DRAFT");
    assertThat(row.payload().get("to").asText()).isEqualTo("PUBLISHED");
  }

  @Test
  void deletingAnEventWritesEventDeleted() {
    BoxofficeApi.Account admin = api.admin();
    String id = api.draft("Deleted show");

    assertThat(api.delete(EVENTS + "/" + id, admin.token()).status()).isEqualTo(204);

    Row row = single("event.deleted", id);
    assertThat(row.aggregateType()).isEqualTo("event");
    assertThat(row.actorId()).isEqualTo(admin.id());
    assertThat(row.payload().get("title").asText()).isEqualTo("Deleted show");
  }

  // --- bookings ---

  @Test
  void bookingWritesBookingCreated() {
    String eventId = api.publishedWithCapacity("Booked out loud", 10);
    BoxofficeApi.Account user = api.newUser();

    String bookingId = api.booked(eventId, 3, user.token());

    Row row = single("booking.created", bookingId);
    assertThat(row.aggregateType()).isEqualTo("booking");
    assertThat(row.actorId()).isEqualTo(user.id());
    assertThat(row.payload().get("eventId").asText()).isEqualTo(eventId);
    assertThat(row.payload().get("userId").asText()).isEqualTo(user.id());
    assertThat(row.payload().get("quantity").asInt()).isEqualTo(3);
  }

  @Test
  void aUserCancellingWritesOneBookingCancelledWithCauseUser() {
    String eventId = api.publishedWithCapacity("Cancelled by holder", 10);
    BoxofficeApi.Account user = api.newUser();
    String bookingId = api.booked(eventId, 2, user.token());

    cancel(bookingId, user.token());
    cancel(bookingId, user.token());

    Row row = single("booking.cancelled", bookingId);
    assertThat(row.aggregateType()).isEqualTo("booking");
    assertThat(row.actorId()).isEqualTo(user.id());
    assertThat(row.payload().get("cause").asText()).isEqualTo("USER");
    assertThat(row.payload().get("eventId").asText()).isEqualTo(eventId);
    assertThat(row.payload().get("quantity").asInt()).isEqualTo(2);
  }

  @Test
  void cancellingAnEventWritesOneBookingCancelledPerConfirmedBooking() {
    BoxofficeApi.Account admin = api.admin();
    String eventId = api.publishedWithCapacity("Storm warning", 10);
    BoxofficeApi.Account first = api.newUser();
    BoxofficeApi.Account second = api.newUser();
    String a = api.booked(eventId, 1, first.token());
    String b = api.booked(eventId, 2, second.token());
    String earlier = api.booked(eventId, 3, second.token());
    cancel(earlier, second.token());

    assertThat(api.changeStatus(eventId, "CANCELLED").status()).isEqualTo(200);

    for (String booking : List.of(a, b)) {
      Row row = single("booking.cancelled", booking);
      assertThat(row.actorId()).isEqualTo(admin.id());
      assertThat(row.payload().get("cause").asText()).isEqualTo("EVENT_CANCELLED");
      assertThat(row.payload().get("eventId").asText()).isEqualTo(eventId);
    }
    assertThat(single("booking.cancelled", earlier).payload().get("cause").asText())
        .isEqualTo("USER");
    Row status = single("event.status_changed", eventId);
    assertThat(status.payload().get("from").asText()).isEqualTo("PUBLISHED");
    assertThat(status.payload().get("to").asText()).isEqualTo("CANCELLED");
    assertThat(status.payload().get("cancelledBookings").asInt()).isEqualTo(2);
  }

  // --- comments ---

  @Test
  void anAdministratorDeletingACommentWritesCommentDeletedByAdmin() {
    BoxofficeApi.Account admin = api.admin();
    String eventId = api.publishedWithCapacity("Moderated thread", 10);
    BoxofficeApi.Account author = api.newUser();
    String commentId = comment(eventId, "Rude words", author.token());

    assertThat(api.delete("/api/v1/comments/" + commentId, admin.token()).status()).isEqualTo(204);

    Row row = single("comment.deleted_by_admin", commentId);
    assertThat(row.aggregateType()).isEqualTo("comment");
    assertThat(row.actorId()).isEqualTo(admin.id());
    assertThat(row.payload().get("eventId").asText()).isEqualTo(eventId);
    assertThat(row.payload().get("authorId").asText()).isEqualTo(author.id());
  }

  @Test
  void anAuthorDeletingTheirOwnCommentWritesNoRow() {
    String eventId = api.publishedWithCapacity("Self moderated", 10);
    BoxofficeApi.Account author = api.newUser();
    String commentId = comment(eventId, "Oops", author.token());

    assertThat(api.delete("/api/v1/comments/" + commentId, author.token()).status()).isEqualTo(204);

    assertThat(rows("comment.deleted_by_admin", commentId)).isEmpty();
  }

  // --- refusals write nothing ---

  @Test
  void aDuplicateRegistrationWritesNoRow() {
    Map<String, String> body =
        Map.of("email", "twice@example.org", "password", "password-1", "name", "Twice");
    assertThat(app.http().post("/api/v1/auth/register", body).status()).isEqualTo(201);
    long before = total();

    var again =
        app.http()
            .post(
                "/api/v1/auth/register",
                Map.of("email", "TWICE@example.org", "password", "password-1", "name", "Twice"));

    assertThat(again.status()).isEqualTo(409);
    assertThat(total()).isEqualTo(before);
  }

  @Test
  void aSoldOutBookingWritesNoRow() {
    String eventId = api.publishedWithCapacity("Sold out", 2);
    String token = api.newUser().token();
    api.booked(eventId, 2, token);
    long before = total();

    assertThat(api.book(eventId, 1, token).status()).isEqualTo(409);

    assertThat(total()).isEqualTo(before);
  }

  @Test
  void refusedPatchesWriteNoRow() {
    String admin = api.admin().token();
    String id = api.publishedWithCapacity("Refused patches", 10);
    api.booked(id, 5, api.newUser().token());
    long before = total();

    var belowBooked = api.patch(EVENTS + "/" + id, Map.of("capacity", 4), admin, null);
    var stale = api.patch(EVENTS + "/" + id, Map.of("title", "Stale"), admin, "\"7\"");
    var invalid = api.patch(EVENTS + "/" + id, Map.of("title", ""), admin, null);

    assertThat(belowBooked.status()).isEqualTo(409);
    assertThat(stale.status()).isEqualTo(412);
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(total()).isEqualTo(before);
  }

  @Test
  void aRefusedDeleteOrStatusChangeWritesNoRow() {
    String admin = api.admin().token();
    String id = api.publishedWithCapacity("Refused delete", 10);
    api.booked(id, 1, api.newUser().token());
    String draft = api.draft("Refused move");
    long before = total();

    assertThat(api.delete(EVENTS + "/" + id, admin).status()).isEqualTo(409);
    assertThat(api.put(EVENTS + "/" + id + "/status", Map.of("status", "DRAFT"), admin).status())
        .isEqualTo(409);
    assertThat(
            api.put(EVENTS + "/" + draft + "/status", Map.of("status", "CANCELLED"), admin)
                .status())
        .isEqualTo(409);

    assertThat(total()).isEqualTo(before);
  }

  @Test
  void aRefusedRatingWritesNoRow() {
    String eventId = api.publishedWithCapacity("Unrated", 10);
    String token = api.newUser().token();
    long before = total();

    var response = api.put(EVENTS + "/" + eventId + "/rating", Map.of("score", 5), token);

    assertThat(response.status()).isEqualTo(403);
    assertThat(total()).isEqualTo(before);
  }

  // --- helpers ---

  private static void cancel(String bookingId, String token) {
    var response = app.http().post("/api/v1/bookings/" + bookingId + "/cancel", Map.of(), token);
    assertThat(response.status()).as("%s", response).isEqualTo(200);
  }

  private static String comment(String eventId, String text, String token) {
    var response =
        app.http().post(EVENTS + "/" + eventId + "/comments", Map.of("text", text), token);
    assertThat(response.status()).as("%s", response).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private static Row single(String type, String aggregateId) {
    List<Row> rows = rows(type, aggregateId);
    assertThat(rows).as("%s rows of %s", type, aggregateId).hasSize(1);
    return rows.getFirst();
  }

  private static List<Row> rows(String type, String aggregateId) {
    return query(
        "SELECT * FROM outbox WHERE type = ? AND aggregate_id = ? ORDER BY created_at, id",
        type,
        UUID.fromString(aggregateId));
  }

  private static long total() {
    try (Connection c = app.database().connect();
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM outbox");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Row> query(String sql, Object... parameters) {
    try (Connection c = app.database().connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getString("type"),
                  rs.getString("aggregate_type"),
                  rs.getString("aggregate_id"),
                  rs.getString("actor_id"),
                  JSON.readTree(rs.getString("payload"))));
        }
      }
      return rows;
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
