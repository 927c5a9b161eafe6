package boxoffice.app.data;

import boxoffice.app.domain.WaitlistEntry;
import boxoffice.app.domain.WaitlistStatus;
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

/** SQL of waiting lists. */
@RegisterRowMapper(WaitlistDao.EntryMapper.class)
interface WaitlistDao {
  /** An entry's columns with its place among the event's waiting entries (null once it is not). */
  String COLUMNS =
      "w.id, w.event_id, w.user_id, w.quantity, w.status, w.position, w.hold_id,"
          + " w.offer_expires_at, w.created_at,"
          + " CASE WHEN w.status = 'WAITING' THEN (SELECT count(*) FROM waitlist_entries x"
          + " WHERE x.event_id = w.event_id AND x.status = 'WAITING' AND x.position <= w.position)"
          + " END AS place";

  /** Adds the entry; empty when the user already has one in line (nothing written). */
  @SqlQuery(
      """
      WITH joined AS (
          INSERT INTO waitlist_entries AS w (id, event_id, user_id, quantity, status, created_at)
          VALUES (:id, :eventId, :userId, :quantity, 'WAITING', :now)
          ON CONFLICT (event_id, user_id) WHERE status IN ('WAITING', 'OFFERED') DO NOTHING
          RETURNING *
      )
      SELECT w.id, w.event_id, w.user_id, w.quantity, w.status, w.position, w.hold_id,
             w.offer_expires_at, w.created_at,
             1 + (SELECT count(*) FROM waitlist_entries x
                  WHERE x.event_id = w.event_id AND x.status = 'WAITING') AS place
      FROM joined w
      """)
  Optional<WaitlistEntry> join(
      @Bind("id") UUID id,
      @Bind("eventId") UUID eventId,
      @Bind("userId") UUID userId,
      @Bind("quantity") int quantity,
      @Bind("now") Instant now);

  @SqlQuery("SELECT " + COLUMNS + " FROM waitlist_entries w WHERE w.id = :id")
  Optional<WaitlistEntry> findById(@Bind("id") UUID id);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM waitlist_entries w WHERE w.user_id = :userId"
          + " AND (CAST(:afterCreatedAt AS timestamptz) IS NULL"
          + "      OR (w.created_at, w.id) < (:afterCreatedAt, :afterId))"
          + " ORDER BY w.created_at DESC, w.id DESC LIMIT :limit")
  List<WaitlistEntry> listOfUser(
      @Bind("userId") UUID userId,
      @Bind("afterCreatedAt") Instant afterCreatedAt,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM waitlist_entries w WHERE w.event_id = :eventId AND w.position > :afterOrder"
          + " ORDER BY w.position LIMIT :limit")
  List<WaitlistEntry> listOfEvent(
      @Bind("eventId") UUID eventId, @Bind("afterOrder") long afterOrder, @Bind("limit") int limit);

  /** The event's entries still waiting, in join order; the caller holds the event row lock. */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM waitlist_entries w WHERE w.event_id = :eventId AND w.status = 'WAITING'"
          + " ORDER BY w.position LIMIT :limit")
  List<WaitlistEntry> waiting(@Bind("eventId") UUID eventId, @Bind("limit") int limit);

  /**
   * Offers the waiting entry a hold of its whole quantity until {@code :expiresAt}: the hold, the
   * event's held seats and the user's count, in one statement; 0 when the entry no longer waits.
   * The caller holds the event row lock and has checked that the seats and the user's limit allow
   * it (the CHECKs back that up).
   */
  @SqlQuery(
      """
      WITH entry AS (
          UPDATE waitlist_entries
          SET status = 'OFFERED', hold_id = :holdId, offer_expires_at = :expiresAt
          WHERE id = :entryId AND status = 'WAITING'
          RETURNING event_id, user_id, quantity
      ), hold AS (
          INSERT INTO holds (id, event_id, user_id, quantity, status, expires_at, created_at)
          SELECT :holdId, event_id, user_id, quantity, 'ACTIVE', :expiresAt, :now FROM entry
          RETURNING event_id, user_id, quantity
      ), seat AS (
          UPDATE events e SET seats_held = e.seats_held + h.quantity
          FROM hold h WHERE e.id = h.event_id
      ), held AS (
          INSERT INTO ticket_holdings AS t (event_id, user_id, tickets, ticket_limit)
          SELECT h.event_id, h.user_id, h.quantity, e.max_tickets_per_user
          FROM hold h JOIN events e ON e.id = h.event_id
          ON CONFLICT (event_id, user_id) DO UPDATE
              SET tickets = t.tickets + excluded.tickets, ticket_limit = excluded.ticket_limit
      )
      SELECT count(*) FROM hold
      """)
  int offer(
      @Bind("entryId") UUID entryId,
      @Bind("holdId") UUID holdId,
      @Bind("expiresAt") Instant expiresAt,
      @Bind("now") Instant now);

  /** Ends the event's offers past their deadline; the caller holds the event row lock. */
  @SqlQuery(
      "UPDATE waitlist_entries w SET status = 'EXPIRED', ended_at = :now"
          + " WHERE w.event_id = :eventId AND w.status = 'OFFERED' AND w.offer_expires_at <= :now"
          + " RETURNING "
          + COLUMNS)
  List<WaitlistEntry> expireOffers(@Bind("eventId") UUID eventId, @Bind("now") Instant now);

  /** Marks the entry of a confirmed hold ACCEPTED. */
  @SqlQuery(
      "UPDATE waitlist_entries w SET status = 'ACCEPTED', ended_at = :now"
          + " WHERE w.hold_id = :holdId AND w.status = 'OFFERED' RETURNING "
          + COLUMNS)
  Optional<WaitlistEntry> accept(@Bind("holdId") UUID holdId, @Bind("now") Instant now);

  /** The entry of a released offered hold leaves the line. */
  @SqlQuery(
      "UPDATE waitlist_entries w SET status = 'LEFT', ended_at = :now"
          + " WHERE w.hold_id = :holdId AND w.status = 'OFFERED' RETURNING "
          + COLUMNS)
  Optional<WaitlistEntry> declineOffer(@Bind("holdId") UUID holdId, @Bind("now") Instant now);

  /** Takes an entry in line off the list. */
  @SqlQuery(
      "UPDATE waitlist_entries w SET status = 'LEFT', ended_at = :now"
          + " WHERE w.id = :id AND w.status IN ('WAITING', 'OFFERED') RETURNING "
          + COLUMNS)
  Optional<WaitlistEntry> leave(@Bind("id") UUID id, @Bind("now") Instant now);

  /** Ends every entry of the event still in line; the caller holds the event row lock. */
  @SqlQuery(
      "UPDATE waitlist_entries w SET status = 'CLOSED', ended_at = :now"
          + " WHERE w.event_id = :eventId AND w.status IN ('WAITING', 'OFFERED') RETURNING "
          + COLUMNS)
  List<WaitlistEntry> close(@Bind("eventId") UUID eventId, @Bind("now") Instant now);

  /**
   * Events whose waiting list needs the offer worker: an offer past its deadline, a list of an
   * event that has started, was cancelled or completed, or a waiting entry that the seats available
   * (counting lapsed holds as free) would fit.
   */
  @SqlQuery(
      """
      SELECT DISTINCT w.event_id FROM waitlist_entries w JOIN events e ON e.id = w.event_id
      WHERE (w.status = 'OFFERED' AND w.offer_expires_at <= :now)
         OR (w.status = 'WAITING'
             AND (e.status IN ('CANCELLED', 'COMPLETED')
                  OR (e.status = 'PUBLISHED'
                      AND (e.starts_at <= :now
                           OR e.capacity - e.seats_booked - e.seats_held
                              + coalesce((SELECT sum(h.quantity) FROM holds h
                                          WHERE h.event_id = e.id AND h.status = 'ACTIVE'
                                            AND h.expires_at <= :now), 0) >= w.quantity))))
      LIMIT :limit
      """)
  List<UUID> eventsToServe(@Bind("now") Instant now, @Bind("limit") int limit);

  /** Maps a waitlist_entries row with its {@code place}. */
  final class EntryMapper implements RowMapper<WaitlistEntry> {
    @Override
    public WaitlistEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
      long place = rs.getLong("place");
      boolean placed = !rs.wasNull();
      return new WaitlistEntry(
          rs.getObject("id", UUID.class),
          rs.getObject("event_id", UUID.class),
          rs.getObject("user_id", UUID.class),
          rs.getInt("quantity"),
          WaitlistStatus.valueOf(rs.getString("status")),
          rs.getLong("position"),
          placed ? Optional.of((int) place) : Optional.empty(),
          Optional.ofNullable(rs.getObject("hold_id", UUID.class)),
          Optional.ofNullable(rs.getTimestamp("offer_expires_at")).map(Timestamp::toInstant),
          rs.getTimestamp("created_at").toInstant());
    }
  }
}
