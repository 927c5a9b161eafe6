package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestApp;
import boxoffice.app.testing.TestHttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A refresh on one instance races a revocation (logout, or the replay of a spent token) on the
 * other: whichever commits first, once the revocation has answered no token of the session works.
 */
class SessionRevocationRaceIT {
  private static final int ROUNDS = 25;
  private static final String REFRESH = "/api/v1/auth/refresh";

  @RegisterExtension static final RunningApp first = RunningApp.perClass();
  static final RunningApp second = first.secondInstance(Map.of());
  @AutoClose static final ExecutorService pool = Executors.newFixedThreadPool(2);

  @BeforeAll
  static void start() {
    first
        .http()
        .post(
            "/api/v1/auth/register",
            Map.of("email", "racer@example.org", "password", "password-1", "name", "R"));
  }

  @Test
  void logoutDuringARefreshRevokesTheTokenThatRefreshIssued() throws Exception {
    List<Integer> survivingRounds = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      String token = login();
      var race =
          race(
              () -> refresh(first.get(), token),
              () -> second.http().post("/api/v1/auth/logout", Map.of("refreshToken", token)));
      assertThat(race.other().status()).isEqualTo(204);
      if (newToken(race.refresh())
          .filter(next -> refresh(first.get(), next).status() != 401)
          .isPresent()) {
        survivingRounds.add(round);
      }
    }

    assertThat(survivingRounds).as("rounds whose new token outlived the logout").isEmpty();
  }

  @Test
  void replayingASpentTokenDuringARefreshRevokesTheNewestToken() throws Exception {
    List<Integer> survivingRounds = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      String spent = login();
      String current = refresh(first.get(), spent).json().get("refreshToken").asText();
      var race = race(() -> refresh(first.get(), current), () -> refresh(second.get(), spent));
      assertThat(race.other().status()).isEqualTo(401);
      if (newToken(race.refresh())
          .filter(next -> refresh(first.get(), next).status() != 401)
          .isPresent()) {
        survivingRounds.add(round);
      }
    }

    assertThat(survivingRounds).as("rounds whose newest token outlived reuse detection").isEmpty();
  }

  private record Race(TestHttpClient.Response refresh, TestHttpClient.Response other) {}

  private static Race race(
      Supplier<TestHttpClient.Response> refresh, Supplier<TestHttpClient.Response> other)
      throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    var refreshed = CompletableFuture.supplyAsync(after(go, refresh), pool);
    var revoked = CompletableFuture.supplyAsync(after(go, other), pool);
    go.countDown();
    return new Race(refreshed.get(), revoked.get());
  }

  private static Supplier<TestHttpClient.Response> after(
      CountDownLatch go, Supplier<TestHttpClient.Response> call) {
    return () -> {
      try {
        go.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return call.get();
    };
  }

  private static Optional<String> newToken(TestHttpClient.Response refresh) {
    return refresh.status() == 200
        ? Optional.of(refresh.json().get("refreshToken").asText())
        : Optional.empty();
  }

  private static String login() {
    return first
        .get()
        .http()
        .login("racer@example.org", "password-1")
        .json()
        .get("refreshToken")
        .asText();
  }

  private static TestHttpClient.Response refresh(TestApp app, String token) {
    return app.http().post(REFRESH, Map.of("refreshToken", token));
  }
}
