package boxoffice.app.transport;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.BookingStatus;
import boxoffice.app.service.BookCommand;
import boxoffice.app.service.BookingKey;
import boxoffice.app.service.BookingService;
import boxoffice.app.service.PageRequest;
import boxoffice.app.transport.BookingDtos.BookRequest;
import boxoffice.app.transport.BookingDtos.BookingPage;
import boxoffice.app.transport.BookingDtos.BookingResponse;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** Booking seats, reading and cancelling bookings. */
final class BookingController {
  private static final String PROBLEM = Problem.CONTENT_TYPE;
  private static final String MINE = "bookings:mine";
  private static final String OF_EVENT = "bookings:event";

  private final BookingService bookings;
  private final JsonBody body;
  private final Paging paging;

  @Inject
  BookingController(BookingService bookings, JsonBody body, Paging paging) {
    this.bookings = bookings;
    this.body = body;
    this.paging = paging;
  }

  @OpenApi(
      path = "/api/v1/events/{id}/bookings",
      methods = HttpMethod.POST,
      operationId = "bookSeats",
      tags = "Bookings",
      summary = "Book seats of a published event that has not started",
      description =
          "With an `Idempotency-Key` (1..255 visible ASCII characters), repeating the same request"
              + " returns the original booking (201 again) without booking twice; the same key with"
              + " a different body is 422. Keys are kept for at least 24 hours. Sold out is 409 with"
              + " `seatsAvailable`.",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      headers =
          @OpenApiParam(
              name = "Idempotency-Key",
              description =
                  "1..255 visible ASCII characters; a retry with the same key and body"
                      + " answers the original booking",
              example = "7f1c2e-checkout"),
      requestBody =
          @OpenApiRequestBody(required = true, content = @OpenApiContent(from = BookRequest.class)),
      responses = {
        @OpenApiResponse(status = "201", content = @OpenApiContent(from = BookingResponse.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "409",
            description = "sold out, not published, or started",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void book(Context ctx) {
    UUID eventId = RequestParams.id(ctx, "id", "event");
    BookRequest request = body.read(ctx, BookRequest.class);
    Optional<String> key = Optional.ofNullable(ctx.header("Idempotency-Key"));
    Booking booking =
        bookings.book(
            AuthMiddleware.principal(ctx), new BookCommand(eventId, request.quantity(), key));
    ActionLog.booked(booking);
    ctx.status(201)
        .header("Location", Router.API + "/bookings/" + booking.id())
        .json(BookingResponse.of(booking));
  }

  @OpenApi(
      path = "/api/v1/bookings",
      methods = HttpMethod.GET,
      operationId = "listMyBookings",
      tags = "Bookings",
      summary = "The caller's bookings, newest first",
      security = @OpenApiSecurity(name = "bearerAuth"),
      queryParams = {
        @OpenApiParam(
            name = "status",
            type = BookingStatus.class,
            description = "CONFIRMED or CANCELLED"),
        @OpenApiParam(name = "limit", type = Integer.class, description = "1..100, default 20"),
        @OpenApiParam(name = "cursor", description = "nextCursor of the previous page")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = BookingPage.class)),
        @OpenApiResponse(
            status = "400",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void listMine(Context ctx) {
    Optional<BookingStatus> status = RequestParams.enumValue(ctx, "status", BookingStatus.class);
    var page = bookings.listMine(AuthMiddleware.principal(ctx), status, pageRequest(ctx, MINE));
    ctx.json(response(page, MINE));
  }

  @OpenApi(
      path = "/api/v1/bookings/{id}",
      methods = HttpMethod.GET,
      operationId = "getBooking",
      tags = "Bookings",
      summary = "One booking (its owner or an administrator; anyone else gets 404)",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = BookingResponse.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void get(Context ctx) {
    Booking booking =
        bookings.get(AuthMiddleware.principal(ctx), RequestParams.id(ctx, "id", "booking"));
    ctx.json(BookingResponse.of(booking));
  }

  @OpenApi(
      path = "/api/v1/bookings/{id}/cancel",
      methods = HttpMethod.POST,
      operationId = "cancelBooking",
      tags = "Bookings",
      summary = "Cancel a booking before the event starts; cancelling twice is a no-op",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = BookingResponse.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "409",
            description = "the event has started",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void cancel(Context ctx) {
    Booking booking =
        bookings.cancel(AuthMiddleware.principal(ctx), RequestParams.id(ctx, "id", "booking"));
    ActionLog.cancelled(booking);
    ctx.json(BookingResponse.of(booking));
  }

  @OpenApi(
      path = "/api/v1/events/{id}/bookings",
      methods = HttpMethod.GET,
      operationId = "listEventBookings",
      tags = "Bookings",
      summary = "All bookings of an event, newest first (administrators)",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      queryParams = {
        @OpenApiParam(name = "limit", type = Integer.class, description = "1..100, default 20"),
        @OpenApiParam(name = "cursor", description = "nextCursor of the previous page")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = BookingPage.class)),
        @OpenApiResponse(
            status = "403",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void listOfEvent(Context ctx) {
    UUID eventId = RequestParams.id(ctx, "id", "event");
    var page =
        bookings.listOfEvent(AuthMiddleware.principal(ctx), eventId, pageRequest(ctx, OF_EVENT));
    ctx.json(response(page, OF_EVENT));
  }

  private PageRequest<BookingKey> pageRequest(Context ctx, String list) {
    return paging.createdAtRequest(ctx, list, BookingKey::new);
  }

  private PageResponse<BookingResponse> response(
      boxoffice.app.service.Page<Booking> page, String list) {
    return paging.createdAtResponse(
        page.map(BookingResponse::of), list, BookingResponse::createdAt, BookingResponse::id);
  }
}
