package boxoffice.app.transport;

import boxoffice.app.domain.CheckIn;
import boxoffice.app.domain.CheckInSummary;
import boxoffice.app.domain.Ticket;
import boxoffice.app.domain.TicketStatus;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of tickets and the door. */
final class TicketDtos {
  private TicketDtos() {}

  /** A ticket, with the code its holder shows at the door. */
  record TicketResponse(
      UUID id,
      UUID bookingId,
      UUID eventId,
      @OpenApiDescription("What the QR code holds; a secret of the holder: never share it")
          @OpenApiExample("3f2a9c0d41b7e85a6c1d0e9f2b3a4c5d")
          String code,
      @OpenApiDescription("VALID, USED (checked in) or VOID (cancelled)")
          @OpenApiPropertyType(definedBy = TicketStatus.class)
          String status,
      @OpenApiNullable Instant checkedInAt) {
    static TicketResponse of(Ticket t) {
      return new TicketResponse(
          t.id(),
          t.bookingId(),
          t.eventId(),
          t.code(),
          t.status().name(),
          t.checkedInAt().orElse(null));
    }
  }

  /** The tickets of a booking. */
  record TicketList(List<TicketResponse> items) {}

  /** A code scanned at the door. */
  record CheckInRequest(
      @OpenApiRequired @OpenApiExample("3f2a9c0d41b7e85a6c1d0e9f2b3a4c5d") String code) {}

  /** A ticket admitted. */
  record CheckInResponse(UUID ticketId, UUID bookingId, UUID eventId, Instant checkedInAt) {
    static CheckInResponse of(CheckIn c) {
      return new CheckInResponse(c.ticketId(), c.bookingId(), c.eventId(), c.checkedInAt());
    }
  }

  /** The door's counts. */
  record SummaryResponse(
      @OpenApiDescription("Tickets that admit someone: VALID and USED") int tickets,
      @OpenApiDescription("Tickets already checked in (USED)") int checkedIn) {
    static SummaryResponse of(CheckInSummary s) {
      return new SummaryResponse(s.tickets(), s.checkedIn());
    }
  }
}
