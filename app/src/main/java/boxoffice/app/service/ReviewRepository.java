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
   * Sets the user's score for the event if, at {@code now}, the event has started and the user
   * holds a VALID or USED ticket of it (checked in the same statement); false otherwise.
   */
  boolean rate(UUID eventId, UUID userId, int score, Instant now);

  /**
   * The conditions of {@link #rate} as the database has them now, to explain a refusal; empty when
   * there is no such event.
   */
  Optional<RatingEligibility> ratingEligibility(UUID eventId, UUID userId, Instant now);

  RatingSummary summary(UUID eventId);

  /** Stores a comment and returns it with its author's name and attendance. */
  Comment insertComment(UUID id, UUID eventId, UUID authorId, String text, Instant now);

  Optional<Comment> findComment(UUID id);

  boolean deleteComment(UUID id);

  List<Comment> listComments(UUID eventId, Optional<CommentKey> after, int limit);

  /** Whether the event had started and whether the user held a VALID or USED ticket of it. */
  record RatingEligibility(boolean started, boolean holdsTicket) {}
}
