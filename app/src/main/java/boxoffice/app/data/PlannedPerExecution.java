package boxoffice.app.data;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * Has PostgreSQL plan a statement for the values of each execution: the driver sends it as an
 * unnamed statement, which is never given a cached generic plan. For statements whose predicates
 * vary wildly in selectivity (a search for one common word against one rare word), where a generic
 * plan chosen for one set of values is ruinous for another. Every other statement keeps the
 * driver's server-side prepared statements and PostgreSQL's own choice of a generic plan, which
 * spares the planning of statements such as the booking statement on every run.
 */
final class PlannedPerExecution implements StatementCustomizer {
  static final PlannedPerExecution INSTANCE = new PlannedPerExecution();

  private PlannedPerExecution() {}

  @Override
  public void beforeExecution(PreparedStatement statement, StatementContext ctx)
      throws SQLException {
    statement.unwrap(PGStatement.class).setPrepareThreshold(0);
  }
}
