package boxoffice.app.outbox;

import java.util.List;

/** Sends outbox rows to one destination; throws when the destination did not take them all. */
interface OutboxPublisher extends AutoCloseable {
  OutboxDestination destination();

  /** Must be idempotent per row id: after a failure, the same rows are sent again. */
  void publish(List<OutboxRow> rows);

  /** Rows the destination reported as already received (a resend); zero where unknown. */
  default long duplicates() {
    return 0;
  }

  @Override
  default void close() {}
}
