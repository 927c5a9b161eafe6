package boxoffice.app.service;

import boxoffice.app.domain.Comment;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.RatingSummary;
import java.util.Optional;
import java.util.UUID;

/** Ratings and comments on events. */
public interface ReviewService {
  /**
   * Sets the caller's score (1..5); only holders of a valid or used ticket may rate, and only once
   * the event has started.
   */
  RatingSummary rate(Principal user, UUID eventId, Integer score);

  Comment comment(Principal user, UUID eventId, String text);

  Page<Comment> comments(Optional<Principal> caller, UUID eventId, PageRequest<CommentKey> page);

  void deleteComment(Principal caller, UUID commentId);
}
