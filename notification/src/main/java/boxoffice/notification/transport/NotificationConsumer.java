package boxoffice.notification.transport;

import boxoffice.notification.service.Notification;
import boxoffice.notification.service.NotificationHandler;
import boxoffice.notification.service.Outcome;
import boxoffice.notification.service.ProcessingAbandoned;
import boxoffice.notification.service.RetryPolicy;
import boxoffice.notification.service.StoreUnavailableException;
import boxoffice.notification.service.ZonedNotification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The consumer loop: polls the topic, handles each message, and commits its offset only once it is
 * handled (emailed, or dead-lettered), so delivery is at least once. A message that breaks the
 * contract or cannot be emailed is dead-lettered and the loop moves on; a database or dead-letter
 * outage holds the loop (with backoff) without losing the message.
 */
public final class NotificationConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationConsumer.class);
  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final RetryPolicy OUTAGE_BACKOFF =
      new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(500), Duration.ofSeconds(30));

  private final Consumer<byte[], byte[]> consumer;
  private final String topic;
  private final MessageDecoder decoder;
  private final NotificationHandler handler;
  private final DeadLetterPublisher deadLetters;
  private final GroupLease lease;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread thread;
  private volatile Throwable failure;
  private int consecutiveOutages;

  private final ConsumerStats stats;
  private final ConsumerLag lag;
  private final ConsumerTracing tracing;

  public NotificationConsumer(
      Consumer<byte[], byte[]> consumer,
      String topic,
      MessageDecoder decoder,
      NotificationHandler handler,
      DeadLetterPublisher deadLetters,
      ConsumerStats stats,
      ConsumerTracing tracing) {
    this.stats = stats;
    this.tracing = tracing;
    this.consumer = consumer;
    this.topic = topic;
    this.decoder = decoder;
    this.handler = handler;
    this.deadLetters = deadLetters;
    this.lease = new GroupLease(consumer, stopping);
    this.lag = new ConsumerLag(consumer, stats);
    this.thread = Thread.ofPlatform().name("notification-consumer").unstarted(this::run);
  }

  public void start() {
    thread.start();
  }

  /** Waits until the loop ends: after {@link #close()}, or when Kafka fails it for good. */
  public void awaitTermination() throws InterruptedException {
    finished.await();
  }

  /** Why the loop ended by itself, if it did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  private void run() {
    try {
      consumer.subscribe(List.of(topic), lease);
      while (stopping.getCount() > 0) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL_TIMEOUT);
        lease.polled();
        lag.polled(batch);
        if (!batch.isEmpty()) {
          handleBatch(batch);
        }
      }
    } catch (WakeupException | ProcessingAbandoned e) {
      if (stopping.getCount() > 0) {
        failure = e;
      }
    } catch (RuntimeException | Error e) {
      failure = e;
      LOG.error("the consumer loop stopped: {}", e.getMessage(), e);
    } finally {
      try {
        consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
      } catch (RuntimeException e) {
        LOG.warn("closing the Kafka consumer failed: {}", e.getMessage());
      }
      finished.countDown();
    }
  }

  private void handleBatch(ConsumerRecords<byte[], byte[]> batch) {
    // Offset of the first message not handled yet, per partition: where to go back to.
    Map<TopicPartition, Long> resumeAt = new HashMap<>();
    for (TopicPartition partition : batch.partitions()) {
      resumeAt.put(partition, batch.records(partition).get(0).offset());
    }
    try {
      for (TopicPartition partition : batch.partitions()) {
        for (ConsumerRecord<byte[], byte[]> record : batch.records(partition)) {
          lease.checkpoint();
          handle(record, partition);
          consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
          resumeAt.put(partition, record.offset() + 1);
          lag.handled(record);
        }
      }
      consecutiveOutages = 0;
    } catch (StoreUnavailableException | DeadLetterUnavailableException | RetriableException e) {
      // An outage, not the message's fault (a database, the dead-letter topic, an offset commit
      // timing out): go back to the message and try again after a pause.
      rewind(resumeAt);
      Duration wait = OUTAGE_BACKOFF.delayAfter(++consecutiveOutages);
      LOG.warn("{}; handling the message again in {} ms", e.getMessage(), wait.toMillis());
      awaitStop(wait);
    } catch (ProcessingAbandoned e) {
      if (stopping.getCount() == 0) {
        throw e;
      }
      LOG.info("message handling abandoned: {}", e.getMessage());
      rewind(resumeAt);
    } catch (CommitFailedException | RebalanceInProgressException e) {
      LOG.info("offset commit refused by a rebalance; the message will be handled again");
      rewind(resumeAt);
    } finally {
      lease.resumeAll();
    }
  }

  private void handle(ConsumerRecord<byte[], byte[]> record, TopicPartition partition) {
    MDC.put("kafkaPartition", partition.toString());
    MDC.put("kafkaOffset", Long.toString(record.offset()));
    try (ConsumerTracing.Processing span = tracing.start(record)) {
      handle(record, span);
    } finally {
      MDC.remove("kafkaPartition");
      MDC.remove("kafkaOffset");
      MDC.remove("messageId");
      MDC.remove("messageType");
    }
  }

  private void handle(ConsumerRecord<byte[], byte[]> record, ConsumerTracing.Processing span) {
    try {
      ZonedNotification message;
      try {
        message = decoder.decodeMessage(record.value());
      } catch (MalformedMessageException e) {
        deadLetter(record, e.getMessage(), DeadLetterCause.MALFORMED, e, span);
        return;
      }
      Notification notification = message.notification();
      MDC.put("messageId", notification.messageId().toString());
      MDC.put("messageType", notification.type());
      span.decoded(notification.messageId().toString(), notification.type());
      Outcome outcome = handler.handle(message, lease);
      switch (outcome) {
        case Outcome.Delivered delivered -> {
          stats.delivered(delivered.sent(), delivered.alreadySent());
          span.delivered(delivered.sent(), delivered.alreadySent());
          LOG.info(
              "message handled: {} email(s) sent, {} sent before",
              delivered.sent(),
              delivered.alreadySent());
        }
        case Outcome.Undeliverable undeliverable -> {
          stats.emailed(undeliverable.sent(), undeliverable.alreadySent());
          stats.emailsFailed(undeliverable.failed());
          span.emailed(undeliverable.sent(), undeliverable.alreadySent());
          deadLetter(record, undeliverable.reason(), DeadLetterCause.UNDELIVERABLE, null, span);
        }
      }
    } catch (ProcessingAbandoned e) {
      span.abandoned(e.getMessage());
      throw e;
    } catch (StoreUnavailableException | DeadLetterUnavailableException | KafkaException e) {
      span.failed(e);
      throw e;
    } catch (RuntimeException e) {
      // A defect or unexpected data must not hold back every message behind this one.
      LOG.error("handling failed unexpectedly: {}", e.getMessage(), e);
      deadLetter(
          record,
          "unexpected error: " + e.getClass().getSimpleName(),
          DeadLetterCause.UNEXPECTED_ERROR,
          e,
          span);
    }
  }

  private void deadLetter(
      ConsumerRecord<byte[], byte[]> record,
      String reason,
      DeadLetterCause cause,
      Throwable error,
      ConsumerTracing.Processing span) {
    deadLetters.publish(record, reason);
    stats.recordDeadLetter(cause);
    span.deadLettered(cause, deadLetters.topic(), error);
    LOG.warn("message dead-lettered: {}", reason);
  }

  /** Goes back to the first message not handled in each partition still assigned. */
  private void rewind(Map<TopicPartition, Long> resumeAt) {
    var assigned = consumer.assignment();
    resumeAt.forEach(
        (partition, offset) -> {
          if (assigned.contains(partition)) {
            consumer.seek(partition, offset);
          }
        });
  }

  private void awaitStop(Duration wait) {
    try {
      stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessingAbandoned("interrupted");
    }
  }

  /**
   * Stops the loop: a wait between retries ends at once, a message being handled is given up
   * without committing its offset (its recorded emails are not sent again), and the consumer leaves
   * the group.
   */
  @Override
  public void close() {
    stopping.countDown();
    consumer.wakeup();
    try {
      if (Thread.currentThread() != thread
          && thread.isAlive()
          && !finished.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("the consumer loop did not stop within {} s", STOP_TIMEOUT.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the consumer loop is still alive (it stops only when told to or on a fatal error). */
  public boolean isRunning() {
    return thread.isAlive();
  }
}
