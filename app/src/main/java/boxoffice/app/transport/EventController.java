package boxoffice.app.transport;

import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventDetails;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.RatingSummary;
import boxoffice.app.domain.ValidationException;
import boxoffice.app.service.CreateEventCommand;
import boxoffice.app.service.EventKey;
import boxoffice.app.service.EventPatch;
import boxoffice.app.service.EventQuery;
import boxoffice.app.service.EventService;
import boxoffice.app.service.EventSort;
import boxoffice.app.service.EventView;
import boxoffice.app.transport.EventDtos.CreateEventRequest;
import boxoffice.app.transport.EventDtos.EventPage;
import boxoffice.app.transport.EventDtos.EventResponse;
import boxoffice.app.transport.EventDtos.PatchEventRequest;
import boxoffice.app.transport.EventDtos.StatusRequest;
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
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Event discovery for everyone and event management for administrators. */
final class EventController {
  private static final String PROBLEM = Problem.CONTENT_TYPE;
  private static final String IF_MATCH =
      "the event's ETag or \"<version>\": the write is refused with 412 if the event's version"
          + " is no longer that one";

  private final EventService events;
  private final JsonBody body;
  private final Paging paging;
  private final RenderedEventPages pages;

  /** Held seats count until their deadline: seats available are told as of the response. */
  private final Clock clock;

  @Inject
  EventController(
      EventService events, JsonBody body, Paging paging, RenderedEventPages pages, Clock clock) {
    this.events = events;
    this.pages = pages;
    this.clock = clock;
    this.body = body;
    this.paging = paging;
  }

  @OpenApi(
      path = "/api/v1/events",
      methods = HttpMethod.GET,
      operationId = "searchEvents",
      tags = "Events",
      summary = "Search events",
      description =
          "Anonymous callers and users see every status but DRAFT; administrators see all."
              + " `q` matches every word (as a prefix) in title or description, case-insensitively."
              + " `from` is inclusive and `to` exclusive on the start time. Keyset-paged.",
      queryParams = {
        @OpenApiParam(name = "q", description = "words to find in title or description"),
        @OpenApiParam(
            name = "status",
            type = EventStatus.class,
            description = "DRAFT (administrators only), PUBLISHED, CANCELLED or COMPLETED"),
        @OpenApiParam(
            name = "from",
            type = Instant.class,
            description = "RFC 3339; events starting at or after"),
        @OpenApiParam(
            name = "to",
            type = Instant.class,
            description = "RFC 3339; events starting before"),
        @OpenApiParam(name = "venue", description = "exact venue, case-insensitive"),
        @OpenApiParam(
            name = "sort",
            description = "startsAt (default), -startsAt, title, -createdAt"),
        @OpenApiParam(name = "limit", type = Integer.class, description = "1..100, default 20"),
        @OpenApiParam(name = "cursor", description = "nextCursor of the previous page")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = EventPage.class)),
        @OpenApiResponse(
            status = "400",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void search(Context ctx) {
    EventSort sort =
        RequestParams.text(ctx, "sort")
            .map(
                s ->
                    EventSort.fromParameter(s)
                        .orElseThrow(
                            () ->
                                HttpProblemException.badRequest(
                                    "Query parameter 'sort' must be startsAt, -startsAt, title or"
                                        + " -createdAt")))
            .orElse(EventSort.STARTS_AT);
    EventQuery query =
        new EventQuery(
            EventQuery.wordsOf(ctx.queryParam("q")),
            RequestParams.enumValue(ctx, "status", EventStatus.class),
            RequestParams.instant(ctx, "from"),
            RequestParams.instant(ctx, "to"),
            RequestParams.text(ctx, "venue"),
            sort,
            false);
    String list = "events:" + sort.parameter();
    var request =
        paging.request(
            ctx,
            list,
            2,
            position -> new EventKey(position.get(0), UUID.fromString(position.get(1))));
    var page = events.search(AuthMiddleware.optionalPrincipal(ctx), query, request);
    CacheHeaders.eventRead(ctx);
    ctx.json(
        paging.response(
            page.map(e -> EventResponse.of(e, clock.instant())),
            list,
            last -> List.of(sortValue(sort, last), last.id().toString())));
  }

  private static String sortValue(EventSort sort, EventResponse event) {
    return switch (sort) {
      case STARTS_AT, STARTS_AT_DESC -> event.startsAt().toString();
      case TITLE -> event.title();
      case CREATED_AT_DESC -> event.createdAt().toString();
    };
  }

  @OpenApi(
      path = "/api/v1/events/{id}",
      methods = HttpMethod.GET,
      operationId = "getEvent",
      tags = "Events",
      summary = "One event with seats available and its rating",
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      responses = {
        @OpenApiResponse(
            status = "200",
            content = @OpenApiContent(from = EventResponse.class),
            headers =
                @OpenApiParam(
                    name = "ETag",
                    description =
                        "\"<version>-<seatsBooked>-<seatsAvailable>-<ratings>-<average>\": changes whenever the"
                            + " event as shown changes. Send it in If-None-Match for a 304, or"
                            + " in If-Match on PATCH, PUT status and DELETE (which compare its"
                            + " version)")),
        @OpenApiResponse(status = "304", description = "If-None-Match holds the current ETag"),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void get(Context ctx) {
    EventView view =
        events.get(AuthMiddleware.optionalPrincipal(ctx), RequestParams.id(ctx, "id", "event"));
    CacheHeaders.eventRead(ctx);
    Instant now = clock.instant();
    String etag = etag(view, now);
    // The default content type (JSON in UTF-8) applies.
    ctx.header("ETag", etag);
    SmallJsonBody.send(ctx, etag, pages.json(EventResponse.of(view.event(), view.rating(), now)));
  }

  @OpenApi(
      path = "/api/v1/events",
      methods = HttpMethod.POST,
      operationId = "createEvent",
      tags = "Events",
      summary = "Create an event (administrators)",
      security = @OpenApiSecurity(name = "bearerAuth"),
      requestBody =
          @OpenApiRequestBody(
              required = true,
              content = @OpenApiContent(from = CreateEventRequest.class)),
      responses = {
        @OpenApiResponse(
            status = "201",
            content = @OpenApiContent(from = EventResponse.class),
            headers = @OpenApiParam(name = "Location")),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "403",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void create(Context ctx) {
    CreateEventRequest request = body.read(ctx, CreateEventRequest.class);
    EventStatus status = parseStatus(request.status()).orElse(EventStatus.DRAFT);
    var details =
        new EventDetails(
            request.title(),
            request.description(),
            request.venue(),
            request.startsAt(),
            request.endsAt(),
            request.capacity(),
            request.maxTicketsPerUser(),
            request.timeZone());
    Event event =
        events.create(AuthMiddleware.principal(ctx), new CreateEventCommand(details, status));
    ActionLog.eventChanged("event.created", event.id());
    ctx.status(201)
        .header("Location", Router.API + "/events/" + event.id())
        .header("ETag", etag(event, clock.instant()))
        .json(EventResponse.of(event, clock.instant()));
  }

  @OpenApi(
      path = "/api/v1/events/{id}",
      methods = HttpMethod.PATCH,
      operationId = "updateEvent",
      tags = "Events",
      summary = "Change some fields of an event (administrators)",
      description =
          "Send `If-Match` with the ETag (or `\"<version>\"`) to refuse the change (412) when the event changed since"
              + " you read it. Fields left out or null keep their value. Status changes use"
              + " PUT /events/{id}/status.",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      headers = @OpenApiParam(name = "If-Match", description = IF_MATCH),
      requestBody =
          @OpenApiRequestBody(
              required = true,
              content = @OpenApiContent(from = PatchEventRequest.class)),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = EventResponse.class)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "409",
            description = "capacity below booked seats, or a final status",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "412",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void update(Context ctx) {
    UUID id = RequestParams.id(ctx, "id", "event");
    Optional<Integer> version = RequestParams.ifMatchVersion(ctx);
    PatchEventRequest request = body.read(ctx, PatchEventRequest.class);
    var patch =
        new EventPatch(
            Optional.ofNullable(request.title()),
            Optional.ofNullable(request.description()),
            Optional.ofNullable(request.venue()),
            Optional.ofNullable(request.startsAt()),
            Optional.ofNullable(request.endsAt()),
            Optional.ofNullable(request.capacity()),
            Optional.ofNullable(request.maxTicketsPerUser()),
            Optional.ofNullable(request.timeZone()));
    Event event = events.update(AuthMiddleware.principal(ctx), id, patch, version);
    ActionLog.eventChanged("event.updated", id);
    Instant now = clock.instant();
    ctx.header("ETag", etag(event, now)).json(EventResponse.of(event, now));
  }

  @OpenApi(
      path = "/api/v1/events/{id}/status",
      methods = HttpMethod.PUT,
      operationId = "changeEventStatus",
      tags = "Events",
      summary = "Move an event through its lifecycle (administrators)",
      description =
          "DRAFT → PUBLISHED → CANCELLED or COMPLETED; PUBLISHED → DRAFT only without bookings."
              + " Cancelling cancels every confirmed booking in the same transaction. Asking for"
              + " the current status changes nothing. Any other move is 409.",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      headers = @OpenApiParam(name = "If-Match", description = IF_MATCH),
      requestBody =
          @OpenApiRequestBody(
              required = true,
              content = @OpenApiContent(from = StatusRequest.class)),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = EventResponse.class)),
        @OpenApiResponse(
            status = "412",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "409",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void changeStatus(Context ctx) {
    UUID id = RequestParams.id(ctx, "id", "event");
    RequestParams.ifMatchVersion(ctx); // a malformed If-Match is refused before the body is read
    StatusRequest request = body.read(ctx, StatusRequest.class);
    EventStatus target =
        parseStatus(request.status())
            .orElseThrow(() -> ValidationException.of("status", "is required"));
    Event event =
        events.changeStatus(
            AuthMiddleware.principal(ctx), id, target, RequestParams.ifMatchVersion(ctx));
    ActionLog.eventChanged("event." + target.name().toLowerCase(Locale.ROOT), id);
    Instant now = clock.instant();
    ctx.header("ETag", etag(event, now)).json(EventResponse.of(event, now));
  }

  @OpenApi(
      path = "/api/v1/events/{id}",
      methods = HttpMethod.DELETE,
      operationId = "deleteEvent",
      tags = "Events",
      summary = "Delete an event without confirmed bookings (administrators)",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      headers = @OpenApiParam(name = "If-Match", description = IF_MATCH),
      responses = {
        @OpenApiResponse(status = "204"),
        @OpenApiResponse(
            status = "412",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "409",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void delete(Context ctx) {
    UUID id = RequestParams.id(ctx, "id", "event");
    events.delete(AuthMiddleware.principal(ctx), id, RequestParams.ifMatchVersion(ctx));
    ActionLog.eventChanged("event.deleted", id);
    ctx.status(204);
  }

  private static Optional<EventStatus> parseStatus(String status) {
    if (status == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(EventStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(
          "status", "must be one of DRAFT, PUBLISHED, CANCELLED, COMPLETED");
    }
  }

  /**
   * The version leads (If-Match compares it), then what changes the representation without changing
   * the version: booked seats, and on reads the rating. So a 304 never hides new seats.
   */
  private static String etag(Event event, Instant now) {
    return "\""
        + event.version()
        + "-"
        + event.seatsBooked()
        + "-"
        + event.seatsAvailable(now)
        + "\"";
  }

  private static String etag(EventView view, Instant now) {
    RatingSummary rating = view.rating();
    Event event = view.event();
    return "\""
        + event.version()
        + "-"
        + event.seatsBooked()
        + "-"
        + event.seatsAvailable(now)
        + "-"
        + rating.count()
        + "-"
        + rating.average()
        + "\"";
  }
}
