package boxoffice.app.transport;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.BookingStatus;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of bookings. */
final class BookingDtos {
  private BookingDtos() {}

  /** A booking request. */
  record BookRequest(@OpenApiRequired @OpenApiExample("2") Integer quantity) {}

  /** A booking. */
  record BookingResponse(
      UUID id,
      UUID eventId,
      UUID userId,
      int quantity,
      @OpenApiPropertyType(definedBy = BookingStatus.class) String status,
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
}
