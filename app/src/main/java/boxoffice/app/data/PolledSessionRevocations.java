package boxoffice.app.data;

import boxoffice.app.domain.Principal;
import boxoffice.app.domain.UnavailableException;
import boxoffice.app.service.SessionRevocations;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revocations held in memory and refreshed from PostgreSQL every {@link #POLL_INTERVAL}, so every
 * instance refuses a revoked token within about a second, with no database round trip per request.
 *
 * <p>If the table could not be read for {@link #STALE_AFTER}, the answer is unknown and signed-in
 * requests are refused as unavailable (503) rather than risk serving a revoked session: the bound
 * holds even while the database is out of reach.
 *
 * <p>Each poll reads again the last {@link #OVERLAP} of rows: a revocation stamped just before
 * another may commit just after it, and re-reading a row changes nothing.
 */
public final class PolledSessionRevocations implements SessionRevocations, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PolledSessionRevocations.class);
  static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
  static final Duration STALE_AFTER = Duration.ofSeconds(5);
  private static final Duration OVERLAP = Duration.ofSeconds(10);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  private final SessionRevocationDao dao;
  private final Duration horizon;
  private final ScheduledExecutorService poller;
  private final Map<UUID, Instant> revokedSessions = new ConcurrentHashMap<>();
  private final Map<UUID, Instant> revokedUsers = new ConcurrentHashMap<>();
  private volatile long lastReadNanos;
  private volatile boolean loaded;
  // Only touched by the poller (and by start() before it runs). Database time, as the rows are.
  private Instant newestSeen = Instant.EPOCH;
  private long polls;

  /**
   * @param horizon how long a revocation matters: the longest an access token lives, plus the clock
   *     skew its verification accepts
   */
  PolledSessionRevocations(
      SessionRevocationDao dao, Duration horizon, ScheduledExecutorService poller) {
    this.dao = dao;
    this.horizon = horizon;
    this.poller = poller;
  }

  /**
   * Reads every revocation still in the table (older ones are purged), then follows new ones in the
   * background.
   */
  public void start() {
    poll();
    long millis = POLL_INTERVAL.toMillis();
    poller.scheduleWithFixedDelay(this::pollQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean isRevoked(Principal principal) {
    if (!loaded || System.nanoTime() - lastReadNanos > STALE_AFTER.toNanos()) {
      throw new UnavailableException(
          "Sessions cannot be checked right now; try again shortly", RETRY_AFTER);
    }
    if (principal.session().map(revokedSessions::containsKey).orElse(false)) {
      return true;
    }
    Instant revokedUpTo = revokedUsers.get(principal.userId());
    // Token times have whole seconds: a token of the same second as the change is refused too.
    return revokedUpTo != null
        && !principal.issuedAt().isAfter(revokedUpTo.truncatedTo(ChronoUnit.SECONDS));
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) {
      // Nothing may escape, or the scheduler would stop polling; the staleness check answers 503.
      LOG.debug("session revocations unavailable: {}", e.getMessage());
    }
  }

  private void poll() {
    long started = System.nanoTime();
    for (SessionRevocationDao.Revocation revocation : dao.since(newestSeen.minus(OVERLAP))) {
      if (revocation.familyId() != null) {
        revokedSessions.put(revocation.familyId(), revocation.revokedAt());
      } else {
        revokedUsers.merge(
            revocation.userId(), revocation.revokedAt(), (a, b) -> a.isAfter(b) ? a : b);
      }
      if (revocation.revokedAt().isAfter(newestSeen)) {
        newestSeen = revocation.revokedAt();
      }
    }
    lastReadNanos = started;
    loaded = true;
    if (++polls % 60 == 0) {
      forgetExpired();
    }
  }

  /** Tokens issued before the horizon have expired: their revocations no longer matter. */
  private void forgetExpired() {
    Instant before = newestSeen.minus(horizon);
    revokedSessions.values().removeIf(at -> at.isBefore(before));
    revokedUsers.values().removeIf(at -> at.isBefore(before));
    dao.deleteOlderThan(horizon.toSeconds());
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
