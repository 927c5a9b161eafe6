package boxoffice.notification.transport;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.RecordingTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ConsumerTracingTest {
  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String PARENT_ID = "b7ad6b7169203331";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PARENT_ID + "-01";

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk sdk = RecordingTelemetry.into(spans);

  @AfterEach
  void shutDown() {
    sdk.close();
  }

  @Test
  void theSpanContinuesTheProducersTraceIsCurrentAndItsIdsAreInTheLogContext() {
    ConsumerTracing tracing = new ConsumerTracing(sdk, "group");
    String spanId;
    try (ConsumerTracing.Processing processing = tracing.start(record(TRACEPARENT))) {
      spanId = Span.current().getSpanContext().getSpanId();
      assertThat(MDC.get("traceId")).isEqualTo(TRACE_ID);
      assertThat(MDC.get("spanId")).isEqualTo(spanId);
      processing.delivered(1, 0);
    }
    assertThat(MDC.get("traceId")).isNull();
    assertThat(MDC.get("spanId")).isNull();
    assertThat(Span.current().getSpanContext().isValid()).isFalse();

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getName()).isEqualTo("boxoffice.events process");
    assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(span.getSpanId()).isEqualTo(spanId);
    assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(span.getParentSpanId()).isEqualTo(PARENT_ID);
    assertThat(span.getAttributes().get(ConsumerTracing.OFFSET)).isEqualTo(42L);
    assertThat(span.getAttributes().get(ConsumerTracing.KEY)).isEqualTo("event-key");
  }

  @Test
  void aMalformedTraceparentStartsANewTrace() {
    try (var processing = new ConsumerTracing(sdk, "group").start(record("00-nonsense-01"))) {
      processing.abandoned("the service is stopping");
    }

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getParentSpanContext().isValid()).isFalse();
    assertThat(span.getTraceId()).isNotEqualTo(TRACE_ID);
    assertThat(span.getAttributes().get(ConsumerTracing.OUTCOME)).isEqualTo("abandoned");
  }

  @Test
  void withTracingOffTheLogsStillCarryTheProducersTrace() {
    ConsumerTracing.Processing traced = ConsumerTracing.off().start(record(TRACEPARENT));
    assertThat(MDC.get("traceId")).isEqualTo(TRACE_ID);
    traced.close();
    ConsumerTracing.Processing untraced = ConsumerTracing.off().start(record(null));
    assertThat(MDC.get("traceId")).isNull();
    untraced.close();
    assertThat(spans.getFinishedSpanItems()).isEmpty();
  }

  private static ConsumerRecord<byte[], byte[]> record(String traceparent) {
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>(
            "boxoffice.events",
            0,
            42,
            "event-key".getBytes(StandardCharsets.UTF_8),
            "{}".getBytes(StandardCharsets.UTF_8));
    if (traceparent != null) {
      record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
    }
    return record;
  }
}
