package boxoffice.app.transport;

import boxoffice.app.domain.WaitlistEntry;
import boxoffice.app.service.BookingKey;
import boxoffice.app.service.PageRequest;
import boxoffice.app.service.WaitlistService;
import boxoffice.app.transport.WaitlistDtos.EntryResponse;
import boxoffice.app.transport.WaitlistDtos.JoinRequest;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Joining, reading and leaving waiting lists. */
final class WaitlistController {
  private static final String PROBLEM = Problem.CONTENT_TYPE;
  private static final String MINE = "waitlist:mine";
  private static final String OF_EVENT = "waitlist:event";

  private final WaitlistService waitlist;
  private final JsonBody body;
  private final Paging paging;
  private final Clock clock;

  @Inject
  WaitlistController(WaitlistService waitlist, JsonBody body, Paging paging, Clock clock) {
    this.waitlist = waitlist;
    this.body = body;
    this.paging = paging;
    this.clock = clock;
  }

  @OpenApi(
      path = "/api/v1/events/{id}/waitlist",
      methods = HttpMethod.POST,
      operationId = "joinWaitlist",
      tags = "Waiting list",
      summary = "Join a sold-out event's waiting list",
      description =
          "Only when fewer than `quantity` seats are available (else 409 `SEATS_AVAILABLE`: book"
              + " instead); one entry in line per user and event (409 `ALREADY_WAITING`). Entries"
              + " are served in join order: when seats free up, each entry whose whole quantity"
              + " fits gets an offer, a hold for all its seats until `offerExpiresAt`, and an"
              + " email; an entry that does not fit is skipped but keeps its place. An offer that"
              + " lapses passes its seats on; the user is not put back in line.",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      requestBody =
          @OpenApiRequestBody(required = true, content = @OpenApiContent(from = JoinRequest.class)),
      responses = {
        @OpenApiResponse(status = "201", content = @OpenApiContent(from = EntryResponse.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "409",
            description = "SEATS_AVAILABLE, ALREADY_WAITING, LIMIT_REACHED or EVENT_NOT_BOOKABLE",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void join(Context ctx) {
    UUID eventId = RequestParams.id(ctx, "id", "event");
    JoinRequest request = body.read(ctx, JoinRequest.class);
    WaitlistEntry entry = waitlist.join(AuthMiddleware.principal(ctx), eventId, request.quantity());
    ActionLog.joinedWaitlist(entry);
    ctx.status(201)
        .header("Location", Router.API + "/waitlist/" + entry.id())
        .json(EntryResponse.of(entry, clock.instant()));
  }

  @OpenApi(
      path = "/api/v1/waitlist",
      methods = HttpMethod.GET,
      operationId = "listMyWaitlistEntries",
      tags = "Waiting list",
      summary = "The caller's waiting-list entries, newest first",
      security = @OpenApiSecurity(name = "bearerAuth"),
      queryParams = {
        @OpenApiParam(name = "limit", type = Integer.class, description = "1..100, default 20"),
        @OpenApiParam(name = "cursor", description = "nextCursor of the previous page")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = EntryPage.class)),
        @OpenApiResponse(
            status = "400",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void listMine(Context ctx) {
    PageRequest<BookingKey> request = paging.createdAtRequest(ctx, MINE, BookingKey::new);
    var page = waitlist.listMine(AuthMiddleware.principal(ctx), request);
    Instant now = clock.instant();
    ctx.json(
        paging.createdAtResponse(
            page.map(e -> EntryResponse.of(e, now)),
            MINE,
            EntryResponse::createdAt,
            EntryResponse::id));
  }

  @OpenApi(
      path = "/api/v1/waitlist/{id}",
      methods = HttpMethod.DELETE,
      operationId = "leaveWaitlist",
      tags = "Waiting list",
      summary = "Leave the waiting list (an offered hold is released at once)",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      responses = {
        @OpenApiResponse(status = "204"),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void leave(Context ctx) {
    UUID id = RequestParams.id(ctx, "id", "waiting-list entry");
    waitlist.leave(AuthMiddleware.principal(ctx), id);
    ActionLog.leftWaitlist(id);
    ctx.status(204);
  }

  @OpenApi(
      path = "/api/v1/events/{id}/waitlist",
      methods = HttpMethod.GET,
      operationId = "listEventWaitlist",
      tags = "Waiting list",
      summary = "An event's waiting list in queue order (administrators)",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      queryParams = {
        @OpenApiParam(name = "limit", type = Integer.class, description = "1..100, default 20"),
        @OpenApiParam(name = "cursor", description = "nextCursor of the previous page")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = EntryPage.class)),
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
  void listOfEvent(Context ctx) {
    UUID eventId = RequestParams.id(ctx, "id", "event");
    PageRequest<Long> request =
        paging.request(ctx, OF_EVENT + ":" + eventId, 1, p -> Long.parseLong(p.get(0)));
    var page = waitlist.listOfEvent(AuthMiddleware.principal(ctx), eventId, request);
    Instant now = clock.instant();
    PageResponse<WaitlistEntry> entries =
        paging.response(page, OF_EVENT + ":" + eventId, e -> List.of(Long.toString(e.order())));
    ctx.json(
        new PageResponse<>(
            entries.items().stream().map(e -> EntryResponse.of(e, now)).toList(),
            entries.nextCursor()));
  }

  /** A page of entries. */
  record EntryPage(List<EntryResponse> items, @OpenApiNullable String nextCursor) {}
}
