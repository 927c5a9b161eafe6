package boxoffice.notification.service;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forgets sent-log records older than the retention; run periodically. */
public final class SentLogRetention implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SentLogRetention.class);

  private final SentLog sentLog;
  private final Duration retention;
  private final Clock clock;

  public SentLogRetention(SentLog sentLog, Duration retention, Clock clock) {
    this.sentLog = sentLog;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public void run() {
    try {
      int forgotten = sentLog.forgetBefore(clock.instant().minus(retention));
      if (forgotten > 0) {
        LOG.info("forgot {} sent-log record(s) older than {}", forgotten, retention);
      }
    } catch (StoreUnavailableException e) {
      LOG.warn("sent-log cleanup skipped: {}", e.getMessage());
    }
  }
}
