package boxoffice.app.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: failed logins, shared by every app instance (it lives in the database), so throttling holds
 * behind a load balancer.
 */
public interface LoginFailureLog {
  void record(String email, String clientAddress, Instant at);

  /** Forgets the failures of an email after a successful login. */
  void clear(String email);

  /**
   * How long the caller must wait because {@code email} or {@code clientAddress} reached its limit
   * of failures within {@code window}; empty when neither did.
   */
  Optional<Duration> retryAfter(String email, String clientAddress, Instant now, Limits limits);

  /** Deletes failures older than {@code before}; returns how many. */
  int purgeOlderThan(Instant before);

  /** Failure budgets per email and per client address within one window. */
  record Limits(int perEmail, int perAddress, Duration window) {}
}
