package boxoffice.app.data;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes notification messages to Kafka, keyed by event id so one event's messages stay in
 * order. The producer is idempotent with {@code acks=all}; a batch counts as delivered only when
 * every record is acknowledged within the deadline.
 */
final class KafkaOutboxPublisher implements OutboxPublisher {
  private final KafkaProducer<String, String> producer;
  private final String topic;
  private final Duration deadline;
  private final NotificationMessages messages = new NotificationMessages();
  private final Tracer tracer;
  private final TextMapPropagator propagator;

  KafkaOutboxPublisher(
      String bootstrapServers, String topic, Duration deadline, OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("boxoffice.kafka");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    int deadlineMs = (int) deadline.toMillis();
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            5,
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            deadlineMs,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            Math.max(1000, deadlineMs / 2),
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            deadlineMs + 5,
            ProducerConfig.CLIENT_ID_CONFIG,
            "boxoffice-outbox");
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    this.topic = topic;
    this.deadline = deadline;
  }

  @Override
  public OutboxDestination destination() {
    return OutboxDestination.KAFKA;
  }

  @Override
  public void publish(List<OutboxRow> rows) {
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    for (OutboxRow row : rows) {
      messages.of(row).ifPresent(m -> acks.add(send(row, m)));
    }
    long end = System.nanoTime() + deadline.toNanos();
    try {
      for (Future<RecordMetadata> ack : acks) {
        ack.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not acknowledge the batch: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing", e);
    }
  }

  /**
   * A producer span continuing the trace of the request that wrote the row; its context travels in
   * the record's {@code traceparent} header, so the consumer's work joins that trace.
   */
  private Future<RecordMetadata> send(OutboxRow row, NotificationMessages.Message message) {
    Span span =
        tracer
            .spanBuilder("publish " + topic)
            .setParent(TraceParent.restore(row.traceParent()))
            .setSpanKind(SpanKind.PRODUCER)
            .setAttribute("messaging.system", "kafka")
            .setAttribute("messaging.destination.name", topic)
            .setAttribute("messaging.message.id", row.id().toString())
            .startSpan();
    try {
      ProducerRecord<String, String> record =
          new ProducerRecord<>(topic, message.key(), message.value());
      propagator.inject(
          Context.root().with(span),
          record.headers(),
          (headers, key, value) -> headers.add(key, value.getBytes(StandardCharsets.UTF_8)));
      return producer.send(record);
    } finally {
      span.end();
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
