package boxoffice.app.domain;

import java.time.Duration;

/**
 * A dependency the answer needs is out of reach; the client may retry after {@link #retryAfter}.
 */
public final class UnavailableException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  public UnavailableException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
