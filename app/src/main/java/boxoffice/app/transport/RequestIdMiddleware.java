package boxoffice.app.transport;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is a sane token, else a new
 * one. It is echoed on the response, put in the logging context and in every problem body.
 */
final class RequestIdMiddleware {
  static final String HEADER = "X-Request-Id";
  static final String MDC_KEY = "requestId";
  private static final String ATTRIBUTE = "boxoffice.requestId";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  void assign(Context ctx) {
    String offered = ctx.header(HEADER);
    String id =
        offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
    MDC.put(MDC_KEY, id);
  }

  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id == null ? "unknown" : id;
  }
}
