package boxoffice.app.data;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.BookingStatus;
import boxoffice.app.domain.Event;
import boxoffice.app.service.BookingRepository.StoredKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL of bookings and idempotency keys. */
@RegisterRowMapper(BookingDao.BookingMapper.class)
@RegisterRowMapper(BookingDao.KeyMapper.class)
interface BookingDao {
  String COLUMNS = "id, event_id, user_id, quantity, status, created_at, cancelled_at";

  /** The advisory lock space of idempotency keys: "book" in ASCII. */
  int KEY_LOCK_SPACE = 0x626F6F6B;

  @SqlQuery(
      "SELECT request_hash, booking_id FROM idempotency_keys WHERE user_id = :userId AND key = :key")
  Optional<StoredKey> findKey(@Bind("userId") UUID userId, @Bind("key") String key);

  /**
   * A transaction-scoped advisory lock on (user, key), in a key space of its own (two-int form);
   * different keys that hash alike merely queue behind each other.
   */
  @SqlQuery(
      "SELECT 1 FROM pg_advisory_xact_lock("
          + KEY_LOCK_SPACE
          + ","
          + " hashtext(CAST(:userId AS text) || ':' || :key))")
  int lockKey(@Bind("userId") UUID userId, @Bind("key") String key);

  /** The event as committed now: a new statement, so it sees what refused a booking. */
  @SqlQuery(EventDao.BY_ID)
  @RegisterRowMapper(EventDao.EventMapper.class)
  Optional<Event> findEvent(@Bind("id") UUID id);

  @SqlQuery("SELECT " + COLUMNS + " FROM bookings WHERE id = :id")
  Optional<Booking> findById(@Bind("id") UUID id);

  @SqlQuery(
      "SELECT coalesce((SELECT tickets FROM ticket_holdings"
          + " WHERE event_id = :eventId AND user_id = :userId), 0)")
  int ticketsHeld(@Bind("eventId") UUID eventId, @Bind("userId") UUID userId);

  /**
   * Cancels a confirmed booking of an event that has not started and none of whose tickets is
   * checked in: voids its tickets and frees their seats.
   */
  @SqlQuery(
      """
      WITH target AS (
          SELECT b.id FROM bookings b JOIN events e ON e.id = b.event_id
          WHERE b.id = :id AND b.status = 'CONFIRMED' AND e.starts_at > :now
            AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.booking_id = b.id AND t.status = 'USED')
          FOR UPDATE OF b
      ), cancelled AS (
          UPDATE bookings b SET status = 'CANCELLED', cancelled_at = :now, quantity = 0
          FROM target WHERE b.id = target.id
          RETURNING b.*
      ), voided AS (
          UPDATE tickets t SET status = 'VOID', voided_at = :now
          FROM cancelled c WHERE t.booking_id = c.id AND t.status <> 'VOID'
          RETURNING t.id
      ), freed AS (
          UPDATE events e SET seats_booked = e.seats_booked - (SELECT count(*) FROM voided)
          FROM cancelled c WHERE e.id = c.event_id
          RETURNING e.id
      ), released AS (
          UPDATE ticket_holdings h SET tickets = h.tickets - (SELECT count(*) FROM voided)
          FROM cancelled c WHERE h.event_id = c.event_id AND h.user_id = c.user_id
      ), recorded AS (
          INSERT INTO outbox (id, type, aggregate_type, aggregate_id, actor_id, payload,
                              trace_parent)
          SELECT :outboxId, :outboxType, 'booking', c.id, :actorId, CAST(:payload AS jsonb),
                 CAST(:traceParent AS text)
          FROM cancelled c CROSS JOIN freed f
      )
      SELECT id, event_id, user_id, quantity, status, created_at, cancelled_at FROM cancelled
      """)
  Optional<Booking> cancel(
      @Bind("id") UUID id,
      @Bind("actorId") UUID actorId,
      @Bind("now") Instant now,
      @Bind("outboxId") UUID outboxId,
      @Bind("outboxType") String outboxType,
      @Bind("payload") String payload,
      @Bind("traceParent") String traceParent);

  /** The confirmed bookings of an event, locked until the transaction ends. */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM bookings WHERE event_id = :eventId AND status = 'CONFIRMED'"
          + " ORDER BY id FOR UPDATE")
  List<Booking> lockConfirmedOfEvent(@Bind("eventId") UUID eventId);

  /**
   * Cancels the named bookings of an event that are still confirmed and frees their seats; each
   * cancelled booking gets the outbox row given with it ({@code messages}: a JSON array of {@code
   * {"id", "booking_id", "actor_id", "payload"}}).
   */
  @SqlQuery(
      """
      WITH message AS (
          SELECT * FROM jsonb_to_recordset(CAST(:messages AS jsonb))
                        AS m(id uuid, booking_id uuid, actor_id uuid, payload jsonb)
      ), cancelled AS (
          UPDATE bookings b SET status = 'CANCELLED', cancelled_at = :now, quantity = 0
          FROM message m
          WHERE b.id = m.booking_id AND b.event_id = :eventId AND b.status = 'CONFIRMED'
          RETURNING b.id, m.id AS message_id, m.actor_id, m.payload
      ), voided AS (
          -- Checked-in tickets too: the event is off for everyone.
          UPDATE tickets t SET status = 'VOID', voided_at = :now
          FROM cancelled c WHERE t.booking_id = c.id AND t.status <> 'VOID'
          RETURNING t.user_id
      ), freed AS (
          UPDATE events SET seats_booked = seats_booked - (SELECT count(*) FROM voided)
          WHERE id = :eventId
      ), released AS (
          UPDATE ticket_holdings h SET tickets = h.tickets - v.tickets
          FROM (SELECT user_id, count(*) AS tickets FROM voided GROUP BY user_id) v
          WHERE h.event_id = :eventId AND h.user_id = v.user_id
      ), recorded AS (
          INSERT INTO outbox (id, type, aggregate_type, aggregate_id, actor_id, payload,
                              trace_parent)
          SELECT c.message_id, :outboxType, 'booking', c.id, c.actor_id, c.payload,
                 CAST(:traceParent AS text)
          FROM cancelled c
      )
      SELECT count(*) FROM cancelled
      """)
  int cancelAllOfEvent(
      @Bind("eventId") UUID eventId,
      @Bind("messages") String messages,
      @Bind("now") Instant now,
      @Bind("outboxType") String outboxType,
      @Bind("traceParent") String traceParent);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM bookings WHERE user_id = :userId"
          + " AND (CAST(:status AS text) IS NULL OR status = :status)"
          + " AND (CAST(:afterCreatedAt AS timestamptz) IS NULL"
          + "      OR (created_at, id) < (:afterCreatedAt, :afterId))"
          + " ORDER BY created_at DESC, id DESC LIMIT :limit")
  List<Booking> listOfUser(
      @Bind("userId") UUID userId,
      @Bind("status") String status,
      @Bind("afterCreatedAt") Instant afterCreatedAt,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM bookings WHERE event_id = :eventId"
          + " AND (CAST(:afterCreatedAt AS timestamptz) IS NULL"
          + "      OR (created_at, id) < (:afterCreatedAt, :afterId))"
          + " ORDER BY created_at DESC, id DESC LIMIT :limit")
  List<Booking> listOfEvent(
      @Bind("eventId") UUID eventId,
      @Bind("afterCreatedAt") Instant afterCreatedAt,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);

  @SqlQuery(
      "WITH purged AS (DELETE FROM idempotency_keys WHERE created_at < :before RETURNING 1)"
          + " SELECT count(*) FROM purged")
  int purgeKeysOlderThan(@Bind("before") Instant before);

  /** Maps a bookings row. */
  final class BookingMapper implements RowMapper<Booking> {
    @Override
    public Booking map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Booking(
          rs.getObject("id", UUID.class),
          rs.getObject("event_id", UUID.class),
          rs.getObject("user_id", UUID.class),
          rs.getInt("quantity"),
          BookingStatus.valueOf(rs.getString("status")),
          rs.getTimestamp("created_at").toInstant(),
          Optional.ofNullable(rs.getTimestamp("cancelled_at")).map(Timestamp::toInstant));
    }
  }

  /** What a seat-taking statement did: the booking it made, and how many lapsed holds it ended. */
  record Seating(Optional<Booking> booking, int holdsExpired) {}

  /** Maps a booking statement's row, whose booking columns are null when it was refused. */
  final class SeatingMapper implements RowMapper<Seating> {
    private final BookingMapper bookings = new BookingMapper();

    @Override
    public Seating map(ResultSet rs, StatementContext ctx) throws SQLException {
      int expired = rs.getInt("holds_expired");
      return new Seating(
          rs.getObject("id") == null ? Optional.empty() : Optional.of(bookings.map(rs, ctx)),
          expired);
    }
  }

  /** Maps an idempotency_keys row. */
  final class KeyMapper implements RowMapper<StoredKey> {
    @Override
    public StoredKey map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new StoredKey(rs.getBytes("request_hash"), rs.getObject("booking_id", UUID.class));
    }
  }
}
