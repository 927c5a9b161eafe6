package boxoffice.app.transport;

import boxoffice.app.domain.CheckIn;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.Ticket;
import boxoffice.app.domain.ValidationException;
import boxoffice.app.service.TicketService;
import boxoffice.app.transport.TicketDtos.CheckInRequest;
import boxoffice.app.transport.TicketDtos.CheckInResponse;
import boxoffice.app.transport.TicketDtos.SummaryResponse;
import boxoffice.app.transport.TicketDtos.TicketList;
import boxoffice.app.transport.TicketDtos.TicketResponse;
import boxoffice.platform.qr.QrCodes;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import jakarta.inject.Inject;
import java.util.UUID;

/** A holder's tickets and their QR codes, cancelling one seat, and check-in at the door. */
final class TicketController {
  private static final String PROBLEM = Problem.CONTENT_TYPE;

  /** Longer than any code: anything longer is refused before it reaches the database. */
  private static final int MAX_CODE_LENGTH = 64;

  private final TicketService tickets;
  private final JsonBody body;

  @Inject
  TicketController(TicketService tickets, JsonBody body) {
    this.tickets = tickets;
    this.body = body;
  }

  @OpenApi(
      path = "/api/v1/bookings/{id}/tickets",
      methods = HttpMethod.GET,
      operationId = "listBookingTickets",
      tags = "Tickets",
      summary = "The tickets of a booking, with their codes (its owner or an administrator)",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = TicketList.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void ofBooking(Context ctx) {
    UUID bookingId = RequestParams.id(ctx, "id", "booking");
    var items =
        tickets.ofBooking(AuthMiddleware.principal(ctx), bookingId).stream()
            .map(TicketResponse::of)
            .toList();
    // Codes are secrets: no shared cache may keep them.
    ctx.header("Cache-Control", "private, no-store").json(new TicketList(items));
  }

  @OpenApi(
      path = "/api/v1/tickets/{id}/qr",
      methods = HttpMethod.GET,
      operationId = "getTicketQrCode",
      tags = "Tickets",
      summary = "A PNG QR code of the ticket's code, to show at the door",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      responses = {
        @OpenApiResponse(
            status = "200",
            content = @OpenApiContent(type = "string", format = "binary", mimeType = "image/png")),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void qr(Context ctx) {
    Ticket ticket =
        tickets.get(AuthMiddleware.principal(ctx), RequestParams.id(ctx, "id", "ticket"));
    ctx.header("Cache-Control", "private, no-store").result(QrCodes.png(ticket.code()));
    ctx.res().setCharacterEncoding(null); // an image has no charset (Jetty would append UTF-8)
    ctx.contentType("image/png");
  }

  @OpenApi(
      path = "/api/v1/tickets/{id}/cancel",
      methods = HttpMethod.POST,
      operationId = "cancelTicket",
      tags = "Tickets",
      summary = "Cancel one ticket and free its seat, until the event starts",
      description =
          "The booking's quantity counts its tickets that are not VOID; cancelling its last ticket"
              + " cancels the booking. Cancelling a VOID ticket again is a no-op. A checked-in"
              + " ticket is refused (409 TICKET_USED): undo the check-in first.",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = TicketResponse.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "409",
            description = "CANCELLATION_CLOSED (the event has started) or TICKET_USED",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void cancel(Context ctx) {
    Ticket ticket =
        tickets.cancel(AuthMiddleware.principal(ctx), RequestParams.id(ctx, "id", "ticket"));
    ActionLog.ticketCancelled(ticket);
    ctx.json(TicketResponse.of(ticket));
  }

  @OpenApi(
      path = "/api/v1/events/{id}/check-ins",
      methods = HttpMethod.POST,
      operationId = "checkIn",
      tags = "Check-in",
      summary = "Check a ticket in at the door by its code (door staff or administrators)",
      description =
          "Open from `check-in.opens-before` (default 6 h) before the start until the event ends."
              + " Two scanners presenting one code at the same moment get exactly one 200.",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      requestBody =
          @OpenApiRequestBody(
              required = true,
              content = @OpenApiContent(from = CheckInRequest.class)),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = CheckInResponse.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "403",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            description = "TICKET_NOT_FOUND: unknown code, or a code of another event",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "409",
            description =
                "ALREADY_CHECKED_IN (with the first checkedInAt), TICKET_VOID or CHECK_IN_CLOSED",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void checkIn(Context ctx) {
    UUID eventId = RequestParams.id(ctx, "id", "event");
    String code = codeOf(body.read(ctx, CheckInRequest.class));
    CheckIn checkIn = tickets.checkIn(AuthMiddleware.principal(ctx), eventId, code);
    ActionLog.checkedIn(checkIn);
    ctx.json(CheckInResponse.of(checkIn));
  }

  @OpenApi(
      path = "/api/v1/events/{id}/check-ins/{ticketId}",
      methods = HttpMethod.DELETE,
      operationId = "undoCheckIn",
      tags = "Check-in",
      summary = "Undo a check-in, e.g. a mistaken scan (door staff or administrators)",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = {
        @OpenApiParam(name = "id", type = UUID.class, required = true),
        @OpenApiParam(name = "ticketId", type = UUID.class, required = true)
      },
      responses = {
        @OpenApiResponse(status = "204"),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "403",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            description = "TICKET_NOT_FOUND",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "409",
            description = "TICKET_VOID or CHECK_IN_CLOSED",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void undoCheckIn(Context ctx) {
    UUID eventId = RequestParams.id(ctx, "id", "event");
    UUID ticketId = RequestParams.id(ctx, "ticketId", "ticket");
    tickets.undoCheckIn(AuthMiddleware.principal(ctx), eventId, ticketId);
    ActionLog.checkInUndone(eventId, ticketId);
    ctx.status(204);
  }

  @OpenApi(
      path = "/api/v1/events/{id}/check-ins/summary",
      methods = HttpMethod.GET,
      operationId = "getCheckInSummary",
      tags = "Check-in",
      summary = "How many tickets admit someone, and how many are checked in",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = SummaryResponse.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "403",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void summary(Context ctx) {
    Principal staff = AuthMiddleware.principal(ctx);
    ctx.json(SummaryResponse.of(tickets.summary(staff, RequestParams.id(ctx, "id", "event"))));
  }

  /** The code as sent; its value never appears in an answer, a log line or a span. */
  private static String codeOf(CheckInRequest request) {
    String code = request.code();
    if (code == null || code.isBlank()) {
      throw ValidationException.of("code", "must not be blank");
    }
    if (code.length() > MAX_CODE_LENGTH) {
      throw ValidationException.of("code", "must be at most " + MAX_CODE_LENGTH + " characters");
    }
    return code.strip();
  }
}
