package boxoffice.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CountingAsyncAppenderTest {
  private final LoggerContext context = new LoggerContext();

  CountingAsyncAppenderTest() {
    context.setMDCAdapter(new LogbackMDCAdapter());
  }

  @Test
  void linesDroppedBecauseTheWriterIsBehindAreCountedAndTheRestWritten() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Level> written = new CopyOnWriteArrayList<>();
    CountingAsyncAppender appender = appender(4, stuckUntil(release, written));
    long before = CountingAsyncAppender.dropped();

    for (int i = 0; i < 50; i++) {
      appender.doAppend(event(Level.INFO));
    }
    release.countDown();
    appender.stop(); // flushes what was queued

    long dropped = CountingAsyncAppender.dropped() - before;
    assertThat(dropped).isPositive();
    assertThat(written.size() + dropped).isEqualTo(50);
  }

  @Test
  void aFillingQueueDropsInfoLinesButKeepsRoomForWarnings() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Level> written = new CopyOnWriteArrayList<>();
    CountingAsyncAppender appender = appender(10, 5, stuckUntil(release, written));
    long before = CountingAsyncAppender.dropped();

    for (int i = 0; i < 20; i++) {
      appender.doAppend(event(Level.INFO));
    }
    appender.doAppend(event(Level.WARN));
    release.countDown();
    appender.stop();

    long dropped = CountingAsyncAppender.dropped() - before;
    assertThat(written).contains(Level.WARN);
    assertThat(dropped).isPositive();
    assertThat(written.size() + dropped).isEqualTo(21);
  }

  @Test
  void nothingIsCountedWhileTheQueueHasRoom() {
    List<Level> written = new CopyOnWriteArrayList<>();
    CountingAsyncAppender appender = appender(256, stuckUntil(new CountDownLatch(0), written));
    long before = CountingAsyncAppender.dropped();

    for (int i = 0; i < 10; i++) {
      appender.doAppend(event(Level.INFO));
    }
    appender.stop();

    assertThat(CountingAsyncAppender.dropped()).isEqualTo(before);
    assertThat(written).hasSize(10);
  }

  private CountingAsyncAppender appender(int queueSize, AppenderBase<ILoggingEvent> downstream) {
    return appender(queueSize, 0, downstream);
  }

  private CountingAsyncAppender appender(
      int queueSize, int discardingThreshold, AppenderBase<ILoggingEvent> downstream) {
    downstream.setContext(context);
    downstream.start();
    CountingAsyncAppender appender = new CountingAsyncAppender();
    appender.setContext(context);
    appender.setQueueSize(queueSize);
    appender.setDiscardingThreshold(discardingThreshold);
    appender.setMaxFlushTime(5000);
    appender.addAppender(downstream);
    appender.start();
    return appender;
  }

  /** Writes nothing until {@code release} opens, then notes the level of each line it writes. */
  private static AppenderBase<ILoggingEvent> stuckUntil(
      CountDownLatch release, List<Level> written) {
    return new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        written.add(event.getLevel());
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
