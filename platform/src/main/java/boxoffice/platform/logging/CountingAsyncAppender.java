package boxoffice.platform.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.concurrent.atomic.LongAdder;

/**
 * Logback's asynchronous appender, counting the lines it does not write. A request never waits for
 * stdout: with {@code neverBlock} a full queue drops the line, and from {@code discardingThreshold}
 * free slots down it drops INFO and lower (access lines among them) to keep room for warnings. Both
 * are counted, so a metric can tell an operator that lines went missing.
 *
 * <p>A {@link BufferedStdoutAppender} attached to it flushes only when the queue is empty.
 */
public class CountingAsyncAppender extends AsyncAppender {
  private static final LongAdder DROPPED = new LongAdder();

  /** Lines dropped since the JVM started, by every instance of this appender. */
  public static long dropped() {
    return DROPPED.sum();
  }

  /** Lets a {@link BufferedStdoutAppender} behind this one flush once the queue has run dry. */
  @Override
  public void start() {
    iteratorForAppenders()
        .forEachRemaining(
            appender -> {
              if (appender instanceof BufferedStdoutAppender stdout) {
                stdout.flushWhenNothingQueued(() -> getNumberOfElementsInQueue() > 0);
              }
            });
    super.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    // Decided as the base class decides, a moment before it does: a slot may free up in between,
    // so the count can be off by a line or two under a burst, never by a whole burst.
    int free = getRemainingCapacity();
    if (isStarted()
        && ((free < getDiscardingThreshold() && isDiscardable(event))
            || (isNeverBlock() && free == 0))) {
      DROPPED.increment();
    }
    super.append(event);
  }
}
