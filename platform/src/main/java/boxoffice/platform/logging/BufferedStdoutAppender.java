package boxoffice.platform.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes encoded lines to the process's stdout through a buffer. Behind a {@link
 * CountingAsyncAppender} it is flushed once per batch of lines the asynchronous appender writes:
 * one write to stdout per batch instead of one per line (a console appender flushes every line: a
 * system call per request for the access log). Without an asynchronous appender in front, every
 * line is flushed.
 */
public class BufferedStdoutAppender extends OutputStreamAppender<ILoggingEvent> {
  private static final int BUFFER_BYTES = 64 * 1024;

  private OutputStream target = new FileOutputStream(FileDescriptor.out);
  private volatile boolean flushEveryLine = true;

  /** Where the lines go instead of stdout (tests). */
  void setTarget(OutputStream target) {
    this.target = target;
  }

  /** Called by the asynchronous appender in front, which then calls {@link #flush()} per batch. */
  void flushOnlyWhenTold() {
    this.flushEveryLine = false;
  }

  @Override
  public void start() {
    setImmediateFlush(false);
    setOutputStream(new BufferedOutputStream(target, BUFFER_BYTES));
    super.start();
  }

  @Override
  protected void subAppend(ILoggingEvent event) {
    super.subAppend(event);
    if (flushEveryLine) {
      flush();
    }
  }

  /** Writes the buffered lines to stdout. */
  void flush() {
    streamWriteLock.lock();
    try {
      getOutputStream().flush();
    } catch (IOException e) {
      addError("could not flush stdout", e);
    } finally {
      streamWriteLock.unlock();
    }
  }
}
