package boxoffice.app.transport;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.Comment;
import boxoffice.app.domain.Event;
import boxoffice.app.domain.RatingSummary;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of events, bookings, ratings and comments. */
final class EventDtos {
  private EventDtos() {}

  /** A new event. */
  record CreateEventRequest(
      @OpenApiExample("Jazz Night") String title,
      String description,
      @OpenApiExample("Blue Note, Berlin") String venue,
      @OpenApiExample("2027-03-01T19:00:00Z") Instant startsAt,
      @OpenApiExample("2027-03-01T22:00:00Z") Instant endsAt,
      @OpenApiExample("120") Integer capacity,
      @OpenApiDescription("DRAFT (default) or PUBLISHED") String status) {}

  /** A partial update: fields left out (or null) keep their value. */
  record PatchEventRequest(
      String title,
      String description,
      String venue,
      Instant startsAt,
      Instant endsAt,
      Integer capacity) {}

  /** A status change. */
  record StatusRequest(@OpenApiExample("PUBLISHED") String status) {}

  /** An event; {@code rating} is present on the detail view. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record EventResponse(
      UUID id,
      String title,
      String description,
      String venue,
      Instant startsAt,
      Instant endsAt,
      int capacity,
      int seatsBooked,
      int seatsAvailable,
      String status,
      int version,
      Instant createdAt,
      Instant updatedAt,
      @OpenApiNullable RatingResponse rating) {
    static EventResponse of(Event e, RatingSummary rating) {
      return new EventResponse(
          e.id(),
          e.title(),
          e.description(),
          e.venue(),
          e.startsAt(),
          e.endsAt(),
          e.capacity(),
          e.seatsBooked(),
          e.seatsAvailable(),
          e.status().name(),
          e.version(),
          e.createdAt(),
          e.updatedAt(),
          rating == null ? null : RatingResponse.of(rating));
    }

    static EventResponse of(Event e) {
      return of(e, null);
    }
  }

  /** Average score (one decimal) and number of ratings. */
  record RatingResponse(double average, int count) {
    static RatingResponse of(RatingSummary rating) {
      return new RatingResponse(rating.average(), rating.count());
    }
  }

  /** A page of events. */
  record EventPage(List<EventResponse> items, @OpenApiNullable String nextCursor) {}

  /** A booking request. */
  record BookRequest(@OpenApiExample("2") Integer quantity) {}

  /** A booking. */
  record BookingResponse(
      UUID id,
      UUID eventId,
      UUID userId,
      int quantity,
      String status,
      Instant createdAt,
      @OpenApiNullable Instant cancelledAt) {
    static BookingResponse of(Booking b) {
      return new BookingResponse(
          b.id(),
          b.eventId(),
          b.userId(),
          b.quantity(),
          b.status().name(),
          b.createdAt(),
          b.cancelledAt().orElse(null));
    }
  }

  /** A page of bookings. */
  record BookingPage(List<BookingResponse> items, @OpenApiNullable String nextCursor) {}

  /** A rating. */
  record RatingRequest(@OpenApiExample("5") Integer score) {}

  /** A new comment. */
  record CommentRequest(@OpenApiDescription("1 to 2000 characters") String text) {}

  /** A comment; {@code text} is exactly what its author wrote. */
  record CommentResponse(
      UUID id, UUID eventId, UUID authorId, String authorName, String text, Instant createdAt) {
    static CommentResponse of(Comment c) {
      return new CommentResponse(
          c.id(), c.eventId(), c.authorId(), c.authorName(), c.text(), c.createdAt());
    }
  }

  /** A page of comments. */
  record CommentPage(List<CommentResponse> items, @OpenApiNullable String nextCursor) {}
}
