package boxoffice.app.data;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.Hold;
import boxoffice.app.domain.HoldStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL of holds: seats reserved until a deadline, then confirmed, released or expired. */
@RegisterRowMapper(HoldDao.HoldMapper.class)
interface HoldDao {
  String COLUMNS = "id, event_id, user_id, quantity, status, expires_at, created_at, booking_id";

  /**
   * Holds the seats, raises the user's count, records the hold, its outbox row and its idempotency
   * key in ONE statement, after reclaiming the event's lapsed holds (see {@link SeatSql}), while
   * the event is published, has not started and has the seats. The hold ends at {@code :expiresAt}
   * or at the event's start, whichever comes first. Always one row: the hold's columns are null
   * when it was refused.
   */
  @SqlQuery(
      SeatSql.LOCK_AND_RECLAIM
          + """
          , plan AS MATERIALIZED (
              SELECT r.*, r.status = 'PUBLISHED' AND r.starts_at > :now
                          AND r.free + r.seats >= :quantity AS fits
              FROM reclaimed r
          ), seat AS (
              UPDATE events e
              SET seats_held = p.seats_held - p.seats + CASE WHEN p.fits THEN :quantity ELSE 0 END
              FROM plan p WHERE e.id = p.id AND (p.fits OR p.seats > 0)
              RETURNING e.id, p.fits, p.max_tickets_per_user, p.starts_at
          )"""
          + SeatSql.HOLDINGS
          + SeatSql.EXPIRY_RECORDS
          + """
          , hold AS (
              INSERT INTO holds (id, event_id, user_id, quantity, status, expires_at, created_at)
              SELECT :id, s.id, :userId, :quantity, 'ACTIVE', least(:expiresAt, s.starts_at), :now
              FROM seat s WHERE s.fits
              RETURNING *
          ), recorded AS (
              INSERT INTO outbox (id, type, aggregate_type, aggregate_id, actor_id, payload,
                                  trace_parent)
              SELECT :outboxId, 'hold.created', 'hold', h.id, h.user_id,
                     jsonb_build_object('eventId', h.event_id, 'userId', h.user_id,
                                        'quantity', h.quantity, 'expiresAt', h.expires_at),
                     CAST(:traceParent AS text)
              FROM hold h
          ), remembered AS (
              INSERT INTO idempotency_keys (user_id, key, request_hash, hold_id, created_at)
              SELECT h.user_id, CAST(:key AS text), :requestHash, h.id, :now FROM hold h
              WHERE CAST(:key AS text) IS NOT NULL
          )
          SELECT h.id, h.event_id, h.user_id, h.quantity, h.status, h.expires_at, h.created_at,
                 h.booking_id, (SELECT count(*) FROM lapsed) AS holds_expired
          FROM (VALUES (1)) AS one (x) LEFT JOIN hold h ON TRUE
          """)
  @RegisterRowMapper(HoldingMapper.class)
  Holding hold(
      @Bind("id") UUID id,
      @Bind("eventId") UUID eventId,
      @Bind("userId") UUID userId,
      @Bind("quantity") int quantity,
      @Bind("now") Instant now,
      @Bind("expiresAt") Instant expiresAt,
      @Bind("outboxId") UUID outboxId,
      @Bind("key") String key,
      @Bind("requestHash") byte[] requestHash,
      @Bind("traceParent") String traceParent);

  @SqlQuery("SELECT " + COLUMNS + " FROM holds WHERE id = :id")
  Optional<Hold> findById(@Bind("id") UUID id);

  /** The hold an idempotency key made; empty also when the key made a booking. */
  @SqlQuery(
      "SELECT request_hash, hold_id FROM idempotency_keys WHERE user_id = :userId AND key = :key")
  @RegisterRowMapper(HoldKeyMapper.class)
  Optional<StoredHoldKey> findKey(@Bind("userId") UUID userId, @Bind("key") String key);

  /**
   * Turns an ACTIVE hold before its deadline into a confirmed booking with its tickets: the seats
   * move from held to booked, the user's count is unchanged (held seats counted already). The
   * caller holds the event row lock.
   */
  @SqlQuery(
      """
      WITH hold AS (
          UPDATE holds SET status = 'CONFIRMED', ended_at = :now, booking_id = :bookingId
          WHERE id = :holdId AND status = 'ACTIVE' AND expires_at > :now
            AND quantity = cardinality(CAST(:ticketIds AS uuid[]))
          RETURNING id, event_id, user_id, quantity
      ), seat AS (
          UPDATE events e SET seats_held = e.seats_held - h.quantity,
                              seats_booked = e.seats_booked + h.quantity
          FROM hold h WHERE e.id = h.event_id
          RETURNING e.id
      ), booking AS (
          INSERT INTO bookings (id, event_id, user_id, quantity, status, created_at)
          SELECT :bookingId, h.event_id, h.user_id, h.quantity, 'CONFIRMED', :now
          FROM hold h JOIN seat s ON s.id = h.event_id
          RETURNING *
      )"""
          + SeatSql.ISSUED_TICKETS
          + """
      , recorded AS (
          INSERT INTO outbox (id, type, aggregate_type, aggregate_id, actor_id, payload,
                              trace_parent)
          SELECT :outboxId, 'booking.created', 'booking', b.id, b.user_id, CAST(:payload AS jsonb),
                 CAST(:traceParent AS text)
          FROM booking b
          UNION ALL
          SELECT gen_random_uuid(), 'hold.confirmed', 'hold', h.id, h.user_id,
                 jsonb_build_object('eventId', h.event_id, 'userId', h.user_id,
                                    'quantity', h.quantity, 'bookingId', CAST(:bookingId AS uuid)),
                 CAST(:traceParent AS text)
          FROM hold h
      )
      SELECT id, event_id, user_id, quantity, status, created_at, cancelled_at FROM booking
      """)
  @RegisterRowMapper(BookingDao.BookingMapper.class)
  Optional<Booking> confirm(
      @Bind("holdId") UUID holdId,
      @Bind("bookingId") UUID bookingId,
      @Bind("ticketIds") UUID[] ticketIds,
      @Bind("codes") String[] codes,
      @Bind("now") Instant now,
      @Bind("outboxId") UUID outboxId,
      @Bind("payload") String payload,
      @Bind("traceParent") String traceParent);

  /**
   * Releases an ACTIVE hold before its deadline: its seats and the user's count go down at once.
   * The caller holds the event row lock.
   */
  @SqlQuery(
      """
      WITH hold AS (
          UPDATE holds SET status = 'RELEASED', ended_at = :now
          WHERE id = :holdId AND status = 'ACTIVE' AND expires_at > :now
          RETURNING id, event_id, user_id, quantity
      ), freed AS (
          UPDATE events e SET seats_held = e.seats_held - h.quantity
          FROM hold h WHERE e.id = h.event_id
      ), released AS (
          UPDATE ticket_holdings t SET tickets = t.tickets - h.quantity
          FROM hold h WHERE t.event_id = h.event_id AND t.user_id = h.user_id
      ), recorded AS (
          INSERT INTO outbox (id, type, aggregate_type, aggregate_id, actor_id, payload,
                              trace_parent)
          SELECT :outboxId, 'hold.released', 'hold', h.id, :actorId,
                 jsonb_build_object('eventId', h.event_id, 'userId', h.user_id,
                                    'quantity', h.quantity, 'cause', CAST(:cause AS text)),
                 CAST(:traceParent AS text)
          FROM hold h
      )
      SELECT count(*) FROM hold
      """)
  int release(
      @Bind("holdId") UUID holdId,
      @Bind("actorId") UUID actorId,
      @Bind("cause") String cause,
      @Bind("now") Instant now,
      @Bind("outboxId") UUID outboxId,
      @Bind("traceParent") String traceParent);

  /**
   * Marks the event's lapsed holds EXPIRED and gives their seats and counts back; the caller holds
   * the event row lock. Returns how many it reclaimed.
   */
  @SqlQuery(
      """
      WITH lapsed AS (
          UPDATE holds h SET status = 'EXPIRED', ended_at = :now
          WHERE h.event_id = :eventId AND h.status = 'ACTIVE' AND h.expires_at <= :now
          RETURNING h.id, h.event_id, h.user_id, h.quantity, h.expires_at
      ), freed AS (
          UPDATE events SET seats_held = seats_held - (SELECT sum(quantity) FROM lapsed)
          WHERE id = :eventId AND EXISTS (SELECT 1 FROM lapsed)
      ), released AS (
          UPDATE ticket_holdings t SET tickets = t.tickets - x.seats
          FROM (SELECT user_id, sum(quantity) AS seats FROM lapsed GROUP BY user_id) x
          WHERE t.event_id = :eventId AND t.user_id = x.user_id
      )"""
          + SeatSql.EXPIRY_RECORDS
          + """
          SELECT count(*) FROM lapsed
          """)
  int reclaimLapsed(
      @Bind("eventId") UUID eventId,
      @Bind("now") Instant now,
      @Bind("traceParent") String traceParent);

  /**
   * Releases every ACTIVE hold of an event (it was cancelled): the caller has reclaimed the lapsed
   * ones and holds the event row lock.
   */
  @SqlQuery(
      """
      WITH hold AS (
          UPDATE holds SET status = 'RELEASED', ended_at = :now
          WHERE event_id = :eventId AND status = 'ACTIVE'
          RETURNING id, user_id, quantity
      ), freed AS (
          UPDATE events SET seats_held = seats_held - (SELECT sum(quantity) FROM hold)
          WHERE id = :eventId AND EXISTS (SELECT 1 FROM hold)
      ), released AS (
          UPDATE ticket_holdings t SET tickets = t.tickets - x.seats
          FROM (SELECT user_id, sum(quantity) AS seats FROM hold GROUP BY user_id) x
          WHERE t.event_id = :eventId AND t.user_id = x.user_id
      ), recorded AS (
          INSERT INTO outbox (id, type, aggregate_type, aggregate_id, actor_id, payload,
                              trace_parent)
          SELECT gen_random_uuid(), 'hold.released', 'hold', h.id, :actorId,
                 jsonb_build_object('eventId', CAST(:eventId AS uuid), 'userId', h.user_id,
                                    'quantity', h.quantity, 'cause', 'EVENT_CANCELLED'),
                 CAST(:traceParent AS text)
          FROM hold h
      )
      SELECT count(*) FROM hold
      """)
  int releaseAllOfEvent(
      @Bind("eventId") UUID eventId,
      @Bind("actorId") UUID actorId,
      @Bind("now") Instant now,
      @Bind("traceParent") String traceParent);

  /** Events with lapsed holds nobody has reclaimed yet, for the sweeper. */
  @SqlQuery(
      "SELECT DISTINCT event_id FROM holds WHERE status = 'ACTIVE' AND expires_at <= :now"
          + " LIMIT :limit")
  List<UUID> eventsWithLapsedHolds(@Bind("now") Instant now, @Bind("limit") int limit);

  /** Locks the event row unless another transaction holds it (that one reclaims or will). */
  @SqlQuery("SELECT count(*) FROM (SELECT 1 FROM events WHERE id = :id FOR UPDATE SKIP LOCKED) e")
  int lockEventUnlessBusy(@Bind("id") UUID id);

  /** What a hold statement did: the hold it made, and how many lapsed holds it ended. */
  record Holding(Optional<Hold> hold, int holdsExpired) {}

  /** A stored key and the hold it made (null when it made a booking). */
  record StoredHoldKey(byte[] requestHash, UUID holdId) {}

  /** Maps a holds row. */
  final class HoldMapper implements RowMapper<Hold> {
    @Override
    public Hold map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Hold(
          rs.getObject("id", UUID.class),
          rs.getObject("event_id", UUID.class),
          rs.getObject("user_id", UUID.class),
          rs.getInt("quantity"),
          HoldStatus.valueOf(rs.getString("status")),
          rs.getTimestamp("expires_at").toInstant(),
          rs.getTimestamp("created_at").toInstant(),
          Optional.ofNullable(rs.getObject("booking_id", UUID.class)));
    }
  }

  /** Maps a hold statement's row, whose hold columns are null when it was refused. */
  final class HoldingMapper implements RowMapper<Holding> {
    private final HoldMapper holds = new HoldMapper();

    @Override
    public Holding map(ResultSet rs, StatementContext ctx) throws SQLException {
      int expired = rs.getInt("holds_expired");
      return new Holding(
          rs.getObject("id") == null ? Optional.empty() : Optional.of(holds.map(rs, ctx)), expired);
    }
  }

  /** Maps an idempotency_keys row as a hold's key. */
  final class HoldKeyMapper implements RowMapper<StoredHoldKey> {
    @Override
    public StoredHoldKey map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new StoredHoldKey(rs.getBytes("request_hash"), rs.getObject("hold_id", UUID.class));
    }
  }
}
