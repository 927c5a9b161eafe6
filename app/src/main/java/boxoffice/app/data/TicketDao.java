package boxoffice.app.data;

import boxoffice.app.domain.CheckInSummary;
import boxoffice.app.domain.Ticket;
import boxoffice.app.domain.TicketStatus;
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

/** SQL of tickets. Each status change is one conditional statement, with its outbox row. */
@RegisterRowMapper(TicketDao.TicketMapper.class)
interface TicketDao {
  String COLUMNS = "id, booking_id, event_id, user_id, code, status, checked_in_at";

  @SqlQuery("SELECT " + COLUMNS + " FROM tickets WHERE booking_id = :bookingId ORDER BY id")
  List<Ticket> ofBooking(@Bind("bookingId") UUID bookingId);

  @SqlQuery("SELECT " + COLUMNS + " FROM tickets WHERE id = :id")
  Optional<Ticket> findById(@Bind("id") UUID id);

  @SqlQuery("SELECT " + COLUMNS + " FROM tickets WHERE code = :code AND event_id = :eventId")
  Optional<Ticket> findByCode(@Bind("eventId") UUID eventId, @Bind("code") String code);

  /**
   * Voids a VALID ticket of an event that has not started; its booking loses one seat (and is
   * cancelled with its last ticket), the event and the holder's count get the seat back. The
   * booking's quantity, the event's seats and the holder's count move together, so the seat counter
   * always equals the tickets of the event that are not VOID.
   */
  @SqlQuery(
      """
      WITH voided AS (
          UPDATE tickets t SET status = 'VOID', voided_at = :now
          FROM events e
          WHERE t.id = :id AND t.status = 'VALID' AND e.id = t.event_id AND e.starts_at > :now
          RETURNING t.*
      ), shrunk AS (
          UPDATE bookings b SET quantity = b.quantity - 1,
                 status = CASE WHEN b.quantity = 1 THEN 'CANCELLED' ELSE b.status END,
                 cancelled_at = CASE WHEN b.quantity = 1 THEN :now ELSE b.cancelled_at END
          FROM voided v WHERE b.id = v.booking_id
      ), freed AS (
          UPDATE events e SET seats_booked = e.seats_booked - 1
          FROM voided v WHERE e.id = v.event_id
      ), released AS (
          UPDATE ticket_holdings h SET tickets = h.tickets - 1
          FROM voided v WHERE h.event_id = v.event_id AND h.user_id = v.user_id
      ), recorded AS (
          INSERT INTO outbox (id, type, aggregate_type, aggregate_id, actor_id, payload,
                              trace_parent)
          SELECT :outboxId, :outboxType, 'ticket', v.id, :actorId, CAST(:payload AS jsonb),
                 CAST(:traceParent AS text)
          FROM voided v
      )
      SELECT id, booking_id, event_id, user_id, code, status, checked_in_at FROM voided
      """)
  Optional<Ticket> cancel(
      @Bind("id") UUID id,
      @Bind("actorId") UUID actorId,
      @Bind("now") Instant now,
      @Bind("outboxId") UUID outboxId,
      @Bind("outboxType") String outboxType,
      @Bind("payload") String payload,
      @Bind("traceParent") String traceParent);

  /** Moves a ticket {@code from} one status {@code to} another, recording the change. */
  @SqlQuery(
      """
      WITH moved AS (
          UPDATE tickets SET status = :to, checked_in_at = CAST(:checkedInAt AS timestamptz)
          WHERE id = :id AND status = :from
          RETURNING id
      ), recorded AS (
          INSERT INTO outbox (id, type, aggregate_type, aggregate_id, actor_id, payload,
                              trace_parent)
          SELECT :outboxId, :outboxType, 'ticket', m.id, :actorId, CAST(:payload AS jsonb),
                 CAST(:traceParent AS text)
          FROM moved m
      )
      SELECT count(*) FROM moved
      """)
  int move(
      @Bind("id") UUID id,
      @Bind("from") String from,
      @Bind("to") String to,
      @Bind("checkedInAt") Instant checkedInAt,
      @Bind("actorId") UUID actorId,
      @Bind("outboxId") UUID outboxId,
      @Bind("outboxType") String outboxType,
      @Bind("payload") String payload,
      @Bind("traceParent") String traceParent);

  @SqlQuery(
      "SELECT count(*) FILTER (WHERE status <> 'VOID') AS tickets,"
          + " count(*) FILTER (WHERE status = 'USED') AS checked_in"
          + " FROM tickets WHERE event_id = :eventId")
  @RegisterRowMapper(SummaryMapper.class)
  CheckInSummary summary(@Bind("eventId") UUID eventId);

  /** Maps a tickets row. */
  final class TicketMapper implements RowMapper<Ticket> {
    @Override
    public Ticket map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Ticket(
          rs.getObject("id", UUID.class),
          rs.getObject("booking_id", UUID.class),
          rs.getObject("event_id", UUID.class),
          rs.getObject("user_id", UUID.class),
          rs.getString("code"),
          TicketStatus.valueOf(rs.getString("status")),
          Optional.ofNullable(rs.getTimestamp("checked_in_at")).map(Timestamp::toInstant));
    }
  }

  /** Maps the door's counts. */
  final class SummaryMapper implements RowMapper<CheckInSummary> {
    @Override
    public CheckInSummary map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new CheckInSummary(rs.getInt("tickets"), rs.getInt("checked_in"));
    }
  }
}
