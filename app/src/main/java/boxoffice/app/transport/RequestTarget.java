package boxoffice.app.transport;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a request whose path or query string does not decode cleanly, before any route reads it.
 * Left alone, Javalin drops a query parameter whose percent-escapes are broken and replaces invalid
 * UTF-8 with U+FFFD, so {@code ?cursor=%%%garbage} would silently answer an unfiltered first page:
 * a request that asked for a filter must get it or get a 400.
 */
final class RequestTarget {
  private RequestTarget() {}

  static void check(Context ctx) {
    String query = ctx.req().getQueryString();
    if (query != null && !query.isEmpty()) {
      String problem = problemWith(query);
      if (problem != null) {
        throw HttpProblemException.badRequest("The query string is malformed: " + problem);
      }
    }
    String path = ctx.req().getRequestURI();
    if (path != null) {
      String problem = problemWith(path);
      if (problem != null) {
        throw HttpProblemException.badRequest("The request path is malformed: " + problem);
      }
    }
  }

  /** Why {@code raw} (still percent-encoded) is malformed, or null when it decodes cleanly. */
  static String problemWith(String raw) {
    ByteArrayOutputStream decoded = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (low < 0) {
          return "a '%' must be followed by two hexadecimal digits";
        }
        decoded.write(high * 16 + low);
        i += 2;
      } else if (c < 0x80) {
        decoded.write(c);
      } else {
        // Jetty has already decoded raw non-ASCII bytes; encode them back to check them below.
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
          bytes = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        decoded.write(bytes, 0, bytes.length);
      }
    }
    byte[] bytes = decoded.toByteArray();
    for (byte b : bytes) {
      if (b == 0) {
        return "it must not contain NUL characters";
      }
    }
    // ASCII delimiters never occur inside a multi-byte sequence, so checking the whole decoded
    // text is the same as checking every name and value.
    return StorableText.isStrictUtf8(bytes) ? null : "percent-escapes must encode valid UTF-8";
  }
}
