package boxoffice.app.transport;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A database failure that is not the client's fault and that the same request may well survive when
 * retried: the server restarting or unreachable, out of connections or resources, a query
 * cancelled, or a transaction that lost a deadlock or serialization race (after the transaction
 * boundary's own retries).
 */
record TransientDatabaseFailure(String sqlState, String kind, Duration retryAfter, String detail) {
  private static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(5);
  private static final Duration CONTENTION_RETRY = Duration.ofSeconds(1);
  private static final String UNAVAILABLE_DETAIL = "The database is unavailable; try again shortly";
  private static final String CONTENTION_DETAIL =
      "The request collided with concurrent changes; try again";

  /** Transaction rollbacks a retry resolves: serialization_failure, deadlock_detected. */
  private static final Set<String> CONTENTION = Set.of("40001", "40P01");

  /**
   * admin_shutdown, crash_shutdown, cannot_connect_now (restart or failover), query_canceled
   * (statement timeout), lock_not_available (lock timeout).
   */
  private static final Set<String> UNAVAILABLE =
      Set.of("57P01", "57P02", "57P03", "57014", "55P03");

  static Optional<TransientDatabaseFailure> of(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (CONTENTION.contains(state)) {
      return Optional.of(
          new TransientDatabaseFailure(state, "contention", CONTENTION_RETRY, CONTENTION_DETAIL));
    }
    // Class 08: connection exceptions; class 53: insufficient resources (too many connections,
    // disk full, out of memory). A pool timeout carries no state but is the same outage.
    if (UNAVAILABLE.contains(state)
        || state.startsWith("08")
        || state.startsWith("53")
        || e instanceof SQLTransientConnectionException) {
      return Optional.of(
          new TransientDatabaseFailure(
              state.isEmpty() ? "none" : state,
              "unavailable",
              UNAVAILABLE_RETRY,
              UNAVAILABLE_DETAIL));
    }
    return Optional.empty();
  }
}
