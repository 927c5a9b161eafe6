package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestApp;
import boxoffice.app.testing.TestRedis;
import boxoffice.testing.RecordingTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request continues the caller's trace through the HTTP span, SQL spans, Redis calls and the
 * outbox.
 */
class TracingIT {
  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

  @RegisterExtension
  static final RunningApp app =
      RunningApp.startedBy(
          () -> TestApp.start(TestRedis.settings(), RecordingTelemetry.into(SPANS)));

  private static final Fixtures fixtures = new Fixtures(app);

  @Test
  void aBookingRequestContinuesTheCallersTraceDownToTheOutbox() {
    String eventId = fixtures.publishedEvent("Traced Tango", 10);
    String token = fixtures.users("traced", 1).getFirst();
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String callerSpan = traceId.substring(0, 16);

    var response =
        app.http()
            .send(
                app.http()
                    .request("/api/v1/events/" + eventId + "/bookings", token)
                    .header("Content-Type", "application/json")
                    .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":1}")));
    assertThat(response.status()).isEqualTo(201);

    SpanData server = awaitSpan(traceId, "POST /api/v1/events/{id}/bookings");
    assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(server.getParentSpanId()).isEqualTo(callerSpan);
    assertThat(server.getAttributes().asMap().toString()).contains("http.route", "201");
    List<SpanData> sql =
        SPANS.getFinishedSpanItems().stream()
            .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.CLIENT)
            .toList();
    assertThat(sql).isNotEmpty();
    assertThat(sql).allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(server.getSpanId()));
    assertThat(sql.toString()).contains("db.statement").doesNotContain(token);

    String stored =
        String.valueOf(
            fixtures.queryLong(
                "SELECT count(*) FROM outbox WHERE type = 'booking.created'"
                    + " AND trace_parent LIKE ?",
                "00-" + traceId + "-%"));
    assertThat(stored).isEqualTo("1");
  }

  @Test
  void anEventPageReadsRedisInAClientSpanOfItsRequest() {
    String eventId = fixtures.publishedEvent("Cached Cantata", 10);
    String traceId = UUID.randomUUID().toString().replace("-", "");

    var page =
        app.http()
            .send(
                app.http()
                    .request("/api/v1/events/" + eventId, null)
                    .header("traceparent", "00-" + traceId + "-" + traceId.substring(16) + "-01"));
    assertThat(page.status()).isEqualTo(200);

    SpanData server = awaitSpan(traceId, "GET /api/v1/events/{id}");
    SpanData redis = awaitSpan(traceId, "GET");
    assertThat(redis.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(redis.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(redis.getAttributes().asMap().toString()).contains("db.system=redis");
  }

  private static SpanData awaitSpan(String traceId, String name) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      for (SpanData span : SPANS.getFinishedSpanItems()) {
        if (span.getTraceId().equals(traceId) && span.getName().equals(name)) {
          return span;
        }
      }
      java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
    }
    throw new AssertionError(
        "no span " + name + " in trace " + traceId + ": " + SPANS.getFinishedSpanItems());
  }
}
