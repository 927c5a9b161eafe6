package boxoffice.app.data;

import boxoffice.app.service.LoginFailureLog;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/** Login attempts in PostgreSQL, visible to every app instance. */
final class JdbiLoginFailureLog implements LoginFailureLog {
  private final LoginFailureDao dao;

  @Inject
  JdbiLoginFailureLog(LoginFailureDao dao) {
    this.dao = dao;
  }

  @Override
  public Optional<Duration> admit(
      byte[] emailHash, byte[] addressHash, Instant now, Limits limits) {
    Instant since = now.minus(limits.window());
    boolean counted =
        dao.countAttempt(
            emailHash,
            addressHash,
            lockKey(emailHash),
            lockKey(addressHash),
            now,
            since,
            limits.perEmail(),
            limits.perAddress());
    if (counted) {
      return Optional.empty();
    }
    // A limit is reached within the window, so some wait remains; at least one second.
    return Optional.of(
        retryAfter(emailHash, addressHash, now, limits).orElse(Duration.ofSeconds(1)));
  }

  private Optional<Duration> retryAfter(
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

  /** 32 bits of the hash: a collision only makes two keys wait for each other briefly. */
  private static int lockKey(byte[] hash) {
    return ByteBuffer.wrap(hash).getInt();
  }

  @Override
  public void clear(byte[] emailHash) {
    dao.deleteByEmail(emailHash);
  }

  @Override
  public int purgeOlderThan(Instant before) {
    return dao.deleteOlderThan(before);
  }
}
