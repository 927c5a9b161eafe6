package boxoffice.app.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: login attempts, shared by every app instance (it lives in the database), so throttling
 * holds behind a load balancer. Emails and client addresses arrive as SHA-256 hashes of their
 * normalised form: fixed-size keys that never store the address or email itself.
 */
public interface LoginFailureLog {
  /**
   * Counts one attempt unless {@code emailHash} or {@code addressHash} already reached its limit
   * within the window; then returns how long the caller must wait and counts nothing. Attempts for
   * one key are serialised across instances, so no more than the limit are ever admitted. Commits
   * on its own: call it outside any transaction, which would hold the key's lock until its end.
   */
  Optional<Duration> admit(byte[] emailHash, byte[] addressHash, Instant now, Limits limits);

  /** Forgets the attempts of an email after a successful login. */
  void clear(byte[] emailHash);

  /** Deletes attempts older than {@code before}; returns how many. */
  int purgeOlderThan(Instant before);

  /** Attempt budgets per email and per client address within one window. */
  record Limits(int perEmail, int perAddress, Duration window) {}
}
