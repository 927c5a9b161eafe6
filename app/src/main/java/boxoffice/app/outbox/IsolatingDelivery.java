package boxoffice.app.outbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a batch so that a row the destination refuses for good holds back no other row: a
 * refused batch is split in halves, and the halves again, until each refused row stands alone and
 * every other row has been taken. One bad row among n costs about 2·log2(n) extra calls; order is
 * kept (the first half goes before the second). A transient failure ends the attempt and
 * propagates, so the caller rolls back and retries the whole batch with backoff.
 */
final class IsolatingDelivery {
  private final OutboxPublisher publisher;

  IsolatingDelivery(OutboxPublisher publisher) {
    this.publisher = publisher;
  }

  /** A row the destination refused, and why. */
  record Refused(OutboxRow row, String reason) {}

  /** What became of a batch: the rows the destination took, in order, and those it refused. */
  record Outcome(List<OutboxRow> delivered, List<Refused> refused) {}

  Outcome deliver(List<OutboxRow> rows) {
    List<OutboxRow> delivered = new ArrayList<>(rows.size());
    List<Refused> refused = new ArrayList<>();
    deliver(rows, delivered, refused);
    return new Outcome(List.copyOf(delivered), List.copyOf(refused));
  }

  private void deliver(List<OutboxRow> rows, List<OutboxRow> delivered, List<Refused> refused) {
    try {
      publisher.publish(rows);
      delivered.addAll(rows);
    } catch (RowsRefusedException e) {
      if (rows.size() == 1) {
        refused.add(new Refused(rows.getFirst(), e.reason()));
        return;
      }
      int half = rows.size() / 2;
      deliver(rows.subList(0, half), delivered, refused);
      deliver(rows.subList(half, rows.size()), delivered, refused);
    }
  }
}
