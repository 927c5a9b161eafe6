package boxoffice.app.data;

import boxoffice.app.domain.Comment;
import boxoffice.app.domain.RatingSummary;
import boxoffice.app.service.CommentKey;
import boxoffice.app.service.ReviewRepository;
import boxoffice.app.service.ReviewRepository.RatingEligibility;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Ratings and comments in PostgreSQL. */
final class JdbiReviewRepository implements ReviewRepository {
  private final ReviewDao reviews;
  private final EventDao events;

  @Inject
  JdbiReviewRepository(ReviewDao reviews, EventDao events) {
    this.reviews = reviews;
    this.events = events;
  }

  @Override
  public boolean rate(UUID eventId, UUID userId, int score, Instant now) {
    return reviews.rate(eventId, userId, score, now) == 1;
  }

  @Override
  public Optional<RatingEligibility> ratingEligibility(UUID eventId, UUID userId, Instant now) {
    return reviews.ratingEligibility(eventId, userId, now);
  }

  @Override
  public RatingSummary summary(UUID eventId) {
    return events.rating(eventId);
  }

  @Override
  public Comment insertComment(UUID id, UUID eventId, UUID authorId, String text, Instant now) {
    return reviews.insertComment(id, eventId, authorId, text, now);
  }

  @Override
  public Optional<Comment> findComment(UUID id) {
    return reviews.findComment(id);
  }

  @Override
  public boolean deleteComment(UUID id) {
    return reviews.deleteComment(id) == 1;
  }

  @Override
  public List<Comment> listComments(UUID eventId, Optional<CommentKey> after, int limit) {
    return reviews.listComments(
        eventId,
        after.map(CommentKey::createdAt).orElse(null),
        after.map(CommentKey::id).orElse(null),
        limit);
  }
}
