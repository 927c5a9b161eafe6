package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.TestApp;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.Await;
import boxoffice.testing.CapturedLogs;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL restart as the app sees it: every backend of its database is terminated (57P01, then
 * broken connections) in the middle of a load of reads and bookings. Clients get only their normal
 * answers or 503 with Retry-After, never 500, and the app recovers on its own.
 */
class DatabaseRestartIT {
  private static final int CLIENTS = 6;
  private static final int KILLS = 3;
  private static final String RESPONDER = "boxoffice.app.transport.ProblemResponder";

  @Test
  void killedDatabaseConnectionsAnswer503AndTheAppRecovers() throws Exception {
    try (TestApp app = TestApp.start(Map.of("DB_POOL_SIZE", "6"));
        CapturedLogs logs = CapturedLogs.of(RESPONDER)) {
      Fixtures fixtures = new Fixtures(app);
      String eventId = fixtures.publishedEvent("Power Cut Prom", 100_000);
      List<String> tokens = fixtures.users("outage", CLIENTS);
      Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
      List<String> bad = new CopyOnWriteArrayList<>();
      List<String> unavailableRequests = new CopyOnWriteArrayList<>();
      AtomicInteger served = new AtomicInteger();
      AtomicBoolean running = new AtomicBoolean(true);

      try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
        List<Future<?>> clients =
            tokens.stream()
                .<Future<?>>map(
                    token ->
                        pool.submit(
                            () -> {
                              for (int i = 0; running.get(); i++) {
                                TestHttpClient.Response response = request(app, eventId, token, i);
                                answers
                                    .computeIfAbsent(response.status(), s -> new LongAdder())
                                    .increment();
                                if (!acceptable(response)) {
                                  bad.add(response.toString());
                                }
                                if (response.status() == 503) {
                                  unavailableRequests.add(response.header("X-Request-Id"));
                                }
                                served.incrementAndGet();
                              }
                            }))
                .toList();
        for (int kill = 0; kill < KILLS; kill++) {
          int before = served.get();
          Await.until(Duration.ofSeconds(30), () -> served.get() >= before + 40);
          terminateAppBackends(app);
        }
        int afterLastKill = served.get();
        Await.until(Duration.ofSeconds(30), () -> served.get() >= afterLastKill + 40);
        running.set(false);
        for (Future<?> client : clients) {
          client.get();
        }
      }

      System.out.println("answers during the connection kills: " + answers);
      assertThat(bad).as("answers other than 2xx, 4xx or 503 with Retry-After").isEmpty();
      assertThat(answers).doesNotContainKey(500);
      // The app recovers without a restart: a booking and a read go through again.
      Await.until(
          Duration.ofSeconds(20),
          () -> Fixtures.book(app.http(), eventId, tokens.getFirst(), 1, null).status() == 201);
      assertThat(app.http().get("/api/v1/bookings", tokens.getFirst()).status()).isEqualTo(200);

      // Each 503 logged exactly one line, without a stack trace. Lines are matched by request id:
      // other test classes in this JVM log through the same logger.
      List<Map<String, Object>> lines = logs.fields();
      for (String requestId : unavailableRequests) {
        assertThat(lines)
            .filteredOn(line -> requestId.equals(line.get("requestId")))
            .singleElement()
            .satisfies(
                line -> {
                  assertThat(line).doesNotContainKey("stack_trace");
                  assertThat(line.get("level")).isEqualTo("WARN");
                  assertThat((String) line.get("message")).contains("SQLSTATE");
                });
      }
    }
  }

  /** Reads and bookings in turn, as a busy box office sees them. */
  private static TestHttpClient.Response request(TestApp app, String eventId, String token, int i) {
    return switch (i % 3) {
      case 0 -> Fixtures.book(app.http(), eventId, token, 1, null);
      case 1 -> app.http().get("/api/v1/bookings?limit=5", token);
      default -> app.http().get("/api/v1/events?q=power", token);
    };
  }

  private static boolean acceptable(TestHttpClient.Response response) {
    int status = response.status();
    if (status == 503) {
      return response.header("Retry-After") != null
          && response.header("Content-Type").startsWith("application/problem+json");
    }
    return status >= 200 && status < 500;
  }

  /** What a server restart does to the app's sessions, without restarting the shared server. */
  private static void terminateAppBackends(TestApp app) {
    try (var connection = app.database().connect();
        var statement =
            connection.prepareStatement(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
      statement.executeQuery().close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
