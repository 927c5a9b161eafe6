package boxoffice.app.service;

import java.util.function.Supplier;

/** Runs a unit of work in one database transaction: every repository call inside joins it. */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
