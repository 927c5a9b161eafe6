package boxoffice.notification.service;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a failing mail server is retried: {@code maxAttempts} in all; before
 * attempt n+1 the wait is a random time between half and all of {@code min(maxDelay, baseDelay *
 * 2^(n-1))}, so many consumers retrying a recovered server do not all arrive at once.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
    }
  }

  /** The wait after the given failed attempt (1-based). */
  public Duration delayAfter(int failedAttempt) {
    int doublings = Math.min(Math.max(failedAttempt - 1, 0), 30);
    long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(doublings, 20));
    if (ceiling <= 1) {
      return Duration.ofMillis(ceiling);
    }
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
  }
}
