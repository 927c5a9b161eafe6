package boxoffice.app.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The rows one destination still has to take, claimed so that relays never deliver a row twice.
 * Delivered and parked rows have left the queue.
 */
final class OutboxQueue {
  private final OutboxDestination destination;

  OutboxQueue(OutboxDestination destination) {
    this.destination = destination;
  }

  /**
   * The oldest undelivered rows, locked until the transaction ends. SKIP LOCKED lets every app
   * instance's relay take a different batch instead of waiting or sending the same rows.
   */
  List<OutboxRow> claim(Handle handle, int limit) {
    return handle
        .createQuery(
            "SELECT id, type, aggregate_type, aggregate_id, actor_id, payload::text AS payload,"
                + " created_at, trace_parent FROM outbox WHERE "
                + pending()
                + " ORDER BY created_at, id LIMIT :limit FOR UPDATE SKIP LOCKED")
        .bind("limit", limit)
        .map((rs, ctx) -> row(rs))
        .list();
  }

  void markDelivered(Handle handle, List<UUID> ids, Instant at) {
    handle
        .createUpdate(
            "UPDATE outbox SET " + destination.deliveredColumn() + " = :at WHERE id = ANY(:ids)")
        .bind("at", at)
        .bindArray("ids", UUID.class, ids)
        .execute();
  }

  /**
   * Takes a claimed row out of the queue for good, with the destination's reason. Returns false
   * when the row had already left the queue, so each park is counted once.
   */
  boolean park(Handle handle, UUID id, String reason, Instant at) {
    return handle
            .createUpdate(
                "UPDATE outbox SET "
                    + destination.parkedColumn()
                    + " = :at, "
                    + destination.parkedReasonColumn()
                    + " = :reason WHERE id = :id AND "
                    + pending())
            .bind("at", at)
            .bind("reason", reason)
            .bind("id", id)
            .execute()
        == 1;
  }

  /** How many rows are parked: refused by the destination and waiting for an operator. */
  long parked(Handle handle) {
    return handle
        .createQuery(
            "SELECT count(*) FROM outbox WHERE "
                + destination.parkedColumn()
                + " IS NOT NULL AND "
                + destination.deliveredColumn()
                + " IS NULL")
        .mapTo(Long.class)
        .one();
  }

  /** How many rows wait, and since when the oldest has waited. */
  OutboxBacklog backlog(Handle handle) {
    return handle
        .createQuery(
            "SELECT count(*) AS waiting, min(created_at) AS oldest FROM outbox WHERE " + pending())
        .map(
            (rs, ctx) ->
                new OutboxBacklog(
                    rs.getLong("waiting"),
                    Optional.ofNullable(rs.getTimestamp("oldest")).map(t -> t.toInstant())))
        .one();
  }

  /** The predicate of the destination's pending index (migration 007). */
  private String pending() {
    return destination.deliveredColumn()
        + " IS NULL AND "
        + destination.parkedColumn()
        + " IS NULL";
  }

  private static OutboxRow row(ResultSet rs) throws SQLException {
    return new OutboxRow(
        rs.getObject("id", UUID.class),
        rs.getString("type"),
        rs.getString("aggregate_type"),
        rs.getObject("aggregate_id", UUID.class),
        Optional.ofNullable(rs.getObject("actor_id", UUID.class)),
        rs.getString("payload"),
        rs.getTimestamp("created_at").toInstant(),
        Optional.ofNullable(rs.getString("trace_parent")));
  }
}
