package boxoffice.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transaction boundary re-runs work PostgreSQL rolled back for a deadlock or conflict. */
class JdbiTransactionsIT {
  private static TestDatabase database;
  private static Jdbi jdbi;
  private static JdbiTransactions transactions;
  private static AfterCommit afterCommit;

  @BeforeAll
  static void start() {
    database = TestDatabase.create();
    jdbi = Jdbi.create(database.url(), database.user(), database.password());
    jdbi.useHandle(h -> h.execute("CREATE TABLE writes (attempt int NOT NULL)"));
    afterCommit = new AfterCommit();
    transactions = new JdbiTransactions(jdbi, afterCommit);
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Test
  void aDeadlockedAttemptLeavesNothingBehindAndTheWorkRunsAgain() {
    jdbi.useHandle(h -> h.execute("TRUNCATE writes"));
    AtomicInteger attempts = new AtomicInteger();
    List<Integer> afterCommitRuns = new ArrayList<>();

    int result =
        transactions.inTransaction(
            () -> {
              int attempt = attempts.incrementAndGet();
              jdbi.useHandle(h -> h.execute("INSERT INTO writes VALUES (?)", attempt));
              afterCommit.run(() -> afterCommitRuns.add(attempt));
              if (attempt < 3) {
                throw failure(attempt == 1 ? "40P01" : "40001");
              }
              return attempt;
            });

    assertThat(result).isEqualTo(3);
    List<Integer> written =
        jdbi.withHandle(h -> h.createQuery("SELECT attempt FROM writes").mapTo(int.class).list());
    assertThat(written).containsExactly(3);
    assertThat(afterCommitRuns).containsExactly(3);
  }

  @Test
  void retriesAreBounded() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> alwaysFailing("40P01", attempts))
        .hasRootCauseInstanceOf(SQLException.class);
    assertThat(attempts).hasValue(JdbiTransactions.MAX_ATTEMPTS);
  }

  @Test
  void aLostConnectionIsNotRetriedBecauseTheCommitMayHaveHappened() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> alwaysFailing("08006", attempts))
        .isInstanceOf(IllegalStateException.class);
    assertThat(attempts).hasValue(1);
  }

  /** A transaction whose every attempt fails with {@code sqlState}, counting the attempts. */
  private void alwaysFailing(String sqlState, AtomicInteger attempts) {
    transactions.run(
        () -> {
          attempts.incrementAndGet();
          throw failure(sqlState);
        });
  }

  /** What JDBI throws when a statement fails: the driver's exception as the cause. */
  private static RuntimeException failure(String sqlState) {
    return new IllegalStateException(new SQLException("simulated failure", sqlState));
  }
}
