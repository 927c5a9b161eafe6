package boxoffice.platform.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * An asynchronous appender that writes lines in batches and counts the lines it does not write.
 *
 * <p>A request never waits for stdout: a full queue drops the line, and from {@code
 * discardingThreshold} free slots down INFO and lower (access lines among them) are dropped to keep
 * room for warnings. Both are counted, so a metric can tell an operator that lines went missing.
 *
 * <p>Logback's own asynchronous appender wakes its writer for every line once the writer has caught
 * up, which under load is a thread hand-off and often a system call per request. This writer, after
 * each batch, lingers for {@code lingerMillis} while more lines gather, and only waits to be woken
 * once a linger found nothing new: a busy service pays about one wake-up and one write to stdout
 * per linger, a quiet one still gets each line out at once.
 */
public class CountingAsyncAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    implements AppenderAttachable<ILoggingEvent> {
  private static final LongAdder DROPPED = new LongAdder();
  private static final int MAX_BATCH = 1024;

  private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
  private int queueSize = 8192;
  private int discardingThreshold = -1;
  private int lingerMillis = 2;
  private int maxFlushTimeMillis = 1000;
  private BlockingQueue<ILoggingEvent> queue;
  private List<BufferedStdoutAppender> flushedPerBatch = List.of();
  private volatile boolean running;
  private Thread writer;

  /** Lines dropped since the JVM started, by every instance of this appender. */
  public static long dropped() {
    return DROPPED.sum();
  }

  public void setQueueSize(int queueSize) {
    this.queueSize = queueSize;
  }

  /** Free slots from which INFO and lower are dropped; a fifth of the queue unless set. */
  public void setDiscardingThreshold(int discardingThreshold) {
    this.discardingThreshold = discardingThreshold;
  }

  /** How long the writer lets lines gather after a batch while the service is busy. */
  public void setLingerMillis(int lingerMillis) {
    this.lingerMillis = lingerMillis;
  }

  /** How long stopping waits for the queued lines to be written. */
  public void setMaxFlushTime(int maxFlushTimeMillis) {
    this.maxFlushTimeMillis = maxFlushTimeMillis;
  }

  @Override
  public void start() {
    if (isStarted()) {
      return;
    }
    if (queueSize < 1) {
      addError("queueSize must be positive, not " + queueSize);
      return;
    }
    if (discardingThreshold < 0) {
      discardingThreshold = queueSize / 5;
    }
    queue = new ArrayBlockingQueue<>(queueSize);
    List<BufferedStdoutAppender> buffered = new ArrayList<>();
    appenders
        .iteratorForAppenders()
        .forEachRemaining(
            appender -> {
              if (appender instanceof BufferedStdoutAppender stdout) {
                stdout.flushOnlyWhenTold();
                buffered.add(stdout);
              }
            });
    flushedPerBatch = List.copyOf(buffered);
    running = true;
    writer =
        Thread.ofPlatform().daemon().name("log-writer-" + getName()).start(this::writeUntilStopped);
    super.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (queue.remainingCapacity() < discardingThreshold
        && event.getLevel().toInt() <= Level.INFO_INT) {
      DROPPED.increment();
      return;
    }
    event.prepareForDeferredProcessing();
    if (!queue.offer(event)) {
      DROPPED.increment();
    }
  }

  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    running = false;
    writer.interrupt();
    try {
      writer.join(maxFlushTimeMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.isAlive()) {
      addWarn(
          "gave up writing " + queue.size() + " queued lines after " + maxFlushTimeMillis + " ms");
    }
    appenders.detachAndStopAllAppenders();
  }

  private void writeUntilStopped() {
    List<ILoggingEvent> batch = new ArrayList<>(MAX_BATCH);
    long lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMillis);
    while (true) {
      if (queue.drainTo(batch, MAX_BATCH) == 0) {
        if (!running) {
          return;
        }
        try {
          batch.add(queue.take()); // nothing came during the linger: the service is quiet
        } catch (InterruptedException e) {
          continue; // stopping: what is left in the queue is written before the loop ends
        }
        queue.drainTo(batch, MAX_BATCH - 1);
      }
      write(batch);
      batch.clear();
      if (running) {
        LockSupport.parkNanos(lingerNanos);
      }
    }
  }

  private void write(List<ILoggingEvent> batch) {
    for (ILoggingEvent event : batch) {
      appenders.appendLoopOnAppenders(event);
    }
    for (BufferedStdoutAppender stdout : flushedPerBatch) {
      stdout.flush();
    }
  }

  @Override
  public void addAppender(Appender<ILoggingEvent> appender) {
    appenders.addAppender(appender);
  }

  @Override
  public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
    return appenders.iteratorForAppenders();
  }

  @Override
  public Appender<ILoggingEvent> getAppender(String name) {
    return appenders.getAppender(name);
  }

  @Override
  public boolean isAttached(Appender<ILoggingEvent> appender) {
    return appenders.isAttached(appender);
  }

  @Override
  public void detachAndStopAllAppenders() {
    appenders.detachAndStopAllAppenders();
  }

  @Override
  public boolean detachAppender(Appender<ILoggingEvent> appender) {
    return appenders.detachAppender(appender);
  }

  @Override
  public boolean detachAppender(String name) {
    return appenders.detachAppender(name);
  }
}
