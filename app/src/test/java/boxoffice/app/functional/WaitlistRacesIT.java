package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.service.WaitlistOffers;
import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.SeatRaces;
import boxoffice.testing.AllAtOnce;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The offer worker of two app instances serving one waiting list at the same moment: freed seats
 * are offered once, to the first entry they fit, and an expired offer passes to the next entry
 * once. The workers' schedules are off; the test runs their rounds itself, all at once.
 */
@Tag(SeatRaces.TAG)
class WaitlistRacesIT {
  private static final Duration OFFER_TTL = Duration.ofMinutes(30);
  private static final Map<String, String> SETTINGS =
      Map.of(
          "DB_CONNECTION_TIMEOUT", "20s",
          "REQUEST_TIMEOUT", "30s",
          "WAITLIST_POLL_INTERVAL", "0s",
          "BOOKING_HOLD_SWEEP_INTERVAL", "0s",
          "ACCESS_TOKEN_TTL", "6h");

  @RegisterExtension static final RunningApp first = RunningApp.perClass(SETTINGS);
  static final RunningApp second = first.secondInstance(SETTINGS);
  private static final BoxofficeApi api = new BoxofficeApi(first);
  private static final Fixtures fixtures = new Fixtures(first);

  @RepeatedTest(5)
  void freeingTwoSeatsMakesExactlyOneOfferToTheFirstEntryThatFits() throws Exception {
    String eventId = api.publishedWithCapacity("Two freed " + UUID.randomUUID(), 4);
    BoxofficeApi.Account holder = api.newUser();
    String freed = api.booked(eventId, 2, holder.token());
    api.booked(eventId, 2, api.newUser().token());
    String big = join(eventId, 3);
    String fits = join(eventId, 2);
    String next = join(eventId, 2);
    String small = join(eventId, 1);
    assertThat(
            first
                .http()
                .post("/api/v1/bookings/" + freed + "/cancel", Map.of(), holder.token())
                .status())
        .isEqualTo(200);

    List<Integer> offers = AllAtOnce.run(8, i -> worker(i).serve());

    assertThat(offers.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
    assertThat(status(fits)).isEqualTo("OFFERED");
    assertThat(List.of(status(big), status(next), status(small))).containsOnly("WAITING");
    assertConsistent(eventId);
  }

  @RepeatedTest(5)
  void anExpiredOfferPassesToTheNextEntryOnce() throws Exception {
    String eventId = api.publishedWithCapacity("Passed once " + UUID.randomUUID(), 2);
    BoxofficeApi.Account holder = api.newUser();
    String freed = api.booked(eventId, 2, holder.token());
    String offeredFirst = join(eventId, 2);
    String offeredNext = join(eventId, 2);
    String last = join(eventId, 2);
    first.http().post("/api/v1/bookings/" + freed + "/cancel", Map.of(), holder.token());
    AllAtOnce.run(4, i -> worker(i).serve());
    assertThat(status(offeredFirst)).isEqualTo("OFFERED");

    advanceBothClocks(OFFER_TTL.plusSeconds(1));
    try {
      List<Integer> offers = AllAtOnce.run(8, i -> worker(i).serve());

      assertThat(offers.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
      assertThat(status(offeredFirst)).isEqualTo("EXPIRED");
      assertThat(status(offeredNext)).isEqualTo("OFFERED");
      assertThat(status(last)).isEqualTo("WAITING");
      assertThat(
              fixtures.queryLong(
                  "SELECT count(*) FROM outbox WHERE type = 'waitlist.offer_expired'"
                      + " AND aggregate_id = ?",
                  UUID.fromString(offeredFirst)))
          .isEqualTo(1);
      assertConsistent(eventId);
    } finally {
      advanceBothClocks(OFFER_TTL.plusSeconds(1).negated());
    }
  }

  private static WaitlistOffers worker(int i) {
    RunningApp instance = i % 2 == 0 ? first : second;
    return instance.application().injector().getInstance(WaitlistOffers.class);
  }

  private static String join(String eventId, int quantity) {
    var joined =
        second
            .http()
            .post(
                "/api/v1/events/" + eventId + "/waitlist",
                Map.of("quantity", quantity),
                api.newUser().token());
    assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
    return joined.json().get("id").asText();
  }

  private static String status(String entryId) {
    for (String status : List.of("WAITING", "OFFERED", "ACCEPTED", "EXPIRED", "LEFT", "CLOSED")) {
      if (fixtures.queryLong(
              "SELECT count(*) FROM waitlist_entries WHERE id = ? AND status = ?",
              UUID.fromString(entryId),
              status)
          == 1) {
        return status;
      }
    }
    throw new AssertionError("no entry " + entryId);
  }

  private static void advanceBothClocks(Duration by) {
    first.clock().advance(by);
    second.clock().advance(by);
  }

  /** Held seats are exactly the active holds, one per offer, within the capacity. */
  private static void assertConsistent(String eventId) {
    UUID id = UUID.fromString(eventId);
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM events e WHERE e.id = ? AND (e.seats_held <>"
                    + " (SELECT coalesce(sum(quantity), 0) FROM holds h"
                    + "  WHERE h.event_id = e.id AND h.status = 'ACTIVE')"
                    + " OR e.seats_booked + e.seats_held > e.capacity)",
                id))
        .isZero();
    assertThat(
            fixtures.queryLong(
                "SELECT count(*) FROM waitlist_entries w WHERE w.event_id = ?"
                    + " AND w.status = 'OFFERED' AND NOT EXISTS (SELECT 1 FROM holds h"
                    + "  WHERE h.id = w.hold_id AND h.status = 'ACTIVE')",
                id))
        .as("every open offer has its active hold")
        .isZero();
  }
}
