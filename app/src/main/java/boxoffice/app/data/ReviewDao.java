package boxoffice.app.data;

import boxoffice.app.domain.Comment;
import boxoffice.app.service.ReviewRepository.RatingEligibility;
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
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of ratings and comments. */
@RegisterRowMapper(ReviewDao.CommentMapper.class)
interface ReviewDao {
  /**
   * A comment with its author's name and whether the author holds a checked-in ticket of the event
   * now (found through {@code tickets_event_holder_idx}).
   */
  String COMMENT_COLUMNS =
      "c.id, c.event_id, c.user_id, u.name AS author_name, c.text, c.created_at,"
          + " EXISTS (SELECT 1 FROM tickets t WHERE t.event_id = c.event_id"
          + "         AND t.user_id = c.user_id AND t.status = 'USED') AS verified_attendee";

  /**
   * Sets the score if the event has started and the user holds a VALID or USED ticket of it. The
   * checks and the upsert are one statement, so no request that voids the ticket or moves the start
   * can slip in between them.
   */
  @SqlUpdate(
      """
      INSERT INTO ratings (event_id, user_id, score, updated_at)
      SELECT :eventId, :userId, :score, :now
      WHERE EXISTS (SELECT 1 FROM events WHERE id = :eventId AND starts_at <= :now)
        AND EXISTS (SELECT 1 FROM tickets WHERE event_id = :eventId AND user_id = :userId
                    AND status IN ('VALID', 'USED'))
      ON CONFLICT (event_id, user_id)
      DO UPDATE SET score = EXCLUDED.score, updated_at = EXCLUDED.updated_at
      """)
  int rate(
      @Bind("eventId") UUID eventId,
      @Bind("userId") UUID userId,
      @Bind("score") int score,
      @Bind("now") Instant now);

  /** What {@link #rate} checks, read on its own to explain a refusal; empty without the event. */
  @SqlQuery(
      """
      SELECT e.starts_at <= :now AS started,
             EXISTS (SELECT 1 FROM tickets t WHERE t.event_id = e.id AND t.user_id = :userId
                     AND t.status IN ('VALID', 'USED')) AS holds_ticket
      FROM events e WHERE e.id = :eventId
      """)
  @RegisterRowMapper(EligibilityMapper.class)
  Optional<RatingEligibility> ratingEligibility(
      @Bind("eventId") UUID eventId, @Bind("userId") UUID userId, @Bind("now") Instant now);

  @SqlQuery(
      "WITH c AS (INSERT INTO comments (id, event_id, user_id, text, created_at)"
          + " VALUES (:id, :eventId, :userId, :text, :now) RETURNING *)"
          + " SELECT "
          + COMMENT_COLUMNS
          + " FROM c JOIN users u ON u.id = c.user_id")
  Comment insertComment(
      @Bind("id") UUID id,
      @Bind("eventId") UUID eventId,
      @Bind("userId") UUID userId,
      @Bind("text") String text,
      @Bind("now") Instant now);

  @SqlQuery(
      "SELECT "
          + COMMENT_COLUMNS
          + " FROM comments c JOIN users u ON u.id = c.user_id WHERE c.id = :id")
  Optional<Comment> findComment(@Bind("id") UUID id);

  @SqlUpdate("DELETE FROM comments WHERE id = :id")
  int deleteComment(@Bind("id") UUID id);

  @SqlQuery(
      "SELECT "
          + COMMENT_COLUMNS
          + " FROM comments c JOIN users u ON u.id = c.user_id WHERE c.event_id = :eventId"
          + " AND (CAST(:afterCreatedAt AS timestamptz) IS NULL"
          + "      OR (c.created_at, c.id) > (:afterCreatedAt, :afterId))"
          + " ORDER BY c.created_at, c.id LIMIT :limit")
  List<Comment> listComments(
      @Bind("eventId") UUID eventId,
      @Bind("afterCreatedAt") Instant afterCreatedAt,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);

  /** Maps a comment row joined with its author's name. */
  final class CommentMapper implements RowMapper<Comment> {
    @Override
    public Comment map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Comment(
          rs.getObject("id", UUID.class),
          rs.getObject("event_id", UUID.class),
          rs.getObject("user_id", UUID.class),
          rs.getString("author_name"),
          rs.getString("text"),
          rs.getTimestamp("created_at").toInstant(),
          rs.getBoolean("verified_attendee"));
    }
  }

  /** Maps the two conditions of a rating. */
  final class EligibilityMapper implements RowMapper<RatingEligibility> {
    @Override
    public RatingEligibility map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new RatingEligibility(rs.getBoolean("started"), rs.getBoolean("holds_ticket"));
    }
  }
}
