package boxoffice.app.transport;

import static net.logstash.logback.argument.StructuredArguments.v;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One JSON line per request: method, route template (never the raw path with ids), status,
 * duration, request id and user id. Never headers or bodies, so never tokens or passwords.
 */
final class AccessLog {
  private static final Logger LOG = LoggerFactory.getLogger("boxoffice.access");

  void log(Context ctx, Float durationMs) {
    String route = routeOf(ctx);
    if (!LOG.isInfoEnabled()) {
      clearContext();
      return;
    }
    // requestId and userId come from the logging context (MDC), set as the request went along.
    LOG.info(
        "{} {} {} {}ms",
        v("method", ctx.method().name()),
        v("route", route),
        v("status", ctx.statusCode()),
        v("durationMs", Math.round(durationMs * 10) / 10.0));
    clearContext();
  }

  private static void clearContext() {
    MDC.remove(RequestIdMiddleware.MDC_KEY);
    MDC.remove(AuthMiddleware.MDC_KEY);
  }

  /** Unmatched requests log as "unmatched", so arbitrary paths never reach the logs. */
  static String routeOf(Context ctx) {
    try {
      String template = ctx.endpointHandlerPath();
      // Javalin reports a sentence rather than a path when nothing matched.
      return template != null && template.startsWith("/") ? template : "unmatched";
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }
}
