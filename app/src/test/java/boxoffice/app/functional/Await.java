package boxoffice.app.functional;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, polling gently so the system under test keeps the CPU. */
final class Await {
  private static final Duration POLL = Duration.ofMillis(20);

  private Await() {}

  static void until(Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within " + timeout.toSeconds() + " s");
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
  }
}
