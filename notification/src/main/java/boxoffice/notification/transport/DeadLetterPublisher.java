package boxoffice.notification.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Moves a message that cannot be handled to the dead-letter topic: the original key, value and
 * headers, plus headers saying why and where it came from. Replaying it to the main topic later is
 * safe: recipients already emailed are skipped.
 */
public final class DeadLetterPublisher implements AutoCloseable {
  public static final String REASON_HEADER = "x-dead-letter-reason";
  public static final String ORIGINAL_TOPIC_HEADER = "x-original-topic";
  public static final String ORIGINAL_PARTITION_HEADER = "x-original-partition";
  public static final String ORIGINAL_OFFSET_HEADER = "x-original-offset";
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private final Producer<byte[], byte[]> producer;
  private final String topic;

  public DeadLetterPublisher(Producer<byte[], byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  /** The dead-letter topic's name. */
  String topic() {
    return topic;
  }

  /** Returns once the dead-letter topic has the message; throws if it could not be written. */
  void publish(ConsumerRecord<byte[], byte[]> record, String reason) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      if (!isOurs(header.key())) {
        headers.add(header);
      }
    }
    headers.add(REASON_HEADER, utf8(reason));
    headers.add(ORIGINAL_TOPIC_HEADER, utf8(record.topic()));
    headers.add(ORIGINAL_PARTITION_HEADER, utf8(Integer.toString(record.partition())));
    headers.add(ORIGINAL_OFFSET_HEADER, utf8(Long.toString(record.offset())));
    ProducerRecord<byte[], byte[]> letter =
        new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
    try {
      producer.send(letter).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new DeadLetterUnavailableException(
          "dead-letter topic " + topic + " unavailable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeadLetterUnavailableException("interrupted while dead-lettering", e);
    }
  }

  /** Headers this publisher writes; a replayed message that fails again gets fresh ones. */
  private static boolean isOurs(String key) {
    return key.equals(REASON_HEADER)
        || key.equals(ORIGINAL_TOPIC_HEADER)
        || key.equals(ORIGINAL_PARTITION_HEADER)
        || key.equals(ORIGINAL_OFFSET_HEADER);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
