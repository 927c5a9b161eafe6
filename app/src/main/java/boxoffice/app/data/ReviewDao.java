package boxoffice.app.data;

import boxoffice.app.domain.Comment;
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
  String COMMENT_COLUMNS =
      "c.id, c.event_id, c.user_id, u.name AS author_name, c.text, c.created_at";

  /** The holder check and the upsert are one statement, so a cancelled holder cannot slip in. */
  @SqlUpdate(
      """
      INSERT INTO ratings (event_id, user_id, score, updated_at)
      SELECT :eventId, :userId, :score, :now
      WHERE EXISTS (SELECT 1 FROM bookings WHERE event_id = :eventId AND user_id = :userId
                    AND status = 'CONFIRMED')
      ON CONFLICT (event_id, user_id)
      DO UPDATE SET score = EXCLUDED.score, updated_at = EXCLUDED.updated_at
      """)
  int rate(
      @Bind("eventId") UUID eventId,
      @Bind("userId") UUID userId,
      @Bind("score") int score,
      @Bind("now") Instant now);

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
          rs.getTimestamp("created_at").toInstant());
    }
  }
}
