package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.service.Housekeeping;
import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HousekeepingIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final Fixtures fixtures = new Fixtures(app);

  @Test
  void idempotencyKeysLiveAtLeastADayAndAreThenRemoved() {
    String eventId = fixtures.publishedEvent("Long Memory Recital", 100);
    String email = "keeper-" + UUID.randomUUID() + "@example.org";
    String token = app.http().registerAndLogin(email, "password-1").get("accessToken").asText();
    String key = "kept-" + UUID.randomUUID();
    var first = Fixtures.book(app.http(), eventId, token, 1, key);
    Housekeeping chores = app.application().injector().getInstance(Housekeeping.class);

    app.clock().advance(Duration.ofHours(25));
    chores.run();
    String later = app.http().login(email, "password-1").json().get("accessToken").asText();
    var replay = Fixtures.book(app.http(), eventId, later, 1, key);

    assertThat(replay.json().get("id")).isEqualTo(first.json().get("id"));
    app.clock().advance(Duration.ofHours(24));
    chores.run();
    assertThat(fixtures.queryLong("SELECT count(*) FROM idempotency_keys WHERE key = ?", key))
        .isZero();
  }

  @Test
  void loginFailuresOutsideTheWindowAreRemoved() {
    app.http().login("nobody-" + UUID.randomUUID() + "@example.org", "wrong-password");
    long before = fixtures.queryLong("SELECT count(*) FROM login_failures");
    assertThat(before).isPositive();

    app.clock().advance(Duration.ofMinutes(16));
    app.application().injector().getInstance(Housekeeping.class).run();

    assertThat(fixtures.queryLong("SELECT count(*) FROM login_failures")).isZero();
  }
}
