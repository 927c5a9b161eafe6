package boxoffice.app.transport;

import boxoffice.app.service.UserKey;
import boxoffice.app.service.UserService;
import boxoffice.app.transport.AuthDtos.UserPage;
import boxoffice.app.transport.AuthDtos.UserResponse;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import jakarta.inject.Inject;

/** The caller's own account and the administrators' list of accounts. */
final class UserController {
  private static final String PROBLEM = Problem.CONTENT_TYPE;
  private static final String USERS_LIST = "users";

  private final UserService users;
  private final Paging paging;

  @Inject
  UserController(UserService users, Paging paging) {
    this.users = users;
    this.paging = paging;
  }

  @OpenApi(
      path = "/api/v1/users/me",
      methods = HttpMethod.GET,
      tags = "Users",
      summary = "The signed-in account",
      security = @OpenApiSecurity(name = "bearerAuth"),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = UserResponse.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void me(Context ctx) {
    ctx.json(UserResponse.of(users.me(AuthMiddleware.principal(ctx))));
  }

  @OpenApi(
      path = "/api/v1/admin/users",
      methods = HttpMethod.GET,
      tags = "Admin",
      summary = "All accounts, oldest first (administrators only)",
      security = @OpenApiSecurity(name = "bearerAuth"),
      queryParams = {
        @OpenApiParam(name = "limit", type = Integer.class, description = "1..100, default 20"),
        @OpenApiParam(name = "cursor", description = "nextCursor of the previous page")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = UserPage.class)),
        @OpenApiResponse(
            status = "400",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "403",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void list(Context ctx) {
    var request = paging.createdAtRequest(ctx, USERS_LIST, UserKey::new);
    var page = users.list(AuthMiddleware.principal(ctx), request);
    ctx.json(
        paging.createdAtResponse(
            page.map(UserResponse::of), USERS_LIST, UserResponse::createdAt, UserResponse::id));
  }
}
