package boxoffice.app.transport;

import java.time.Duration;
import java.util.Optional;

/**
 * A request refused by the HTTP layer itself (bad JSON, bad query parameter, wrong content type,
 * body too large, timeout). The detail is safe to show to clients.
 */
public final class HttpProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String slug;
  private final transient Optional<Duration> retryAfter;

  HttpProblemException(int status, String slug, String detail, Optional<Duration> retryAfter) {
    super(detail, null, false, false);
    this.status = status;
    this.slug = slug;
    this.retryAfter = retryAfter;
  }

  static HttpProblemException badRequest(String detail) {
    return new HttpProblemException(400, "bad-request", detail, Optional.empty());
  }

  static HttpProblemException unsupportedMediaType(String detail) {
    return new HttpProblemException(415, "unsupported-media-type", detail, Optional.empty());
  }

  static HttpProblemException payloadTooLarge(long maxBytes) {
    return new HttpProblemException(
        413,
        "payload-too-large",
        "The request body is larger than " + maxBytes + " bytes",
        Optional.empty());
  }

  static HttpProblemException timedOut(Duration timeout) {
    return new HttpProblemException(
        503,
        "request-timeout",
        "The request did not complete within " + timeout.toMillis() + " ms; try again",
        Optional.of(Duration.ofSeconds(1)));
  }

  int status() {
    return status;
  }

  String slug() {
    return slug;
  }

  Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
