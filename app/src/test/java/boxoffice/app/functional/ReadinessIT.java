package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.TestApp;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.Await;
import boxoffice.testing.TcpProxy;
import boxoffice.testing.TestDatabase;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** The app reaches PostgreSQL through a proxy the test can cut, as if the database went down. */
class ReadinessIT {

  @Test
  void readinessFollowsTheDatabaseWithoutARestart() throws Exception {
    try (TestDatabase database = TestDatabase.create()) {
      URI target = URI.create(database.url().substring("jdbc:".length()));
      try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort())) {
        String viaProxy =
            database
                .url()
                .replace(target.getHost() + ":" + target.getPort(), "127.0.0.1:" + proxy.port());
        try (TestApp app =
            TestApp.startOn(database, Map.of("DB_URL", viaProxy, "DB_CONNECTION_TIMEOUT", "1s"))) {
          assertThat(app.http().get("/health/ready").status()).isEqualTo(200);
          assertThat(app.http().get("/health/live").status()).isEqualTo(200);

          proxy.cut();

          var down = awaitReadiness(app, status -> status == 503);
          assertThat(down.json().get("checks").get("database").asText()).isEqualTo("DOWN");
          assertThat(down.header("Retry-After")).isNotBlank();
          assertThat(app.http().get("/health/live").status()).isEqualTo(200);
          var login = app.http().login(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD);
          assertThat(login.status()).isEqualTo(503);
          assertThat(login.json().get("type").asText()).endsWith("/dependency-unavailable");

          proxy.restore();

          var up = awaitReadiness(app, status -> status == 200);
          assertThat(up.json().get("checks").get("database").asText()).isEqualTo("UP");
          // Pooled connections the cut broke are replaced as requests find them: requests recover
          // within a few seconds of readiness, without a restart.
          Await.until(
              Duration.ofSeconds(10),
              () -> app.http().get("/api/v1/events?limit=1").status() == 200);
          assertThat(app.http().login(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD).status())
              .isEqualTo(200);
        }
      }
    }
  }

  private static TestHttpClient.Response awaitReadiness(TestApp app, IntPredicate wanted) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    TestHttpClient.Response last;
    do {
      last = app.http().get("/health/ready");
      if (wanted.test(last.status())) {
        return last;
      }
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("readiness never reached the expected state; last answer " + last);
  }
}
