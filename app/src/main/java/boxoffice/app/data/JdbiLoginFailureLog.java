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
  public void record(String email, String clientAddress, Instant at) {
    dao.insert(email, clientAddress, at);
  }

  @Override
  public void clear(String email) {
    dao.deleteByEmail(email);
  }

  @Override
  public Optional<Duration> retryAfter(
      String email, String clientAddress, Instant now, Limits limits) {
    Instant since = now.minus(limits.window());
    return Stream.of(
            dao.limitingFailureOfEmail(email, since, limits.perEmail()),
            dao.limitingFailureOfAddress(clientAddress, since, limits.perAddress()))
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
