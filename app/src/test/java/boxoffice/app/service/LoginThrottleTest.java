package boxoffice.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import boxoffice.app.ManualClock;
import boxoffice.app.domain.ThrottledException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginThrottleTest {
  private static final Instant START = Instant.parse("2030-05-01T12:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int PER_EMAIL = 5;
  private static final int PER_ADDRESS = 20;
  private static final String EMAIL = "alice@example.com";
  private static final String ADDRESS = "203.0.113.7";

  private final ManualClock clock = new ManualClock(START);
  private final InMemoryLoginFailureLog log = new InMemoryLoginFailureLog();
  private final LoginThrottle throttle =
      new LoginThrottle(
          log,
          new AuthPolicy(
              Duration.ofDays(30), new LoginFailureLog.Limits(PER_EMAIL, PER_ADDRESS, WINDOW)),
          clock);

  @Test
  void allowsLoginsWithoutFailures() {
    assertThatCode(() -> throttle.admit(EMAIL, ADDRESS)).doesNotThrowAnyException();
  }

  @Test
  void allowsLoginsBelowTheEmailLimit() {
    fail(PER_EMAIL - 1, EMAIL, ADDRESS);

    assertThatCode(() -> throttle.admit(EMAIL, ADDRESS)).doesNotThrowAnyException();
  }

  @Test
  void throttlesAnEmailThatReachedItsLimit() {
    fail(PER_EMAIL, EMAIL, ADDRESS);

    ThrottledException e = throttled(EMAIL, "198.51.100.1");
    assertThat(e).hasMessage("Too many failed logins; try again later");
    assertThat(e.retryAfter()).isEqualTo(WINDOW);
  }

  @Test
  void retryAfterCountsFromTheFailureThatMustAgeOut() {
    for (int i = 0; i < PER_EMAIL; i++) {
      throttle.admit(EMAIL, ADDRESS);
      clock.advance(Duration.ofMinutes(1));
    }
    // Failures at 0..4 min, now 5 min: the oldest counted one leaves the window at 15 min.
    assertThat(throttled(EMAIL, ADDRESS).retryAfter()).isEqualTo(Duration.ofMinutes(10));

    clock.advance(Duration.ofMinutes(1));
    // The refused attempt was not counted: the one at 0 min still leaves the window at 15 min.
    assertThat(throttled(EMAIL, ADDRESS).retryAfter()).isEqualTo(Duration.ofMinutes(9));
  }

  @ParameterizedTest
  @CsvSource({
    // remaining wait in nanoseconds, Retry-After seconds
    "1, 1",
    "1000000, 1",
    "999000000, 1",
    "1000000000, 1",
    "1000000001, 2",
    "1000999999, 2",
    "1001000000, 2",
    "1500000000, 2",
    "59000000001, 60",
    "59999000000, 60",
    "59999999999, 60",
    "60000000000, 60",
    "60000000001, 61",
  })
  void retryAfterIsRoundedUpToWholeSecondsOfAtLeastOne(long remainingNanos, long seconds) {
    fail(PER_EMAIL, EMAIL, ADDRESS);
    clock.set(START.plus(WINDOW).minusNanos(remainingNanos));

    assertThat(throttled(EMAIL, ADDRESS).retryAfter()).isEqualTo(Duration.ofSeconds(seconds));
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCount() {
    fail(PER_EMAIL, EMAIL, ADDRESS);

    clock.set(START.plus(WINDOW).minusMillis(1));
    assertThat(throttled(EMAIL, ADDRESS).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    clock.set(START.plus(WINDOW));
    assertThatCode(() -> throttle.admit(EMAIL, ADDRESS)).doesNotThrowAnyException();
  }

  @Test
  void refusedAttemptsStayRefusedAndAreNotCounted() {
    fail(PER_EMAIL, EMAIL, ADDRESS);
    clock.advance(Duration.ofMinutes(14));
    assertThatExceptionOfType(ThrottledException.class)
        .isThrownBy(() -> throttle.admit(EMAIL, ADDRESS));

    assertThatExceptionOfType(ThrottledException.class)
        .isThrownBy(() -> throttle.admit(EMAIL, ADDRESS));
    assertThat(log.failures).hasSize(PER_EMAIL);
  }

  @Test
  void emailKeysAreCaseInsensitive() {
    throttle.admit("Alice@Example.com", "198.51.100.1");
    throttle.admit("ALICE@EXAMPLE.COM", "198.51.100.2");
    throttle.admit("alice@example.com", "198.51.100.3");
    throttle.admit("aLiCe@eXaMpLe.CoM", "198.51.100.4");
    throttle.admit("Alice@example.com", "198.51.100.5");

    assertThat(throttled("alice@example.com", ADDRESS).retryAfter()).isEqualTo(WINDOW);
    assertThat(throttled("ALICE@example.com", ADDRESS).retryAfter()).isEqualTo(WINDOW);
  }

  @Test
  void failuresAreRecordedUnderHashesOfTheFoldedEmailAndTheAddressAtTheCurrentInstant() {
    clock.advance(Duration.ofSeconds(42));

    throttle.admit("Alice@Example.COM", ADDRESS);

    assertThat(log.failures)
        .containsExactly(
            new Failure(
                hex(LoginThrottle.emailKey("alice@example.com")),
                hex(LoginThrottle.addressKey(ADDRESS)),
                START.plusSeconds(42)));
  }

  @Test
  void otherEmailsAreNotThrottledByOneEmailsFailures() {
    fail(PER_EMAIL, EMAIL, ADDRESS);

    assertThatCode(() -> throttle.admit("bob@example.com", "198.51.100.9"))
        .doesNotThrowAnyException();
  }

  @Test
  void throttlesAClientAddressThatReachedItsLimitAcrossEmails() {
    for (int i = 0; i < PER_ADDRESS; i++) {
      throttle.admit("user" + i + "@example.com", ADDRESS);
    }

    assertThat(throttled("someone-new@example.com", ADDRESS).retryAfter()).isEqualTo(WINDOW);
    assertThatCode(() -> throttle.admit("someone-new@example.com", "198.51.100.9"))
        .doesNotThrowAnyException();
  }

  @Test
  void allowsAClientAddressBelowItsLimit() {
    for (int i = 0; i < PER_ADDRESS - 1; i++) {
      throttle.admit("user" + i + "@example.com", ADDRESS);
    }

    assertThatCode(() -> throttle.admit("someone-new@example.com", ADDRESS))
        .doesNotThrowAnyException();
  }

  @Test
  void successClearsTheFailuresOfTheEmail() {
    fail(PER_EMAIL, EMAIL, ADDRESS);
    throttled(EMAIL, ADDRESS);

    throttle.recordSuccess("ALICE@example.com");

    assertThat(log.failures).isEmpty();
    assertThatCode(() -> throttle.admit(EMAIL, ADDRESS)).doesNotThrowAnyException();
  }

  @Test
  void successStartsTheEmailBudgetAfresh() {
    fail(PER_EMAIL - 1, EMAIL, ADDRESS);
    throttle.recordSuccess(EMAIL);
    fail(PER_EMAIL - 1, EMAIL, ADDRESS);

    assertThatCode(() -> throttle.admit(EMAIL, ADDRESS)).doesNotThrowAnyException();
  }

  @Test
  void successKeepsTheFailuresOfOtherEmails() {
    fail(PER_EMAIL, "bob@example.com", ADDRESS);

    throttle.recordSuccess(EMAIL);

    assertThat(throttled("bob@example.com", ADDRESS).retryAfter()).isEqualTo(WINDOW);
  }

  @Test
  void purgeDropsFailuresOlderThanTheWindow() {
    throttle.admit(EMAIL, ADDRESS);
    clock.advance(Duration.ofMinutes(10));
    throttle.admit(EMAIL, ADDRESS);
    clock.advance(Duration.ofMinutes(10));

    int purged = throttle.purgeExpired();

    assertThat(log.purgedBefore).containsExactly(START.plus(Duration.ofMinutes(20)).minus(WINDOW));
    assertThat(purged).isEqualTo(1);
    assertThat(log.failures)
        .extracting(Failure::at)
        .containsExactly(START.plus(Duration.ofMinutes(10)));
  }

  @Test
  void purgeWithNothingExpiredRemovesNothing() {
    fail(3, EMAIL, ADDRESS);

    assertThat(throttle.purgeExpired()).isZero();
    assertThat(log.failures).hasSize(3);
    assertThat(log.purgedBefore).containsExactly(START.minus(WINDOW));
  }

  private void fail(int times, String email, String address) {
    for (int i = 0; i < times; i++) {
      throttle.admit(email, address);
    }
  }

  private ThrottledException throttled(String email, String address) {
    ThrottledException e =
        catchThrowableOfType(ThrottledException.class, () -> throttle.admit(email, address));
    assertThat(e).as("admit(%s, %s) throttles", email, address).isNotNull();
    assertThat(e.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(e.retryAfter().getNano()).isZero();
    return e;
  }

  /** A failure as the port receives it: hex of the hashed keys. */
  private record Failure(String email, String address, Instant at) {}

  private static String hex(byte[] hash) {
    return java.util.HexFormat.of().formatHex(hash);
  }

  /**
   * The port's contract in memory, as the database adapter implements it: failures strictly after
   * {@code now - window} count; the wait ends when the limit-th newest one leaves the window.
   */
  private static final class InMemoryLoginFailureLog implements LoginFailureLog {
    final List<Failure> failures = new ArrayList<>();
    final List<Instant> purgedBefore = new ArrayList<>();

    @Override
    public Optional<Duration> admit(
        byte[] emailHash, byte[] addressHash, Instant now, Limits limits) {
      Optional<Duration> wait = retryAfter(emailHash, addressHash, now, limits);
      if (wait.isEmpty()) {
        failures.add(new Failure(hex(emailHash), hex(addressHash), now));
      }
      return wait;
    }

    @Override
    public void clear(byte[] emailHash) {
      failures.removeIf(failure -> failure.email().equals(hex(emailHash)));
    }

    private Optional<Duration> retryAfter(
        byte[] emailHash, byte[] addressHash, Instant now, Limits limits) {
      Instant since = now.minus(limits.window());
      String email = hex(emailHash);
      String clientAddress = hex(addressHash);
      return Stream.of(
              limiting(f -> f.email().equals(email), since, limits.perEmail()),
              limiting(f -> f.address().equals(clientAddress), since, limits.perAddress()))
          .flatMap(Optional::stream)
          .map(failedAt -> Duration.between(now, failedAt.plus(limits.window())))
          .filter(wait -> !wait.isNegative() && !wait.isZero())
          .max(Comparator.naturalOrder());
    }

    private Optional<Instant> limiting(Predicate<Failure> whose, Instant since, int limit) {
      return failures.stream()
          .filter(whose)
          .map(Failure::at)
          .filter(at -> at.isAfter(since))
          .sorted(Comparator.reverseOrder())
          .skip(limit - 1L)
          .findFirst();
    }

    @Override
    public int purgeOlderThan(Instant before) {
      purgedBefore.add(before);
      int size = failures.size();
      failures.removeIf(failure -> failure.at().isBefore(before));
      return size - failures.size();
    }
  }
}
