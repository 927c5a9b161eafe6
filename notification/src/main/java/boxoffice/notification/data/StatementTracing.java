package boxoffice.notification.data;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.sql.SQLException;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementContextListener;

/**
 * A client span per SQL statement run while a span is current (handling a message), named after the
 * statement's first keyword and the database ({@code SELECT boxoffice}). Only the SQL text with its
 * placeholders is recorded, never bound values; statements outside any trace (the sent-log
 * clean-up) are not traced.
 */
public final class StatementTracing implements StatementContextListener, SqlLogger {
  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system");
  static final AttributeKey<String> NAME = AttributeKey.stringKey("db.name");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("db.operation");
  static final AttributeKey<String> STATEMENT = AttributeKey.stringKey("db.statement");
  private static final String SPAN = StatementTracing.class.getName();

  private final Tracer tracer;
  private final String database;

  private StatementTracing(OpenTelemetry openTelemetry, String database) {
    this.tracer = openTelemetry.getTracer("boxoffice.notification.data");
    this.database = database;
  }

  /** {@code jdbi}, its statements traced; {@code jdbcUrl} names the database in the spans. */
  public static Jdbi traced(Jdbi jdbi, OpenTelemetry openTelemetry, String jdbcUrl) {
    StatementTracing tracing = new StatementTracing(openTelemetry, databaseOf(jdbcUrl));
    SqlStatements statements = jdbi.getConfig(SqlStatements.class);
    statements.addContextListener(tracing);
    statements.setSqlLogger(tracing);
    return jdbi;
  }

  @Override
  public void contextCreated(StatementContext ctx) {
    if (!Span.current().getSpanContext().isValid()) {
      return;
    }
    Span span =
        tracer
            .spanBuilder("SQL " + database)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(SYSTEM, "postgresql")
            .setAttribute(NAME, database)
            .startSpan();
    ctx.define(SPAN, span);
  }

  @Override
  public void logException(StatementContext ctx, SQLException ex) {
    if (ctx.getAttribute(SPAN) instanceof Span span) {
      span.recordException(ex);
      span.setStatus(StatusCode.ERROR, "SQLState " + ex.getSQLState());
    }
  }

  @Override
  public void contextCleaned(StatementContext ctx) {
    if (!(ctx.getAttribute(SPAN) instanceof Span span)) {
      return;
    }
    String sql = ctx.getRawSql();
    if (sql != null) {
      String statement = sql.strip();
      String operation = operationOf(statement);
      span.updateName(operation + " " + database);
      span.setAttribute(OPERATION, operation);
      span.setAttribute(STATEMENT, statement);
    }
    span.end();
  }

  /** SELECT, INSERT, WITH…: the first keyword. */
  private static String operationOf(String sql) {
    int end = 0;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    return end == 0 ? "SQL" : sql.substring(0, end).toUpperCase(Locale.ROOT);
  }

  /** {@code jdbc:postgresql://host:5432/name?options} → {@code name}. */
  static String databaseOf(String jdbcUrl) {
    String rest = jdbcUrl;
    int query = rest.indexOf('?');
    if (query >= 0) {
      rest = rest.substring(0, query);
    }
    int slash = rest.lastIndexOf('/');
    String name = slash >= 0 ? rest.substring(slash + 1) : "";
    return name.isEmpty() ? "postgresql" : name;
  }
}
