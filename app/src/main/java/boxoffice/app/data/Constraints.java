package boxoffice.app.data;

import java.sql.SQLException;

/** The constraint violations the repositories turn into answers. */
final class Constraints {
  static final String UNIQUE_VIOLATION = "23505";
  static final String CHECK_VIOLATION = "23514";
  static final String KEY = "idempotency_keys_pkey";
  static final String TICKET_LIMIT = "ticket_holdings_within_limit";

  private Constraints() {}

  static boolean violates(RuntimeException e, String sqlState, String constraint) {
    return e.getCause() instanceof SQLException sql
        && sqlState.equals(sql.getSQLState())
        && sql.getMessage() != null
        && sql.getMessage().contains(constraint);
  }
}
