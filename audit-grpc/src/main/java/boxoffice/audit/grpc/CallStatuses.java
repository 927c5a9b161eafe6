package boxoffice.audit.grpc;

import boxoffice.audit.log.AuditLogException;
import boxoffice.audit.log.DeadlinePassedException;
import boxoffice.audit.log.InvalidRequestException;
import boxoffice.audit.log.StoreUnavailableException;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Deadline;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gRPC status for each way a call can fail; unexpected failures are logged, not exposed. */
final class CallStatuses {
  private static final Logger LOG = LoggerFactory.getLogger(CallStatuses.class);

  private CallStatuses() {}

  static Status of(Exception failure) {
    if (failure instanceof AuditLogException known) {
      return switch (known) {
        case InvalidRequestException e -> Status.INVALID_ARGUMENT.withDescription(e.getMessage());
        case DeadlinePassedException e -> Status.DEADLINE_EXCEEDED.withDescription(e.getMessage());
        case StoreUnavailableException e -> {
          LOG.warn("audit database unavailable: {}", rootMessage(e));
          yield Status.UNAVAILABLE.withDescription(e.getMessage());
        }
      };
    }
    LOG.error("call failed", failure);
    return Status.INTERNAL.withDescription("internal error; see the audit server's log");
  }

  /**
   * Why the call being handled on this thread was cancelled before it was closed: DEADLINE_EXCEEDED
   * once its deadline has passed, otherwise CANCELLED (the caller gave up or its connection broke).
   */
  static Status ofCancelledCall() {
    Context context = Context.current();
    Status cause = Contexts.statusFromCancelled(context);
    if (cause != null) {
      return cause;
    }
    Deadline deadline = context.getDeadline();
    return deadline != null && deadline.isExpired() ? Status.DEADLINE_EXCEEDED : Status.CANCELLED;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
