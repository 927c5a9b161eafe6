package boxoffice.platform.database;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.sql.SQLException;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementContextListener;

/**
 * One CLIENT span per SQL statement, a child of the span current when the statement starts. Only
 * the SQL text with its placeholders is recorded, never bound values (they include password hashes
 * and tokens).
 *
 * <p>Two styles are in use. {@link #everyStatement} traces every statement and names its span after
 * the first keyword ({@code INSERT}). {@link #withinTraces} traces only statements run while a span
 * is current (a background clean-up starts no trace of its own), names spans after the keyword and
 * the database ({@code SELECT boxoffice}), as services reading two databases need, and marks failed
 * statements as errors.
 */
public final class SqlTracing implements StatementContextListener, SqlLogger {
  private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system");
  private static final AttributeKey<String> NAME = AttributeKey.stringKey("db.name");
  private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("db.operation");
  private static final AttributeKey<String> STATEMENT = AttributeKey.stringKey("db.statement");
  private static final String SPAN = SqlTracing.class.getName();

  private final Tracer tracer;
  // Null when spans do not name the database.
  private final String database;
  private final boolean onlyWithinTraces;

  private SqlTracing(Tracer tracer, String database, boolean onlyWithinTraces) {
    this.tracer = tracer;
    this.database = database;
    this.onlyWithinTraces = onlyWithinTraces;
  }

  /**
   * {@code jdbi}, every statement it runs from now on traced by {@code instrumentation}'s tracer.
   */
  public static Jdbi everyStatement(
      Jdbi jdbi, OpenTelemetry openTelemetry, String instrumentation) {
    SqlTracing tracing = new SqlTracing(openTelemetry.getTracer(instrumentation), null, false);
    jdbi.getConfig(SqlStatements.class).addContextListener(tracing);
    return jdbi;
  }

  /**
   * {@code jdbi}, the statements it runs inside a trace traced by {@code instrumentation}'s tracer;
   * {@code jdbcUrl} names the database in the spans.
   */
  public static Jdbi withinTraces(
      Jdbi jdbi, OpenTelemetry openTelemetry, String instrumentation, String jdbcUrl) {
    SqlTracing tracing =
        new SqlTracing(openTelemetry.getTracer(instrumentation), databaseOf(jdbcUrl), true);
    SqlStatements statements = jdbi.getConfig(SqlStatements.class);
    statements.addContextListener(tracing);
    statements.setSqlLogger(tracing);
    return jdbi;
  }

  /**
   * A span for one statement run on a JDBC connection directly, started as a child of the current
   * span and named like those of {@link #everyStatement}; the caller ends it.
   */
  public static Span startStatement(Tracer tracer, String sql) {
    return startStatement(tracer, sql, Context.current());
  }

  /** As {@link #startStatement(Tracer, String)}, as a child of {@code parent}'s span. */
  public static Span startStatement(Tracer tracer, String sql, Context parent) {
    String statement = sql.strip();
    return tracer
        .spanBuilder(operationOf(statement))
        .setParent(parent)
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute(SYSTEM, "postgresql")
        .setAttribute(STATEMENT, statement)
        .startSpan();
  }

  /** Marks {@code span} as failed by {@code ex}, as failed JDBI statements are marked. */
  public static void failed(Span span, SQLException ex) {
    span.recordException(ex);
    span.setStatus(StatusCode.ERROR, "SQLState " + ex.getSQLState());
  }

  @Override
  public void contextCreated(StatementContext ctx) {
    if (onlyWithinTraces && !Span.current().getSpanContext().isValid()) {
      return;
    }
    SpanBuilder span =
        tracer
            .spanBuilder(database == null ? "postgresql" : "SQL " + database)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(SYSTEM, "postgresql");
    if (database != null) {
      span.setAttribute(NAME, database);
    }
    ctx.define(SPAN, span.startSpan());
  }

  @Override
  public void logException(StatementContext ctx, SQLException ex) {
    if (ctx.getAttribute(SPAN) instanceof Span span) {
      failed(span, ex);
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
      if (database == null) {
        span.updateName(operation);
      } else {
        span.updateName(operation + " " + database);
        span.setAttribute(OPERATION, operation);
      }
      span.setAttribute(STATEMENT, statement);
    }
    span.end();
  }

  /** SELECT, INSERT, WITH …: the first keyword. */
  private static String operationOf(String sql) {
    int end = 0;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    return end == 0 ? "SQL" : sql.substring(0, end).toUpperCase(Locale.ROOT);
  }

  /** {@code jdbc:postgresql://host:5432/name?options} → {@code name}. */
  private static String databaseOf(String jdbcUrl) {
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
