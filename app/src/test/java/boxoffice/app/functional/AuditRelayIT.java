package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.data.OutboxRelay;
import boxoffice.app.data.OutboxRelays;
import boxoffice.audit.v1.AuditEntry;
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
  void twoInstancesRelayingAtOnceDeliverEachRowExactlyOnce() throws Exception {
    try (TestAuditService audit = new TestAuditService();
        TestApp first = TestApp.start(audit.relaySettings());
        TestApp second = TestApp.startOn(first.database(), audit.relaySettings())) {
      Fixtures fixtures = new Fixtures(first);
      String eventId = fixtures.publishedEvent("Twice Relayed Revue", 1000);
      List<String> tokens = fixtures.users("relayed", 4);
      List<HttpApi> instances = List.of(first.http(), second.http());
      try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
          HttpApi http = instances.get(i % 2);
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

  private static OutboxRelay relayOf(TestApp app) {
    return app.application().injector().getInstance(OutboxRelays.class).audit().orElseThrow();
  }

  private static void await(BooleanSupplier condition) {
    Await.until(Duration.ofSeconds(60), condition);
  }
}
