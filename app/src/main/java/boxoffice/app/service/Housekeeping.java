package boxoffice.app.service;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/** Periodic clean-up of rows that no longer matter: expired login failures and old keys. */
public final class Housekeeping {
  /** Idempotency keys are promised for 24 hours; a second day covers clock skew and retries. */
  static final Duration IDEMPOTENCY_KEY_RETENTION = Duration.ofHours(48);

  private final LoginThrottle throttle;
  private final BookingRepository bookings;
  private final Clock clock;

  @Inject
  public Housekeeping(LoginThrottle throttle, BookingRepository bookings, Clock clock) {
    this.throttle = throttle;
    this.bookings = bookings;
    this.clock = clock;
  }

  /** Returns how many rows were removed. */
  public int run() {
    return throttle.purgeExpired()
        + bookings.purgeKeysOlderThan(clock.instant().minus(IDEMPOTENCY_KEY_RETENTION));
  }
}
