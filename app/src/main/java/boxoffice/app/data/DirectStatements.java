package boxoffice.app.data;

import boxoffice.platform.database.SqlTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;

/**
 * Statements run on the JDBC connection itself, for the statements every booking and every event
 * page run (the booking statement, the event reads by id): JDBI's per-call machinery (a handle,
 * copies of its configuration, an extension proxy and its handler per call) cost more CPU than the
 * statement's own round trip. Inside a transaction they run on the transaction's handle, so they
 * commit or roll back with it; outside one, on a connection of the pool in auto-commit, like an
 * on-demand DAO. Traced like JDBI's statements.
 */
final class DirectStatements {
  private final DataSource dataSource;
  private final Tracer tracer;

  DirectStatements(DataSource dataSource, Tracer tracer) {
    this.dataSource = dataSource;
    this.tracer = tracer;
  }

  /** Sets a statement's parameters by name. */
  interface Binding {
    void bind(Parameters parameters) throws SQLException;
  }

  /** Reads a row, or the result as a whole. */
  interface RowReader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  /** Runs {@code statement}, which returns at most one row, and reads that row if there is one. */
  <T> Optional<T> queryOptional(NamedSql statement, Binding binding, RowReader<T> reader) {
    return Optional.ofNullable(
        query(statement, binding, rows -> rows.next() ? reader.read(rows) : null));
  }

  /** Runs {@code statement}, which returns exactly one row, and reads it. */
  <T> T queryOne(NamedSql statement, Binding binding, RowReader<T> reader) {
    return query(statement, binding, rows -> onlyRow(rows, reader));
  }

  private static <T> T onlyRow(ResultSet rows, RowReader<T> reader) throws SQLException {
    if (!rows.next()) {
      throw new IllegalStateException("the statement returned no row");
    }
    return reader.read(rows);
  }

  /**
   * Runs {@code statement} and hands its result to {@code reader}. A failure is thrown as a {@link
   * StatementFailure} with the driver's exception as its cause (no bound value in its message).
   */
  private <T> T query(NamedSql statement, Binding binding, RowReader<T> reader) {
    Span span = SqlTracing.startStatement(tracer, statement.sql());
    try {
      Handle handle = JdbiTransactions.currentHandle().orElse(null);
      if (handle != null) {
        return run(handle.getConnection(), statement, binding, reader);
      }
      try (Connection connection = dataSource.getConnection()) {
        return run(connection, statement, binding, reader);
      }
    } catch (SQLException e) {
      SqlTracing.failed(span, e);
      throw new StatementFailure(e);
    } finally {
      span.end();
    }
  }

  /** One run of a statement in a transaction of several: its parameters and its request's trace. */
  record Run(Binding binding, Context trace) {}

  /**
   * Runs {@code statement} once per run, in their order, in one transaction of its own on one
   * connection of the pool, reading the one row each run returns; commits after the last. Row locks
   * the first run takes are the transaction's, so the later runs do not wait for them again. Each
   * run is traced within its own request's trace.
   *
   * @throws BatchFailure when a run or the commit failed: it says which run, and whether the
   *     transaction is known to have rolled back
   */
  <T> List<T> queryEachInOneTransaction(NamedSql statement, List<Run> runs, RowReader<T> reader)
      throws BatchFailure {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw new BatchFailure(BatchFailure.NO_RUN, true, e);
    }
    try {
      connection.setAutoCommit(false);
      List<T> rows = runEach(connection, statement, runs, reader);
      commit(connection);
      return rows;
    } catch (SQLException e) { // outside the runs (setting up, closing the statement): no commit
      throw new BatchFailure(BatchFailure.NO_RUN, rollBack(connection), e);
    } finally {
      closeQuietly(connection);
    }
  }

  private <T> List<T> runEach(
      Connection connection, NamedSql statement, List<Run> runs, RowReader<T> reader)
      throws SQLException, BatchFailure {
    List<T> rows = new ArrayList<>(runs.size());
    try (PreparedStatement prepared = connection.prepareStatement(statement.jdbc())) {
      for (int i = 0; i < runs.size(); i++) {
        Run run = runs.get(i);
        Span span = SqlTracing.startStatement(tracer, statement.sql(), run.trace());
        try {
          run.binding().bind(new Parameters(connection, prepared, statement));
          try (ResultSet result = prepared.executeQuery()) {
            rows.add(onlyRow(result, reader));
          }
        } catch (SQLException e) {
          SqlTracing.failed(span, e);
          throw new BatchFailure(i, rollBack(connection), e);
        } finally {
          span.end();
        }
      }
    }
    return rows;
  }

  private static void commit(Connection connection) throws BatchFailure {
    try {
      connection.commit();
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      // The commit may or may not have reached the server before the connection failed.
      throw new BatchFailure(BatchFailure.NO_RUN, false, e);
    }
  }

  /** Whether the transaction is now known to have rolled back. */
  private static boolean rollBack(Connection connection) {
    try {
      connection.rollback();
      connection.setAutoCommit(true);
      return true;
    } catch (SQLException e) {
      return false; // the connection is gone: the server rolls back, but cannot say so
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // The pool discards a connection it cannot reset; the outcome is already decided.
    }
  }

  /**
   * A transaction of {@link #queryEachInOneTransaction} did not commit (or may not have): which run
   * failed ({@link #NO_RUN} when none did, e.g. the connection or the commit failed), and whether
   * the transaction is known to have rolled back, so that its runs may be run again.
   */
  static final class BatchFailure extends Exception {
    private static final long serialVersionUID = 1L;
    static final int NO_RUN = -1;

    private final int failedRun;
    private final boolean rolledBack;

    BatchFailure(int failedRun, boolean rolledBack, SQLException cause) {
      super("transaction of runs failed with SQLState " + cause.getSQLState(), cause);
      this.failedRun = failedRun;
      this.rolledBack = rolledBack;
    }

    int failedRun() {
      return failedRun;
    }

    boolean rolledBack() {
      return rolledBack;
    }

    /** The failure as a single statement's, for the requests it is reported to. */
    StatementFailure asStatementFailure() {
      return new StatementFailure((SQLException) getCause());
    }
  }

  private static <T> T run(
      Connection connection, NamedSql statement, Binding binding, RowReader<T> reader)
      throws SQLException {
    try (PreparedStatement prepared = connection.prepareStatement(statement.jdbc())) {
      binding.bind(new Parameters(connection, prepared, statement));
      try (ResultSet rows = prepared.executeQuery()) {
        return reader.read(rows);
      }
    }
  }

  /**
   * The parameters of one execution, set by name, each value as JDBI's Postgres plugin binds it.
   */
  static final class Parameters {
    private final Connection connection;
    private final PreparedStatement prepared;
    private final NamedSql statement;

    private Parameters(Connection connection, PreparedStatement prepared, NamedSql statement) {
      this.connection = connection;
      this.prepared = prepared;
      this.statement = statement;
    }

    Parameters set(String name, UUID value) throws SQLException {
      for (int at : statement.positionsOf(name)) {
        prepared.setObject(at, value, Types.OTHER);
      }
      return this;
    }

    Parameters set(String name, int value) throws SQLException {
      for (int at : statement.positionsOf(name)) {
        prepared.setInt(at, value);
      }
      return this;
    }

    Parameters set(String name, String value) throws SQLException {
      for (int at : statement.positionsOf(name)) {
        prepared.setString(at, value);
      }
      return this;
    }

    Parameters set(String name, byte[] value) throws SQLException {
      for (int at : statement.positionsOf(name)) {
        prepared.setBytes(at, value);
      }
      return this;
    }

    Parameters set(String name, Instant value) throws SQLException {
      OffsetDateTime utc = value.atOffset(ZoneOffset.UTC);
      for (int at : statement.positionsOf(name)) {
        prepared.setObject(at, utc);
      }
      return this;
    }

    Parameters set(String name, UUID[] values) throws SQLException {
      return array(name, "uuid", values);
    }

    Parameters set(String name, String[] values) throws SQLException {
      return array(name, "text", values);
    }

    private Parameters array(String name, String type, Object[] values) throws SQLException {
      var array = connection.createArrayOf(type, values);
      for (int at : statement.positionsOf(name)) {
        prepared.setArray(at, array);
      }
      return this;
    }
  }

  /** A statement run here failed; the cause is the driver's exception. */
  static final class StatementFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StatementFailure(SQLException cause) {
      super("statement failed with SQLState " + cause.getSQLState(), cause);
    }
  }
}
