package boxoffice.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CountingAsyncAppenderTest {
  private final LoggerContext context = new LoggerContext();

  CountingAsyncAppenderTest() {
    context.setMDCAdapter(new LogbackMDCAdapter());
  }

  @Test
  void linesDroppedBecauseTheWriterIsBehindAreCountedAndTheRestWritten() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger written = new AtomicInteger();
    CountingAsyncAppender appender = appender(4, stuckUntil(release, written));
    long before = CountingAsyncAppender.dropped();

    for (int i = 0; i < 50; i++) {
      appender.doAppend(event(Level.INFO));
    }
    release.countDown();
    appender.stop(); // flushes what was queued

    long dropped = CountingAsyncAppender.dropped() - before;
    assertThat(dropped).isPositive();
    // The count is taken a moment before the queue decides: the writer may free a slot between.
    assertThat(written.get() + dropped).isBetween(50L, 52L);
  }

  @Test
  void nothingIsCountedWhileTheQueueHasRoom() {
    AtomicInteger written = new AtomicInteger();
    CountingAsyncAppender appender = appender(256, stuckUntil(new CountDownLatch(0), written));
    long before = CountingAsyncAppender.dropped();

    for (int i = 0; i < 10; i++) {
      appender.doAppend(event(Level.INFO));
    }
    appender.stop();

    assertThat(CountingAsyncAppender.dropped()).isEqualTo(before);
    assertThat(written.get()).isEqualTo(10);
  }

  private CountingAsyncAppender appender(int queueSize, AppenderBase<ILoggingEvent> downstream) {
    downstream.setContext(context);
    downstream.start();
    CountingAsyncAppender appender = new CountingAsyncAppender();
    appender.setContext(context);
    appender.setQueueSize(queueSize);
    appender.setNeverBlock(true);
    appender.setMaxFlushTime(5000);
    appender.addAppender(downstream);
    appender.start();
    return appender;
  }

  /** Writes nothing until {@code release} opens, then counts the lines it writes. */
  private static AppenderBase<ILoggingEvent> stuckUntil(
      CountDownLatch release, AtomicInteger written) {
    return new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        written.incrementAndGet();
      }
    };
  }

  private ILoggingEvent event(Level level) {
    return new LoggingEvent(
        CountingAsyncAppenderTest.class.getName(),
        context.getLogger("boxoffice.access"),
        level,
        "access line",
        null,
        null);
  }
}
