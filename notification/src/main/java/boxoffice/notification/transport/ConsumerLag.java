package boxoffice.notification.transport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples, per assigned partition, how many messages are not handled yet: what the broker has
 * beyond the messages fetched ({@link Consumer#currentLag}, from the consumer's cached fetch state,
 * no request of its own) plus the fetched messages still waiting in the batch. That is the log end
 * (last stable offset, as the consumer reads committed messages only) minus the committed offset.
 *
 * <p>{@code KafkaConsumer} is not thread-safe: only the consumer thread calls this class; the HTTP
 * thread reads the samples from {@link ConsumerStats}.
 */
final class ConsumerLag {
  private final Consumer<?, ?> consumer;
  private final ConsumerStats stats;

  /** Per partition, the broker's messages beyond those fetched, at the last poll. */
  private final Map<TopicPartition, Long> beyondFetched = new HashMap<>();

  /** Per partition with messages in the current batch, the offset after its last one. */
  private final Map<TopicPartition, Long> fetchedUntil = new HashMap<>();

  ConsumerLag(Consumer<?, ?> consumer, ConsumerStats stats) {
    this.consumer = consumer;
    this.stats = stats;
  }

  /** The loop polled and got {@code batch} (possibly empty). */
  void polled(ConsumerRecords<?, ?> batch) {
    Set<TopicPartition> assigned = consumer.assignment();
    stats.retainLag(assigned);
    beyondFetched.keySet().retainAll(assigned);
    fetchedUntil.clear();
    for (TopicPartition partition : assigned) {
      List<? extends ConsumerRecord<?, ?>> records = batch.records(partition);
      OptionalLong lag = consumer.currentLag(partition);
      if (lag.isEmpty() && records.isEmpty()) {
        // Not known yet (no position or no fetch answer so far): the last sample stands.
        continue;
      }
      // Messages were fetched, so the broker has at least those.
      long beyond = lag.orElse(0);
      beyondFetched.put(partition, beyond);
      if (records.isEmpty()) {
        stats.lag(partition, beyond);
      } else {
        long until = nextOffset(batch, partition, records);
        fetchedUntil.put(partition, until);
        stats.lag(partition, beyond + until - records.get(0).offset());
      }
    }
  }

  /** The message is handled and its offset committed. */
  void handled(ConsumerRecord<?, ?> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    Long beyond = beyondFetched.get(partition);
    Long until = fetchedUntil.get(partition);
    if (beyond != null && until != null) {
      stats.lag(partition, beyond + Math.max(0, until - (record.offset() + 1)));
    }
  }

  private static long nextOffset(
      ConsumerRecords<?, ?> batch,
      TopicPartition partition,
      List<? extends ConsumerRecord<?, ?>> records) {
    OffsetAndMetadata next = batch.nextOffsets().get(partition);
    return next != null ? next.offset() : records.get(records.size() - 1).offset() + 1;
  }
}
