package boxoffice.app.transport;

import boxoffice.app.domain.Booking;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of bookings. */
final class BookingDtos {
  private BookingDtos() {}

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
}
