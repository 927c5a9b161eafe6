package boxoffice.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BufferedStdoutAppenderTest {
  private final LoggerContext context = new LoggerContext();
  private final AtomicInteger writes = new AtomicInteger();
  private final ByteArrayOutputStream stdout =
      new ByteArrayOutputStream() {
        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
          writes.incrementAndGet();
          super.write(bytes, offset, length);
        }
      };

  BufferedStdoutAppenderTest() {
    context.setMDCAdapter(new LogbackMDCAdapter());
  }

  @Test
  void behindAnAsynchronousAppenderLinesStayBufferedUntilItsBatchIsWritten() {
    BufferedStdoutAppender appender = appender();
    appender.flushOnlyWhenTold();

    appender.doAppend(event("one"));
    appender.doAppend(event("two"));
    assertThat(written()).isEmpty();

    appender.flush();
    assertThat(written()).isEqualTo("one\ntwo\n");
  }

  @Test
  void underLoadLinesReachStdoutInBatchesNotOneWritePerLine() {
    CountingAsyncAppender async = asynchronousInFrontOf(appender());

    for (int i = 0; i < 1000; i++) {
      async.doAppend(event("line " + i));
    }
    async.stop();

    assertThat(written().lines()).hasSize(1000).startsWith("line 0").endsWith("line 999");
    // One write per batch the writer gathered while lingering, not one per line.
    assertThat(writes.get()).isPositive().isLessThan(100);
  }

  @Test
  void withoutAnAsynchronousAppenderInFrontEveryLineIsWritten() {
    BufferedStdoutAppender appender = appender();

    appender.doAppend(event("alone"));

    assertThat(written()).isEqualTo("alone\n");
  }

  @Test
  void behindTheAsynchronousAppenderALineOfAQuietServiceIsWrittenAtOnce() {
    CountingAsyncAppender async = asynchronousInFrontOf(appender());

    async.doAppend(event("quiet"));

    // Before the appenders stop (stopping flushes anyway), with a deadline.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!written().equals("quiet\n") && System.nanoTime() < deadline) {
      Thread.yield();
    }
    assertThat(written()).isEqualTo("quiet\n");
    async.stop();
  }

  private CountingAsyncAppender asynchronousInFrontOf(BufferedStdoutAppender stdoutAppender) {
    CountingAsyncAppender async = new CountingAsyncAppender();
    async.setContext(context);
    async.addAppender(stdoutAppender);
    async.start();
    return async;
  }

  private BufferedStdoutAppender appender() {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%msg%n");
    encoder.start();
    BufferedStdoutAppender appender = new BufferedStdoutAppender();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setTarget(stdout);
    appender.start();
    return appender;
  }

  private String written() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  private LoggingEvent event(String message) {
    LoggingEvent event = new LoggingEvent();
    event.setLoggerContext(context);
    event.setLoggerName("test");
    event.setLevel(Level.INFO);
    event.setMessage(message);
    event.setTimeStamp(System.currentTimeMillis());
    return event;
  }
}
