package boxoffice.notification.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {
  private static final TopicPartition PARTITION = new TopicPartition("events", 0);
  private static final TopicPartition OTHER = new TopicPartition("events", 1);

  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  private final ConsumerStats stats = new ConsumerStats();
  private final ConsumerLag lag = new ConsumerLag(consumer, stats);

  @Test
  void lagCountsMessagesOnTheBrokerAndFetchedMessagesNotHandledYet() {
    consumer.assign(List.of(PARTITION));
    consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
    consumer.updateEndOffsets(Map.of(PARTITION, 5L));
    for (long offset = 0; offset < 3; offset++) {
      consumer.addRecord(record(offset));
    }

    ConsumerRecords<byte[], byte[]> batch = consumer.poll(java.time.Duration.ZERO);
    lag.polled(batch);
    // Two messages not fetched yet, three fetched and waiting.
    assertThat(stats.lag()).isEqualTo(Map.of(PARTITION, 5L));

    List<ConsumerRecord<byte[], byte[]>> records = batch.records(PARTITION);
    lag.handled(records.get(0));
    assertThat(stats.lag()).isEqualTo(Map.of(PARTITION, 4L));
    lag.handled(records.get(1));
    lag.handled(records.get(2));
    assertThat(stats.lag()).isEqualTo(Map.of(PARTITION, 2L));

    consumer.addRecord(record(3));
    consumer.addRecord(record(4));
    batch = consumer.poll(java.time.Duration.ZERO);
    lag.polled(batch);
    assertThat(stats.lag()).isEqualTo(Map.of(PARTITION, 2L));
    batch.records(PARTITION).forEach(lag::handled);
    assertThat(stats.lag()).isEqualTo(Map.of(PARTITION, 0L));

    lag.polled(consumer.poll(java.time.Duration.ZERO));
    assertThat(stats.lag()).isEqualTo(Map.of(PARTITION, 0L));
  }

  @Test
  void aPartitionTakenAwayLeavesTheLagMetrics() {
    consumer.assign(List.of(PARTITION));
    consumer.updateBeginningOffsets(Map.of(PARTITION, 0L, OTHER, 0L));
    consumer.updateEndOffsets(Map.of(PARTITION, 7L, OTHER, 1L));
    lag.polled(consumer.poll(java.time.Duration.ZERO));
    assertThat(stats.lag()).isEqualTo(Map.of(PARTITION, 7L));

    consumer.assign(List.of(OTHER));
    lag.polled(consumer.poll(java.time.Duration.ZERO));

    assertThat(stats.lag()).isEqualTo(Map.of(OTHER, 1L));
  }

  private static ConsumerRecord<byte[], byte[]> record(long offset) {
    return new ConsumerRecord<>(
        PARTITION.topic(), PARTITION.partition(), offset, new byte[0], new byte[0]);
  }
}
