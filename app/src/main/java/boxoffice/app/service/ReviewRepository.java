package boxoffice.app.service;

import boxoffice.app.domain.Comment;
import boxoffice.app.domain.RatingSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: ratings and comments. */
public interface ReviewRepository {
  /**
   * Sets the user's score for the event if the user holds a confirmed booking of it (checked in the
   * same statement); false otherwise.
   */
  boolean rate(UUID eventId, UUID userId, int score, Instant now);

  RatingSummary summary(UUID eventId);

  Comment insertComment(UUID id, UUID eventId, UUID authorId, String text, Instant now);

  Optional<Comment> findComment(UUID id);

  boolean deleteComment(UUID id);

  List<Comment> listComments(UUID eventId, Optional<CommentKey> after, int limit);
}
