package boxoffice.app.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: failed logins, shared by every app instance (it lives in the database), so throttling holds
 * behind a load balancer. Emails and client addresses arrive as SHA-256 hashes of their normalised
 * form: fixed-size keys that never store the address or email itself.
 */
public interface LoginFailureLog {
  void record(byte[] emailHash, byte[] addressHash, Instant at);

  /** Forgets the failures of an email after a successful login. */
  void clear(byte[] emailHash);

  /**
   * How long the caller must wait because {@code email} or {@code clientAddress} reached its limit
   * of failures within {@code window}; empty when neither did.
   */
  Optional<Duration> retryAfter(byte[] emailHash, byte[] addressHash, Instant now, Limits limits);

  /** Deletes failures older than {@code before}; returns how many. */
  int purgeOlderThan(Instant before);

  /** Failure budgets per email and per client address within one window. */
  record Limits(int perEmail, int perAddress, Duration window) {}
}
