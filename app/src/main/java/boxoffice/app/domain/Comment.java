package boxoffice.app.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's comment on an event, stored exactly as written. {@code verifiedAttendee}: its author
 * holds a checked-in ticket of the event (as of when the comment was read, not when written).
 */
public record Comment(
    UUID id,
    UUID eventId,
    UUID authorId,
    String authorName,
    String text,
    Instant createdAt,
    boolean verifiedAttendee) {
  public static final int MAX_LENGTH = 2000;

  /** Authors remove their own comments; administrators moderate any. */
  public boolean mayBeDeletedBy(Principal principal) {
    return principal.isAdmin() || authorId.equals(principal.userId());
  }
}
