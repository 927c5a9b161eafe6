package boxoffice.app.transport;

import boxoffice.app.domain.Hold;
import boxoffice.app.service.HoldCommand;
import boxoffice.app.service.HoldService;
import boxoffice.app.transport.BookingDtos.BookingResponse;
import boxoffice.app.transport.HoldDtos.HoldRequest;
import boxoffice.app.transport.HoldDtos.HoldResponse;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Holding seats until a deadline, confirming them as a booking, releasing them. */
final class HoldController {
  private static final String PROBLEM = Problem.CONTENT_TYPE;

  private final HoldService holds;
  private final JsonBody body;
  private final Clock clock;

  @Inject
  HoldController(HoldService holds, JsonBody body, Clock clock) {
    this.holds = holds;
    this.body = body;
    this.clock = clock;
  }

  @OpenApi(
      path = "/api/v1/events/{id}/holds",
      methods = HttpMethod.POST,
      operationId = "holdSeats",
      tags = "Holds",
      summary = "Hold seats of a published event until expiresAt, then confirm or release them",
      description =
          "The seats count as taken (and towards the caller's maxTicketsPerUser) until `expiresAt`"
              + " (configured hold time, never past the event's start), and are free again the"
              + " instant it passes. An `Idempotency-Key` works as for bookings. 409 codes:"
              + " `SOLD_OUT` (with `seatsAvailable`), `LIMIT_REACHED` (with `remaining`),"
              + " `EVENT_NOT_BOOKABLE`.",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      headers =
          @OpenApiParam(
              name = "Idempotency-Key",
              description =
                  "1..255 visible ASCII characters; a retry with the same key and body"
                      + " answers the original hold",
              example = "7f1c2e-hold"),
      requestBody =
          @OpenApiRequestBody(required = true, content = @OpenApiContent(from = HoldRequest.class)),
      responses = {
        @OpenApiResponse(status = "201", content = @OpenApiContent(from = HoldResponse.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "409",
            description = "SOLD_OUT, LIMIT_REACHED or EVENT_NOT_BOOKABLE",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void hold(Context ctx) {
    UUID eventId = RequestParams.id(ctx, "id", "event");
    HoldRequest request = body.read(ctx, HoldRequest.class);
    Optional<String> key = Optional.ofNullable(ctx.header("Idempotency-Key"));
    Hold hold =
        holds.hold(
            AuthMiddleware.principal(ctx), new HoldCommand(eventId, request.quantity(), key));
    ActionLog.held(hold);
    ctx.status(201)
        .header("Location", Router.API + "/holds/" + hold.id())
        .json(HoldResponse.of(hold, clock.instant()));
  }

  @OpenApi(
      path = "/api/v1/holds/{id}",
      methods = HttpMethod.GET,
      operationId = "getHold",
      tags = "Holds",
      summary = "One hold (its owner or an administrator; anyone else gets 404)",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = HoldResponse.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void get(Context ctx) {
    Hold hold = holds.get(AuthMiddleware.principal(ctx), RequestParams.id(ctx, "id", "hold"));
    ctx.json(HoldResponse.of(hold, clock.instant()));
  }

  @OpenApi(
      path = "/api/v1/holds/{id}/confirm",
      methods = HttpMethod.POST,
      operationId = "confirmHold",
      tags = "Holds",
      summary = "Confirm the caller's hold as a booking with its tickets",
      description =
          "201 with the new booking; confirming again answers 200 with the same booking. After"
              + " `expiresAt`: 409 `HOLD_EXPIRED`; a released hold: 409 `HOLD_RELEASED`; an event"
              + " no longer bookable: 409 `EVENT_NOT_BOOKABLE`.",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      responses = {
        @OpenApiResponse(status = "201", content = @OpenApiContent(from = BookingResponse.class)),
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = BookingResponse.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "409",
            description = "HOLD_EXPIRED, HOLD_RELEASED or EVENT_NOT_BOOKABLE",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void confirm(Context ctx) {
    HoldService.Confirmation confirmation =
        holds.confirm(AuthMiddleware.principal(ctx), RequestParams.id(ctx, "id", "hold"));
    if (confirmation.created()) {
      ActionLog.booked(confirmation.booking());
      ctx.status(201).header("Location", Router.API + "/bookings/" + confirmation.booking().id());
    }
    ctx.json(BookingResponse.of(confirmation.booking()));
  }

  @OpenApi(
      path = "/api/v1/holds/{id}",
      methods = HttpMethod.DELETE,
      operationId = "releaseHold",
      tags = "Holds",
      summary = "Release a hold: its seats are free at once",
      description =
          "204, also for a hold that has already expired or been released. A confirmed hold is 409"
              + " `HOLD_CONFIRMED`: cancel its booking instead.",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      responses = {
        @OpenApiResponse(status = "204"),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "409",
            description = "HOLD_CONFIRMED",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void release(Context ctx) {
    UUID id = RequestParams.id(ctx, "id", "hold");
    holds.release(AuthMiddleware.principal(ctx), id);
    ActionLog.holdReleased(id);
    ctx.status(204);
  }
}
