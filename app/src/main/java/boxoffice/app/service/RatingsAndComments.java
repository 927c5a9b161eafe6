package boxoffice.app.service;

import boxoffice.app.domain.Comment;
import boxoffice.app.domain.ForbiddenException;
import boxoffice.app.domain.NotFoundException;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.ProblemCode;
import boxoffice.app.domain.RatingSummary;
import boxoffice.app.domain.Violations;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Ratings by ticket holders and comments by signed-in users. */
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
    if (!reviews.rate(eventId, user.userId(), score, clock.instant())) {
      throw new ForbiddenException(
          ProblemCode.NOT_AN_ATTENDEE, "Only holders of a confirmed booking may rate this event");
    }
    return reviews.summary(eventId);
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
