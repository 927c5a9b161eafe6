package boxoffice.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition another thread or process brings about, with a deadline that fails the
 * test; polls gently so the system under test keeps the CPU.
 */
public final class Await {
  private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

  private Await() {}

  /** Returns once {@code condition} holds; fails the test after {@code limit}. */
  public static void until(Duration limit, BooleanSupplier condition) {
    until("the condition is met", limit, condition);
  }

  /**
   * As {@link #until(Duration, BooleanSupplier)}, naming {@code what} is awaited in the failure.
   */
  public static void until(String what, Duration limit, BooleanSupplier condition) {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("timed out after " + limit + " waiting until " + what);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }
}
