package boxoffice.app.functional;

import static boxoffice.app.testing.BoxofficeApi.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.testing.Await;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sweeper marks lapsed holds EXPIRED, audits and counts them, when no booking comes by. */
class HoldSweeperIT {
  @RegisterExtension
  static final RunningApp app = RunningApp.perClass(Map.of("BOOKING_HOLD_SWEEP_INTERVAL", "100ms"));

  private static final BoxofficeApi api = new BoxofficeApi(app);
  private static final Fixtures fixtures = new Fixtures(app);

  @Test
  void aLapsedHoldIsReclaimedWithoutAnyRequest() {
    String eventId = api.publishedWithCapacity("Swept", 4);
    var held =
        app.http()
            .post(EVENTS + "/" + eventId + "/holds", Map.of("quantity", 3), api.newUser().token());
    assertThat(held.status()).isEqualTo(201);
    UUID holdId = UUID.fromString(held.json().get("id").asText());
    double expiredBefore = expiredMetric();

    Duration pastTheDeadline = Duration.ofMinutes(10).plusSeconds(1);
    app.clock().advance(pastTheDeadline);
    try {
      Await.until(
          "the sweeper reclaims the hold",
          Duration.ofSeconds(20),
          () ->
              fixtures.queryLong(
                      "SELECT count(*) FROM holds WHERE id = ? AND status = 'EXPIRED'", holdId)
                  == 1);

      assertThat(
              fixtures.queryLong(
                  "SELECT seats_held FROM events WHERE id = ?", UUID.fromString(eventId)))
          .isZero();
      assertThat(
              fixtures.queryLong(
                  "SELECT count(*) FROM outbox WHERE type = 'hold.expired' AND aggregate_id = ?",
                  holdId))
          .isEqualTo(1);
      assertThat(expiredMetric() - expiredBefore).isEqualTo(1.0);
    } finally {
      app.clock().advance(pastTheDeadline.negated());
    }
  }

  private static double expiredMetric() {
    for (String line : app.http().get("/metrics").body().split("\n")) {
      if (line.startsWith("boxoffice_holds_total{step=\"expired\"}")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no boxoffice_holds_total{step=\"expired\"} in /metrics");
  }
}
