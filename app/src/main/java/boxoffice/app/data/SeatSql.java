package boxoffice.app.data;

/**
 * SQL shared by the statements that take seats (a booking, a hold). Each one locks the event row
 * first, then reclaims the event's lapsed holds, then takes the seats, all in one statement:
 *
 * <ul>
 *   <li>{@code locked}: the event row, locked, as committed now ({@code FOR UPDATE} returns the
 *       newest version after waiting), with its free seats counting every ACTIVE hold;
 *   <li>{@code lapsed}: the event's ACTIVE holds past their deadline, marked EXPIRED (the lock on
 *       the event comes first: the join needs its row);
 *   <li>{@code plan}: the event with the seats reclaimed and whether the request {@code fits}.
 * </ul>
 *
 * The statement must then update the event row whenever it fits or reclaimed seats (the row can be
 * changed only once per statement, so both changes go in one UPDATE), as {@code seat} returning
 * {@code id, fits, max_tickets_per_user}, and may append {@link #HOLDINGS} and {@link
 * #EXPIRY_RECORDS}. Parameters: {@code :eventId}, {@code :userId}, {@code :quantity}, {@code :now},
 * {@code :traceParent}, and whatever the statement's own {@code fits} condition names.
 */
final class SeatSql {
  private SeatSql() {}

  /** {@code locked} and {@code lapsed}; follow with {@code plan} and {@code seat}. */
  static final String LOCK_AND_RECLAIM =
      """
      WITH locked AS (
          SELECT id, status, starts_at, version, max_tickets_per_user, seats_booked, seats_held,
                 capacity - seats_booked - seats_held AS free
          FROM events WHERE id = :eventId FOR UPDATE
      ), lapsed AS (
          UPDATE holds h SET status = 'EXPIRED', ended_at = :now
          FROM locked l
          WHERE h.event_id = l.id AND h.status = 'ACTIVE' AND h.expires_at <= :now
          RETURNING h.id, h.event_id, h.user_id, h.quantity, h.expires_at
      ), reclaimed AS MATERIALIZED (
          SELECT l.*, CAST(coalesce((SELECT sum(quantity) FROM lapsed), 0) AS integer) AS seats
          FROM locked l
      )""";

  /**
   * The users' counts of tickets and held seats: the requester's rises by the quantity when it fits
   * (its CHECK refuses a count past the event's limit, failing the whole statement), and each
   * lapsed hold's user's falls by its seats. One upsert per user, as a row changes once per
   * statement; a proposed row never has a negative count (CHECKs apply before the conflict is
   * found), the change itself is applied on the conflict. Only the requester's limit is refreshed,
   * so reclaiming never fails for a user above a limit lowered since.
   */
  static final String HOLDINGS =
      """
      , delta AS (
          SELECT c.user_id, CAST(sum(c.seats) AS integer) AS seats
          FROM (SELECT user_id, -quantity AS seats FROM lapsed
                UNION ALL
                SELECT CAST(:userId AS uuid), :quantity FROM seat WHERE seat.fits) c
          GROUP BY c.user_id
      ), held AS (
          INSERT INTO ticket_holdings AS h (event_id, user_id, tickets, ticket_limit)
          SELECT s.id, d.user_id, greatest(d.seats, 0), s.max_tickets_per_user
          FROM seat s CROSS JOIN delta d
          ON CONFLICT (event_id, user_id) DO UPDATE
              SET tickets = h.tickets + (SELECT d.seats FROM delta d WHERE d.user_id = h.user_id),
                  ticket_limit = CASE WHEN h.user_id = CAST(:userId AS uuid)
                                      THEN excluded.ticket_limit ELSE h.ticket_limit END
      )""";

  /** An audit record ({@code hold.expired}) for each lapsed hold; the expiry had no actor. */
  static final String EXPIRY_RECORDS =
      """
      , expiry_recorded AS (
          INSERT INTO outbox (id, type, aggregate_type, aggregate_id, actor_id, payload,
                              trace_parent)
          SELECT gen_random_uuid(), 'hold.expired', 'hold', l.id, NULL,
                 jsonb_build_object('eventId', l.event_id, 'userId', l.user_id,
                                    'quantity', l.quantity, 'expiresAt', l.expires_at),
                 CAST(:traceParent AS text)
          FROM lapsed l
      )""";

  /**
   * The tickets of the booking a statement's {@code booking} CTE inserted: one VALID ticket per id
   * and code, bound as two arrays of the same length ({@code :ticketIds}, {@code :codes}).
   */
  static final String ISSUED_TICKETS =
      """
      , issued AS (
          INSERT INTO tickets (id, booking_id, event_id, user_id, code, status, created_at)
          SELECT t.id, b.id, b.event_id, b.user_id, t.code, 'VALID', :now
          FROM booking b
          CROSS JOIN unnest(CAST(:ticketIds AS uuid[]), CAST(:codes AS text[])) AS t (id, code)
      )""";
}
