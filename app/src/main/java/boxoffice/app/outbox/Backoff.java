package boxoffice.app.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the n-th consecutive failure waits a random time between half
 * and all of {@code min(max, base * 2^(n-1))}, so relays retrying a recovered service do not all
 * arrive at once.
 */
final class Backoff {
  private final Duration base;
  private final Duration max;
  private int failures;

  Backoff(Duration base, Duration max) {
    this.base = base;
    this.max = max;
  }

  Duration next() {
    failures = Math.min(failures + 1, 30);
    long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(failures - 1, 20));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
  }

  int failures() {
    return failures;
  }

  void reset() {
    failures = 0;
  }
}
