package boxoffice.app.outbox;

import boxoffice.platform.TraceParent;
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
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes notification messages to Kafka, keyed by event id so one event's messages stay in
 * order. The producer is idempotent with {@code acks=all}; a batch counts as delivered only when
 * every record is acknowledged within the deadline. A row that cannot become a record, or whose
 * record Kafka finds too large or invalid, is refused for good ({@link RowsRefusedException});
 * timeouts and broker trouble are retried.
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
    List<NotificationMessages.Message> records = new ArrayList<>(rows.size());
    for (OutboxRow row : rows) {
      records.add(messageOf(row));
    }
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    RuntimeException refusal = null;
    for (int i = 0; i < rows.size(); i++) {
      if (records.get(i) != null) {
        try {
          acks.add(send(rows.get(i), records.get(i)));
        } catch (KafkaException e) {
          refusal = failure(e);
          break;
        }
      }
    }
    long end = System.nanoTime() + deadline.toNanos();
    RuntimeException failure = refusal;
    for (Future<RecordMetadata> ack : acks) {
      try {
        ack.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        failure = worse(failure, failure(e.getCause()));
      } catch (TimeoutException e) {
        failure = worse(failure, new IllegalStateException("Kafka did not acknowledge in time", e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while publishing", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** The row's record, or null when nobody is told about the row. */
  private NotificationMessages.Message messageOf(OutboxRow row) {
    try {
      return messages.of(row).orElse(null);
    } catch (RuntimeException e) {
      // Not the shape its type promises: no retry will change the stored row.
      throw new RowsRefusedException(
          "row " + row.id() + " of type " + row.type() + " is no notification: " + e.getMessage(),
          e);
    }
  }

  /** A record Kafka will never take, or trouble that may pass. */
  private static RuntimeException failure(Throwable cause) {
    if (cause instanceof RecordTooLargeException
        || cause instanceof RecordBatchTooLargeException
        || cause instanceof InvalidRecordException
        || cause instanceof SerializationException) {
      return new RowsRefusedException("Kafka refused the record: " + cause.getMessage(), cause);
    }
    return new IllegalStateException(
        "Kafka did not acknowledge the batch: " + (cause == null ? "" : cause.getMessage()), cause);
  }

  /** A transient failure wins: the whole batch is retried, refusals are isolated afterwards. */
  private static RuntimeException worse(RuntimeException sofar, RuntimeException next) {
    if (sofar == null
        || (sofar instanceof RowsRefusedException && !(next instanceof RowsRefusedException))) {
      return next;
    }
    return sofar;
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
