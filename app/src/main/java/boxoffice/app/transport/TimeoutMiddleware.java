package boxoffice.app.transport;

import io.javalin.http.Handler;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A deadline per request. When it passes, the handler's thread is interrupted (which aborts
 * blocking I/O such as a JDBC call, rolling back its transaction) and the client gets 503. The
 * database's statement timeout is set to the same value, so the server stops working too. When the
 * deadline passes while the body is still being received, the client was the slow one: 408.
 *
 * <p>One watchdog thread checks the requests in flight a few times per deadline, rather than one
 * timer task per request: a request then costs a set insertion and removal, not a trip through a
 * timer queue whose thread would wake for every cancelled task.
 */
final class TimeoutMiddleware implements AutoCloseable {
  /** Set on a request that ran out of time, for metrics. */
  static final String TIMED_OUT = "boxoffice.timedOut";

  /**
   * Set while the request body is being read. A deadline that passes then was spent waiting for the
   * client (a body trickling in), so the answer is 408, a client error, not 503: a slow client must
   * not count as a server failure in metrics and alerts.
   */
  static final String READING_BODY = "boxoffice.readingBody";

  private static final Duration FINEST_TICK = Duration.ofMillis(5);
  private static final Duration COARSEST_TICK = Duration.ofMillis(100);

  private final Duration timeout;
  private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
  private final Thread watchdog;

  TimeoutMiddleware(Duration timeout) {
    this.timeout = timeout;
    Duration tick = timeout.dividedBy(20);
    tick = tick.compareTo(FINEST_TICK) < 0 ? FINEST_TICK : tick;
    tick = tick.compareTo(COARSEST_TICK) > 0 ? COARSEST_TICK : tick;
    long tickNanos = tick.toNanos();
    watchdog = Thread.ofPlatform().daemon().name("request-deadlines").start(() -> watch(tickNanos));
  }

  Handler wrap(Handler handler) {
    long timeoutNanos = timeout.toNanos();
    return ctx -> {
      InFlight request = new InFlight(Thread.currentThread(), System.nanoTime() + timeoutNanos);
      inFlight.add(request);
      Exception failure = null;
      try {
        handler.handle(ctx);
      } catch (Exception e) {
        failure = e;
      } finally {
        inFlight.remove(request);
      }
      if (!request.finish()) {
        Thread.interrupted(); // the interrupt was ours; do not leak it to the next request
        if (Boolean.TRUE.equals(ctx.attribute(READING_BODY))) {
          // The rest of the body is still on its way: this connection cannot carry another request.
          ctx.header("Connection", "close");
          throw bodyTooSlow();
        }
        ctx.attribute(TIMED_OUT, Boolean.TRUE);
        throw HttpProblemException.timedOut(timeout);
      }
      if (failure != null) {
        throw failure;
      }
    };
  }

  private HttpProblemException bodyTooSlow() {
    return new HttpProblemException(
        408,
        "request-body-timeout",
        "The request body did not arrive within " + timeout.toMillis() + " ms",
        java.util.Optional.empty());
  }

  private void watch(long tickNanos) {
    while (!Thread.currentThread().isInterrupted()) {
      LockSupport.parkNanos(tickNanos);
      long now = System.nanoTime();
      for (InFlight request : inFlight) {
        if (now - request.deadline >= 0) {
          request.expire();
        }
      }
    }
  }

  @Override
  public void close() {
    watchdog.interrupt();
  }

  /** A request being handled: whoever moves it out of RUNNING first decides how it ends. */
  private static final class InFlight {
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int EXPIRING = 2;
    private static final int EXPIRED = 3;

    private final Thread worker;
    private final long deadline;
    private final AtomicInteger state = new AtomicInteger(RUNNING);

    InFlight(Thread worker, long deadline) {
      this.worker = worker;
      this.deadline = deadline;
    }

    void expire() {
      if (state.compareAndSet(RUNNING, EXPIRING)) {
        worker.interrupt();
        state.set(EXPIRED);
      }
    }

    /**
     * True when the handler finished in time. False when the deadline won; by then the interrupt
     * has been delivered, so the caller can clear it.
     */
    boolean finish() {
      if (state.compareAndSet(RUNNING, DONE)) {
        return true;
      }
      while (state.get() == EXPIRING) {
        Thread.onSpinWait();
      }
      return false;
    }
  }
}
