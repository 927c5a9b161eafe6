package boxoffice.app.transport;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin access (the Fetch standard's CORS protocol) for pages on the configured origins.
 * With no origin configured it does nothing at all: browsers then keep other sites' pages from
 * reading the API's answers, which is the safe default for an API that also serves its own
 * documentation.
 *
 * <p>Credentials are bearer tokens sent in {@code Authorization}, never cookies, so {@code
 * Access-Control-Allow-Credentials} is never sent and {@code *} is a safe choice for a public API.
 */
final class CorsPolicy {
  /** Request headers a page may send: the ones the API reads. */
  static final String ALLOWED_HEADERS =
      "Authorization, Content-Type, Idempotency-Key, If-Match, If-None-Match, X-Request-Id";

  /** Response headers a page may read besides the CORS-safelisted ones. */
  static final String EXPOSED_HEADERS =
      "ETag, Location, Retry-After, WWW-Authenticate, X-Request-Id, Allow";

  /** How long a browser may reuse a preflight answer (seconds). */
  static final int PREFLIGHT_MAX_AGE = 600;

  private final Set<String> origins;
  private final boolean anyOrigin;

  CorsPolicy(List<String> allowedOrigins) {
    this.anyOrigin = allowedOrigins.contains("*");
    this.origins =
        allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  boolean enabled() {
    return anyOrigin || !origins.isEmpty();
  }

  /** On every request: lets the page of an allowed origin read the answer. */
  void decorate(Context ctx) {
    if (!enabled()) {
      return;
    }
    if (!anyOrigin) {
      // The answer depends on Origin: a shared cache must not hand one origin's answer to another.
      ctx.res().addHeader("Vary", "Origin");
    }
    if (ctx.method() == HandlerType.OPTIONS) {
      return; // preflights are answered by preflight(), which decides for itself
    }
    allowedOrigin(ctx.header("Origin"))
        .ifPresent(
            origin -> {
              ctx.header("Access-Control-Allow-Origin", origin);
              ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
            });
  }

  /**
   * The answer to {@code OPTIONS} on a path whose routes accept {@code methods}: 204 with {@code
   * Allow}, and for a preflight from an allowed origin asking for one of those methods the headers
   * that let the browser send the real request. Anything else gets no CORS headers, so the browser
   * refuses the request without it ever reaching a handler.
   */
  void preflight(Context ctx, Collection<String> methods) {
    String allow = String.join(", ", methods);
    // OPTIONS itself is allowed on the path too, as a 405 there says.
    ctx.status(204).header("Allow", allow + ", OPTIONS");
    String requested = ctx.header("Access-Control-Request-Method");
    if (requested == null || !methods.contains(requested)) {
      return;
    }
    allowedOrigin(ctx.header("Origin"))
        .ifPresent(
            origin -> {
              ctx.header("Access-Control-Allow-Origin", origin);
              ctx.header("Access-Control-Allow-Methods", allow);
              ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
              ctx.header("Access-Control-Max-Age", String.valueOf(PREFLIGHT_MAX_AGE));
            });
  }

  private Optional<String> allowedOrigin(String origin) {
    if (origin == null || origin.isEmpty()) {
      return Optional.empty();
    }
    if (anyOrigin) {
      return Optional.of("*");
    }
    return origins.contains(origin.toLowerCase(Locale.ROOT))
        ? Optional.of(origin)
        : Optional.empty();
  }
}
