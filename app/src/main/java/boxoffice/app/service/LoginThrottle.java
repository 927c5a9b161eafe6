package boxoffice.app.service;

import boxoffice.app.domain.Credentials;
import boxoffice.app.domain.ThrottledException;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Refuses logins for an email or a client address that was tried too often within the window. An
 * attempt is counted before its password is checked, so parallel guesses cannot outrun the count; a
 * successful login forgets the email's attempts.
 */
public final class LoginThrottle {
  private final LoginFailureLog failures;
  private final LoginFailureLog.Limits limits;
  private final Clock clock;

  @Inject
  public LoginThrottle(LoginFailureLog failures, AuthPolicy policy, Clock clock) {
    this.failures = failures;
    this.limits = policy.loginLimits();
    this.clock = clock;
  }

  /** Counts one attempt, or throws {@link ThrottledException} when the budget is spent. */
  public void admit(String email, String clientAddress) {
    byte[] emailKey = emailKey(email);
    byte[] addressKey = addressKey(clientAddress);
    failures
        .admit(emailKey, addressKey, clock.instant(), limits)
        .ifPresent(
            wait -> {
              throw new ThrottledException(
                  "Too many failed logins; try again later", roundUpToSeconds(wait));
            });
  }

  public void recordSuccess(String email) {
    failures.clear(emailKey(email));
  }

  /** Drops failures that no longer count; run periodically. */
  public int purgeExpired() {
    return failures.purgeOlderThan(clock.instant().minus(limits.window()));
  }

  /** The hash of the same comparison key that account lookup uses, so no spelling escapes it. */
  static byte[] emailKey(String email) {
    return RefreshTokens.sha256(Credentials.emailKey(email));
  }

  static byte[] addressKey(String clientAddress) {
    return RefreshTokens.sha256(clientAddress);
  }

  private static Duration roundUpToSeconds(Duration wait) {
    long seconds = Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
    return Duration.ofSeconds(seconds);
  }
}
