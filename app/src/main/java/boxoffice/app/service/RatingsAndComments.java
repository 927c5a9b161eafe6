package boxoffice.app.service;

import boxoffice.app.domain.Comment;
import boxoffice.app.domain.ForbiddenException;
import boxoffice.app.domain.NotFoundException;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.ProblemCode;
import boxoffice.app.domain.RatingSummary;
import boxoffice.app.domain.Violations;
import boxoffice.app.service.ReviewRepository.RatingEligibility;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Ratings by holders of a valid or used ticket once the event has started, and comments by any
 * signed-in user (marked when the author has checked in).
 */
public final class RatingsAndComments implements ReviewService {
  private final Transactions transactions;
  private final ReviewRepository reviews;
  private final EventRepository events;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  public RatingsAndComments(
      Transactions transactions,
      ReviewRepository reviews,
      EventRepository events,
      Outbox outbox,
      Clock clock) {
    this.transactions = transactions;
    this.reviews = reviews;
    this.events = events;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public RatingSummary rate(Principal user, UUID eventId, Integer score) {
    Violations violations = new Violations();
    if (violations.require(score, "score")) {
      violations.check(score >= 1 && score <= 5, "score", "must be between 1 and 5");
    }
    violations.throwIfAny();
    requireVisibleEvent(Optional.of(user), eventId);
    Instant now = clock.instant();
    if (!reviews.rate(eventId, user.userId(), score, now)) {
      explainRefusal(eventId, user.userId(), now);
      // Both conditions hold by now (the event was moved earlier meanwhile): once more.
      if (!reviews.rate(eventId, user.userId(), score, now)) {
        throw notAHolder();
      }
    }
    return reviews.summary(eventId);
  }

  /**
   * Throws the reason for a refused rating, read from the database after the refusal; returns when
   * the event has started and the user holds a ticket after all.
   *
   * <p>Holders cancel their bookings and tickets only before the event starts, and ratings open
   * only once it has started, so a holder cannot rate and then take the seat back. An administrator
   * may still cancel the whole event after its start: that voids every ticket, which refuses new
   * ratings but keeps those already given.
   */
  private void explainRefusal(UUID eventId, UUID userId, Instant now) {
    RatingEligibility eligibility =
        reviews
            .ratingEligibility(eventId, userId, now)
            .orElseThrow(() -> new NotFoundException("No such event"));
    if (!eligibility.started()) {
      throw new ForbiddenException(
          ProblemCode.NOT_AN_ATTENDEE,
          "Ratings open when the event starts, for holders of a valid or used ticket");
    }
    if (!eligibility.holdsTicket()) {
      throw notAHolder();
    }
  }

  private static ForbiddenException notAHolder() {
    return new ForbiddenException(
        ProblemCode.NOT_AN_ATTENDEE, "Only holders of a valid or used ticket may rate this event");
  }

  @Override
  public Comment comment(Principal user, UUID eventId, String text) {
    Violations violations = new Violations();
    if (violations.require(text, "text")) {
      int length = text.codePointCount(0, text.length());
      violations.check(
          !text.isBlank() && length <= Comment.MAX_LENGTH,
          "text",
          "must be 1 to " + Comment.MAX_LENGTH + " characters and not blank");
    }
    violations.throwIfAny();
    requireVisibleEvent(Optional.of(user), eventId);
    return reviews.insertComment(UUID.randomUUID(), eventId, user.userId(), text, clock.instant());
  }

  @Override
  public Page<Comment> comments(
      Optional<Principal> caller, UUID eventId, PageRequest<CommentKey> page) {
    requireVisibleEvent(caller, eventId);
    return Page.fromOverfetch(
        reviews.listComments(eventId, page.after(), page.limit() + 1), page.limit());
  }

  @Override
  public void deleteComment(Principal caller, UUID commentId) {
    Comment comment =
        reviews.findComment(commentId).orElseThrow(() -> new NotFoundException("No such comment"));
    if (!comment.mayBeDeletedBy(caller)) {
      throw new ForbiddenException(
          ProblemCode.NOT_THE_AUTHOR, "Only the author or an administrator may delete a comment");
    }
    transactions.run(
        () -> {
          if (reviews.deleteComment(commentId) && !comment.authorId().equals(caller.userId())) {
            outbox.record(
                OutboxMessage.CommentDeletedByAdmin.of(
                    commentId,
                    caller.userId(),
                    comment.eventId(),
                    comment.authorId(),
                    comment.text()));
          }
        });
  }

  private void requireVisibleEvent(Optional<Principal> caller, UUID eventId) {
    boolean admin = caller.map(Principal::isAdmin).orElse(false);
    events
        .findById(eventId)
        .filter(e -> e.isVisibleTo(admin))
        .orElseThrow(() -> new NotFoundException("No such event"));
  }
}
