package boxoffice.app.transport;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.inject.Inject;
import org.slf4j.MDC;

/**
 * A server span per request, named after the route template, continuing the caller's trace ({@code
 * traceparent}); its ids go into the logging context so every log line of the request carries
 * {@code traceId} and {@code spanId}.
 */
final class RequestTracing {
  private static final String SPAN = "boxoffice.span";
  private static final TextMapGetter<Context> HEADERS =
      new TextMapGetter<>() {
        @Override
        public String get(Context ctx, String key) {
          return ctx == null ? null : ctx.header(key);
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  @Inject
  RequestTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("boxoffice.http");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  void start(Context ctx) {
    io.opentelemetry.context.Context parent =
        propagator.extract(io.opentelemetry.context.Context.root(), ctx, HEADERS);
    Span span =
        tracer
            .spanBuilder(ctx.method().name())
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("http.request.method", ctx.method().name())
            .startSpan();
    ctx.attribute(SPAN, span);
    if (span.getSpanContext().isValid()) {
      MDC.put("traceId", span.getSpanContext().getTraceId());
      MDC.put("spanId", span.getSpanContext().getSpanId());
    }
  }

  /**
   * Runs the route's handler with the request's span current and named after the route template, so
   * database and client spans nest under a name without ids.
   */
  Handler wrap(HandlerType method, String route, Handler handler) {
    String name = method.name() + " " + route;
    return ctx -> {
      Span span = ctx.attribute(SPAN);
      if (span == null) {
        handler.handle(ctx);
        return;
      }
      span.updateName(name);
      span.setAttribute("http.route", route);
      Scope scope = span.makeCurrent();
      try {
        handler.handle(ctx);
      } finally {
        scope.close();
      }
    };
  }

  void end(Context ctx) {
    Span span = ctx.attribute(SPAN);
    if (span != null) {
      span.setAttribute("http.response.status_code", ctx.statusCode());
      if (ctx.statusCode() >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
      span.end();
    }
    MDC.remove("traceId");
    MDC.remove("spanId");
  }
}
