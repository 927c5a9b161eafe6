package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.SeatRaces;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.AllAtOnce;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tickets under races on two app instances sharing one database: a code is admitted once, a user
 * never passes the event's limit, and the seat counter always equals the tickets that admit
 * someone.
 */
@Tag(SeatRaces.TAG)
class TicketRacesIT {
  private static final Map<String, String> SETTINGS =
      Map.of("DB_CONNECTION_TIMEOUT", "20s", "REQUEST_TIMEOUT", "30s");

  @RegisterExtension static final RunningApp first = RunningApp.perClass(SETTINGS);
  static final RunningApp second = first.secondInstance(SETTINGS);
  private static final BoxofficeApi api = new BoxofficeApi(first);
  private static final Fixtures fixtures = new Fixtures(first);

  private static TestHttpClient instance(int i) {
    return i % 2 == 0 ? first.http() : second.http();
  }

  @RepeatedTest(5)
  void twentyScannersOfOneCodeAdmitItOnce() throws Exception {
    String eventId = api.publishedStartingIn("One door " + UUID.randomUUID(), Duration.ofHours(1));
    BoxofficeApi.Account holder = api.newUser();
    String code =
        api.firstTicket(api.booked(eventId, 1, holder.token()), holder.token())
            .get("code")
            .asText();
    String staff = api.admin().token();

    List<TestHttpClient.Response> scans =
        AllAtOnce.run(
            20,
            i ->
                instance(i)
                    .post("/api/v1/events/" + eventId + "/check-ins", Map.of("code", code), staff));

    assertThat(scans).filteredOn(r -> r.status() == 200).hasSize(1);
    String checkedInAt =
        scans.stream()
            .filter(r -> r.status() == 200)
            .findFirst()
            .orElseThrow()
            .json()
            .get("checkedInAt")
            .asText();
    assertThat(scans)
        .filteredOn(r -> r.status() != 200)
        .hasSize(19)
        .allSatisfy(
            r -> {
              assertThat(r.status()).as(r.toString()).isEqualTo(409);
              assertThat(r.json().get("code").asText()).isEqualTo("ALREADY_CHECKED_IN");
              assertThat(r.json().get("checkedInAt").asText()).isEqualTo(checkedInAt);
            });
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM outbox WHERE type = 'ticket.checked_in' AND payload->>'eventId' = ?",
                eventId))
        .isEqualTo(1);
  }

  @RepeatedTest(5)
  void oneUsersConcurrentBookingsNeverPassTheLimit() throws Exception {
    String eventId = api.publishedWithLimit("Limited " + UUID.randomUUID(), 200, 10);
    String token = api.newUser().token();

    List<TestHttpClient.Response> pair =
        AllAtOnce.run(2, i -> Fixtures.book(instance(i), eventId, token, 6, null));
    List<TestHttpClient.Response> storm =
        AllAtOnce.run(12, i -> Fixtures.book(instance(i), eventId, token, 1, null));

    assertThat(pair).filteredOn(r -> r.status() == 201).hasSize(1);
    assertThat(pair)
        .filteredOn(r -> r.status() != 201)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(409);
              assertThat(r.json().get("code").asText()).isEqualTo("LIMIT_REACHED");
            });
    assertThat(storm).filteredOn(r -> r.status() == 201).hasSize(4);
    assertThat(storm)
        .filteredOn(r -> r.status() != 201)
        .allSatisfy(r -> assertThat(r.json().get("code").asText()).isEqualTo("LIMIT_REACHED"));
    UUID id = UUID.fromString(eventId);
    assertThat(fixtures.queryLong("SELECT seats_booked FROM events WHERE id = ?", id))
        .isEqualTo(10);
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM tickets WHERE event_id = ? AND status <> 'VOID'", id))
        .isEqualTo(10);
  }

  @RepeatedTest(5)
  void partialCancellationsAndBookingsKeepTheSeatCounterEqualToTheTickets() throws Exception {
    String eventId = api.publishedWithLimit("Churn " + UUID.randomUUID(), 30, 10);
    List<String> tokens = fixtures.users("churn", 6);
    List<String> ticketIds = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    for (int u = 0; u < 3; u++) {
      String bookingId = api.booked(eventId, 4, tokens.get(u));
      for (JsonNode ticket : api.tickets(bookingId, tokens.get(u)).json().get("items")) {
        ticketIds.add(ticket.get("id").asText());
        owners.add(tokens.get(u));
      }
    }

    // 12 tickets cancelled one by one (each twice, at once) while 24 bookings of 2 seats compete
    // for the 18 free seats and the seats the cancellations give back.
    List<TestHttpClient.Response> answers =
        AllAtOnce.run(
            48,
            i -> {
              if (i < 24) {
                int t = i % ticketIds.size();
                return instance(i)
                    .post(
                        "/api/v1/tickets/" + ticketIds.get(t) + "/cancel", Map.of(), owners.get(t));
              }
              return Fixtures.book(instance(i), eventId, tokens.get(3 + i % 3), 2, null);
            });

    assertThat(answers)
        .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 201, 409));
    UUID id = UUID.fromString(eventId);
    long seats = fixtures.queryLong("SELECT seats_booked FROM events WHERE id = ?", id);
    long admitting =
        fixtures.queryLong(
            "SELECT count(*) FROM tickets t JOIN bookings b ON b.id = t.booking_id"
                + " WHERE t.event_id = ? AND t.status IN ('VALID', 'USED') AND b.status = 'CONFIRMED'",
            id);
    assertThat(seats).isEqualTo(admitting).isLessThanOrEqualTo(30);
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM bookings b WHERE b.event_id = ? AND b.quantity <>"
                    + " (SELECT count(*) FROM tickets t WHERE t.booking_id = b.id AND t.status <> 'VOID')",
                id))
        .as("bookings whose quantity is not their tickets")
        .isZero();
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM ticket_holdings h WHERE h.event_id = ? AND h.tickets <>"
                    + " (SELECT count(*) FROM tickets t WHERE t.event_id = h.event_id"
                    + " AND t.user_id = h.user_id AND t.status <> 'VOID')",
                id))
        .as("holders whose count is not their tickets")
        .isZero();
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM tickets WHERE event_id = ? AND status = 'VOID'", id))
        .isEqualTo(12);
  }
}
