package boxoffice.app.domain;

import java.time.Duration;

/** Too many attempts; the caller may try again after {@link #retryAfter()}. */
public final class ThrottledException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final transient Duration retryAfter;

  public ThrottledException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
