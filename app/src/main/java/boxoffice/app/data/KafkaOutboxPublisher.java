package boxoffice.app.data;

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

  KafkaOutboxPublisher(String bootstrapServers, String topic, Duration deadline) {
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
      messages
          .of(row)
          .ifPresent(m -> acks.add(producer.send(new ProducerRecord<>(topic, m.key(), m.value()))));
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

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
