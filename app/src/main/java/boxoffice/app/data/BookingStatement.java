package boxoffice.app.data;

import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Takes the seats and records the booking, its tickets, the user's ticket count, its outbox row and
 * its idempotency key in ONE statement (one round trip), after reclaiming the event's lapsed holds
 * (see {@link SeatSql}). It books only while the event is published, has not started, has the seats
 * and still has the version the payload's event fields were read from; concurrent statements on one
 * event queue on its row lock, taken first, and read the row as the one before them committed it.
 * The CHECK constraints on events and on the user's count back it up: past the event's limit the
 * count's CHECK ({@code ticket_holdings_within_limit}) fails the whole statement, so nothing is
 * written. Always one row: the booking's columns are null when it was refused.
 *
 * <p>Run on the JDBC connection directly ({@link DirectStatements}): it is the statement every
 * booking runs.
 */
final class BookingStatement {
  static final String SQL =
      SeatSql.LOCK_AND_RECLAIM
          + """
          , plan AS MATERIALIZED (
              SELECT r.*, r.status = 'PUBLISHED' AND r.starts_at > :now
                          AND r.version = :eventVersion AND r.free + r.seats >= :quantity AS fits
              FROM reclaimed r
          ), seat AS (
              UPDATE events e
              SET seats_held = p.seats_held - p.seats,
                  seats_booked = p.seats_booked + CASE WHEN p.fits THEN :quantity ELSE 0 END
              FROM plan p WHERE e.id = p.id AND (p.fits OR p.seats > 0)
              RETURNING e.id, p.fits, p.max_tickets_per_user
          )"""
          + SeatSql.HOLDINGS
          + SeatSql.EXPIRY_RECORDS
          + """
          , booking AS (
              INSERT INTO bookings (id, event_id, user_id, quantity, status, created_at)
              SELECT :id, s.id, :userId, :quantity, 'CONFIRMED', :now FROM seat s WHERE s.fits
              RETURNING *
          )"""
          + SeatSql.ISSUED_TICKETS
          + """
          , recorded AS (
              INSERT INTO outbox (id, type, aggregate_type, aggregate_id, actor_id, payload,
                                  trace_parent)
              SELECT :outboxId, :outboxType, 'booking', b.id, b.user_id, CAST(:payload AS jsonb),
                     CAST(:traceParent AS text)
              FROM booking b
          ), remembered AS (
              INSERT INTO idempotency_keys (user_id, key, request_hash, booking_id, created_at)
              SELECT b.user_id, CAST(:key AS text), :requestHash, b.id, :now FROM booking b
              WHERE CAST(:key AS text) IS NOT NULL
          )
          SELECT b.id, b.event_id, b.user_id, b.quantity, b.status, b.created_at, b.cancelled_at,
                 (SELECT count(*) FROM lapsed) AS holds_expired
          FROM (VALUES (1)) AS one (x) LEFT JOIN booking b ON TRUE
          """;

  private static final NamedSql STATEMENT = NamedSql.parse(SQL);
  private static final BookingDao.SeatingMapper SEATING = new BookingDao.SeatingMapper();

  private final DirectStatements statements;

  BookingStatement(DirectStatements statements) {
    this.statements = statements;
  }

  /** The values one booking binds. */
  record Values(
      UUID id,
      UUID eventId,
      UUID userId,
      int quantity,
      int eventVersion,
      UUID[] ticketIds,
      String[] codes,
      Instant now,
      UUID outboxId,
      String outboxType,
      String payload,
      String key,
      byte[] requestHash,
      String traceParent) {}

  BookingDao.Seating book(Values v) {
    return statements.queryOne(STATEMENT, binding(v), row -> SEATING.map(row, null));
  }

  /**
   * Runs the statement for each booking, in their order, in one transaction: the first waits for
   * the event's row lock, the others find it taken by their own transaction. Each booking's outcome
   * is the one row it returned, as if it had run alone after the ones before it.
   */
  List<BookingDao.Seating> bookTogether(List<Values> bookings, List<Context> traces)
      throws DirectStatements.BatchFailure {
    List<DirectStatements.Run> runs = new ArrayList<>(bookings.size());
    for (int i = 0; i < bookings.size(); i++) {
      runs.add(new DirectStatements.Run(binding(bookings.get(i)), traces.get(i)));
    }
    return statements.queryEachInOneTransaction(STATEMENT, runs, row -> SEATING.map(row, null));
  }

  private static DirectStatements.Binding binding(Values v) {
    return p ->
        p.set("id", v.id())
            .set("eventId", v.eventId())
            .set("userId", v.userId())
            .set("quantity", v.quantity())
            .set("eventVersion", v.eventVersion())
            .set("ticketIds", v.ticketIds())
            .set("codes", v.codes())
            .set("now", v.now())
            .set("outboxId", v.outboxId())
            .set("outboxType", v.outboxType())
            .set("payload", v.payload())
            .set("key", v.key())
            .set("requestHash", v.requestHash())
            .set("traceParent", v.traceParent());
  }
}
