package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.FullStack;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.Await;
import boxoffice.testing.PerClass;
import boxoffice.testing.RecordingTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One booking, one trace, across the three services: the app's HTTP span and SQL spans, the gRPC
 * call to the audit server and its server span, the Kafka publish, the notification service's
 * consumer span and the e-mail it sends.
 */
class EndToEndTraceIT {
  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

  @RegisterExtension
  static final PerClass<FullStack> stack =
      PerClass.of(
          () ->
              new FullStack(
                  tracedAs("boxoffice-app"),
                  tracedAs("boxoffice-audit"),
                  tracedAs("boxoffice-notification")));

  private static final Fixtures fixtures = new Fixtures(() -> stack.get().app());

  @Test
  void aBookingIsOneTraceFromTheHttpRequestToTheEmail() {
    String eventId = fixtures.publishedEvent("Traced Across Town", 10);
    String email = "e2e-" + UUID.randomUUID() + "@example.org";
    String token = http().registerAndLogin(email, "e2e-password-123").get("accessToken").asText();
    // Earlier changes (the event, the account) leave the outbox first, so the booking's row opens
    // its own batch and the audit call continues the booking's trace.
    stack.get().awaitOutboxDelivered();
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String callerSpan = traceId.substring(0, 16);

    var response =
        http()
            .send(
                http()
                    .request("/api/v1/events/" + eventId + "/bookings", token)
                    .header("Content-Type", "application/json")
                    .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":2}")));
    assertThat(response.status()).isEqualTo(201);
    assertThat(stack.get().notifications().awaitMailsTo(email, 1)).hasSize(1);

    SpanData http =
        awaitSpan(traceId, s -> s.getName().equals("POST /api/v1/events/{id}/bookings"));
    assertThat(http.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(http.getParentSpanId()).isEqualTo(callerSpan);
    assertThat(serviceOf(http)).isEqualTo("boxoffice-app");

    // The booking's own statement, under its request (the relays' bookkeeping joins the trace too).
    SpanData sql =
        awaitSpan(
            traceId,
            s ->
                serviceOf(s).equals("boxoffice-app")
                    && s.getAttributes().asMap().toString().contains("db.statement")
                    && s.getParentSpanId().equals(http.getSpanId()));
    assertThat(sql.getKind()).isEqualTo(SpanKind.CLIENT);

    SpanData auditCall =
        awaitSpan(
            traceId,
            s -> s.getKind() == SpanKind.CLIENT && s.getName().startsWith("boxoffice.audit.v1"));
    SpanData auditServer =
        awaitSpan(
            traceId,
            s -> s.getKind() == SpanKind.SERVER && s.getName().startsWith("boxoffice.audit.v1"));
    assertThat(auditServer.getParentSpanId()).isEqualTo(auditCall.getSpanId());
    assertThat(serviceOf(auditServer)).isEqualTo("boxoffice-audit");

    SpanData publish = awaitSpan(traceId, s -> s.getKind() == SpanKind.PRODUCER);
    SpanData consume = awaitSpan(traceId, s -> s.getKind() == SpanKind.CONSUMER);
    assertThat(consume.getParentSpanId()).isEqualTo(publish.getSpanId());
    assertThat(serviceOf(consume)).isEqualTo("boxoffice-notification");
    SpanData sendMail =
        awaitSpan(
            traceId,
            s -> s.getKind() == SpanKind.CLIENT && s.getName().toLowerCase().contains("smtp"));
    assertThat(sendMail.getParentSpanId()).isEqualTo(consume.getSpanId());
    assertThat(serviceOf(sendMail)).isEqualTo("boxoffice-notification");

    List<SpanData> trace =
        SPANS.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    assertThat(trace.toString()).doesNotContain(email).doesNotContain(token);
  }

  /** An SDK per service, as in production, all exporting to the one in-memory exporter. */
  private static OpenTelemetry tracedAs(String service) {
    return RecordingTelemetry.into(SPANS, service);
  }

  private static String serviceOf(SpanData span) {
    return span.getResource().getAttributes().asMap().entrySet().stream()
        .filter(e -> e.getKey().getKey().equals("service.name"))
        .map(e -> String.valueOf(e.getValue()))
        .findFirst()
        .orElse("");
  }

  private static SpanData awaitSpan(String traceId, Predicate<SpanData> wanted) {
    Await.until(Duration.ofSeconds(30), () -> find(traceId, wanted).isPresent());
    return find(traceId, wanted).orElseThrow();
  }

  private static Optional<SpanData> find(String traceId, Predicate<SpanData> wanted) {
    return SPANS.getFinishedSpanItems().stream()
        .filter(s -> s.getTraceId().equals(traceId))
        .filter(wanted)
        .findFirst();
  }

  /** The app's HTTP client in the running stack. */
  private static TestHttpClient http() {
    return stack.get().app().http();
  }
}
