package boxoffice.notification.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.notification.service.ProcessingAbandoned;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupLeaseTest {
  private static final TopicPartition FIRST = new TopicPartition("events", 0);
  private static final TopicPartition SECOND = new TopicPartition("events", 1);

  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final AtomicLong now = new AtomicLong();
  private final GroupLease lease = new GroupLease(consumer, stopping, now::get);

  @BeforeEach
  void assignBothPartitions() {
    consumer.subscribe(List.of("events"), lease);
    consumer.rebalance(List.of(FIRST, SECOND));
    consumer.updateBeginningOffsets(Map.of(FIRST, 0L, SECOND, 0L));
    lease.polled();
  }

  @Test
  void shortWorkDoesNotPoll() {
    now.addAndGet(GroupLease.KEEP_ALIVE.toNanos() - 1);

    lease.checkpoint();

    assertThat(consumer.paused()).isEmpty();
  }

  @Test
  void longWorkPollsWithEveryPartitionPausedAndResumesAfterwards() {
    consumer.addRecord(new ConsumerRecord<>("events", 0, 0L, new byte[0], new byte[0]));
    now.addAndGet(GroupLease.KEEP_ALIVE.toNanos());

    lease.checkpoint();

    assertThat(consumer.paused()).containsExactlyInAnyOrder(FIRST, SECOND);
    // Nothing was fetched while paused: the waiting message is still there for the loop.
    lease.resumeAll();
    assertThat(consumer.paused()).isEmpty();
    assertThat(consumer.poll(Duration.ZERO).count()).isEqualTo(1);
  }

  @Test
  void aRebalanceDuringTheKeepAlivePollAbandonsTheMessage() {
    consumer.schedulePollTask(() -> consumer.rebalance(List.of(SECOND)));
    now.addAndGet(GroupLease.KEEP_ALIVE.toNanos());

    assertThatThrownBy(lease::checkpoint)
        .isInstanceOf(ProcessingAbandoned.class)
        .hasMessageContaining("reassigned");
  }

  @Test
  void stoppingAbandonsTheMessageAndEndsAPauseAtOnce() {
    stopping.countDown();

    assertThatThrownBy(lease::checkpoint).isInstanceOf(ProcessingAbandoned.class);
    assertThatThrownBy(() -> lease.pause(Duration.ofHours(1)))
        .isInstanceOf(ProcessingAbandoned.class);
  }
}
