package boxoffice.audit.functional;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition another process brings about, with a deadline that fails the test. */
final class Await {
  private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

  private Await() {}

  static void until(String what, Duration limit, BooleanSupplier condition) {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("timed out after " + limit + " waiting until " + what);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }
}
