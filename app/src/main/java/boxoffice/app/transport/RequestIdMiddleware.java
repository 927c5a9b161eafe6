package boxoffice.app.transport;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
    String id = offered != null && SANE.matcher(offered).matches() ? offered : newId().toString();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
    MDC.put(MDC_KEY, id);
  }

  /**
   * A random (version 4) UUID from the thread's fast generator: request ids need to be unique, not
   * secret, and the shared SecureRandom behind UUID.randomUUID() is a point of contention.
   */
  private static UUID newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }

  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id == null ? "unknown" : id;
  }
}
