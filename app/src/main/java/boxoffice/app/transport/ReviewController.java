package boxoffice.app.transport;

import boxoffice.app.domain.Comment;
import boxoffice.app.service.CommentKey;
import boxoffice.app.service.ReviewService;
import boxoffice.app.transport.EventDtos.RatingResponse;
import boxoffice.app.transport.ReviewDtos.CommentPage;
import boxoffice.app.transport.ReviewDtos.CommentRequest;
import boxoffice.app.transport.ReviewDtos.CommentResponse;
import boxoffice.app.transport.ReviewDtos.RatingRequest;
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

/** Ratings and comments. */
final class ReviewController {
  private static final String PROBLEM = Problem.CONTENT_TYPE;
  private static final String COMMENTS = "comments";

  private final ReviewService reviews;
  private final JsonBody body;
  private final Paging paging;

  @Inject
  ReviewController(ReviewService reviews, JsonBody body, Paging paging) {
    this.reviews = reviews;
    this.body = body;
    this.paging = paging;
  }

  @OpenApi(
      path = "/api/v1/events/{id}/rating",
      methods = HttpMethod.PUT,
      operationId = "rateEvent",
      tags = "Ratings and comments",
      summary = "Rate an event 1..5 once it has started (ticket holders; PUT replaces)",
      description =
          "Only a holder of a VALID or USED ticket of the event may rate it, and only from its"
              + " start; anyone else gets 403 NOT_AN_ATTENDEE.",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      requestBody =
          @OpenApiRequestBody(
              required = true,
              content = @OpenApiContent(from = RatingRequest.class)),
      responses = {
        @OpenApiResponse(
            status = "200",
            description = "the event's rating after the change",
            content = @OpenApiContent(from = RatingResponse.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "403",
            description =
                "NOT_AN_ATTENDEE: the event has not started, or the caller holds no valid or used"
                    + " ticket of it",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void rate(Context ctx) {
    UUID eventId = RequestParams.id(ctx, "id", "event");
    RatingRequest request = body.read(ctx, RatingRequest.class);
    var rating = reviews.rate(AuthMiddleware.principal(ctx), eventId, request.score());
    ctx.json(RatingResponse.of(rating));
  }

  @OpenApi(
      path = "/api/v1/events/{id}/comments",
      methods = HttpMethod.GET,
      operationId = "listComments",
      tags = "Ratings and comments",
      summary = "Comments of an event, oldest first",
      description = "verifiedAttendee marks authors who hold a checked-in ticket of the event.",
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      queryParams = {
        @OpenApiParam(name = "limit", type = Integer.class, description = "1..100, default 20"),
        @OpenApiParam(name = "cursor", description = "nextCursor of the previous page")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = CommentPage.class)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void list(Context ctx) {
    UUID eventId = RequestParams.id(ctx, "id", "event");
    var request = paging.createdAtRequest(ctx, COMMENTS, CommentKey::new);
    var page = reviews.comments(AuthMiddleware.optionalPrincipal(ctx), eventId, request);
    ctx.json(
        paging.createdAtResponse(
            page.map(CommentResponse::of),
            COMMENTS,
            CommentResponse::createdAt,
            CommentResponse::id));
  }

  @OpenApi(
      path = "/api/v1/events/{id}/comments",
      methods = HttpMethod.POST,
      operationId = "addComment",
      tags = "Ratings and comments",
      summary = "Comment on an event (any signed-in user; no ticket needed)",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      requestBody =
          @OpenApiRequestBody(
              required = true,
              content = @OpenApiContent(from = CommentRequest.class)),
      responses = {
        @OpenApiResponse(status = "201", content = @OpenApiContent(from = CommentResponse.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void create(Context ctx) {
    UUID eventId = RequestParams.id(ctx, "id", "event");
    CommentRequest request = body.read(ctx, CommentRequest.class);
    Comment comment = reviews.comment(AuthMiddleware.principal(ctx), eventId, request.text());
    ctx.status(201)
        .header("Location", Router.API + "/comments/" + comment.id())
        .json(CommentResponse.of(comment));
  }

  @OpenApi(
      path = "/api/v1/comments/{id}",
      methods = HttpMethod.DELETE,
      operationId = "deleteComment",
      tags = "Ratings and comments",
      summary = "Delete a comment (its author or an administrator)",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      responses = {
        @OpenApiResponse(status = "204"),
        @OpenApiResponse(
            status = "403",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void delete(Context ctx) {
    reviews.deleteComment(AuthMiddleware.principal(ctx), RequestParams.id(ctx, "id", "comment"));
    ctx.status(204);
  }
}
