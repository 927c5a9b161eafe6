package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestApp;
import boxoffice.testing.AllAtOnce;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Parallel wrong passwords for one email over two app instances: a 401 means the password was
 * verified, so at most the limit of them may be 401 and the rest must be 429.
 */
class ConcurrentLoginThrottleIT {
  private static final int ROUNDS = 20;
  private static final int ATTEMPTS = 30;
  private static final int EMAIL_LIMIT = 5;
  private static final Map<String, String> ENV = Map.of("HTTP_TRUST_FORWARDED_FOR", "true");

  @RegisterExtension static final RunningApp first = RunningApp.perClass(ENV);
  static final RunningApp second = first.secondInstance(ENV);

  @Test
  void parallelWrongPasswordsOverTwoInstancesAreVerifiedAtMostLimitTimes() throws Exception {
    List<Long> verifiedPerRound = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      String email = "target-" + round + "@example.org";
      first
          .http()
          .post(
              "/api/v1/auth/register",
              Map.of("email", email, "password", "right-password", "name", "T"));
      List<Integer> statuses = parallelWrongLogins(email, round);
      assertThat(statuses).containsOnly(401, 429);
      verifiedPerRound.add(statuses.stream().filter(s -> s == 401).count());
    }

    assertThat(verifiedPerRound).allSatisfy(n -> assertThat(n).isEqualTo(EMAIL_LIMIT));
  }

  private static List<Integer> parallelWrongLogins(String email, int round) throws Exception {
    // Distinct addresses: only the per-email limit applies.
    return AllAtOnce.run(
        ATTEMPTS,
        i -> login(i % 2 == 0 ? first.get() : second.get(), email, "10.77." + round + "." + i));
  }

  private static int login(TestApp app, String email, String address) {
    return app.http().loginFrom(email, "wrong-password", address).status();
  }
}
