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

  @Inject
  JdbiTransactions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return jdbi.inTransaction(handle -> work.get());
  }
}
