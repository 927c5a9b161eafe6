package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AccessLogIT {
  private static TestApp app;
  private static final ListAppender<ILoggingEvent> LINES =
      new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
          // Freeze the logging context (MDC) now, as the production async appender does.
          event.prepareForDeferredProcessing();
          super.append(event);
        }
      };
  private static final LogstashEncoder ENCODER = new LogstashEncoder();

  @BeforeAll
  static void start() {
    LINES.start();
    ENCODER.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
    ENCODER.start();
    ((Logger) LoggerFactory.getLogger("boxoffice.access")).addAppender(LINES);
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    ((Logger) LoggerFactory.getLogger("boxoffice.access")).detachAppender(LINES);
    app.close();
  }

  @Test
  void eachRequestLogsOneStructuredLineWithTheRouteTemplateAndNoSecrets() {
    String requestId = "log-" + UUID.randomUUID();
    var tokens = app.http().registerAndLogin("logged@example.org", "secret-password-1");
    String accessToken = tokens.get("accessToken").asText();
    var me =
        app.http()
            .send(
                app.http()
                    .request("/api/v1/users/me", accessToken)
                    .header("X-Request-Id", requestId));
    assertThat(me.status()).isEqualTo(200);

    ILoggingEvent line = awaitLine(requestId);

    Map<String, Object> fields = fieldsOf(line);
    assertThat(fields)
        .containsEntry("method", "GET")
        .containsEntry("route", "/api/v1/users/me")
        .containsEntry("status", 200)
        .containsEntry("userId", me.json().get("id").asText());
    assertThat(fields.get("durationMs")).isInstanceOf(Double.class);
    assertThat(fields).containsEntry("requestId", requestId).containsKey("@timestamp");
    for (ILoggingEvent event : List.copyOf(LINES.list)) {
      String everything = fieldsOf(event).toString();
      assertThat(everything)
          .doesNotContain("secret-password-1")
          .doesNotContain(accessToken)
          .doesNotContain(tokens.get("refreshToken").asText());
    }
  }

  @Test
  void unmatchedPathsAreLoggedWithoutTheRawPath() {
    String requestId = "log-" + UUID.randomUUID();
    app.http()
        .send(
            app.http()
                .request("/api/v1/no/such/thing-12345", null)
                .header("X-Request-Id", requestId));

    ILoggingEvent line = awaitLine(requestId);

    assertThat(fieldsOf(line)).containsEntry("route", "unmatched").containsEntry("status", 404);
    assertThat(line.getFormattedMessage()).doesNotContain("thing-12345");
  }

  private static ILoggingEvent awaitLine(String requestId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
    while (Instant.now().isBefore(deadline)) {
      for (ILoggingEvent event : List.copyOf(LINES.list)) {
        if (requestId.equals(event.getMDCPropertyMap().get("requestId"))) {
          return event;
        }
      }
      java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
    }
    throw new AssertionError("no access log line for request " + requestId);
  }

  /** The event as the production encoder writes it: one JSON object per line. */
  private static Map<String, Object> fieldsOf(ILoggingEvent event) {
    try {
      byte[] line = ENCODER.encode(event);
      return new ObjectMapper().readValue(line, new TypeReference<Map<String, Object>>() {});
    } catch (java.io.IOException e) {
      throw new AssertionError("access log line is not JSON", e);
    }
  }
}
