package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.Await;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The door: scanning codes, refusals by code, undo, the summary and the check-in window. */
class CheckInIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final BoxofficeApi api = new BoxofficeApi(app);

  /** Doors open 6 h before the start by default: an event two hours away is open for check-in. */
  private static String eventAtTheDoor(String title) {
    return api.publishedStartingIn(title, Duration.ofHours(2));
  }

  @Test
  void theFirstScanAdmitsAndTheSecondSaysWhenTheTicketWasUsed() {
    String eventId = eventAtTheDoor("Doors open");
    BoxofficeApi.Account holder = api.newUser();
    String bookingId = api.booked(eventId, 1, holder.token());
    JsonNode ticket = api.firstTicket(bookingId, holder.token());
    String staff = api.admin().token();

    var first = checkIn(eventId, ticket.get("code").asText(), staff);
    var second = checkIn(eventId, ticket.get("code").asText(), staff);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("ticketId").asText()).isEqualTo(ticket.get("id").asText());
    assertThat(first.json().get("bookingId").asText()).isEqualTo(bookingId);
    assertThat(first.json().get("eventId").asText()).isEqualTo(eventId);
    Instant checkedInAt = Instant.parse(first.json().get("checkedInAt").asText());
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.header("Content-Type")).startsWith("application/problem+json");
    assertThat(second.json().get("code").asText()).isEqualTo("ALREADY_CHECKED_IN");
    assertThat(Instant.parse(second.json().get("checkedInAt").asText())).isEqualTo(checkedInAt);
    JsonNode used = api.firstTicket(bookingId, holder.token());
    assertThat(used.get("status").asText()).isEqualTo("USED");
    assertThat(Instant.parse(used.get("checkedInAt").asText())).isEqualTo(checkedInAt);
  }

  @Test
  void unknownAlteredAndOtherEventsCodesAreNotFound() {
    String eventId = eventAtTheDoor("Strict door");
    String otherEvent = eventAtTheDoor("Other door");
    BoxofficeApi.Account holder = api.newUser();
    String code =
        api.firstTicket(api.booked(otherEvent, 1, holder.token()), holder.token())
            .get("code")
            .asText();
    String staff = api.admin().token();
    String altered = (code.charAt(0) == 'a' ? "b" : "a") + code.substring(1);

    for (String presented :
        new String[] {code, altered, "0".repeat(32), "not-a-code", "ticket\uD800", "%zz"}) {
      var refused = checkIn(eventId, presented, staff);
      assertThat(refused.status()).as(presented).isEqualTo(404);
      assertThat(refused.json().get("code").asText()).isEqualTo("TICKET_NOT_FOUND");
      assertThat(refused.body()).doesNotContain(presented);
    }
    assertThat(checkIn(otherEvent, altered, staff).status()).isEqualTo(404);
    assertThat(checkIn(otherEvent, code, staff).status()).isEqualTo(200);
  }

  @Test
  void aCancelledTicketIsVoidAtTheDoor() {
    String eventId = eventAtTheDoor("Void door");
    BoxofficeApi.Account holder = api.newUser();
    JsonNode ticket = api.firstTicket(api.booked(eventId, 1, holder.token()), holder.token());
    app.http()
        .post("/api/v1/tickets/" + ticket.get("id").asText() + "/cancel", Map.of(), holder.token());

    var refused = checkIn(eventId, ticket.get("code").asText(), api.admin().token());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("code").asText()).isEqualTo("TICKET_VOID");
  }

  @Test
  void aMistakenScanIsUndoneAndTheTicketAdmitsAgain() {
    String eventId = eventAtTheDoor("Undo door");
    BoxofficeApi.Account holder = api.newUser();
    String bookingId = api.booked(eventId, 2, holder.token());
    JsonNode ticket = api.firstTicket(bookingId, holder.token());
    String staff = api.admin().token();
    String ticketId = ticket.get("id").asText();
    checkIn(eventId, ticket.get("code").asText(), staff);
    assertThat(summary(eventId, staff).json())
        .isEqualTo(
            app.http().get("/api/v1/events/" + eventId + "/check-ins/summary", staff).json());
    assertThat(summary(eventId, staff).json().get("tickets").asInt()).isEqualTo(2);
    assertThat(summary(eventId, staff).json().get("checkedIn").asInt()).isEqualTo(1);

    var undone = undo(eventId, ticketId, staff);

    assertThat(undone.status()).isEqualTo(204);
    assertThat(api.firstTicket(bookingId, holder.token()).get("status").asText())
        .isEqualTo("VALID");
    assertThat(summary(eventId, staff).json().get("checkedIn").asInt()).isZero();
    assertThat(undo(eventId, ticketId, staff).status()).isEqualTo(204); // idempotent
    assertThat(checkIn(eventId, ticket.get("code").asText(), staff).status()).isEqualTo(200);
    assertThat(undo(eventId, UUID.randomUUID().toString(), staff).json().get("code").asText())
        .isEqualTo("TICKET_NOT_FOUND");
  }

  @Test
  void aCheckedInTicketIsNotCancelledUntilItsCheckInIsUndone() {
    String eventId = eventAtTheDoor("Inside already");
    BoxofficeApi.Account holder = api.newUser();
    String bookingId = api.booked(eventId, 1, holder.token());
    JsonNode ticket = api.firstTicket(bookingId, holder.token());
    String staff = api.admin().token();
    checkIn(eventId, ticket.get("code").asText(), staff);

    var ticketCancel =
        app.http()
            .post(
                "/api/v1/tickets/" + ticket.get("id").asText() + "/cancel",
                Map.of(),
                holder.token());
    var bookingCancel =
        app.http().post("/api/v1/bookings/" + bookingId + "/cancel", Map.of(), holder.token());

    assertThat(ticketCancel.status()).isEqualTo(409);
    assertThat(ticketCancel.json().get("code").asText()).isEqualTo("TICKET_USED");
    assertThat(bookingCancel.status()).isEqualTo(409);
    assertThat(bookingCancel.json().get("code").asText()).isEqualTo("TICKET_USED");
    undo(eventId, ticket.get("id").asText(), staff);
    assertThat(
            app.http()
                .post("/api/v1/bookings/" + bookingId + "/cancel", Map.of(), holder.token())
                .status())
        .isEqualTo(200);
  }

  @Test
  void theDoorIsClosedBeforeItOpensAndAfterTheEventEnds() {
    String farAhead = api.publishedStartingIn("Next month", Duration.ofDays(30));
    // A five-minute event starting in two: the clock passes its end well within the access
    // token's 15 minutes.
    Instant start =
        app.clock().instant().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> body = BoxofficeApi.eventBody("Short set", start);
    body.put("endsAt", start.plus(Duration.ofMinutes(5)).toString());
    String soon = api.published(body);
    BoxofficeApi.Account holder = api.newUser();
    String farCode =
        api.firstTicket(api.booked(farAhead, 1, holder.token()), holder.token())
            .get("code")
            .asText();
    String soonCode =
        api.firstTicket(api.booked(soon, 1, holder.token()), holder.token()).get("code").asText();
    String staff = api.admin().token();

    var early = checkIn(farAhead, farCode, staff);
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("code").asText()).isEqualTo("CHECK_IN_CLOSED");

    Duration pastTheEnd = Duration.ofMinutes(2 + 5).plusSeconds(30);
    app.clock().advance(pastTheEnd);
    try {
      var late = checkIn(soon, soonCode, staff);
      assertThat(late.status()).isEqualTo(409);
      assertThat(late.json().get("code").asText()).isEqualTo("CHECK_IN_CLOSED");
    } finally {
      app.clock().advance(pastTheEnd.negated());
    }
  }

  @Test
  void onlyDoorStaffAndAdministratorsCheckIn() {
    String eventId = eventAtTheDoor("Staff only");
    BoxofficeApi.Account holder = api.newUser();
    String code =
        api.firstTicket(api.booked(eventId, 1, holder.token()), holder.token())
            .get("code")
            .asText();

    var byHolder = checkIn(eventId, code, holder.token());

    assertThat(byHolder.status()).isEqualTo(403);
    assertThat(byHolder.json().get("code").asText()).isEqualTo("ROLE_REQUIRED");
    assertThat(checkIn(eventId, code, null).status()).isEqualTo(401);
    assertThat(summary(eventId, holder.token()).status()).isEqualTo(403);
    assertThat(checkIn(UUID.randomUUID().toString(), code, api.admin().token()).status())
        .isEqualTo(404);
  }

  @Test
  void aStaffMemberChecksInButCannotManageEvents() {
    String eventId = eventAtTheDoor("Staffed door");
    BoxofficeApi.Account holder = api.newUser();
    String code =
        api.firstTicket(api.booked(eventId, 1, holder.token()), holder.token())
            .get("code")
            .asText();
    BoxofficeApi.Account doorman = api.newUser();
    var promoted =
        api.put(
            "/api/v1/admin/users/" + doorman.id() + "/role",
            Map.of("role", "STAFF"),
            api.admin().token());
    assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
    // Token times are whole seconds: a token signed in the second of the role change is refused
    // with the change's revocation (README, Roles) once the instance has read it, which may be
    // after the token first worked. So sign in only once that second is over.
    Instant changed = lastRevocationOf(doorman.id());
    Await.until(
        "the second of the role change is over",
        Duration.ofSeconds(10),
        () -> Instant.now().getEpochSecond() > changed.getEpochSecond());
    var login = app.http().login(doorman.email(), "password-1");
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    String staff = login.json().get("accessToken").asText();

    assertThat(checkIn(eventId, code, staff).status()).isEqualTo(200);
    assertThat(summary(eventId, staff).json().get("checkedIn").asInt()).isEqualTo(1);
    assertThat(api.createEvent(BoxofficeApi.eventBody("Not yours"), staff).status()).isEqualTo(403);
  }

  @Test
  void aBlankOrOversizedCodeIsAValidationError() {
    String eventId = eventAtTheDoor("Validation");
    String staff = api.admin().token();

    for (Object body :
        new Object[] {Map.of(), Map.of("code", " "), Map.of("code", "x".repeat(5000))}) {
      var refused = app.http().post("/api/v1/events/" + eventId + "/check-ins", body, staff);
      assertThat(refused.status()).as("%s", body).isEqualTo(422);
      assertThat(BoxofficeApi.errorFields(refused)).containsExactly("code");
    }
  }

  private static Instant lastRevocationOf(String userId) {
    try (var connection = app.database().connect();
        var statement =
            connection.prepareStatement(
                "SELECT max(revoked_at) FROM session_revocations WHERE user_id = ?")) {
      statement.setObject(1, UUID.fromString(userId));
      try (var rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getTimestamp(1)).as("the role change's revocation").isNotNull();
        return rows.getTimestamp(1).toInstant();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static TestHttpClient.Response checkIn(String eventId, String code, String token) {
    return app.http().post("/api/v1/events/" + eventId + "/check-ins", Map.of("code", code), token);
  }

  private static TestHttpClient.Response undo(String eventId, String ticketId, String token) {
    return api.delete("/api/v1/events/" + eventId + "/check-ins/" + ticketId, token);
  }

  private static TestHttpClient.Response summary(String eventId, String token) {
    return app.http().get("/api/v1/events/" + eventId + "/check-ins/summary", token);
  }
}
