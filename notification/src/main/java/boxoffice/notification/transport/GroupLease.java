package boxoffice.notification.transport;

import boxoffice.notification.service.ProcessingAbandoned;
import boxoffice.notification.service.Progress;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Keeps the consumer in its group while one message takes long (a fan-out to many holders, waits
 * between SMTP retries): every {@link #KEEP_ALIVE} it pauses all partitions and polls, which
 * fetches nothing but tells the group the consumer is alive. If that poll rebalances partitions
 * away, the message is abandoned; its new owner skips the recipients already emailed.
 *
 * <p>Used by the consumer thread only.
 */
final class GroupLease implements ConsumerRebalanceListener, Progress {
  static final Duration KEEP_ALIVE = Duration.ofSeconds(10);

  private final Consumer<byte[], byte[]> consumer;
  private final CountDownLatch stopping;
  private final LongSupplier nanoTime;
  private final Set<TopicPartition> revoked = new HashSet<>();
  private long lastPollNanos;
  private boolean paused;

  GroupLease(Consumer<byte[], byte[]> consumer, CountDownLatch stopping) {
    this(consumer, stopping, System::nanoTime);
  }

  GroupLease(Consumer<byte[], byte[]> consumer, CountDownLatch stopping, LongSupplier nanoTime) {
    this.consumer = consumer;
    this.stopping = stopping;
    this.nanoTime = nanoTime;
    this.lastPollNanos = nanoTime.getAsLong();
  }

  /** The loop polled for messages. */
  void polled() {
    lastPollNanos = nanoTime.getAsLong();
    revoked.clear();
  }

  /** Throws {@link ProcessingAbandoned} when stopping or after partitions were taken away. */
  @Override
  public void checkpoint() {
    if (stopping.getCount() == 0) {
      throw new ProcessingAbandoned("the service is stopping");
    }
    if (!revoked.isEmpty()) {
      throw new ProcessingAbandoned("partitions " + revoked + " were reassigned");
    }
    if (nanoTime.getAsLong() - lastPollNanos >= KEEP_ALIVE.toNanos()) {
      keepAlive();
    }
  }

  private void keepAlive() {
    paused = true;
    consumer.pause(consumer.assignment());
    ConsumerRecords<byte[], byte[]> stray;
    try {
      stray = consumer.poll(Duration.ZERO);
    } catch (WakeupException e) {
      throw new ProcessingAbandoned("the service is stopping");
    }
    lastPollNanos = nanoTime.getAsLong();
    // Partitions assigned during that poll are paused by onPartitionsAssigned; should one still
    // have returned messages, go back so they are fetched again.
    for (TopicPartition partition : stray.partitions()) {
      consumer.seek(partition, stray.records(partition).get(0).offset());
    }
    if (!revoked.isEmpty()) {
      throw new ProcessingAbandoned("partitions " + revoked + " were reassigned");
    }
  }

  /** Resumes what a keep-alive paused; called once a batch is done or abandoned. */
  void resumeAll() {
    if (paused) {
      consumer.resume(consumer.paused());
      paused = false;
    }
  }

  /** Waits about this long, polling to stay in the group; ends early when stopping. */
  @Override
  public void pause(Duration duration) {
    long deadline = nanoTime.getAsLong() + duration.toNanos();
    while (true) {
      checkpoint();
      long left = deadline - nanoTime.getAsLong();
      if (left <= 0) {
        return;
      }
      try {
        stopping.await(Math.min(left, KEEP_ALIVE.toNanos()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProcessingAbandoned("interrupted");
      }
    }
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    revoked.addAll(partitions);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    revoked.addAll(partitions);
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    if (paused) {
      consumer.pause(partitions);
    }
  }
}
