package boxoffice.app.data;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.util.Locale;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementContextListener;

/**
 * One client span per SQL statement, child of the current request's span. Only the SQL text with
 * its placeholders is recorded, never bound values (they include password hashes and tokens).
 */
final class DatabaseTracing implements StatementContextListener {
  private static final String SPAN = DatabaseTracing.class.getName();

  private final Tracer tracer;

  DatabaseTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("boxoffice.data");
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

  /** SELECT, INSERT, WITH …: the first keyword names the span. */
  private static String operationOf(String sql) {
    int end = 0;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    return end == 0 ? "SQL" : sql.substring(0, end).toUpperCase(Locale.ROOT);
  }
}
