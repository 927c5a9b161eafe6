package boxoffice.app.transport;

import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.RatingSummary;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of events. */
final class EventDtos {
  private EventDtos() {}

  /** A new event. */
  record CreateEventRequest(
      @OpenApiRequired @OpenApiExample("Jazz Night") String title,
      String description,
      @OpenApiRequired @OpenApiExample("Blue Note, Berlin") String venue,
      @OpenApiRequired @OpenApiExample("2027-03-01T19:00:00Z") Instant startsAt,
      @OpenApiRequired @OpenApiExample("2027-03-01T22:00:00Z") Instant endsAt,
      @OpenApiRequired @OpenApiExample("120") Integer capacity,
      @OpenApiDescription("1..100 tickets one user may hold; default from configuration (10)")
          @OpenApiExample("4")
          Integer maxTicketsPerUser,
      @OpenApiDescription(
              "IANA time zone the event's times are shown in (emails); default from configuration")
          @OpenApiExample("Europe/Berlin")
          String timeZone,
      @OpenApiDescription("DRAFT (default) or PUBLISHED")
          @OpenApiPropertyType(definedBy = InitialStatus.class)
          String status) {}

  /** The statuses an event may be created in. */
  enum InitialStatus {
    DRAFT,
    PUBLISHED
  }

  /** A partial update: fields left out (or null) keep their value. */
  record PatchEventRequest(
      String title,
      String description,
      String venue,
      Instant startsAt,
      Instant endsAt,
      Integer capacity,
      Integer maxTicketsPerUser,
      String timeZone) {}

  /** A status change. */
  record StatusRequest(
      @OpenApiRequired
          @OpenApiPropertyType(definedBy = EventStatus.class)
          @OpenApiExample("PUBLISHED")
          String status) {}

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
      int maxTicketsPerUser,
      String timeZone,
      @OpenApiPropertyType(definedBy = EventStatus.class) String status,
      int version,
      Instant createdAt,
      Instant updatedAt,
      @OpenApiNullable RatingResponse rating) {
    static EventResponse of(Event e, RatingSummary rating, Instant now) {
      return new EventResponse(
          e.id(),
          e.title(),
          e.description(),
          e.venue(),
          e.startsAt(),
          e.endsAt(),
          e.capacity(),
          e.seatsBooked(),
          e.seatsAvailable(now),
          e.maxTicketsPerUser(),
          e.timeZone(),
          e.status().name(),
          e.version(),
          e.createdAt(),
          e.updatedAt(),
          rating == null ? null : RatingResponse.of(rating));
    }

    static EventResponse of(Event e, Instant now) {
      return of(e, null, now);
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
}
