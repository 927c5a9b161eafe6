package boxoffice.app.cache;

import boxoffice.app.data.DataModule;
import boxoffice.app.domain.Comment;
import boxoffice.app.domain.RatingSummary;
import boxoffice.app.service.CommentKey;
import boxoffice.app.service.ReviewRepository;
import boxoffice.app.service.ReviewRepository.RatingEligibility;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A new rating changes the event's average: it invalidates the cached event. */
record CachingReviewRepository(
    @Named(DataModule.DATABASE) ReviewRepository database, CacheAside cacheAside)
    implements ReviewRepository {
  @Inject
  CachingReviewRepository {}

  @Override
  public boolean rate(UUID eventId, UUID userId, int score, Instant now) {
    boolean rated = database.rate(eventId, userId, score, now);
    if (rated) {
      cacheAside.invalidate(eventId);
    }
    return rated;
  }

  @Override
  public Optional<RatingEligibility> ratingEligibility(UUID eventId, UUID userId, Instant now) {
    return database.ratingEligibility(eventId, userId, now);
  }

  @Override
  public RatingSummary summary(UUID eventId) {
    return database.summary(eventId);
  }

  @Override
  public Comment insertComment(UUID id, UUID eventId, UUID authorId, String text, Instant now) {
    return database.insertComment(id, eventId, authorId, text, now);
  }

  @Override
  public Optional<Comment> findComment(UUID id) {
    return database.findComment(id);
  }

  @Override
  public boolean deleteComment(UUID id) {
    return database.deleteComment(id);
  }

  @Override
  public List<Comment> listComments(UUID eventId, Optional<CommentKey> after, int limit) {
    return database.listComments(eventId, after, limit);
  }
}
