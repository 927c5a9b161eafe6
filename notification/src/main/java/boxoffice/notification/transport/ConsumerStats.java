package boxoffice.notification.transport;

import java.util.concurrent.atomic.LongAdder;

/** What the consumer has done since start-up, for metrics. */
public final class ConsumerStats {
  private final LongAdder messages = new LongAdder();
  private final LongAdder emailsSent = new LongAdder();
  private final LongAdder emailsSkipped = new LongAdder();
  private final LongAdder deadLettered = new LongAdder();

  void delivered(int sent, int alreadySent) {
    messages.increment();
    emailsSent.add(sent);
    emailsSkipped.add(alreadySent);
  }

  void recordDeadLetter() {
    messages.increment();
    deadLettered.increment();
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

  public long deadLettered() {
    return deadLettered.sum();
  }
}
