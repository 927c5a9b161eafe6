package boxoffice.platform.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * Writes encoded lines to the process's stdout through a buffer that is flushed whenever no more
 * lines are queued in the {@link CountingAsyncAppender} in front of it. Under load that is one
 * write to stdout per batch of lines instead of one per line (a console appender flushes every
 * line: a system call per request for the access log); when the service is quiet, every line still
 * reaches stdout at once. Without an asynchronous appender in front, every line is flushed.
 */
public class BufferedStdoutAppender extends OutputStreamAppender<ILoggingEvent> {
  private static final int BUFFER_BYTES = 64 * 1024;

  private OutputStream target = new FileOutputStream(FileDescriptor.out);
  private volatile BooleanSupplier moreQueued = () -> false;

  /** Where the lines go instead of stdout (tests). */
  void setTarget(OutputStream target) {
    this.target = target;
  }

  /** Set by the asynchronous appender this one is attached to: whether lines wait in its queue. */
  void flushWhenNothingQueued(BooleanSupplier moreQueued) {
    this.moreQueued = moreQueued;
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
    if (!moreQueued.getAsBoolean()) {
      flush();
    }
  }

  private void flush() {
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
