package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.outbox.OutboxRelay;
import boxoffice.app.outbox.OutboxRelays;
import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.TestApp;
import boxoffice.app.testing.TestAuditService;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.audit.v1.AuditEntry;
import boxoffice.testing.Await;
import boxoffice.testing.CapturedLogs;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The app and the real audit server: every outbox row arrives once, outages only delay it. */
class AuditRelayIT {

  @Test
  void aBookingFlowIsAuditedAndSurvivesAnAuditOutage() throws Exception {
    try (TestAuditService audit = new TestAuditService();
        TestApp app = TestApp.start(audit.relaySettings())) {
      Fixtures fixtures = new Fixtures(app);
      String eventId = fixtures.publishedEvent("Audited Aria", 1000);
      String email = "audited-" + UUID.randomUUID() + "@example.org";
      var login = app.http().registerAndLogin(email, "password-1");
      String token = login.get("accessToken").asText();
      String userId = app.http().get("/api/v1/users/me", token).json().get("id").asText();
      Instant before = Instant.now().minusSeconds(5);
      String bookingId =
          Fixtures.book(app.http(), eventId, token, 2, null).json().get("id").asText();
      app.http().post("/api/v1/bookings/" + bookingId + "/cancel", Map.of(), token);

      await(() -> audit.entriesOf("booking", bookingId).size() == 2);
      List<AuditEntry> entries = audit.entriesOf("booking", bookingId);
      assertThat(entries)
          .extracting(AuditEntry::getAction)
          .containsExactly("booking.created", "booking.cancelled");
      assertThat(entries)
          .allSatisfy(
              entry -> {
                assertThat(entry.getActorId()).isEqualTo(userId);
                assertThat(entry.getEntityId()).isEqualTo(bookingId);
                assertThat(Instant.ofEpochSecond(entry.getOccurredAt().getSeconds()))
                    .isBetween(before, Instant.now().plusSeconds(5));
              });
      assertThat(entries.getFirst().getPayloadJson()).contains("\"quantity\": 2");

      audit.stop();
      List<Future<Integer>> statuses = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
        for (int i = 0; i < 100; i++) {
          Callable<Integer> booking =
              () -> Fixtures.book(app.http(), eventId, token, 1, null).status();
          statuses.add(pool.submit(booking));
        }
      }
      for (Future<Integer> status : statuses) {
        assertThat(status.get()).isEqualTo(201);
      }
      OutboxRelay relay = relayOf(app);
      assertThat(relay.backlog().waiting()).isGreaterThanOrEqualTo(100);

      audit.start();

      await(() -> relay.backlog().waiting() == 0);
      long outboxRows = fixtures.queryLong("SELECT count(*) FROM outbox");
      long[] stored = audit.storedAndDistinct();
      assertThat(stored[0]).isEqualTo(outboxRows).isEqualTo(stored[1]);
      assertThat(relay.duplicates()).isZero();
    }
  }

  @Test
  void checkInsAndTheirUndoingAreAuditedWithoutTheCode() throws Exception {
    try (TestAuditService audit = new TestAuditService();
        TestApp app = TestApp.start(audit.relaySettings())) {
      Fixtures fixtures = new Fixtures(app);
      BoxofficeApi api = new BoxofficeApi(app);
      String eventId = fixtures.publishedEvent("Door Audit", 10, Instant.now().plusSeconds(3600));
      BoxofficeApi.Account holder = api.newUser();
      String bookingId = api.booked(eventId, 1, holder.token());
      JsonNode ticket = api.firstTicket(bookingId, holder.token());
      String ticketId = ticket.get("id").asText();
      String code = ticket.get("code").asText();
      BoxofficeApi.Account staff = api.admin();
      app.http()
          .post("/api/v1/events/" + eventId + "/check-ins", Map.of("code", code), staff.token());
      api.delete("/api/v1/events/" + eventId + "/check-ins/" + ticketId, staff.token());

      await(() -> audit.entriesOf("ticket", ticketId).size() == 2);
      List<AuditEntry> entries = audit.entriesOf("ticket", ticketId);
      assertThat(entries)
          .extracting(AuditEntry::getAction)
          .containsExactly("ticket.checked_in", "ticket.check_in_undone");
      assertThat(entries)
          .allSatisfy(
              entry -> {
                assertThat(entry.getActorId()).isEqualTo(staff.id());
                assertThat(entry.getPayloadJson()).contains(bookingId).doesNotContain(code);
              });
      assertThat(audit.entriesOf("booking", bookingId).getFirst().getPayloadJson())
          .contains(ticketId)
          .doesNotContain(code);
    }
  }

  @Test
  void holdsAndWaitingListEntriesAreAudited() throws Exception {
    try (TestAuditService audit = new TestAuditService();
        TestApp app = TestApp.start(audit.relaySettings())) {
      BoxofficeApi api = new BoxofficeApi(app);
      String eventId = api.publishedWithCapacity("Held Audit", 2);
      BoxofficeApi.Account user = api.newUser();
      String kept =
          app.http()
              .post("/api/v1/events/" + eventId + "/holds", Map.of("quantity", 1), user.token())
              .json()
              .get("id")
              .asText();
      String bookingId =
          app.http()
              .post("/api/v1/holds/" + kept + "/confirm", Map.of(), user.token())
              .json()
              .get("id")
              .asText();
      String released =
          app.http()
              .post("/api/v1/events/" + eventId + "/holds", Map.of("quantity", 1), user.token())
              .json()
              .get("id")
              .asText();
      api.delete("/api/v1/holds/" + released, user.token());
      api.booked(eventId, 1, api.newUser().token());
      BoxofficeApi.Account waiting = api.newUser();
      String entryId =
          app.http()
              .post(
                  "/api/v1/events/" + eventId + "/waitlist", Map.of("quantity", 1), waiting.token())
              .json()
              .get("id")
              .asText();

      await(
          () ->
              audit.entriesOf("hold", kept).size() == 2
                  && audit.entriesOf("hold", released).size() == 2
                  && audit.entriesOf("waitlist_entry", entryId).size() == 1);
      assertThat(audit.entriesOf("hold", kept))
          .extracting(AuditEntry::getAction)
          .containsExactly("hold.created", "hold.confirmed");
      assertThat(audit.entriesOf("hold", kept).getLast().getPayloadJson()).contains(bookingId);
      assertThat(audit.entriesOf("hold", released))
          .extracting(AuditEntry::getAction)
          .containsExactly("hold.created", "hold.released");
      assertThat(audit.entriesOf("hold", released))
          .allSatisfy(entry -> assertThat(entry.getActorId()).isEqualTo(user.id()));
      AuditEntry joined = audit.entriesOf("waitlist_entry", entryId).getFirst();
      assertThat(joined.getAction()).isEqualTo("waitlist.joined");
      assertThat(joined.getActorId()).isEqualTo(waiting.id());
    }
  }

  @Test
  void twoInstancesRelayingAtOnceDeliverEachRowExactlyOnce() throws Exception {
    try (TestAuditService audit = new TestAuditService();
        TestApp first = TestApp.start(audit.relaySettings());
        TestApp second = TestApp.startOn(first.database(), audit.relaySettings())) {
      Fixtures fixtures = new Fixtures(first);
      String eventId = fixtures.publishedEvent("Twice Relayed Revue", 1000);
      List<String> tokens = fixtures.users("relayed", 4);
      List<TestHttpClient> instances = List.of(first.http(), second.http());
      try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
          TestHttpClient http = instances.get(i % 2);
          String token = tokens.get(i % tokens.size());
          statuses.add(pool.submit(() -> Fixtures.book(http, eventId, token, 1, null).status()));
        }
        for (Future<Integer> status : statuses) {
          assertThat(status.get()).isEqualTo(201);
        }
      }
      OutboxRelay one = relayOf(first);
      OutboxRelay two = relayOf(second);

      await(() -> one.backlog().waiting() == 0);

      long outboxRows = fixtures.queryLong("SELECT count(*) FROM outbox");
      assertThat(one.delivered() + two.delivered()).isEqualTo(outboxRows);
      assertThat(one.duplicates() + two.duplicates()).isZero();
      assertThat(one.delivered()).isPositive();
      assertThat(two.delivered()).isPositive();
      long[] stored = audit.storedAndDistinct();
      assertThat(stored[0]).isEqualTo(outboxRows).isEqualTo(stored[1]);
    }
  }

  @Test
  void aRowTheAuditServiceRefusesIsParkedWithItsReasonAndTheRowsAfterItStillGoOut()
      throws Exception {
    int rounds = 20;
    try (TestAuditService audit = new TestAuditService();
        TestApp first = TestApp.start(audit.relaySettings());
        TestApp second = TestApp.startOn(first.database(), audit.relaySettings());
        CapturedLogs logs = CapturedLogs.of("boxoffice.app.outbox.OutboxRelay")) {
      OutboxRelay one = relayOf(first);
      OutboxRelay two = relayOf(second);
      List<UUID> refused = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        // What a failed login with a 70 KB email wrote before payloads were bounded, between
        // ordinary rows: the audit service refuses it (over 64 KiB) whatever the relay does.
        List<UUID> before = insertLoginFailures(first, 5, "someone@example.org");
        UUID bad = insertLoginFailures(first, 1, "x".repeat(70_000) + "@example.org").getFirst();
        List<UUID> after = insertLoginFailures(first, 5, "someone@example.org");
        refused.add(bad);

        // Delivered within the relay's usual delay (50 ms polls), not after an outage's backoff.
        Await.until(
            Duration.ofSeconds(5),
            () -> deliveredToAudit(first, before) == 5 && deliveredToAudit(first, after) == 5);
        await(() -> parkedReason(first, bad) != null);
      }

      Fixtures fixtures = new Fixtures(first);
      await(() -> one.backlog().waiting() == 0);
      for (UUID bad : refused) {
        assertThat(parkedReason(first, bad))
            .startsWith("audit service: INVALID_ARGUMENT: ")
            .contains("payload_json must be at most 65536 bytes")
            .doesNotContain("xxxxxxxx");
      }
      assertThat(one.parked() + two.parked()).isEqualTo(rounds);
      assertThat(one.parkedRows()).isEqualTo(rounds);
      long delivered =
          fixtures.queryLong("SELECT count(*) FROM outbox WHERE audit_delivered_at IS NOT NULL");
      long[] stored = audit.storedAndDistinct();
      assertThat(stored[0]).isEqualTo(delivered).isEqualTo(stored[1]);
      assertThat(one.duplicates() + two.duplicates()).isZero();

      // Each park is logged once, at WARN, naming the row and the reason but no payload.
      await(() -> parkWarnings(logs, refused).size() == rounds);
      assertThat(parkWarnings(logs, refused))
          .allSatisfy(
              line -> {
                assertThat(line.get("level")).isEqualTo("WARN");
                assertThat((String) line.get("message"))
                    .contains("payload_json must be at most")
                    .doesNotContain("xxxxxxxx");
              })
          .extracting(line -> (String) line.get("message"))
          .allSatisfy(
              message ->
                  assertThat(refused.stream().anyMatch(id -> message.contains(id.toString())))
                      .isTrue());

      String metrics = first.http().get("/metrics").body() + second.http().get("/metrics").body();
      assertThat(metrics)
          .contains("boxoffice_outbox_parked_rows{destination=\"audit\"} " + rounds + ".0");
      assertThat(
              parkedTotal(first.http().get("/metrics").body())
                  + parkedTotal(second.http().get("/metrics").body()))
          .isEqualTo(rounds);
    }
  }

  @Test
  void aFailedLoginWithA70KbEmailLeavesAuditDeliveryRunning() throws Exception {
    try (TestAuditService audit = new TestAuditService();
        TestApp app = TestApp.start(audit.relaySettings())) {
      Fixtures fixtures = new Fixtures(app);
      String eventId = fixtures.publishedEvent("Unstalled Sonata", 10);
      String token = fixtures.users("unstalled", 1).getFirst();
      String hugeEmail = "x".repeat(70_000) + "@example.org";

      // 401 while the service takes any email; 422 once it bounds them at the HTTP boundary.
      assertThat(app.http().login(hugeEmail, "wrong-password").status()).isIn(401, 422);
      String bookingId =
          Fixtures.book(app.http(), eventId, token, 1, null).json().get("id").asText();

      Await.until(Duration.ofSeconds(5), () -> audit.entriesOf("booking", bookingId).size() == 1);
      await(() -> relayOf(app).backlog().waiting() == 0);
      assertThat(relayOf(app).parkedRows()).isZero();
      assertThat(
              fixtures.queryLong(
                  "SELECT coalesce(max(octet_length(payload::text)), 0) FROM outbox"))
          .isLessThan(64 * 1024);
    }
  }

  /** Rows as the failed-login writer of the old code stored them, one transaction each. */
  private static List<UUID> insertLoginFailures(TestApp app, int count, String email)
      throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (Connection connection = app.database().connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO outbox (id, type, aggregate_type, aggregate_id, payload)"
                    + " VALUES (?, 'user.login_failed', 'user', ?,"
                    + " jsonb_build_object('email', ?::text, 'knownAccount', false))")) {
      for (int i = 0; i < count; i++) {
        UUID id = UUID.randomUUID();
        insert.setObject(1, id);
        insert.setObject(2, UUID.randomUUID());
        insert.setString(3, email);
        insert.executeUpdate();
        ids.add(id);
      }
    }
    return ids;
  }

  private static long deliveredToAudit(TestApp app, List<UUID> ids) {
    return new Fixtures(app)
        .queryLong(
            "SELECT count(*) FROM outbox WHERE audit_delivered_at IS NOT NULL"
                + " AND id = ANY(string_to_array(?, ',')::uuid[])",
            String.join(",", ids.stream().map(UUID::toString).toList()));
  }

  private static String parkedReason(TestApp app, UUID id) {
    try (Connection connection = app.database().connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT audit_parked_reason FROM outbox WHERE id = ? AND audit_parked_at IS NOT NULL")) {
      query.setObject(1, id);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** This test's park warnings: other tests running at the same time park rows of their own. */
  private static List<Map<String, Object>> parkWarnings(CapturedLogs logs, List<UUID> refused) {
    return logs.fields().stream()
        .filter(line -> String.valueOf(line.get("message")).contains("parked it"))
        .filter(
            line ->
                refused.stream()
                    .anyMatch(id -> String.valueOf(line.get("message")).contains(id.toString())))
        .toList();
  }

  private static long parkedTotal(String exposition) {
    return exposition
        .lines()
        .filter(line -> line.startsWith("boxoffice_outbox_parked_total{destination=\"audit\"}"))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static OutboxRelay relayOf(TestApp app) {
    return app.application().injector().getInstance(OutboxRelays.class).audit().orElseThrow();
  }

  private static void await(BooleanSupplier condition) {
    Await.until(Duration.ofSeconds(60), condition);
  }
}
