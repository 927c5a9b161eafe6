package boxoffice.app.data;

import boxoffice.app.service.Transactions;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions on the thread's JDBI handle: on-demand DAOs called inside {@code work} run on the
 * same handle, so they commit or roll back together.
 *
 * <p>A transaction PostgreSQL rolled back to break a deadlock or a serialization conflict is run
 * again, a few times, after a short random pause. That is safe because such a transaction left
 * nothing behind: its writes (outbox rows included) were rolled back and its after-commit actions
 * dropped, and the work is re-run from its start. Other failures, a lost connection above all (the
 * commit may have happened), are never retried here.
 */
final class JdbiTransactions implements Transactions {
  private static final Logger LOG = LoggerFactory.getLogger(JdbiTransactions.class);

  /** serialization_failure and deadlock_detected: the server rolled the transaction back. */
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

  static final int MAX_ATTEMPTS = 4;
  private static final Duration MAX_PAUSE = Duration.ofMillis(40);

  /** The handle of the transaction the thread is in, for statements run without JDBI. */
  private static final ThreadLocal<Handle> CURRENT = new ThreadLocal<>();

  private final Jdbi jdbi;
  private final AfterCommit afterCommit;

  @Inject
  JdbiTransactions(Jdbi jdbi, AfterCommit afterCommit) {
    this.jdbi = jdbi;
    this.afterCommit = afterCommit;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (afterCommit.inTransaction()) {
      // Nested: joins the outer transaction, which alone may be retried as a whole.
      return jdbi.inTransaction(handle -> work.get());
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return afterCommit.around(() -> jdbi.inTransaction(handle -> within(handle, work)));
      } catch (RuntimeException e) {
        Optional<String> state = retryableState(e);
        if (state.isEmpty() || attempt == MAX_ATTEMPTS) {
          throw e;
        }
        LOG.info("transaction rolled back with SQLSTATE {}; retry {}", state.get(), attempt);
        pauseBefore(attempt);
      }
    }
  }

  /** The handle of the transaction this thread is in, if any. */
  static Optional<Handle> currentHandle() {
    return Optional.ofNullable(CURRENT.get());
  }

  private static <T> T within(Handle handle, Supplier<T> work) {
    CURRENT.set(handle);
    try {
      return work.get();
    } finally {
      CURRENT.remove();
    }
  }

  private static Optional<String> retryableState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && RETRYABLE.contains(sql.getSQLState())) {
        return Optional.of(sql.getSQLState());
      }
    }
    return Optional.empty();
  }

  /** Random pauses, growing with the attempt, so the colliding transactions do not meet again. */
  private static void pauseBefore(int nextAttempt) {
    long ceiling = MAX_PAUSE.toNanos() * nextAttempt / (MAX_ATTEMPTS - 1);
    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(ceiling / 4, ceiling + 1));
  }
}
