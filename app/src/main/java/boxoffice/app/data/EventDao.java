package boxoffice.app.data;

import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventDetails;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.HeldSeats;
import boxoffice.app.domain.RatingSummary;
import boxoffice.app.service.EventKey;
import boxoffice.app.service.EventQuery;
import boxoffice.app.service.EventView;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of the events table; an event's editable fields bind by their names in {@link EventDetails}.
 */
@RegisterRowMapper(EventDao.EventMapper.class)
interface EventDao extends SqlObject {
  /**
   * An event's columns, with the deadlines and seats of its ACTIVE holds (two arrays in the same
   * order), read only when it has held seats.
   */
  String COLUMNS =
      "id, title, description, venue, starts_at, ends_at, capacity, seats_booked,"
          + " max_tickets_per_user, time_zone, status, version, created_at, updated_at,"
          + " CASE WHEN seats_held = 0 THEN NULL ELSE (SELECT array_agg(h.expires_at ORDER BY"
          + " h.expires_at, h.id) FROM holds h WHERE h.event_id = events.id AND h.status = 'ACTIVE')"
          + " END AS hold_deadlines,"
          + " CASE WHEN seats_held = 0 THEN NULL ELSE (SELECT array_agg(h.quantity ORDER BY"
          + " h.expires_at, h.id) FROM holds h WHERE h.event_id = events.id AND h.status = 'ACTIVE')"
          + " END AS hold_seats";

  @SqlQuery(
      "INSERT INTO events (id, title, description, venue, starts_at, ends_at, capacity,"
          + " max_tickets_per_user, time_zone, status, created_at, updated_at)"
          + " VALUES (:id, :title, :description, :venue, :startsAt, :endsAt, :capacity,"
          + " :maxTicketsPerUser, :timeZone, :status, :now, :now) RETURNING "
          + COLUMNS)
  Event insert(
      @Bind("id") UUID id,
      @BindMethods EventDetails details,
      @Bind("status") String status,
      @Bind("now") Instant now);

  /** An event by id (run directly by {@link JdbiEventRepository}, and by {@link BookingDao}). */
  String BY_ID = "SELECT " + COLUMNS + " FROM events WHERE id = :id";

  @SqlQuery("SELECT " + COLUMNS + " FROM events WHERE id = :id FOR UPDATE")
  Optional<Event> findByIdForUpdate(@Bind("id") UUID id);

  @SqlQuery(
      "UPDATE events SET title = :title, description = :description, venue = :venue,"
          + " starts_at = :startsAt, ends_at = :endsAt, capacity = :capacity,"
          + " max_tickets_per_user = :maxTicketsPerUser, time_zone = :timeZone,"
          + " version = version + 1, updated_at = :now WHERE id = :id RETURNING "
          + COLUMNS)
  Event update(@Bind("id") UUID id, @BindMethods EventDetails details, @Bind("now") Instant now);

  /** Leaving PUBLISHED for DRAFT also requires that no seat is booked, checked in the row. */
  @SqlQuery(
      "UPDATE events SET status = :to, version = version + 1, updated_at = :now"
          + " WHERE id = :id AND status = :from AND (:to <> 'DRAFT' OR seats_booked + seats_held = 0)"
          + " RETURNING "
          + COLUMNS)
  Optional<Event> changeStatus(
      @Bind("id") UUID id,
      @Bind("from") String from,
      @Bind("to") String to,
      @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM events WHERE id = :id AND seats_booked = 0")
  int deleteUnbooked(@Bind("id") UUID id);

  @SqlQuery(
      "SELECT coalesce(sum(score), 0) AS total, count(*) AS ratings FROM ratings"
          + " WHERE event_id = :id")
  @RegisterRowMapper(RatingMapper.class)
  RatingSummary rating(@Bind("id") UUID id);

  /** One search; fixed SQL fragments are chosen in Java, every value is a bound parameter. */
  default List<Event> search(EventQuery query, Optional<EventKey> after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM events WHERE TRUE");
    if (!query.includeDrafts()) {
      sql.append(" AND status <> 'DRAFT'");
    }
    query.status().ifPresent(s -> sql.append(" AND status = :status"));
    if (!query.words().isEmpty()) {
      sql.append(" AND search @@ to_tsquery('simple', :words)");
    }
    query.from().ifPresent(f -> sql.append(" AND starts_at >= :from"));
    query.to().ifPresent(t -> sql.append(" AND starts_at < :to"));
    query.venue().ifPresent(v -> sql.append(" AND lower(venue) = lower(:venue)"));
    SortSql order = SortSql.of(query.sort());
    after.ifPresent(a -> sql.append(" AND ").append(order.keyset()));
    sql.append(" ORDER BY ").append(order.orderBy()).append(" LIMIT :limit");

    Query statement =
        getHandle()
            .createQuery(sql.toString())
            .addCustomizer(PlannedPerExecution.INSTANCE)
            .bind("limit", limit);
    query.status().ifPresent(s -> statement.bind("status", s.name()));
    if (!query.words().isEmpty()) {
      // Words are letters and digits only, so they are safe tsquery lexemes; ':*' matches prefixes.
      statement.bind(
          "words", query.words().stream().map(w -> w + ":*").collect(Collectors.joining(" & ")));
    }
    query.from().ifPresent(f -> statement.bind("from", f));
    query.to().ifPresent(t -> statement.bind("to", t));
    query.venue().ifPresent(v -> statement.bind("venue", v));
    after.ifPresent(
        a -> {
          if (order.textKey()) {
            statement.bind("afterValue", a.sortValue());
          } else {
            statement.bind("afterValue", Instant.parse(a.sortValue()));
          }
          statement.bind("afterId", a.id());
        });
    return statement.map(new EventMapper()).list();
  }

  /** Keyset condition and order of one sort. */
  record SortSql(String keyset, String orderBy, boolean textKey) {
    static SortSql of(boxoffice.app.service.EventSort sort) {
      return switch (sort) {
        case STARTS_AT ->
            new SortSql("(starts_at, id) > (:afterValue, :afterId)", "starts_at, id", false);
        case STARTS_AT_DESC ->
            new SortSql(
                "(starts_at, id) < (:afterValue, :afterId)", "starts_at DESC, id DESC", false);
        case TITLE -> new SortSql("(title, id) > (:afterValue, :afterId)", "title, id", true);
        case CREATED_AT_DESC ->
            new SortSql(
                "(created_at, id) < (:afterValue, :afterId)", "created_at DESC, id DESC", false);
      };
    }
  }

  /** An event page in one round trip: the event and its rating summary (run directly). */
  String VIEW =
      "SELECT "
          + COLUMNS
          + ", r.total, r.ratings FROM events CROSS JOIN LATERAL"
          + " (SELECT coalesce(sum(score), 0) AS total, count(*) AS ratings FROM ratings"
          + " WHERE event_id = events.id) r WHERE events.id = :id";

  /** Maps an events row. */
  final class EventMapper implements RowMapper<Event> {
    @Override
    public Event map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Event(
          rs.getObject("id", UUID.class),
          rs.getString("title"),
          rs.getString("description"),
          rs.getString("venue"),
          rs.getTimestamp("starts_at").toInstant(),
          rs.getTimestamp("ends_at").toInstant(),
          rs.getInt("capacity"),
          rs.getInt("seats_booked"),
          heldSeats(rs),
          rs.getInt("max_tickets_per_user"),
          rs.getString("time_zone"),
          EventStatus.valueOf(rs.getString("status")),
          rs.getInt("version"),
          rs.getTimestamp("created_at").toInstant(),
          rs.getTimestamp("updated_at").toInstant());
    }
  }

  private static HeldSeats heldSeats(ResultSet rs) throws SQLException {
    Array deadlines = rs.getArray("hold_deadlines");
    Array seats = rs.getArray("hold_seats");
    if (deadlines == null || seats == null) {
      return HeldSeats.NONE;
    }
    Timestamp[] until = (Timestamp[]) deadlines.getArray();
    Integer[] quantities = (Integer[]) seats.getArray();
    List<HeldSeats.Until> holds = new ArrayList<>(until.length);
    for (int i = 0; i < until.length; i++) {
      holds.add(new HeldSeats.Until(until[i].toInstant(), quantities[i]));
    }
    return new HeldSeats(holds);
  }

  /** Maps an events row joined with its rating summary. */
  final class EventViewMapper implements RowMapper<EventView> {
    private final EventMapper events = new EventMapper();
    private final RatingMapper ratings = new RatingMapper();

    @Override
    public EventView map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new EventView(events.map(rs, ctx), ratings.map(rs, ctx));
    }
  }

  /** Maps the rating aggregate. */
  final class RatingMapper implements RowMapper<RatingSummary> {
    @Override
    public RatingSummary map(ResultSet rs, StatementContext ctx) throws SQLException {
      return RatingSummary.of(rs.getLong("total"), rs.getInt("ratings"));
    }
  }
}
