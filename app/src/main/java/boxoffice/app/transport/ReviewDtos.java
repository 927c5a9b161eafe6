package boxoffice.app.transport;

import boxoffice.app.domain.Comment;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of ratings and comments. */
final class ReviewDtos {
  private ReviewDtos() {}

  /** A rating. */
  record RatingRequest(@OpenApiRequired @OpenApiExample("5") Integer score) {}

  /** A new comment. */
  record CommentRequest(@OpenApiRequired @OpenApiDescription("1 to 2000 characters") String text) {}

  /** A comment; {@code text} is exactly what its author wrote. */
  record CommentResponse(
      UUID id,
      UUID eventId,
      @OpenApiDescription("The author's user id") UUID userId,
      @OpenApiDescription("The author's user id, as userId; kept for existing clients")
          UUID authorId,
      String authorName,
      String text,
      @OpenApiDescription(
              "True when the author holds a checked-in (USED) ticket of the event; computed when"
                  + " the comment is read, so it turns true once the author checks in")
          boolean verifiedAttendee,
      Instant createdAt) {
    static CommentResponse of(Comment c) {
      return new CommentResponse(
          c.id(),
          c.eventId(),
          c.authorId(),
          c.authorId(),
          c.authorName(),
          c.text(),
          c.verifiedAttendee(),
          c.createdAt());
    }
  }

  /** A page of comments. */
  record CommentPage(List<CommentResponse> items, @OpenApiNullable String nextCursor) {}
}
