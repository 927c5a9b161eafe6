package boxoffice.app.transport;

import boxoffice.app.domain.Role;
import boxoffice.app.domain.ValidationException;
import boxoffice.app.service.RoleChange;
import boxoffice.app.service.RoleService;
import boxoffice.app.service.UserKey;
import boxoffice.app.service.UserService;
import boxoffice.app.transport.AuthDtos.RoleRequest;
import boxoffice.app.transport.AuthDtos.UserPage;
import boxoffice.app.transport.AuthDtos.UserResponse;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** The caller's own account, and the administrators' list of accounts and their roles. */
final class UserController {
  private static final String PROBLEM = Problem.CONTENT_TYPE;
  private static final String USERS_LIST = "users";

  private static final String ROLES =
      Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "));

  private final UserService users;
  private final RoleService roles;
  private final Paging paging;
  private final JsonBody body;

  @Inject
  UserController(UserService users, RoleService roles, Paging paging, JsonBody body) {
    this.users = users;
    this.roles = roles;
    this.paging = paging;
    this.body = body;
  }

  @OpenApi(
      path = "/api/v1/users/me",
      methods = HttpMethod.GET,
      operationId = "getMe",
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
      operationId = "listUsers",
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

  @OpenApi(
      path = "/api/v1/admin/users/{id}/role",
      methods = HttpMethod.PUT,
      operationId = "changeUserRole",
      tags = "Admin",
      summary = "Give an account a role (administrators only)",
      description =
          "USER, STAFF (may check tickets in at the door, nothing else beyond a user) or ADMIN."
              + " A change ends the account's sessions: its refresh tokens at once, its access"
              + " tokens within about a second on every instance; it signs in again to get the"
              + " new role. Asking for the role the account has changes nothing (200). Leaving"
              + " no administrator is 409 with code LAST_ADMIN.",
      security = @OpenApiSecurity(name = "bearerAuth"),
      pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
      requestBody =
          @OpenApiRequestBody(required = true, content = @OpenApiContent(from = RoleRequest.class)),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = UserResponse.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "403",
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
  void changeRole(Context ctx) {
    UUID id = RequestParams.id(ctx, "id", "account");
    Role role = parseRole(body.read(ctx, RoleRequest.class).role());
    RoleChange change = roles.assign(AuthMiddleware.principal(ctx), id, role);
    if (change.changed()) {
      ActionLog.roleChanged(id, change.oldRole(), role);
    }
    ctx.json(UserResponse.of(change.user()));
  }

  private static Role parseRole(String role) {
    if (role == null) {
      throw ValidationException.of("role", "is required");
    }
    try {
      return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("role", "must be one of " + ROLES);
    }
  }
}
