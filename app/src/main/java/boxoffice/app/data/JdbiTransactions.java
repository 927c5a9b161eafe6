package boxoffice.app.data;

import boxoffice.app.service.Transactions;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Transactions on the thread's JDBI handle: on-demand DAOs called inside {@code work} run on the
 * same handle, so they commit or roll back together.
 */
final class JdbiTransactions implements Transactions {
  private final Jdbi jdbi;
  private final AfterCommit afterCommit;

  @Inject
  JdbiTransactions(Jdbi jdbi, AfterCommit afterCommit) {
    this.jdbi = jdbi;
    this.afterCommit = afterCommit;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return afterCommit.around(() -> jdbi.inTransaction(handle -> work.get()));
  }
}
