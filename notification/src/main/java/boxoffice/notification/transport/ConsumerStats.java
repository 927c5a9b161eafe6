package boxoffice.notification.transport;

import boxoffice.notification.service.EmailFailure;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.TopicPartition;

/**
 * What the consumer has done since start-up, and how far behind it is, for metrics. Written by the
 * consumer thread, read by the HTTP thread.
 */
public final class ConsumerStats {
  private final LongAdder messages = new LongAdder();
  private final LongAdder emailsSent = new LongAdder();
  private final LongAdder emailsSkipped = new LongAdder();
  private final Map<EmailFailure, LongAdder> emailsFailed = new EnumMap<>(EmailFailure.class);
  private final Map<DeadLetterCause, LongAdder> deadLettered = new EnumMap<>(DeadLetterCause.class);
  private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();

  public ConsumerStats() {
    for (EmailFailure failure : EmailFailure.values()) {
      emailsFailed.put(failure, new LongAdder());
    }
    for (DeadLetterCause cause : DeadLetterCause.values()) {
      deadLettered.put(cause, new LongAdder());
    }
  }

  /** A message handled to the end: everyone emailed, now or before. */
  void delivered(int sent, int alreadySent) {
    messages.increment();
    emailed(sent, alreadySent);
  }

  /** Emails of a message, whatever became of the message. */
  void emailed(int sent, int alreadySent) {
    emailsSent.add(sent);
    emailsSkipped.add(alreadySent);
  }

  void emailsFailed(Map<EmailFailure, Integer> failed) {
    failed.forEach((failure, count) -> emailsFailed.get(failure).add(count));
  }

  void recordDeadLetter(DeadLetterCause cause) {
    messages.increment();
    deadLettered.get(cause).increment();
  }

  /** Messages of an assigned partition not handled yet. */
  void lag(TopicPartition partition, long messages) {
    lag.put(partition, Math.max(0, messages));
  }

  /** Forgets the lag of partitions no longer assigned to this consumer. */
  void retainLag(Collection<TopicPartition> assigned) {
    lag.keySet().retainAll(assigned);
  }

  public long messages() {
    return messages.sum();
  }

  public long emailsSent() {
    return emailsSent.sum();
  }

  /** Emails not sent again because a redelivered message had already been emailed. */
  public long emailsSkipped() {
    return emailsSkipped.sum();
  }

  /** Emails given up on (after retrying), of this kind. */
  public long emailsFailed(EmailFailure failure) {
    return emailsFailed.get(failure).sum();
  }

  public long deadLettered() {
    return deadLettered.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public long deadLettered(DeadLetterCause cause) {
    return deadLettered.get(cause).sum();
  }

  /** Per assigned partition, the messages not handled yet, as last sampled. */
  public Map<TopicPartition, Long> lag() {
    return Map.copyOf(lag);
  }
}
