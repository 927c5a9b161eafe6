package boxoffice.audit.functional;

import boxoffice.testing.Await;
import boxoffice.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Holds the chain-head row lock from outside the server, as a slow concurrent append would, so a
 * test can keep a server call waiting inside the database for as long as it needs.
 */
final class ChainLock implements AutoCloseable {
  private final Connection connection;
  private final int pid;

  private ChainLock(Connection connection, int pid) {
    this.connection = connection;
    this.pid = pid;
  }

  static ChainLock take(TestDatabase database) throws SQLException {
    Connection connection = database.connect();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1 FROM audit_chain_head FOR UPDATE");
      try (ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        return new ChainLock(connection, rs.getInt(1));
      }
    }
  }

  /** Database sessions now waiting for this lock. */
  int waiters() {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")) {
      query.setInt(1, pid);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void awaitWaiters(int count, Duration limit) {
    Await.until(count + " session(s) wait for the chain lock", limit, () -> waiters() == count);
  }

  /** Releases the lock. */
  @Override
  public void close() throws SQLException {
    try {
      connection.rollback();
    } finally {
      connection.close();
    }
  }
}
