package boxoffice.testing;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * This test JVM's share of the database server's connection slots. Test classes run in parallel and
 * each starts connection pools of its own; pools grow under load, so classes that together may open
 * more connections than {@code max_connections} allows fail at random, in the middle of a test,
 * with "too many clients". Whatever starts a pool reserves its maximum size here first, and waits
 * while the budget is spent.
 *
 * <p>A class that already holds a reservation and waits for a second one (a second instance) could
 * wait forever on other classes doing the same; after {@link #PATIENCE} it goes ahead unreserved,
 * and the server's own limit (with {@link TestDatabase}'s retries) is all that is left.
 */
public final class ConnectionBudget {
  static final Duration PATIENCE = Duration.ofSeconds(45);

  /**
   * Kept out of the budget: superuser slots, psql, each test's direct connections, and the CREATE
   * and DROP DATABASE statements.
   */
  private static final int UNBUDGETED = 20;

  private static final Semaphore SLOTS =
      new Semaphore(Math.max(8, TestDatabase.maxConnections() - UNBUDGETED), true);

  private ConnectionBudget() {}

  /** Waits until {@code connections} slots are free and takes them until the reservation closes. */
  public static Reservation reserve(int connections) {
    try {
      if (SLOTS.tryAcquire(connections, PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
        return new Reservation(connections);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Reservation(0);
  }

  /** Slots taken from the budget; closing gives them back, once. */
  public static final class Reservation implements AutoCloseable {
    private int connections;

    private Reservation(int connections) {
      this.connections = connections;
    }

    @Override
    public synchronized void close() {
      SLOTS.release(connections);
      connections = 0;
    }
  }
}
