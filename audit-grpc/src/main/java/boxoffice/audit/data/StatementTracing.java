package boxoffice.audit.data;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementContextListener;

/**
 * One CLIENT span per SQL statement, a child of the span current when the statement starts (the
 * call's). Only the SQL text with its placeholders is recorded, never bound values.
 */
public final class StatementTracing implements StatementContextListener {
  private static final String SPAN = StatementTracing.class.getName();

  private final Tracer tracer;

  private StatementTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("boxoffice.audit.data");
  }

  /** Traces every statement {@code jdbi} runs from now on. */
  public static Jdbi install(Jdbi jdbi, OpenTelemetry openTelemetry) {
    jdbi.getConfig(SqlStatements.class).addContextListener(new StatementTracing(openTelemetry));
    return jdbi;
  }

  @Override
  public void contextCreated(StatementContext ctx) {
    Span span =
        tracer
            .spanBuilder("postgresql")
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("db.system", "postgresql")
            .startSpan();
    ctx.define(SPAN, span);
  }

  @Override
  public void contextCleaned(StatementContext ctx) {
    if (!(ctx.getAttribute(SPAN) instanceof Span span)) {
      return;
    }
    String sql = ctx.getRawSql();
    if (sql != null) {
      String statement = sql.strip();
      span.updateName(operationOf(statement));
      span.setAttribute("db.statement", statement);
    }
    span.end();
  }

  /** SELECT, INSERT, UPDATE: the first keyword names the span. */
  private static String operationOf(String sql) {
    int end = 0;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    return end == 0 ? "SQL" : sql.substring(0, end).toUpperCase(Locale.ROOT);
  }
}
