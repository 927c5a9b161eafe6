package boxoffice.app.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeoutMiddlewareTest {
  private final TimeoutMiddleware timeout = new TimeoutMiddleware(Duration.ofMillis(300));
  private final CountDownLatch interrupted = new CountDownLatch(1);
  private final AtomicBoolean sawLeftoverInterrupt = new AtomicBoolean();
  private final HttpClient client = HttpClient.newHttpClient();
  private Javalin app;

  @BeforeEach
  void start() {
    ObjectMapper mapper = JsonMapperFactory.create();
    app = Javalin.create(config -> config.useVirtualThreads = true);
    RequestIdMiddleware requestIds = new RequestIdMiddleware();
    app.before(requestIds::assign);
    new ProblemResponder(mapper).register(app);
    app.get(
        "/stuck",
        timeout.wrap(
            ctx -> {
              try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                ctx.result("finished");
              } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
              }
            }));
    app.get(
        "/busy",
        timeout.wrap(
            ctx -> {
              // Uninterruptible work that overruns the deadline still ends as a timeout.
              long end = System.nanoTime() + Duration.ofMillis(600).toNanos();
              while (System.nanoTime() < end) {
                Thread.onSpinWait();
              }
              ctx.result("late");
            }));
    app.get(
        "/quick",
        timeout.wrap(
            ctx -> {
              sawLeftoverInterrupt.set(Thread.currentThread().isInterrupted());
              ctx.result("ok");
            }));
    app.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
    timeout.close();
  }

  @Test
  void aRequestOverItsDeadlineGets503AndItsWorkIsInterrupted() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = get("/stuck");
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(response.body()).contains("request-timeout").doesNotContain("finished");
    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(elapsedMs).isLessThan(30_000);
  }

  @Test
  void workThatIgnoresTheInterruptStillAnswers503() throws Exception {
    HttpResponse<String> response = get("/busy");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).doesNotContain("late");
  }

  @Test
  void requestsWithinTheDeadlineAreUntouchedAndInheritNoInterrupt() throws Exception {
    get("/busy");
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> response = get("/quick");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("ok");
      assertThat(sawLeftoverInterrupt).isFalse();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
