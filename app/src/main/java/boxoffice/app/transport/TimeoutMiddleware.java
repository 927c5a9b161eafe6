package boxoffice.app.transport;

import io.javalin.http.Handler;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A deadline per request. When it passes, the handler's thread is interrupted (which aborts
 * blocking I/O such as a JDBC call, rolling back its transaction) and the client gets 503. The
 * database's statement timeout is set to the same value, so the server stops working too.
 */
final class TimeoutMiddleware implements AutoCloseable {
  private enum State {
    RUNNING,
    DONE,
    TIMED_OUT
  }

  /** Set on a request that ran out of time, for metrics. */
  static final String TIMED_OUT = "boxoffice.timedOut";

  private final Duration timeout;
  private final ScheduledExecutorService alarms =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("request-deadlines").factory());

  TimeoutMiddleware(Duration timeout) {
    this.timeout = timeout;
  }

  Handler wrap(Handler handler) {
    return ctx -> {
      Thread worker = Thread.currentThread();
      AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
      ScheduledFuture<?> alarm =
          alarms.schedule(
              () -> {
                if (state.compareAndSet(State.RUNNING, State.TIMED_OUT)) {
                  worker.interrupt();
                }
              },
              timeout.toMillis(),
              TimeUnit.MILLISECONDS);
      Exception failure = null;
      try {
        handler.handle(ctx);
      } catch (Exception e) {
        failure = e;
      }
      alarm.cancel(false);
      if (!state.compareAndSet(State.RUNNING, State.DONE)) {
        Thread.interrupted(); // the interrupt was ours; do not leak it to the next request
        ctx.attribute(TIMED_OUT, Boolean.TRUE);
        throw HttpProblemException.timedOut(timeout);
      }
      if (failure != null) {
        throw failure;
      }
    };
  }

  @Override
  public void close() {
    alarms.shutdownNow();
  }
}
