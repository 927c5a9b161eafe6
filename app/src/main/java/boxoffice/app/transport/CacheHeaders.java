package boxoffice.app.transport;

import io.javalin.http.Context;

/**
 * The {@code Cache-Control} values the API sends, in one place so the OpenAPI document and the
 * handlers say the same.
 */
final class CacheHeaders {
  /**
   * Public event reads (one event, search): seats change with every booking, so caches may reuse an
   * answer for a few seconds only, then revalidate with the ETag where there is one. Not {@code
   * public}: a shared cache then stores only answers to requests without {@code Authorization} (RFC
   * 9111 §3.5), so an administrator's view of a draft never reaches another client; {@code Vary:
   * Authorization} keeps a stored anonymous answer from being served to a signed-in caller.
   */
  static final String EVENT_READS = "max-age=5, must-revalidate";

  /** Seconds of {@link #EVENT_READS}, for the documentation. */
  static final int EVENT_READS_MAX_AGE = 5;

  /** Token pairs: never stored anywhere (RFC 6749 §5.1). */
  static final String NO_STORE = "no-store";

  private CacheHeaders() {}

  static void eventRead(Context ctx) {
    ctx.header("Cache-Control", EVENT_READS);
    // Added, not set: CORS may have named Origin already.
    ctx.res().addHeader("Vary", "Authorization");
  }
}
