package boxoffice.app.data;

import boxoffice.app.service.LoginFailureLog;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/** Failed logins in PostgreSQL, visible to every app instance. */
final class JdbiLoginFailureLog implements LoginFailureLog {
  private final LoginFailureDao dao;

  @Inject
  JdbiLoginFailureLog(LoginFailureDao dao) {
    this.dao = dao;
  }

  @Override
  public void record(byte[] emailHash, byte[] addressHash, Instant at) {
    dao.insert(emailHash, addressHash, at);
  }

  @Override
  public void clear(byte[] emailHash) {
    dao.deleteByEmail(emailHash);
  }

  @Override
  public Optional<Duration> retryAfter(
      byte[] emailHash, byte[] addressHash, Instant now, Limits limits) {
    Instant since = now.minus(limits.window());
    return Stream.of(
            dao.limitingFailureOfEmail(emailHash, since, limits.perEmail()),
            dao.limitingFailureOfAddress(addressHash, since, limits.perAddress()))
        .flatMap(Optional::stream)
        .map(failedAt -> Duration.between(now, failedAt.plus(limits.window())))
        .filter(wait -> !wait.isNegative() && !wait.isZero())
        .max(Duration::compareTo);
  }

  @Override
  public int purgeOlderThan(Instant before) {
    return dao.deleteOlderThan(before);
  }
}
