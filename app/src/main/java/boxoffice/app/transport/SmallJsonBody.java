package boxoffice.app.transport;

import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A JSON body written straight into Jetty's response buffer when it is too small to be compressed.
 * Through {@code ctx.result}, Javalin would copy it from a stream through a fresh buffer and,
 * before the first byte, look through every response header for a Content-Encoding to decide on
 * compression, which a body this small never gets. Javalin's one other step on a result, a 304 when
 * If-None-Match equals the ETag set, is taken here the same way. Larger bodies go through Javalin.
 *
 * <p>The bytes stay in Jetty's buffer (far larger than these bodies) until the response completes,
 * so later steps may still set headers, and a failure after this replaces the body
 * (ProblemResponder resets the buffer).
 */
final class SmallJsonBody {
  /** The size from which Javalin compresses (its default, which HttpServer keeps). */
  static final int COMPRESSED_FROM = new CompressionStrategy().getDefaultMinSizeForCompression();

  private SmallJsonBody() {}

  static void send(Context ctx, String etag, byte[] json) {
    if (json.length >= COMPRESSED_FROM) {
      ctx.result(json);
      return;
    }
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    try {
      ctx.res().getOutputStream().write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
