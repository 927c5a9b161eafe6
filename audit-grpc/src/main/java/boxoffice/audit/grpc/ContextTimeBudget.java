package boxoffice.audit.grpc;

import boxoffice.audit.log.TimeBudget;
import io.grpc.Context;
import io.grpc.Deadline;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The time budget of the current gRPC call: what is left of the caller's deadline, never more than
 * the configured statement timeout; spent as soon as the caller cancels.
 */
final class ContextTimeBudget implements TimeBudget {
  private final Context context;
  private final Duration cap;

  private ContextTimeBudget(Context context, Duration cap) {
    this.context = context;
    this.cap = cap;
  }

  /** The budget of the call being handled on this thread. */
  static ContextTimeBudget ofCurrentCall(Duration cap) {
    return new ContextTimeBudget(Context.current(), cap);
  }

  @Override
  public Duration remaining() {
    Deadline deadline = context.getDeadline();
    if (deadline == null) {
      return cap;
    }
    Duration left = Duration.ofNanos(deadline.timeRemaining(TimeUnit.NANOSECONDS));
    return left.compareTo(cap) < 0 ? left : cap;
  }

  @Override
  public boolean abandoned() {
    return context.isCancelled();
  }
}
