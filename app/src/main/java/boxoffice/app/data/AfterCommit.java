package boxoffice.app.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs actions (cache invalidations) once the current transaction has committed, or at once when no
 * transaction is open on this thread. A rolled-back transaction drops its actions.
 */
public final class AfterCommit {
  private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);

  private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();

  public boolean inTransaction() {
    return pending.get() != null;
  }

  public void run(Runnable action) {
    List<Runnable> actions = pending.get();
    if (actions != null) {
      actions.add(action);
    } else {
      runQuietly(action);
    }
  }

  /** Wraps the outermost transaction of this thread; nested calls just run {@code work}. */
  <T> T around(Supplier<T> transaction) {
    if (inTransaction()) {
      return transaction.get();
    }
    List<Runnable> actions = new ArrayList<>();
    pending.set(actions);
    T result;
    try {
      result = transaction.get();
    } finally {
      pending.remove();
    }
    actions.forEach(AfterCommit::runQuietly);
    return result;
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      // The change is committed; a failed invalidation only shortens to the cache's TTL.
      LOG.warn("after-commit action failed: {}", e.getMessage());
    }
  }
}
